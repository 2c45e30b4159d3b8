package render

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
)

// body is the structure of the test page: two paragraphs and a tight list.
func body() []*content.Node {
	return []*content.Node{
		{Kind: content.NodeParagraph, Block: &content.Block{ID: idP1}},
		{Kind: content.NodeParagraph, Block: &content.Block{ID: idP2}},
		{Kind: content.NodeList, Tight: true, Children: []*content.Node{
			{Kind: content.NodeItem, Children: []*content.Node{
				{Kind: content.NodeParagraph, Block: &content.Block{ID: idItem}},
			}},
		}},
	}
}

// writePage renders the test page in tag over the given catalog, the way
// the build assembles a View, and returns the HTML.
func writePage(t *testing.T, tag, dir string, files ...*catalog.File) string {
	t.Helper()
	l := localizer(t, tag, files...)
	date := time.Date(2024, 4, 22, 0, 0, 0, 0, time.UTC)
	v := &View{
		Lang:      tag,
		Dir:       dir,
		Title:     l.Text(idTitle),
		Body:      l.Body(body()),
		Updated:   l.Updated(date),
		Chrome:    l.Chrome(date),
		Canonical: "https://l10n.example.gov/" + tag + "/narcotics-smuggling/",
		Root:      "../../",
	}
	if tag != "en" {
		v.Original = "../../en/narcotics-smuggling/"
	}
	var b strings.Builder
	if err := WritePage(&b, v); err != nil {
		t.Fatalf("WritePage(%s page): %v", tag, err)
	}
	return b.String()
}

func TestWritePageMarksLanguageOfEachBlock(t *testing.T) {
	t.Parallel()
	out := writePage(t, "ar", "rtl", catalogFile("ar",
		translated(idTitle, "تهريب المخدرات"),
		translated(idP1, "تهريب المخدرات جريمة عالمية ذات آثار محلية."),
		translated("chrome.site_name", "إدارة الهجرة والجمارك الأمريكية"),
	))
	for _, want := range []string{
		`<html lang="ar" dir="rtl">`,
		// translated: no lang of its own
		"<h1>تهريب المخدرات</h1>",
		"<p>تهريب المخدرات جريمة عالمية ذات آثار محلية.</p>",
		`<p class="site-name">إدارة الهجرة والجمارك الأمريكية</p>`,
		// fallen back: marked English, left to right
		`<p lang="en" dir="ltr"><strong>HSI</strong> investigates it.</p>`,
		`<li lang="en" dir="ltr">Report it to the <a href="https://www.ice.gov/webform/hsi-tip-form">HSI Tip Line</a>.</li>`,
		`<a class="skip" href="#main" lang="en" dir="ltr">Skip to main content</a>`,
		`<p class="updated" lang="en" dir="ltr">Last Updated: April 22, 2024</p>`,
		`<title id="banner-lock-title" lang="en">Lock</title>`,
		`<a href="../../en/narcotics-smuggling/" hreflang="en" lang="en" dir="ltr">Read the original in English</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Arabic page lacks %s", want)
		}
	}
	if t.Failed() {
		t.Logf("page:\n%s", out)
	}
}

// TestWritePageMarksNothingOnEnglishPage: on the English page nothing fell
// back, so the only lang attributes are the page's own and those of the
// language switcher (which has no entries here).
func TestWritePageMarksNothingOnEnglishPage(t *testing.T) {
	t.Parallel()
	out := writePage(t, "en", "ltr")
	if !strings.Contains(out, `<html lang="en" dir="ltr">`) {
		t.Errorf("English page lacks <html lang=\"en\" dir=\"ltr\">")
	}
	if n := len(langAttrRE.FindAllString(out, -1)); n != 1 {
		t.Errorf("English page has %d lang attributes, want 1 (on <html>):\n%s", n, out)
	}
	if strings.Contains(out, `class="translation-notice"`) {
		t.Errorf("English page has a translation notice")
	}
}

var langAttrRE = regexp.MustCompile(`\slang="`)

var elementRE = regexp.MustCompile(`(?i)<(script|iframe|object|embed|b)[\s>/]`)

// TestWritePageEscapesHostileTranslations: markup typed into a translation
// comes out as text in the <title>, the heading, the body and the banner.
func TestWritePageEscapesHostileTranslations(t *testing.T) {
	t.Parallel()
	out := writePage(t, "es", "ltr", catalogFile("es",
		translated(idTitle, `Contrabando </title><script>alert(1)</script>`),
		translated(idP1, `<img src=x onerror=alert(1)> [clic](javascript:alert(1))`),
		translated(idP2, `<b onclick="alert(1)">HSI</b> ![x](https://tracker.example/p.png)`),
		translated("chrome.banner.lock_title", `"><script>alert(1)</script>`),
	))
	for _, want := range []string{
		"<title>Contrabando &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; | U.S. Immigration and Customs Enforcement</title>",
		"<h1>Contrabando &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
		`<p>&lt;img src=x onerror=alert(1)&gt; <a href="">clic</a></p>`,
		`<p>&lt;b onclick=&quot;alert(1)&quot;&gt;HSI&lt;/b&gt; x</p>`,
		// The banner text around the padlock fell back to English: the
		// padlock's Spanish name says it is Spanish.
		`<title id="banner-lock-title" lang="es">&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Spanish page lacks %s", want)
		}
	}
	// The template itself has none of these elements, so any would come
	// from a translation.
	for _, m := range elementRE.FindAllString(out, -1) {
		t.Errorf("Spanish page has a %s element from a translation", m)
	}
	// The template's one image is the banner flag, its one style sheet
	// the site's.
	if n := strings.Count(out, "<img"); n != 1 || !strings.Contains(out, `<img class="flag"`) {
		t.Errorf("Spanish page has %d <img> elements, want only the banner flag", n)
	}
	if n := strings.Count(out, "<style"); n != 1 {
		t.Errorf("Spanish page has %d <style> elements, want 1", n)
	}
	if strings.Contains(strings.ToLower(out), "javascript:") {
		t.Errorf("Spanish page has a javascript: URL")
	}
	if t.Failed() {
		t.Logf("page:\n%s", out)
	}
}

// BenchmarkWritePage writes a page shaped like a build's: a dozen
// alternates and switcher entries, a breadcrumb, a translation notice and
// a body of twenty paragraphs, its parts rendered once beforehand.
func BenchmarkWritePage(b *testing.B) {
	chrome := map[string]Text{}
	for _, c := range content.Chrome {
		chrome[c.ID] = Text{HTML: template.HTML(c.Text), Plain: c.Text}
	}
	base, slug := "https://l10n.example.gov/", "/topics/border-security/narcotics-smuggling/"
	v := &View{Lang: "es", Dir: "ltr", Title: Text{HTML: "Contrabando", Plain: "Contrabando"}, Description: Text{Plain: "Descripción."},
		Chrome: chrome, Canonical: base + "es" + slug, Root: "../../../../", Original: "../../../../en" + slug,
		Updated: Text{HTML: "Última actualización: 22 de abril de 2024"},
		Crumbs:  []Crumb{{Label: Text{HTML: "Temas"}, URL: "../../"}, {Label: Text{HTML: "Seguridad fronteriza"}, URL: "../"}}}
	for range 20 {
		v.Body = append(v.Body, &NodeView{Kind: "p", Text: Text{HTML: "El contrabando de narcóticos es un delito mundial con efectos locales."}})
	}
	for _, l := range []string{"en", "ar", "es", "es-MX", "fr", "ht", "ko", "ru", "vi", "zh-Hans", "zh-Hant"} {
		v.Alternates = append(v.Alternates, Alternate{Hreflang: l, URL: base + l + slug})
		v.Languages = append(v.Languages, Link{Lang: l, Name: l, Dir: "ltr", URL: v.Root + l + slug, Current: l == "es"})
	}
	v.Alternates = append(v.Alternates, Alternate{Hreflang: "x-default", URL: base + "en" + slug})
	parts, err := RenderParts(chrome)
	if err != nil {
		b.Fatal(err)
	}
	v.Parts = parts
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WritePage(&buf, v); err != nil {
			b.Fatal(err)
		}
	}
}
