package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// shippedLocales lists the locales of the shipped site, English aside.
func shippedLocales(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../locales/*.toml")
	if err != nil || len(files) < 2 {
		t.Fatalf("no locale catalogs in locales/ (%v)", err)
	}
	var tags []string
	for _, f := range files {
		if tag := strings.TrimSuffix(filepath.Base(f), ".toml"); tag != "en" {
			tags = append(tags, tag)
		}
	}
	return tags
}

var formats = []struct{ name, ext string }{{"xliff", ".xlf"}, {"po", ".po"}}

// TestExportImportWithoutEditsChangesNothing exports every shipped locale
// in both formats and imports the file as it is: no byte of any catalog
// changes. See issue 4.
func TestExportImportWithoutEditsChangesNothing(t *testing.T) {
	for _, tag := range shippedLocales(t) {
		for _, f := range formats {
			t.Run(tag+f.ext, func(t *testing.T) {
				t.Parallel()
				dir := copySite(t)
				before := readDir(t, filepath.Join(dir, "locales"))
				file := tag + f.ext
				if code, _, stderr := l10n(t, "-C", dir, "export", "-locale", tag, "-format", f.name, "-o", file); code != 0 {
					t.Fatalf("export: exit %d: %s", code, stderr)
				}
				code, out, stderr := l10n(t, "-C", dir, "import", file)
				if code != 0 || stderr != "" || !strings.Contains(out, "nothing to import") {
					t.Fatalf("import: exit %d, stdout %q, stderr %q; want 0 and nothing to import", code, out, stderr)
				}
				after := readDir(t, filepath.Join(dir, "locales"))
				for name, data := range before {
					if after[name] != data {
						t.Errorf("export then import changed locales/%s", name)
					}
				}
			})
		}
	}
}

// TestExportGolden compares the export of the partial Vietnamese catalog
// (testdata/partial: translated and untranslated units) with
// testdata/export/vi.xlf and vi.po; go test -update rewrites them.
func TestExportGolden(t *testing.T) {
	dir := copyPartialSite(t)
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			code, out, stderr := l10n(t, "-C", dir, "export", "-locale", "vi", "-format", f.name)
			if code != 0 {
				t.Fatalf("export: exit %d: %s", code, stderr)
			}
			golden := filepath.Join("testdata", "export", "vi"+f.ext)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/l10n -run TestExportGolden -update)", err)
			}
			if out != string(want) {
				t.Errorf("l10n export -locale vi -format %s differs from %s; if the change is intended, run go test ./cmd/l10n -run TestExportGolden -update and review the diff", f.name, golden)
			}
		})
	}
}

// trickyEnglish are English messages with what exchange formats get wrong:
// quotes, <, &, "]]>", tabs, line breaks, a carriage return, U+0001,
// backslashes, Markdown, placeholders, white space at the ends.
var trickyEnglish = []string{
	`Say "hi" & <b>bold</b> ]]> it's`,
	"tab\there\nnew line and a carriage\rreturn",
	"control \x01 and DEL \x7f characters",
	"{{.Count}} of **{{.Total}}** and [a link](https://example.gov/?a=1&b=2)",
	`back\slash \n not a newline`,
	"  spaces at both ends  ",
	"\"\nmsgstr \"injected\"\n#, fuzzy",
	"</source><target>injected</target>",
	"astral 😀 and noncharacter \uFFFE",
}

// trickySite writes a site whose English has trickyEnglish and a plural
// message, with an Arabic catalog (six plural forms, right to left) and a
// Vietnamese one, in every state: current, stale, missing.
func trickySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("l10n.toml", []byte("base_url = \"https://example.gov\"\n"))
	var english []*catalog.Message
	for i, s := range trickyEnglish {
		forms := map[string]string{"other": s}
		english = append(english, &catalog.Message{ID: "page.tricky.p" + string(rune('a'+i)), Description: "Tricky text " + string(rune('a'+i)), Hash: catalog.Hash(forms), Forms: forms})
	}
	items := map[string]string{"one": "{{.Count}} item", "other": "{{.Count}} items"}
	english = append(english, &catalog.Message{ID: "page.items", Description: "Items <in> the cart", Hash: catalog.Hash(items), Forms: items})
	write("locales/en.toml", catalogBytes(t, english))
	for _, tc := range []struct {
		tag   string
		forms map[string]string // the plural message
	}{
		{"ar", map[string]string{"zero": "لا عناصر", "one": "عنصر واحد", "two": "عنصران", "few": "{{.Count}} عناصر", "many": "{{.Count}} عنصرًا", "other": "{{.Count}} عنصر"}},
		{"vi", map[string]string{"one": "{{.Count}} mục", "other": "{{.Count}} mục"}},
	} {
		var msgs []*catalog.Message
		for i, en := range english[:len(trickyEnglish)] {
			m := &catalog.Message{ID: en.ID, Hash: en.Hash, Forms: map[string]string{"other": en.Other() + " (" + tc.tag + ")"}}
			switch i % 3 {
			case 1: // stale: translated from older English
				m.Hash = catalog.Hash(map[string]string{"other": "older English"})
				m.Comment = []string{"was: older English"}
			case 2:
				m.Forms["other"] = ""
			}
			msgs = append(msgs, m)
		}
		msgs = append(msgs, &catalog.Message{ID: "page.items", Hash: english[len(english)-1].Hash, Forms: tc.forms})
		path := "locales/" + tc.tag + ".toml"
		f := &catalog.File{Path: path, Tag: language.MustParse(tc.tag), Messages: msgs}
		// The catalog as extract lays it out, so an import that changes
		// nothing is seen to change no byte.
		source := &catalog.File{Tag: language.English, Messages: english}
		write(path, localeBytes(t, source, f))
	}
	return dir
}

func localeBytes(t *testing.T, source, f *catalog.File) []byte {
	t.Helper()
	return extract.Locale(source.Messages, f)
}

func catalogBytes(t *testing.T, msgs []*catalog.Message) []byte {
	t.Helper()
	var b bytes.Buffer
	entries := make([]catalog.Entry, len(msgs))
	for i, m := range msgs {
		entries[i] = catalog.Entry{Message: m}
	}
	if err := catalog.Write(&b, nil, entries); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExchangeTrickyTextsRoundTrip exports the tricky site in both
// formats, imports without edits (nothing changes), then imports a file in
// which every unit is translated afresh: each catalog then holds exactly
// the texts the file gave, tricky characters and plural forms included.
func TestExchangeTrickyTextsRoundTrip(t *testing.T) {
	for _, tag := range []string{"ar", "vi"} {
		for _, f := range formats {
			t.Run(tag+f.ext, func(t *testing.T) {
				t.Parallel()
				dir := trickySite(t)
				before := readDir(t, filepath.Join(dir, "locales"))
				file := tag + f.ext
				if code, _, stderr := l10n(t, "-C", dir, "export", "-locale", tag, "-o", file); code != 0 {
					t.Fatalf("export: exit %d: %s", code, stderr)
				}
				if code, out, stderr := l10n(t, "-C", dir, "import", file); code != 0 || stderr != "" || !strings.Contains(out, "nothing to import") {
					t.Fatalf("import without edits: exit %d, %q, %q", code, out, stderr)
				}
				if after := readDir(t, filepath.Join(dir, "locales")); !equalMaps(before, after) {
					t.Fatal("export then import without edits changed the catalogs")
				}

				// The translator translates every unit afresh.
				src, err := os.ReadFile(filepath.Join(dir, file))
				if err != nil {
					t.Fatal(err)
				}
				parsed := parseExchange(t, f.name, file, src)
				want := map[string]map[string]string{}
				for _, u := range parsed.Units {
					u.State = exchange.Translated
					u.Target = map[string]string{}
					for c, s := range sourceForms(u, parsed.Target) {
						u.Target[c] = s + " ⟨" + tag + " " + c + "⟩"
					}
					want[u.ID] = u.Target
				}
				var b bytes.Buffer
				if f.name == "po" {
					err = po.Write(&b, parsed)
				} else {
					err = xliff.Write(&b, parsed)
				}
				if err != nil {
					t.Fatal(err)
				}
				edited := "edited" + f.ext
				if err := os.WriteFile(filepath.Join(dir, edited), b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				code, out, stderr := l10n(t, "-C", dir, "import", edited)
				if code != 0 || !strings.Contains(out, "imported") {
					t.Fatalf("import: exit %d, %q\n%s", code, out, stderr)
				}
				path := filepath.Join(dir, "locales", tag+".toml")
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				cat, err := catalog.Parse("locales/"+tag+".toml", language.MustParse(tag), data)
				if err != nil {
					t.Fatal(err)
				}
				en := readEnglish(t, dir)
				for _, m := range cat.Messages {
					if !equalMaps(m.Forms, want[m.ID]) {
						t.Errorf("[%s] = %q, want %q", m.ID, m.Forms, want[m.ID])
					}
					if m.Hash != en[m.ID].Hash {
						t.Errorf("[%s] hash %s is not the English hash %s: not current", m.ID, m.Hash, en[m.ID].Hash)
					}
				}
				// And extract finds the catalog in its own layout.
				if code, out, stderr := l10n(t, "-C", dir, "import", edited); code != 0 || !strings.Contains(out, "nothing to import") {
					t.Errorf("importing the same file again: exit %d, %q, %q; want nothing to import", code, out, stderr)
				}
			})
		}
	}
}

// sourceForms returns the English of each form a unit's target has: for a
// plural unit, one per category of the target language.
func sourceForms(u *exchange.Unit, tag language.Tag) map[string]string {
	if !u.Plural {
		return map[string]string{"other": u.Source["other"]}
	}
	out := map[string]string{}
	for _, c := range locale.PluralCategories(tag) {
		s, ok := u.Source[c]
		if !ok {
			s = u.Source["other"]
		}
		out[c] = s
	}
	return out
}

func parseExchange(t *testing.T, format, name string, src []byte) *exchange.File {
	t.Helper()
	var f *exchange.File
	var err error
	if format == "po" {
		f, err = po.Parse(name, src)
	} else {
		f, err = xliff.Parse(name, src)
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func readEnglish(t *testing.T, dir string) map[string]*catalog.Message {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "locales", "en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := catalog.Parse("locales/en.toml", language.English, src)
	if err != nil {
		t.Fatal(err)
	}
	return f.Index()
}

func equalMaps[V comparable](a, b map[string]V) bool {
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
