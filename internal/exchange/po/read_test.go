package po_test

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
)

// header returns a header entry for lang with the given Plural-Forms
// ("" for none); it is 8 lines long.
func header(lang, pluralForms string) string {
	h := "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: \\n\"\n\"Language: " + lang + "\\n\"\n\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	if pluralForms != "" {
		h += "\"Plural-Forms: " + pluralForms + "\\n\"\n"
	} else {
		h += "\"X-Generator: test\\n\"\n"
	}
	return h + "\n"
}

const viHeader = "msgid \"\"\nmsgstr \"\"\n\"Language: vi\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n" // 5 lines

// TestParseRejects lists what a CAT tool may send that Parse must refuse,
// each with the error and where it points. See issue 6.
func TestParseRejects(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"byte order mark", "\xef\xbb\xbf" + viHeader, `^vi\.po:1:1: file starts with a byte order mark; save it as UTF-8 without BOM$`},
		{"invalid UTF-8", viHeader + "msgctxt \"a\"\nmsgid \"a\"\nmsgstr \"\xff\"\n", `^vi\.po:8:9: invalid UTF-8; save the file as UTF-8$`},
		{"duplicate msgid", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"1\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"2\"\n",
			`^vi\.po:10:1: duplicate entry: msgctxt "a" with this msgid is also at vi\.po:6:1; keep one$`},
		{"bad escape", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"tab\\q\"\n", `^vi\.po:8:12: bad escape \\q; PO strings allow`},
		{"hex escape too large", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\\x1234\"\n", `^vi\.po:8:9: bad escape \\x123; PO strings allow`},
		{"escapes make invalid UTF-8", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\\377\"\n", `^vi\.po:8:9: the escapes in this string make invalid UTF-8`},
		{"NUL escape", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"a\\0b\"\n", `^vi\.po:8:9: the string holds \\0 \(U\+0000\)`},
		{"unterminated string", viHeader + "msgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n", `^vi\.po:7:7: the string is not closed`},
		{"text after the string", viHeader + "msgctxt \"a\"\nmsgid \"x\" y\nmsgstr \"y\"\n", `^vi\.po:7:10: text after the closing quote`},
		{"unknown keyword", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgtxt \"y\"\n", `^vi\.po:8:1: unknown keyword "msgtxt"`},
		{"msgstr without msgid", viHeader + "msgstr \"y\"\n", `^vi\.po:6:1: msgstr without a msgid before it`},
		{"no msgctxt", viHeader + "msgid \"x\"\nmsgstr \"y\"\n", `^vi\.po:6:1: an entry without msgctxt; each entry's msgctxt is its message ID`},
		{"wrong nplurals", header("ar", "nplurals=2; plural=(n != 1);"),
			`^vi\.po:7:2: Plural-Forms has nplurals=2, but ar has 6 plural forms \(zero, one, two, few, many, other\); use "nplurals=6; plural=\(n == 0 \? 0`},
		{"wrong plural expression", header("es", "nplurals=3; plural=(n != 1 ? 1 : 0);"),
			`^vi\.po:7:2: Plural-Forms selects msgstr\[1\] \(many\) for n = 0, but es's rules say other; use "nplurals=3; plural=\(n == 1 \? 0 : n != 0 && n % 1000000 == 0 \? 1 : 2\);"`},
		{"Spanish without many", header("es", "nplurals=3; plural=(n == 1 ? 0 : 2);"),
			`^vi\.po:7:2: Plural-Forms selects msgstr\[2\] \(other\) for n = 1000000, but es's rules say many`},
		{"unreadable Plural-Forms", header("vi", "nplurals=2; plural=(n > );"), `^vi\.po:7:2: Plural-Forms "nplurals=2; plural=\(n > \);": plural expression: expected n, a number or \(`},
		{"plural entries without Plural-Forms", header("vi", "") + "msgctxt \"a\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n",
			`^vi\.po:2:9: the file has plural entries but no Plural-Forms header; add "Plural-Forms: nplurals=2; plural=\(n > 1\);\\n"`},
		{"too few plural forms", header("ar", "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);") +
			"msgctxt \"a\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n",
			`^vi\.po:9:1: \[a\] has 2 plural forms, but the language has 6 \(zero, one, two, few, many, other\); give msgstr\[0\] to msgstr\[5\]`},
		{"msgstr out of order", header("vi", "nplurals=2; plural=(n > 1);") + "msgctxt \"a\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[1] \"y\"\n",
			`^vi\.po:12:1: msgstr\[1\] where msgstr\[0\] is due`},
		{"charset", strings.Replace(viHeader, "UTF-8", "ISO-8859-1", 1), `^vi\.po:4:2: the charset is "iso-8859-1"; save the file as UTF-8`},
		{"no Language", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n", `^vi\.po:2:9: the header has no Language`},
		{"Language not a tag", strings.Replace(viHeader, "Language: vi", "Language: Vietnamese", 1), `^vi\.po:3:2: Language: "Vietnamese" is not a BCP 47 language tag`},
		{"Language with a modifier", strings.Replace(viHeader, "Language: vi", "Language: sr@latin", 1), `^vi\.po:3:2: Language: "sr@latin"`},
		{"no header", "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", `^vi\.po:1:1: the file has no header entry`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := po.Parse("vi.po", []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse accepted it; want %s", tc.want)
			}
			if !regexp.MustCompile(tc.want).MatchString(err.Error()) {
				t.Errorf("Parse error:\n%v\nwant match for %s", err, tc.want)
			}
		})
	}
}

// TestParseAccepts lists what gettext tools write that Parse reads as the
// message it stands for.
func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct {
		name, src  string
		state      exchange.State
		source     string
		target     string
		tag, stale string
	}{
		{"translated", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", exchange.Translated, "x", "y", "vi", ""},
		{"fuzzy needs review", viHeader + "#, fuzzy, c-format\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", exchange.NeedsReview, "x", "y", "vi", ""},
		{"fuzzy and empty is untranslated", viHeader + "#, fuzzy\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\"\n", exchange.Untranslated, "x", "", "vi", ""},
		{"previous msgid", viHeader + "#, fuzzy\n#| msgid \"old\"\n#| \" text\"\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", exchange.NeedsReview, "x", "y", "vi", "old text"},
		{"continuation lines", viHeader + "msgctxt \"a\"\nmsgid \"\"\n\"x\\n\"\n\"z\"\nmsgstr \"\"\n  \"y\"\n\t\"w\"\n", exchange.Translated, "x\nz", "yw", "vi", ""},
		{"CRLF line ends", strings.ReplaceAll(viHeader+"msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", "\n", "\r\n"), exchange.Translated, "x", "y", "vi", ""},
		{"escapes", viHeader + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\\a\\b\\f\\v\\'\\?\\x41\\101\\1\\303\\251\"\n", exchange.Translated, "x", "\a\b\f\v'?AA\x01é", "vi", ""},
		{"obsolete entries are skipped", viHeader + "#~ msgctxt \"a\"\n#~ msgid \"x\"\n#~ msgstr \"old\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", exchange.Translated, "x", "y", "vi", ""},
		{"comments of every kind", viHeader + "# translator\n#: file.go:1\n#. note\n#, no-c-format\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", exchange.Translated, "x", "y", "vi", ""},
		{"POSIX Language", strings.Replace(viHeader, "Language: vi", "Language: pt_BR", 1) + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", exchange.Translated, "x", "y", "pt-BR", ""},
		{"no blank lines between entries", viHeader + "msgctxt \"b\"\nmsgid \"q\"\nmsgstr \"r\"\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", exchange.Translated, "x", "y", "vi", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := po.Parse("vi.po", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if f.Target != language.MustParse(tc.tag) {
				t.Errorf("target language %s, want %s", f.Target, tc.tag)
			}
			u := f.Units[len(f.Units)-1]
			if u.ID != "a" || u.State != tc.state || u.Source["other"] != tc.source || u.Target["other"] != tc.target || u.Previous != tc.stale || u.Stale != (tc.stale != "") {
				t.Errorf("read %s %s %q → %q (previous %q), want a %s %q → %q (previous %q)", u.ID, u.State, u.Source["other"], u.Target["other"], u.Previous,
					tc.state, tc.source, tc.target, tc.stale)
			}
		})
	}
}

// TestParsePluralEntry reads msgstr[n] in the order of the language's
// categories.
func TestParsePluralEntry(t *testing.T) {
	src := header("es", "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);") +
		"#. l10n-hash: sha256:1\nmsgctxt \"a\"\nmsgid \"{{.N}} file\"\nmsgid_plural \"{{.N}} files\"\nmsgstr[0] \"{{.N}} archivo\"\nmsgstr[1] \"{{.N}} de archivos\"\nmsgstr[2] \"{{.N}} archivos\"\n"
	f, err := po.Parse("es.po", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	u := f.Units[0]
	want := map[string]string{"one": "{{.N}} archivo", "many": "{{.N}} de archivos", "other": "{{.N}} archivos"}
	if !u.Plural || u.Hash != "sha256:1" || !equal(u.Target, want) || u.Source["one"] != "{{.N}} file" || u.Source["other"] != "{{.N}} files" {
		t.Errorf("read %+v, want plural, hash sha256:1, target %v", u, want)
	}
	if p := u.TargetPos["many"]; p.Line != 14 || p.Col != 12 {
		t.Errorf("TargetPos[many] = %s, want es.po:14:12", p)
	}
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// FuzzParse checks that Parse never panics, and that what it accepts it
// writes back to a file it reads the same.
func FuzzParse(f *testing.F) {
	f.Add(viHeader + "#, fuzzy\n#| msgid \"old\"\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\\001\"\n")
	f.Add(header("ar", "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);") +
		"msgctxt \"a\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"0\"\nmsgstr[1] \"1\"\nmsgstr[2] \"2\"\nmsgstr[3] \"3\"\nmsgstr[4] \"4\"\nmsgstr[5] \"5\"\n")
	f.Add("#~ msgid \"x\"\n\"\\x\"")
	f.Add(viHeader + "# l10n tm: 92% match from b\n#, fuzzy\n#| msgid \"old\"\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		got, err := po.Parse("f.po", []byte(src))
		if err != nil {
			return
		}
		var b strings.Builder
		if err := po.Write(&b, got); err != nil {
			return // a message PO cannot carry is refused, not written
		}
		again, err := po.Parse("f.po", []byte(b.String()))
		if err != nil {
			t.Fatalf("Parse(Write(Parse(src))): %v\n%s", err, b.String())
		}
		if len(again.Units) != len(got.Units) {
			t.Fatalf("Parse(Write(Parse(src))) has %d units, Parse(src) %d", len(again.Units), len(got.Units))
		}
	})
}
