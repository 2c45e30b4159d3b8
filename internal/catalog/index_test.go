package catalog

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestIndexReadsWhatParseReads checks that the messages an Index reads
// by range, all of them or any few, are those Parse reads from the whole
// file, positions and comments included; and that a file in another
// layout (CRLF, held in memory) reads the same too.
func TestIndexReadsWhatParseReads(t *testing.T) {
	src := []byte(`# Translations for es.

# Paragraph one
# en: One.
[page.intro.p1]
hash = "sha256:1111111111111111"
other = "Uno."

[page.intro.p2]
description = "two"
hash = "sha256:2222222222222222"
other = "Dos."

# proposed by content/es/page.md:3
[page.intro.p3]
hash = "review:sha256:3333333333333333"
other = "Tres."

# Plural
[page.count]
hash = "sha256:4444444444444444"
one = "uno"
other = "{{.Count}} más"
`)
	for _, crlf := range []bool{false, true} {
		data := src
		if crlf {
			data = []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))
		}
		path := filepath.Join(t.TempDir(), "es.toml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		want, err := Parse("locales/es.toml", language.Spanish, data)
		if err != nil {
			t.Fatal(err)
		}
		x, err := LoadIndex("locales/es.toml", path, language.Spanish)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		if crlf != (x.held != nil) {
			t.Errorf("crlf=%v: held=%v", crlf, x.held != nil)
		}
		all, err := x.ReadAll()
		if err != nil || !reflect.DeepEqual(all.Messages, want.Messages) {
			t.Errorf("crlf=%v: ReadAll() = %v, %v; want what Parse reads", crlf, all, err)
		}
		every := []string{"page.intro.p1", "page.intro.p2", "page.intro.p3", "page.count"}
		for _, ids := range [][]string{every, {"page.count", "page.intro.p1"}, {"page.intro.p3", "missing", "page.intro.p2"}} {
			got, err := x.Read(ids)
			if err != nil {
				t.Fatal(err)
			}
			var exp []*Message
			for _, m := range want.Messages {
				for _, id := range ids {
					if m.ID == id {
						exp = append(exp, m)
					}
				}
			}
			if !reflect.DeepEqual(got.Messages, exp) {
				t.Errorf("crlf=%v: Read(%q) =\n%#v\nwant\n%#v", crlf, ids, got.Messages, exp)
			}
		}
		if taken, err := x.Taken(); err != nil || !reflect.DeepEqual(taken, every) {
			t.Errorf("Taken() = %q, %v; want %q", taken, err, every)
		}
	}
}

// TestIndexKeptBetweenRunsReadsTheSame: an index given back by OpenIndex
// from the bytes of MarshalBinary reads what the index read, has the same
// sums, and refuses bytes that are no index or a file of another size.
func TestIndexKeptBetweenRunsReadsTheSame(t *testing.T) {
	src := "[a.p1]\nhash = \"sha256:1111111111111111\"\nother = \"Uno.\"\n\n# c\n[a.p2]\nhash = \"sha256:2222222222222222\"\nother = \"Dos.\"\n"
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
		t.Fatal(err)
	}
	again, err := x.MarshalBinary()
	if err != nil || !reflect.DeepEqual(data, again) {
		t.Errorf("MarshalBinary is not the same twice")
	}
	y, err := OpenIndex("locales/es.toml", path, language.Spanish, data)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	for _, id := range []string{"a.p1", "a.p2"} {
		a, _ := x.Read([]string{id})
		b, _ := y.Read([]string{id})
		if !reflect.DeepEqual(a, b) || len(a.Messages) != 1 {
			t.Errorf("Read(%s) = %v; kept index reads %v", id, a, b)
		}
		sa, oka := x.Sum(id)
		sb, okb := y.Sum(id)
		if sa != sb || !oka || !okb {
			t.Errorf("Sum(%s) = %x, %v; kept index has %x, %v", id, sa, oka, sb, okb)
		}
	}
	if s1, _ := x.Sum("a.p1"); s1 == func() uint64 { s, _ := x.Sum("a.p2"); return s }() {
		t.Errorf("two messages have one sum")
	}
	if _, err := OpenIndex("locales/es.toml", path, language.Spanish, data[:len(data)-1]); err == nil {
		t.Errorf("OpenIndex took a cut index")
	}
	// A count of messages damaged to 2^40 is refused at once, not looped
	// over.
	huge := binary.AppendUvarint(slices.Clone(data[:len(indexMagic)+8]), 1<<40)
	if _, err := OpenIndex("locales/es.toml", path, language.Spanish, append(huge, data[len(indexMagic)+9:]...)); err == nil {
		t.Errorf("OpenIndex took a count of 2^40 messages")
	}
	if err := os.WriteFile(path, []byte(src+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenIndex("locales/es.toml", path, language.Spanish, data); err == nil {
		t.Errorf("OpenIndex took the index of a file of another size")
	}
}

// FuzzIndexReadsWhatParseReads: for any catalog Parse accepts, an index
// of it reads, message by message and all at once, what Parse reads,
// and so does the index kept between runs.
func FuzzIndexReadsWhatParseReads(f *testing.F) {
	// Small seeds, so that the fuzzer mutates messages, not megabytes.
	f.Add([]byte("# Translations for es.\n\n# en: One.\n[p.intro.p1]\nhash = \"sha256:1111111111111111\"\nother = \"Uno.\"\n\n[p.intro.p2]\ndescription = \"d\"\nother = \"Dos.\"\n"))
	f.Add([]byte("[a]\nother = \"x\"\n\n# c\n[b]\nother = \"y\"\n"))
	f.Add([]byte("[a]\r\nother = \"x\"\r\n"))
	f.Add([]byte("[a]\nother = '''\nx'''\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		want, err := Parse("locales/es.toml", language.Spanish, src)
		if err != nil {
			return
		}
		path := filepath.Join(t.TempDir(), "es.toml")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		x, err := LoadIndex("locales/es.toml", path, language.Spanish)
		if err != nil {
			t.Fatalf("Parse accepts, LoadIndex refuses: %v", err)
		}
		defer x.Close()
		indexes := []*Index{x}
		if data, err := x.MarshalBinary(); err == nil {
			y, err := OpenIndex("locales/es.toml", path, language.Spanish, data)
			if err != nil {
				t.Fatalf("OpenIndex of MarshalBinary: %v", err)
			}
			defer y.Close()
			indexes = append(indexes, y)
		}
		for _, ix := range indexes {
			all, err := ix.ReadAll()
			if err != nil || !reflect.DeepEqual(all.Messages, want.Messages) {
				t.Fatalf("ReadAll() = %v, %v; Parse reads %v", all, err, want.Messages)
			}
			for _, m := range want.Messages {
				got, err := ix.Read([]string{m.ID})
				if err != nil || len(got.Messages) != 1 || !reflect.DeepEqual(got.Messages[0], m) {
					t.Fatalf("Read(%q) = %v, %v; Parse reads %v", m.ID, got, err, m)
				}
			}
		}
	})
}

// TestEachReadsWhatParseReads: Each gives every message Parse reads, in
// order, for a catalog of several of its pieces read by range, and for
// one held in memory (CRLF line ends); and it stops at fn's error.
func TestEachReadsWhatParseReads(t *testing.T) {
	t.Parallel()
	lf := benchCatalog(12000) // about 5 MB: several pieces
	if len(lf) < 3*eachBytes {
		t.Fatalf("catalog of %d bytes: want several pieces of %d", len(lf), eachBytes)
	}
	some := lf[:bytes.LastIndex(lf[:200000], []byte("\n\n"))+1] // whole messages
	for name, src := range map[string][]byte{"lf": lf, "crlf": bytes.ReplaceAll(some, []byte("\n"), []byte("\r\n"))} {
		x := indexOf(t, src)
		want, err := Parse("locales/es.toml", language.Spanish, src)
		if err != nil {
			t.Fatal(err)
		}
		var got []*Message
		if err := x.Each(func(m *Message) error { got = append(got, m); return nil }); err != nil {
			t.Fatal(err)
		}
		if name == "crlf" != x.Held() {
			t.Errorf("%s: Held() = %v", name, x.Held())
		}
		if !reflect.DeepEqual(got, want.Messages) {
			t.Errorf("%s: Each gave %d messages, Parse %d, or they differ", name, len(got), len(want.Messages))
		}
		stop := os.ErrClosed
		n := 0
		if err := x.Each(func(*Message) error { n++; return stop }); err != stop || n != 1 {
			t.Errorf("%s: Each after fn's error: %v, %d calls; want that error, 1 call", name, err, n)
		}
	}
}

// TestReadOfARunIsReadOfEach: Read gives the messages among the IDs asked
// for, in file order, whether they are one run of the file in order (one
// read of the range) or not: reversed, with a gap, with an ID the file
// lacks, with one twice, or a single one.
func TestReadOfARunIsReadOfEach(t *testing.T) {
	t.Parallel()
	src := benchCatalog(200)
	x := indexOf(t, src)
	if x.Held() {
		t.Fatal("the catalog is held, not read by range")
	}
	all, err := Parse("locales/es.toml", language.Spanish, src)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(from, to int) []string {
		var out []string
		for _, m := range all.Messages[from:to] {
			out = append(out, m.ID)
		}
		return out
	}
	run := ids(25, 50)
	for name, ask := range map[string][]string{
		"a run":          run,
		"reversed":       reversed(run),
		"with a gap":     append(ids(25, 30), ids(31, 50)...),
		"an ID it lacks": append(append([]string{}, run[:5]...), append([]string{"no.such.id"}, run[5:]...)...),
		"one twice":      append(append([]string{}, run...), run[3]),
		"a single one":   ids(7, 8),
		"the whole file": ids(0, len(all.Messages)),
	} {
		in := map[string]bool{}
		for _, id := range ask {
			in[id] = true
		}
		var want []*Message
		for _, m := range all.Messages {
			if in[m.ID] {
				want = append(want, m)
			}
		}
		got, err := x.Read(ask)
		if err != nil || !reflect.DeepEqual(got.Messages, want) {
			t.Errorf("%s: Read gave %d messages (%v), want %d as Parse reads them", name, len(got.Messages), err, len(want))
		}
	}
}

func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}
