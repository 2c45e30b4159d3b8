package sitegen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
)

// small is the site most tests generate: few pages, locales in five
// scripts, coverage from full to none.
var small = Options{
	Pages:    20,
	Locales:  []string{"es", "es-MX", "zh-Hans", "ar", "ko", "ru"},
	Coverage: []int{100, 30, 95, 50, 0, 60},
	Stale:    10,
	Seed:     1,
}

func generate(t *testing.T, o Options) string {
	t.Helper()
	dir := t.TempDir()
	if err := Generate(dir, o); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return dir
}

// tree reads every file under dir, by slash path relative to dir.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	for _, hugo := range []bool{false, true} {
		var trees []map[string][]byte
		for range 2 {
			dir := t.TempDir()
			gen := Generate
			if hugo {
				gen = GenerateHugo
			}
			if err := gen(dir, small); err != nil {
				t.Fatal(err)
			}
			trees = append(trees, tree(t, dir))
		}
		if len(trees[0]) != len(trees[1]) {
			t.Fatalf("hugo=%v: %d files, then %d", hugo, len(trees[0]), len(trees[1]))
		}
		for name, data := range trees[0] {
			if !bytes.Equal(data, trees[1][name]) {
				t.Errorf("hugo=%v: %s differs between two runs with the same options", hugo, name)
			}
		}
	}
}

func TestSeedChangesTheSite(t *testing.T) {
	t.Parallel()
	o := small
	o.Seed = 2
	a, b := tree(t, generate(t, small)), tree(t, generate(t, o))
	if bytes.Equal(a["locales/en.toml"], b["locales/en.toml"]) {
		t.Error("seeds 1 and 2 gave the same locales/en.toml")
	}
}

func TestExtractChangesNothing(t *testing.T) {
	t.Parallel()
	dir := generate(t, small)
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := disk.Site(s, "test", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	if len(res.Outputs) != 1+len(small.Locales) {
		t.Fatalf("extract gives %d catalogs, want %d", len(res.Outputs), 1+len(small.Locales))
	}
	for _, o := range res.Outputs {
		if !o.Unchanged {
			t.Errorf("extract would rewrite %s: the generated catalog is not in extract's layout", o.Path)
		}
	}
}

func TestCatalogsParse(t *testing.T) {
	t.Parallel()
	dir := generate(t, small)
	for name, data := range tree(t, dir) {
		if !strings.HasPrefix(name, "locales/") {
			continue
		}
		tag := language.MustParse(strings.TrimSuffix(filepath.Base(name), ".toml"))
		if _, err := catalog.Parse(name, tag, data); err != nil {
			t.Errorf("catalog.Parse(%s): %v", name, err)
		}
		if _, err := i18n.ParseMessageFileBytes(data, name, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}); err != nil {
			t.Errorf("go-i18n cannot read %s: %v", name, err)
		}
		if !utf8.Valid(data) {
			t.Errorf("%s is not valid UTF-8", name)
		}
	}
}

// loadCatalogs returns the generated catalogs by tag, English included.
func loadCatalogs(t *testing.T, dir string) map[string]*catalog.File {
	t.Helper()
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := s.LoadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*catalog.File{}
	for _, c := range cats {
		out[c.Tag.String()] = c
	}
	return out
}

func TestCoverageAndStaleShare(t *testing.T) {
	t.Parallel()
	cats := loadCatalogs(t, generate(t, small))
	en := cats["en"].Index()
	for i, name := range small.Locales {
		f := cats[name]
		translated, stale := 0, 0
		for _, m := range f.Messages {
			if !m.Translated() {
				continue
			}
			translated++
			if m.Hash != en[m.ID].Hash {
				stale++
			}
		}
		total := len(cats["en"].Messages)
		if len(f.Messages) != total {
			t.Errorf("%s has %d entries, English %d", name, len(f.Messages), total)
		}
		got := 100 * float64(translated) / float64(total)
		if want := float64(small.Coverage[i]); got < want-2 || got > want+2 {
			t.Errorf("%s: %.1f%% of messages translated, want %v%% ± 2", name, got, want)
		}
		if translated > 0 {
			got := 100 * float64(stale) / float64(translated)
			if want := float64(small.Stale); got < want-3 || got > want+3 {
				t.Errorf("%s: %.1f%% of translations stale, want %v%% ± 3", name, got, want)
			}
		}
	}
}

var link = regexp.MustCompile(`\]\(([^)]+)\)`)

func TestPagesHaveTheShapeOfInformationPages(t *testing.T) {
	t.Parallel()
	dir := generate(t, small)
	files := tree(t, dir)
	pages := 0
	for name, data := range files {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		pages++
		p, err := content.Parse(name, data, content.Options{})
		if err != nil {
			t.Errorf("content.Parse: %v", err)
			continue
		}
		count := map[string]int{}
		for _, b := range p.Blocks {
			count[b.Key]++
			n := len(strings.Fields(b.Text))
			switch {
			case b.Key == "p" && (n < 40 || n > 90):
				t.Errorf("%s: paragraph of %d words, want 40–90: %s", b.ID, n, b.Text)
			case b.Key == "li" && !strings.HasPrefix(b.Text, "**"):
				t.Errorf("%s: list item without a bold lead-in: %s", b.ID, b.Text)
			}
		}
		if c := count["heading"]; c < 3 || c > 6 {
			t.Errorf("%s: %d sections, want 3–6", name, c)
		}
		if c := count["p"]; c < 8 || c > 15 {
			t.Errorf("%s: %d paragraphs, want 8–15", name, c)
		}
		if c := count["li"]; c < 3 || c > 6 {
			t.Errorf("%s: %d list items, want 3–6", name, c)
		}
		if p.Updated.IsZero() || len(p.Breadcrumbs) == 0 || p.Description == nil {
			t.Errorf("%s: front matter lacks a date, breadcrumbs or description", name)
		}
		if !link.Match(data) {
			t.Errorf("%s has no link", name)
		}
		if !regexp.MustCompile(`\d,\d{3}|\d+ percent|\$\d`).Match(data) {
			t.Errorf("%s has no number", name)
		}
	}
	if pages != small.Pages {
		t.Errorf("wrote %d pages, want %d", pages, small.Pages)
	}
}

func TestTranslationsAreInTheLocaleScript(t *testing.T) {
	t.Parallel()
	cats := loadCatalogs(t, generate(t, small))
	scripts := map[string]*unicode.RangeTable{"zh-Hans": unicode.Han, "ar": unicode.Arabic, "ru": unicode.Cyrillic, "es": unicode.Latin}
	en := cats["en"].Index()
	seen := map[string]string{} // translation → locale that has it
	for name, table := range scripts {
		for _, m := range cats[name].Messages {
			text := m.Other()
			if text == "" {
				continue
			}
			if text == en[m.ID].Other() {
				t.Errorf("%s [%s] is the English", name, m.ID)
			}
			if other, ok := seen[m.ID+"\x00"+text]; ok {
				t.Errorf("%s and %s have the same [%s]", name, other, m.ID)
			}
			seen[m.ID+"\x00"+text] = name
			letters, in := 0, 0
			// Link destinations, placeholders and acronyms stay as they are.
			kept := regexp.MustCompile(`\]\([^)]*\)|\{\{[^}]*\}\}|\b[A-Z.]+\b`)
			for _, r := range kept.ReplaceAllString(text, "") {
				if unicode.IsLetter(r) {
					letters++
					if unicode.Is(table, r) {
						in++
					}
				}
			}
			if in*10 < letters*8 {
				t.Errorf("%s [%s]: %d of %d letters in the locale's script: %s", name, m.ID, in, letters, text)
			}
		}
	}
	es, mx := cats["es"].Index(), cats["es-MX"].Index()
	for id, m := range mx {
		if m.Other() != "" && es[id].Other() == m.Other() {
			t.Errorf("es and es-MX have the same [%s]", id)
		}
	}
}

func TestTranslateKeepsMarkdownAndPlaceholders(t *testing.T) {
	t.Parallel()
	in := "To report **suspicious activity**, call [1-866-347-2423](tel:+18663472423) or see https://www.example.gov on {{.Date}}."
	for _, name := range []string{"es", "zh-Hans", "ar"} {
		got := newTranslator(language.MustParse(name)).Translate(in)
		for _, keep := range []string{"**", "](tel:+18663472423)", "[1-866-347-2423]", "{{.Date}}", "https://www.example.gov"} {
			if !strings.Contains(got, keep) {
				t.Errorf("Translate(%s, %q) = %q, lost %q", name, in, got, keep)
			}
		}
	}
}

func TestHugoTwinShowsWhatL10nShows(t *testing.T) {
	t.Parallel()
	o := small
	dir := generate(t, o)
	hugo := t.TempDir()
	if err := GenerateHugo(hugo, o); err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if _, err := toml.DecodeFile(filepath.Join(hugo, "hugo.toml"), &cfg); err != nil {
		t.Fatalf("hugo.toml: %v", err)
	}
	if langs, _ := cfg["languages"].(map[string]any); len(langs) != 1+len(o.Locales) {
		t.Errorf("hugo.toml has %d languages, want %d", len(langs), 1+len(o.Locales))
	}
	cats := loadCatalogs(t, dir)
	en := cats["en"].Index()
	files := tree(t, hugo)
	for name := range tree(t, dir) {
		page, ok := strings.CutPrefix(name, "content/")
		if !ok {
			continue
		}
		base := strings.TrimSuffix(page, ".md")
		if _, ok := files["content/"+page]; !ok {
			t.Errorf("Hugo twin lacks the English %s", page)
		}
		for _, loc := range []string{"es", "ar"} {
			md := string(files["content/"+base+"."+loc+".md"])
			if md == "" {
				t.Errorf("Hugo twin lacks %s.%s.md", base, loc)
				continue
			}
			prefix := content.Prefix(content.Slug(name)) + "."
			for _, m := range cats[loc].Messages {
				if !strings.HasPrefix(m.ID, prefix) || m.Other() == "" {
					continue
				}
				current := m.Hash == en[m.ID].Hash
				if strings.Contains(md, m.Other()) != current {
					t.Errorf("%s.%s.md: [%s] (current: %v) shown: %v", base, loc, m.ID, current, !current)
				}
			}
		}
	}
}

func TestOptionsAreValidated(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		o    Options
	}{
		{"non-canonical tag", Options{Pages: 1, Locales: []string{"es_MX"}}},
		{"English as a locale", Options{Pages: 1, Locales: []string{"en"}}},
		{"locale twice", Options{Pages: 1, Locales: []string{"es", "es"}}},
		{"coverage count", Options{Pages: 1, Locales: []string{"es", "ar", "vi"}, Coverage: []int{10, 20}}},
		{"coverage over 100", Options{Pages: 1, Locales: []string{"es"}, Coverage: []int{120}}},
		{"negative stale", Options{Pages: 1, Locales: []string{"es"}, Stale: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := Generate(t.TempDir(), tc.o); err == nil {
				t.Errorf("Generate(%+v) = nil, want an error", tc.o)
			}
		})
	}
}
