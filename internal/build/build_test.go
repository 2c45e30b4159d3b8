package build_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// shipped builds the site shipped in this repository.
func shipped(t *testing.T) map[string][]byte {
	t.Helper()
	return buildAt(t, "../..")
}

// partial builds the shipped site with the partly translated ar, vi and
// ht catalogs of testdata/partial (../../testdata/partial/locales): the
// pages readers see while a translation is under way.
func partial(t *testing.T) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"l10n.toml", "content/narcotics-smuggling.md", "locales/en.toml", "locales/es.toml", "locales/es-MX.toml", "locales/zh-Hans.toml", "testdata/partial/locales/ar.toml", "testdata/partial/locales/vi.toml", "testdata/partial/locales/ht.toml"} {
		data, err := os.ReadFile(filepath.Join("../..", f))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, strings.TrimPrefix(f, "testdata/partial/"))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buildAt(t, dir)
}

// buildAt builds the site at root, in memory.
func buildAt(t *testing.T, root string) map[string][]byte {
	t.Helper()
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	in, err := build.Load(s)
	if err != nil {
		t.Fatal(err)
	}
	files, err := build.Site(in)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// TestShippedPagesMatchGolden compares the built narcotics-smuggling page
// in English, Spanish, Arabic and Haitian Creole, and in Arabic partly
// translated (the partial fixture, golden ar-partial.html), with the
// reviewed HTML in testdata/golden. Run "go test ./internal/build
// -update" to rewrite them after a deliberate change, and review the
// diff.
func TestShippedPagesMatchGolden(t *testing.T) {
	files, fixture := shipped(t), partial(t)
	for _, name := range []string{"en", "es", "ar", "ht", "ar-partial"} {
		t.Run(name, func(t *testing.T) {
			tag, isPartial := strings.CutSuffix(name, "-partial")
			built := files
			if isPartial {
				built = fixture
			}
			got, ok := built[tag+"/narcotics-smuggling/index.html"]
			if !ok {
				t.Fatalf("no page %s/narcotics-smuggling/index.html", tag)
			}
			golden := filepath.Join("testdata", "golden", name+".html")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/build -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test ./internal/build -update and review the diff", name, golden)
			}
		})
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := shipped(t), shipped(t)
	if len(a) != len(b) {
		t.Fatalf("first build wrote %d files, second %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
}

// body returns the <main> element of a page: the part that holds the
// page's own text, without the chrome's language switcher.
func body(t *testing.T, page []byte) string {
	t.Helper()
	s := string(page)
	i, j := strings.Index(s, "<main"), strings.Index(s, "</main>")
	if i < 0 || j < i {
		t.Fatal("page has no <main> element")
	}
	return s[i:j]
}

func TestSpanishPageIsFullySpanish(t *testing.T) {
	files := shipped(t)
	page := files["es/narcotics-smuggling/index.html"]
	if !bytes.Contains(page, []byte(`<html lang="es" dir="ltr">`)) {
		t.Error(`es page lacks <html lang="es" dir="ltr">`)
	}
	if m := regexp.MustCompile(`<[^>]* lang="[^"]*"[^>]*>`).FindAllString(body(t, page), -1); len(m) > 0 {
		t.Errorf("es page has blocks in another language: %q", m)
	}
	for _, want := range []string{"Contrabando de narcóticos", "Un sitio oficial del Gobierno de Estados Unidos", "22 de abril de 2024", "fentanilo"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("es page lacks %q", want)
		}
	}
}

func TestMexicanPageShowsOverridesAndSpanishElsewhere(t *testing.T) {
	files := shipped(t)
	page := string(files["es-MX/narcotics-smuggling/index.html"])
	main := body(t, []byte(page))
	if regexp.MustCompile(`\slang="en"`).MatchString(main) {
		t.Error("es-MX page shows English; every message has a Spanish translation")
	}
	// An es-MX override is in the page locale: no lang attribute.
	if !regexp.MustCompile(`<p>[^<]*aseguramientos de drogas`).MatchString(main) {
		t.Error("es-MX page lacks its override \"aseguramientos de drogas\" as an unmarked es-MX block")
	}
	// A message es-MX does not override comes from es, marked as such.
	if !strings.Contains(main, `<h1 lang="es" dir="ltr">Contrabando de narcóticos</h1>`) {
		t.Error(`es-MX page: title should come from es, marked lang="es"`)
	}
}

func TestPartialArabicPageIsRightToLeftWithEnglishBlocksMarked(t *testing.T) {
	files := partial(t)
	page := string(files["ar/narcotics-smuggling/index.html"])
	if !strings.Contains(page, `<html lang="ar" dir="rtl">`) {
		t.Error(`ar page lacks <html lang="ar" dir="rtl">`)
	}
	main := body(t, []byte(page))
	english := regexp.MustCompile(`<(p|h2|li)[^>]*lang="en" dir="ltr"`).FindAllString(main, -1)
	arabic := regexp.MustCompile(`<(p|h2)>`).FindAllString(main, -1)
	if len(english) == 0 || len(arabic) == 0 {
		t.Errorf("ar page should mix Arabic and marked English blocks: %d English, %d Arabic", len(english), len(arabic))
	}
	if strings.Contains(main, `<p>HSI tracks`) {
		t.Error("an English paragraph on the Arabic page is not marked lang=\"en\"")
	}
}

// TestPartialPagesSayWhatIsNotTranslated: a page with blocks in English
// says so, naming English; a fully translated page, and an es-MX page
// whose gaps es fills, say they are translations.
func TestPartialPagesSayWhatIsNotTranslated(t *testing.T) {
	fixture, files := partial(t), shipped(t)
	for _, c := range []struct {
		name  string
		page  []byte
		want  string
		names string
	}{
		// English, named in the page's language.
		{"partial ar", fixture["ar/narcotics-smuggling/index.html"], "translation-notice partial", "باللغة الإنجليزية"},
		{"partial vi", fixture["vi/narcotics-smuggling/index.html"], "translation-notice partial", "bằng Tiếng Anh"},
		{"ar", files["ar/narcotics-smuggling/index.html"], `translation-notice"`, ""},
		{"es-MX", files["es-MX/narcotics-smuggling/index.html"], `translation-notice"`, ""},
	} {
		if len(c.page) == 0 {
			t.Errorf("%s: no page", c.name)
			continue
		}
		i := bytes.Index(c.page, []byte(`<p class="translation-notice`))
		j := bytes.Index(c.page[max(i, 0):], []byte("</p>"))
		if i < 0 || j < 0 {
			t.Errorf("%s: no translation notice", c.name)
			continue
		}
		notice := string(c.page[i : i+j])
		if !strings.Contains(notice, c.want) {
			t.Errorf("%s: notice %q lacks %q", c.name, notice, c.want)
		}
		if c.names != "" && !strings.Contains(notice, c.names) {
			t.Errorf("%s: notice %q does not name %s", c.name, notice, c.names)
		}
	}
}

// TestPageWithUntranslatedTitleIsNotPublished: the partial ht catalog
// translates the chrome but not the page; under the default min_percent
// the page is not published in ht: no file, no alternate, no sitemap.
func TestPageWithUntranslatedTitleIsNotPublished(t *testing.T) {
	files := partial(t)
	if _, ok := files["ht/narcotics-smuggling/index.html"]; ok {
		t.Error("ht page published though its title and body are in English")
	}
	if bytes.Contains(files["en/narcotics-smuggling/index.html"], []byte(`hreflang="ht"`)) {
		t.Error("en page links to an ht alternate that is not published")
	}
	if bytes.Contains(files["sitemaps/en.xml"], []byte(`hreflang="ht"`)) {
		t.Error("the en sitemap lists an ht alternate that is not published")
	}
	if _, ok := files["ar/narcotics-smuggling/index.html"]; !ok {
		t.Error("partial ar page not published: its title and most of its own messages are Arabic")
	}
}

func TestHaitianPageIsHaitian(t *testing.T) {
	files := shipped(t)
	page := string(files["ht/narcotics-smuggling/index.html"])
	if !strings.Contains(page, `<html lang="ht" dir="ltr">`) {
		t.Error(`ht page lacks <html lang="ht" dir="ltr">`)
	}
	if strings.Contains(page, `alt="U.S. flag"`) {
		t.Error("ht page: the flag's alt text is in English")
	}
	if m := regexp.MustCompile(`<[^>]* lang="[^"]*"[^>]*>`).FindAllString(body(t, []byte(page)), -1); len(m) > 0 {
		t.Errorf("ht page has blocks in another language: %q", m)
	}
}

func TestEveryPageHasAlternatesAndSitemapListsThem(t *testing.T) {
	files := shipped(t)
	tags := []string{"en", "ar", "es", "es-MX", "ht", "vi", "zh-Hans"}
	index := string(files["sitemap.xml"])
	for _, tag := range tags {
		page := string(files[tag+"/narcotics-smuggling/index.html"])
		for _, alt := range append(tags, "x-default") {
			if !strings.Contains(page, `<link rel="alternate" hreflang="`+alt+`"`) {
				t.Errorf("%s page lacks hreflang alternate %s", tag, alt)
			}
		}
		if !strings.Contains(index, "<loc>https://l10n.example.gov/sitemaps/"+tag+".xml</loc>") {
			t.Errorf("sitemap.xml does not list the sitemap of %s", tag)
		}
		sitemap := string(files["sitemaps/"+tag+".xml"])
		if !strings.Contains(sitemap, "<loc>https://l10n.example.gov/"+tag+"/narcotics-smuggling/</loc>") {
			t.Errorf("the sitemap of %s lacks its page", tag)
		}
		if n := strings.Count(sitemap, `hreflang="x-default"`); n != 1 {
			t.Errorf("the sitemap of %s has %d x-default alternates, want 1 (one per URL)", tag, n)
		}
		for _, alt := range tags {
			if !strings.Contains(sitemap, `hreflang="`+alt+`" href="https://l10n.example.gov/`+alt+`/narcotics-smuggling/"`) {
				t.Errorf("the sitemap of %s lacks the %s alternate", tag, alt)
			}
		}
	}
}
