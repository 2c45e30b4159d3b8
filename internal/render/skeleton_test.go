package render

import (
	"html/template"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
)

// oldPageSource reads the page template as it was before skeleton.go:
// testdata/page.tmpl.
var oldPageSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile("testdata/page.tmpl")
	return string(b), err
})

// oldFuncs are the page template's functions and partialNotice, which
// testdata/page.tmpl calls where noticeHTML decides in Go.
var oldFuncs = func() template.FuncMap {
	m := template.FuncMap{"partialNotice": partialNotice}
	for k, f := range funcs {
		m[k] = f
	}
	return m
}()

// oldSkeleton parses testdata/page.tmpl; it writes the body with bodyHTML,
// which body_test.go compares with the template it replaced.
var oldSkeleton = sync.OnceValues(func() (*template.Template, error) {
	src, err := oldPageSource()
	if err != nil {
		return nil, err
	}
	return template.New("page").Funcs(oldFuncs).Parse(src)
})

// oldWritePage writes v with the old page template, its banner and
// "helpful" parts rendered by the old template's own definitions.
func oldWritePage(t testing.TB, v *View) string {
	t.Helper()
	tmpl, err := oldSkeleton()
	if err != nil {
		t.Fatal(err)
	}
	old := *v
	old.Parts = Parts{}
	for name, html := range map[string]*template.HTML{"banner": &old.Parts.Banner, "helpful": &old.Parts.Helpful} {
		var b strings.Builder
		if err := tmpl.ExecuteTemplate(&b, name, v.Chrome); err != nil {
			t.Fatalf("old template %q: %v", name, err)
		}
		*html = template.HTML(b.String())
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, &old); err != nil {
		t.Fatalf("old template: %v", err)
	}
	return b.String()
}

// newWritePage writes v with WritePage, its parts rendered by RenderParts.
func newWritePage(t testing.TB, v *View) string {
	t.Helper()
	v2 := *v
	v2.Parts = Parts{}
	var b strings.Builder
	if err := WritePage(&b, &v2); err != nil {
		t.Fatalf("WritePage: %v", err)
	}
	return b.String()
}

// checkPage fails t when WritePage and the old template write v
// differently, and says where they part.
func checkPage(t testing.TB, what string, v *View) {
	t.Helper()
	want, got := oldWritePage(t, v), newWritePage(t, v)
	if got == want {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	t.Errorf("%s: WritePage differs from the old template at byte %d (-want +got):\n-%q\n+%q", what, i, around(want, i), around(got, i))
}

// around is s from 60 bytes before i to 60 after.
func around(s string, i int) string {
	return s[max(i-60, 0):min(i+60, len(s))]
}

// trickyURLs are URLs html/template changes or filters, and some it
// leaves alone.
var trickyURLs = []string{
	"", "https://l10n.example.gov/es/narcotics-smuggling/", "../../es/narcotics-smuggling/?review=1", "../../",
	"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:x", "vbscript:x", "data:text/html,<b>x</b>",
	"HTTP://l10n.example.gov/", "Https://x/", "mailto:tips@example.gov", "MAILTO:x", "ftp://x/", "//evil.example/", "/wiki/Help:Contents", "a:b/c", "x/a:b",
	"/a b/", "/a\"b", "/a'b", "/a<b>", "/é/中文/", "/\xff/", "/\x00/", "/a\\b", "/(x)", "/a\nb",
	"/%", "/%2", "/%20", "/%zz", "/%41%", "/100%", "%41", "/a+b", "/?a=1&b=2", "/?a=1&amp;b=2", "/#frag", "/~u/[x]@!$*,;=",
}

// urlParts are what randomURL joins.
var urlParts = []string{
	"", "https:", "http:", "HTTP:", "mailto:", "javascript:", "data:", "//", "/", "../", "l10n.example.gov", "es", "x-default",
	"?review=1", "&", "+", "%", "%2", "%20", "%zz", "#", "#frag", " ", "\"", "'", "<", ">", "é", "中文", "\xff", "\x00",
	"(", ")", "\\", "\t", "\n", ":", "~", "[", "]", "@", "!", "$", "*", ",", ";", "=", "-", "_", ".",
}

func randomURL(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return trickyURLs[r.IntN(len(trickyURLs))]
	}
	var b strings.Builder
	for range r.IntN(5) {
		b.WriteString(urlParts[r.IntN(len(urlParts))])
	}
	return b.String()
}

// randomPlainText is randomText with a plain form, as Localizer.Text
// gives the title and the chrome.
func randomPlainText(r *rand.Rand) Text {
	t := randomText(r)
	t.Plain = randomString(r)
	return t
}

// randomView is a page of random values, lists of random length and
// random parts left out.
func randomView(r *rand.Rand) *View {
	v := &View{Lang: randomString(r), Dir: randomString(r), Title: randomPlainText(r), Body: randomNodes(r, 2),
		Canonical: randomURL(r), Root: randomString(r)}
	if r.IntN(2) == 0 {
		v.Description = randomPlainText(r)
	}
	if r.IntN(2) == 0 {
		v.Updated = randomText(r)
	}
	if r.IntN(8) != 0 {
		v.Chrome = map[string]Text{}
		for _, c := range content.Chrome {
			if r.IntN(10) != 0 {
				v.Chrome[c.ID] = randomPlainText(r)
			}
		}
	}
	for range r.IntN(4) {
		v.Crumbs = append(v.Crumbs, Crumb{Label: randomText(r), URL: randomURL(r)})
	}
	for range r.IntN(14) {
		v.Alternates = append(v.Alternates, Alternate{Hreflang: randomString(r), URL: randomURL(r)})
	}
	for range r.IntN(14) {
		v.Languages = append(v.Languages, Link{Lang: randomString(r), Name: randomString(r), Dir: randomString(r), URL: randomURL(r), Current: r.IntN(4) == 0})
	}
	if r.IntN(2) == 0 {
		v.Original = randomURL(r)
	}
	if r.IntN(4) == 0 {
		v.Review = &PageReview{Locale: randomString(r), Source: r.IntN(2) == 0, Total: r.IntN(9), Translated: r.IntN(9),
			Chain: randomString(r), Published: r.IntN(2) == 0, Reason: randomString(r), Dashboard: randomURL(r),
			Work: []ReviewWork{{ID: randomString(r), State: randomString(r), Shown: randomString(r)}}, Warnings: []string{randomString(r)}}
	}
	if r.IntN(4) == 0 {
		v.LiveReload = randomURL(r)
	}
	return v
}

// TestWritePageMatchesOldTemplateOnRandomViews compares WritePage with
// the old template on pages of random values; the seed is fixed, so a
// failure repeats.
func TestWritePageMatchesOldTemplateOnRandomViews(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		checkPage(t, "random view "+strconv.Itoa(i), randomView(r))
		if t.Failed() {
			break
		}
	}
}

// TestWritePageMatchesOldTemplateOnHandMadeViews compares WritePage with
// the old template on pages as the build and l10n serve make them, and on
// pages with odd values in each place the skeleton's Go code writes.
func TestWritePageMatchesOldTemplateOnHandMadeViews(t *testing.T) {
	t.Parallel()
	chrome := map[string]Text{}
	for _, c := range content.Chrome {
		chrome[c.ID] = Text{HTML: template.HTML(c.Text), Plain: c.Text}
	}
	fallen := func(m map[string]Text) map[string]Text {
		out := map[string]Text{}
		for id, t := range m {
			t.Lang, t.Dir = "en", "ltr"
			out[id] = t
		}
		return out
	}
	hostileChrome := map[string]Text{}
	for _, c := range content.Chrome {
		hostileChrome[c.ID] = Text{HTML: hostile, Plain: hostile, Lang: hostile, Dir: hostile, Notice: hostile}
	}
	review := &TextReview{ID: idTitle, State: "stale", From: "en", Class: ReviewStale, Source: "Tom & Jerry's <b>+1</b>", Key: "rv1"}
	page := func(tag string) *View {
		base := "https://l10n.example.gov/"
		v := &View{Lang: tag, Dir: "ltr", Title: Text{HTML: "Contrabando <em>x</em>", Plain: `Contrabando "x" + y`},
			Description: Text{Plain: "Descripción & más"}, Chrome: chrome, Canonical: base + tag + "/narcotics-smuggling/", Root: "../../",
			Body:    []*NodeView{{Kind: "p", Text: Text{HTML: "Hola."}}},
			Updated: Text{HTML: "Last Updated: April 22, 2024", Lang: "en", Dir: "ltr"},
			Crumbs:  []Crumb{{Label: Text{HTML: "Investigaciones"}, URL: "/es/investigations/"}, {Label: Text{HTML: "Drugs", Lang: "en", Dir: "ltr"}, URL: "../"}},
		}
		for _, l := range []string{"en", "es", "ar", "zh-Hans"} {
			v.Alternates = append(v.Alternates, Alternate{Hreflang: l, URL: base + l + "/narcotics-smuggling/"})
			v.Languages = append(v.Languages, Link{Lang: l, Name: "Name " + l, Dir: "ltr", URL: "../../" + l + "/narcotics-smuggling/", Current: l == tag})
		}
		v.Alternates = append(v.Alternates, Alternate{Hreflang: "x-default", URL: base + "en/narcotics-smuggling/"})
		if tag != "en" {
			v.Original = "../../en/narcotics-smuggling/"
		}
		return v
	}
	tests := map[string]func(v *View){
		"English":            func(v *View) { v.Lang, v.Original = "en", "" },
		"Spanish":            func(v *View) {},
		"chrome fallen back": func(v *View) { v.Chrome = fallen(chrome) },
		"hostile chrome":     func(v *View) { v.Chrome = hostileChrome },
		"no chrome":          func(v *View) { v.Chrome = nil },
		"empty chrome":       func(v *View) { v.Chrome = map[string]Text{} },
		"nothing":            func(v *View) { *v = View{} },
		"no lists": func(v *View) {
			v.Alternates, v.Languages, v.Crumbs = nil, nil, []Crumb{}
		},
		"no date, but a language": func(v *View) { v.Updated = Text{Lang: "en", Dir: "ltr"} },
		"hostile values": func(v *View) {
			v.Title = Text{HTML: hostile, Plain: hostile, Lang: hostile, Dir: hostile, Notice: hostile}
			v.Updated = Text{HTML: hostile, Lang: hostile, Dir: hostile}
			v.Crumbs = []Crumb{{Label: Text{HTML: hostile, Lang: hostile, Dir: hostile}, URL: hostile}}
			v.Alternates = []Alternate{{Hreflang: hostile, URL: hostile}}
			v.Languages = []Link{{Lang: hostile, Name: hostile, Dir: hostile, URL: hostile, Current: true}}
			v.Original = hostile
		},
		"review": func(v *View) {
			v.Title.Review = review
			v.Review = &PageReview{Locale: "es", Total: 4, Translated: 2, Missing: 2, VisiblePercent: "50", Chain: "es → en", Dashboard: "/_status#locale-es"}
			for i := range v.Languages {
				v.Languages[i].URL += "?review=1"
			}
		},
		"hostile review": func(v *View) {
			v.Title.Review = &TextReview{ID: hostile, State: hostile, From: hostile, Shown: true, Class: hostile, Source: hostile, Key: hostile}
		},
		"live reload": func(v *View) { v.LiveReload = "/_events?v=3" },
	}
	for i, u := range trickyURLs {
		tests["tricky URL "+strconv.Itoa(i)] = func(v *View) {
			v.Canonical, v.Original, v.LiveReload = u, u, u
			v.Crumbs[0].URL, v.Alternates[0].URL, v.Languages[1].URL = u, u, u
		}
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, tag := range []string{"en", "es"} {
				v := page(tag)
				edit(v)
				checkPage(t, tag, v)
			}
		})
	}
}

// TestWriteURLMatchesTemplate compares writeURL with html/template on the
// tricky URLs, on every string of one or two bytes, and on each of those
// after a scheme and a path.
func TestWriteURLMatchesTemplate(t *testing.T) {
	t.Parallel()
	tmpl := template.Must(template.New("").Parse(`<a href="{{.}}">`))
	check := func(u string) {
		var want strings.Builder
		if err := tmpl.Execute(&want, u); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		got.WriteString(`<a href="`)
		writeURL(&got, u)
		got.WriteString(`">`)
		if got.String() != want.String() {
			t.Errorf("writeURL(%q) = %q, want %q as html/template writes it", u, got.String(), want.String())
		}
	}
	for _, u := range trickyURLs {
		check(u)
	}
	for c := range 256 {
		one := string([]byte{byte(c)})
		for _, prefix := range []string{"", "https:", "http://x/", "/a/", "javascript:", "mailto:"} {
			check(prefix + one)
			check(one + prefix)
		}
		for d := range 256 {
			check(one + string([]byte{byte(d)}))
		}
	}
}

// TestWriteURLWritesUsualURLsItself: the URLs of a build take the fast
// path, not html/template.
func TestWriteURLWritesUsualURLsItself(t *testing.T) {
	t.Parallel()
	for _, u := range []string{
		"https://l10n.example.gov/zh-Hans/narcotics-smuggling/",
		"http://localhost:8080/es/",
		"../../es-MX/investigations/cyber-crimes/?review=1",
		"/_status#locale-es",
		"../",
	} {
		if !plainURL(u) {
			t.Errorf("plainURL(%q) = false, want true", u)
		}
	}
}
