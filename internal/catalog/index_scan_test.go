package catalog

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/tools/txtar"
)

// fastIndex returns the spans Index.index finds from parseFast's
// messages of src, and whether the file is one spanScan must accept:
// precheck passes, it has no carriage return, parseFast reads it and no
// two of its IDs share a hash.
func fastIndex(src []byte) ([]hashedSpan, bool) {
	if precheck("locales/es.toml", src) != nil || bytes.IndexByte(src, '\r') >= 0 {
		return nil, false
	}
	msgs, ok := parseFast("locales/es.toml", src, 1)
	if !ok {
		return nil, false
	}
	var x Index
	x.index(src, msgs)
	return x.byHash, x.clash == nil
}

// checkScan checks that scanIndex accepts src if and only if parseFast
// does, and then finds the spans Index.index finds.
func checkScan(t *testing.T, name string, src []byte) {
	t.Helper()
	want, wantOK := fastIndex(src)
	x, ok, err := scanIndex(bytes.NewReader(src))
	switch {
	case err != nil:
		t.Errorf("%s: scanIndex: %v", name, err)
	case ok != wantOK:
		t.Errorf("%s: scanIndex accepts it: %v; parseFast: %v\n%q", name, ok, wantOK, src)
	case ok && x.size != int64(len(src)):
		t.Errorf("%s: scanIndex size = %d, want %d", name, x.size, len(src))
	case ok && !slices.Equal(x.byHash, want):
		t.Errorf("%s: scanIndex spans =\n%v\nwant (from parseFast's messages)\n%v", name, x.byHash, want)
	}
}

// testCatalogs returns the catalogs of the repository: those shipped,
// those of testdata folders and those of the CLI scripts, by name.
func testCatalogs(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pattern := range []string{"../../locales/*.toml", "../../testdata/*/locales/*.toml", "../*/testdata/*/locales/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = data
		}
	}
	scripts, _ := filepath.Glob("../../cmd/l10n/testdata/script/*.txt")
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".toml") && strings.Contains(f.Name, "locales/") {
				out[s+":"+f.Name] = f.Data
			}
		}
	}
	if len(out) < 10 {
		t.Fatalf("found %d catalogs under testdata; want more", len(out))
	}
	return out
}

// scanCases are small catalogs at the edges of the layout: comments at
// either end, inside a message and after a blank line, no final
// newline, escapes, id keys, and lines parseFast refuses.
var scanCases = []string{
	"",
	"# only a comment\n",
	"\n\n",
	"[a]\nother = \"x\"",
	"[a]\nother = \"x\"\n# trailing\n",
	"[a]\nother = \"x\"\n\n# trailing\n\n",
	"# file\n\n# a\n[a]\nother = \"x\"\n# b1\n# b2\n[b]\n# inside\nhash = \"h\"\n\n\nother = \"y\"\n",
	"# file\n# and a\n[a.b]\nid = \"a.b\"\n",
	"[a]\nid = \"\\u0061\"\n",
	"[a]\nid = \"b\"\n",
	"[a]\nother = \"q\\\"\\\\\\t\\n\\U0001F600\"\n",
	"[a]\nother = \"\\ud800\"\n",
	"[a]\nother = \"\\x41\"\n",
	"[a]\nother = \"x\"\nother = \"y\"\n",
	"[a]\nother = \"x\"\n[a]\nother = \"y\"\n",
	"[a]\nother = \"x\"\n[a.b]\nother = \"y\"\n",
	"[a.b]\nother = \"y\"\n[a]\nother = \"x\"\n",
	"[a]\n[b]\nother = \"x\"\n",
	"[a]\nother = \"x\"\n[b]\n",
	"other = \"x\"\n[a]\nother = \"x\"\n",
	"[a]\nothr = \"x\"\n",
	"[a]\nother = 'x'\n",
	"[a]\nother = \"x\" # c\n",
	"[a]\r\nother = \"x\"\r\n",
	"\xef\xbb\xbf[a]\nother = \"x\"\n",
	"[a]\nother = \"\xff\"\n",
	"#\x01\n[a]\nother = \"x\"\n",
	"[\"a b\"]\nother = \"x\"\n",
	"[ a ]\nother = \"x\"\n",
	"[a]\n other = \"x\"\n",
	"[a]\nother = \"tab\there\"\n",
	"[a]\nother = \"\"\n",
}

// TestScanFindsParseFastSpans checks scanIndex against parseFast and
// Index.index on every catalog of the repository, on small catalogs at
// the edges of the layout, and on catalogs Write makes.
func TestScanFindsParseFastSpans(t *testing.T) {
	t.Parallel()
	for name, src := range testCatalogs(t) {
		checkScan(t, name, src)
	}
	for i, src := range scanCases {
		checkScan(t, fmt.Sprintf("scanCases[%d]", i), []byte(src))
	}
	for _, n := range []int{1, 10, 3000} {
		checkScan(t, fmt.Sprintf("written, %d messages", n), benchCatalog(n))
	}
	// A line longer than the scan's buffer.
	long := []byte("# " + strings.Repeat("c", 200<<10) + "\n[a]\nother = \"" + strings.Repeat("é", 100<<10) + "\"\n")
	checkScan(t, "long lines", long)
}

// FuzzScanMatchesParseFast: scanIndex accepts what parseFast accepts and
// finds the spans Index.index finds from its messages.
func FuzzScanMatchesParseFast(f *testing.F) {
	for _, s := range scanCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkScan(t, "input", src)
	})
}

// TestIndexReportsWhatParseReports: for a file Parse refuses, LoadIndex
// gives Parse's error, however far the scan got.
func TestIndexReportsWhatParseReports(t *testing.T) {
	t.Parallel()
	good := string(benchCatalog(50))
	for name, src := range map[string]string{
		"invalid UTF-8":     good + "[z]\nother = \"\xff\"\n",
		"byte order mark":   "\xef\xbb\xbf" + good,
		"syntax":            good + "[z]\nother = \"x\n",
		"duplicate ID":      "[z]\nother = \"x\"\n" + good + "[z]\nother = \"y\"\n",
		"unknown key":       good + "[z]\nother = \"x\"\nothr = \"y\"\n",
		"not a string":      good + "[z]\nother = 3\n",
		"id not the table":  good + "[z]\nid = \"y\"\nother = \"x\"\n",
		"table in message":  good + "[z]\nother = \"x\"\n[z.y]\nother = \"y\"\n",
		"top-level message": "other = \"x\"\n" + good,
		"lone carriage ret": good + "[z]\rother = \"x\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, want := Parse("locales/es.toml", language.Spanish, []byte(src))
			if want == nil {
				t.Fatalf("Parse accepts it")
			}
			path := filepath.Join(t.TempDir(), "es.toml")
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			x, err := LoadIndex("locales/es.toml", path, language.Spanish)
			if err == nil {
				x.Close()
				t.Fatalf("LoadIndex accepts it; Parse: %v", want)
			}
			if err.Error() != want.Error() {
				t.Errorf("LoadIndex: %v\nParse:     %v", err, want)
			}
		})
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestReadIndexStreamsTheFile: ReadIndex reads a catalog in the layout
// l10n writes from its reader once, to the end, and indexes it by range;
// one in another layout it reads from the file and holds.
func TestReadIndexStreamsTheFile(t *testing.T) {
	t.Parallel()
	lean := benchCatalog(200)
	crlf := bytes.ReplaceAll(lean, []byte("\n"), []byte("\r\n"))
	for _, tc := range []struct {
		name string
		src  []byte
		held bool
	}{{"written by l10n", lean, false}, {"CRLF", crlf, true}} {
		path := filepath.Join(t.TempDir(), "es.toml")
		if err := os.WriteFile(path, tc.src, 0o644); err != nil {
			t.Fatal(err)
		}
		r := &countingReader{r: bytes.NewReader(tc.src)}
		x, err := ReadIndex("locales/es.toml", path, language.Spanish, r)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		defer x.Close()
		if x.Held() != tc.held {
			t.Errorf("%s: Held() = %v, want %v", tc.name, x.Held(), tc.held)
		}
		if !tc.held && r.n != len(tc.src) {
			t.Errorf("%s: read %d bytes of %d from the reader", tc.name, r.n, len(tc.src))
		}
		all, err := x.ReadAll()
		if err != nil || len(all.Messages) != 200 {
			t.Errorf("%s: ReadAll() = %d messages, %v; want 200", tc.name, len(all.Messages), err)
		}
	}
}

// TestScanAllocatesNoMessages: the scan's allocations do not grow with
// the messages one by one, only with its maps (a few per thousand).
func TestScanAllocatesNoMessages(t *testing.T) {
	src := benchCatalog(20000)
	allocs := testing.AllocsPerRun(3, func() {
		if _, ok, err := scanIndex(bytes.NewReader(src)); !ok || err != nil {
			t.Fatalf("scanIndex: %v, %v", ok, err)
		}
	})
	if allocs > 20000/20 {
		t.Errorf("scanIndex of 20,000 messages made %.0f allocations; want at most 1,000", allocs)
	}
}

// TestIndexTellsApartIDsOfOneHash: two IDs with the same idHash (found
// by a search for them), or an ID with the hash of another's table, are
// refused by the scan and indexed by the slow path, which reads each
// message as Parse does, kept between runs too.
func TestIndexTellsApartIDsOfOneHash(t *testing.T) {
	t.Parallel()
	const a, b = "irMW-GoLbiL", "dZOzBqxDVkD"
	if idHash(a) != idHash(b) {
		t.Fatalf("idHash(%s) = %x, idHash(%s) = %x; want them equal", a, idHash(a), b, idHash(b))
	}
	for _, src := range []string{
		"[" + a + "]\nother = \"A\"\n\n# b\n[" + b + "]\nother = \"B\"\n",
		"[" + a + ".x]\nother = \"A\"\n\n# b\n[" + b + "]\nother = \"B\"\n",
	} {
		if _, ok, _ := scanIndex(strings.NewReader(src)); ok {
			t.Errorf("scanIndex accepts %q", src)
		}
		want, err := Parse("locales/es.toml", language.Spanish, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "es.toml")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		x, err := LoadIndex("locales/es.toml", path, language.Spanish)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		data, err := x.MarshalBinary()
		if err != nil {
			t.Fatalf("MarshalBinary: %v", err)
		}
		y, err := OpenIndex("locales/es.toml", path, language.Spanish, data)
		if err != nil {
			t.Fatal(err)
		}
		defer y.Close()
		for _, ix := range []*Index{x, y} {
			for _, m := range want.Messages {
				got, err := ix.Read([]string{m.ID})
				if err != nil || len(got.Messages) != 1 || !reflect.DeepEqual(got.Messages[0], m) {
					t.Errorf("Read(%q) of %q = %v, %v; want %v", m.ID, src, got, err, m)
				}
			}
		}
	}
}
