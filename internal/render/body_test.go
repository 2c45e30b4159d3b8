package render

import (
	"html/template"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// oldNodes reads the template definitions that wrote the page body
// before body.go: testdata/nodes.tmpl.
var oldNodes = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile("testdata/nodes.tmpl")
	return string(b), err
})

// oldBody writes nodes with the old "nodes" template.
func oldBody(t testing.TB, nodes []*NodeView) string {
	t.Helper()
	src, err := oldNodes()
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("old").Parse(src))
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, "nodes", nodes); err != nil {
		t.Fatalf("old template: %v", err)
	}
	return b.String()
}

// checkBody fails t when bodyHTML and the old template write nodes
// differently.
func checkBody(t testing.TB, nodes []*NodeView) {
	t.Helper()
	want := oldBody(t, nodes)
	if got := string(bodyHTML(nodes)); got != want {
		t.Errorf("bodyHTML differs from the old template (-want +got):\n-%q\n+%q", want, got)
	}
}

// hostile is text with every character html/template escapes, and some
// it does not.
const hostile = "a&b<c>d\"e'f+g\x00h é 中文 \xff ;(){}/\\ expression"

func TestBodyMatchesTemplateForEveryKind(t *testing.T) {
	t.Parallel()
	plain := Text{HTML: "Plain <strong>text</strong> &amp; more"}
	fallen := Text{HTML: "<em>English</em>", Lang: "en", Dir: "ltr"}
	rtl := Text{HTML: "عربي", Lang: "ar", Dir: "rtl"}
	hostileLang := Text{HTML: "x", Lang: hostile, Dir: hostile}
	notice := Text{HTML: "Viejo.", Notice: `<small class="stale-notice"><span>Changed.</span> <a href="../../en/x/" hreflang="en">English</a></small>`}
	review := Text{HTML: "Revisado", Lang: "en", Dir: "ltr", Notice: "<small>n</small>", Review: &TextReview{
		ID: "page.intro.p1", State: "stale", From: "en", Class: ReviewStale, Source: "Tom & Jerry's <b>+1</b>", Key: "rv7"}}
	hostileReview := Text{HTML: "x", Review: &TextReview{ID: hostile, State: hostile, From: hostile, Shown: true, Class: hostile, Key: hostile}}
	texts := map[string]Text{"plain": plain, "fallen back": fallen, "right to left": rtl, "hostile lang": hostileLang,
		"stale notice": notice, "review": review, "hostile review": hostileReview, "empty": {}}

	tests := map[string][]*NodeView{
		"ordered list from 1":   {{Kind: "ol", Start: 1, Children: []*NodeView{{Kind: "li", Children: []*NodeView{{Kind: "text", Text: plain}}}}}},
		"ordered list from 0":   {{Kind: "ol", Start: 0}},
		"ordered list from 42":  {{Kind: "ol", Start: 42, Children: []*NodeView{{Kind: "li", Text: fallen}}}},
		"ordered list from -3":  {{Kind: "ol", Start: -3}},
		"quote":                 {{Kind: "quote", Children: []*NodeView{{Kind: "p", Text: plain}, {Kind: "p", Text: fallen}}}},
		"code":                  {{Kind: "code", Code: "if a < b && c > d {\n\tfmt.Println(\"+\", '\\x00')\n}\n"}},
		"hostile code":          {{Kind: "code", Code: hostile}},
		"rule":                  {{Kind: "hr"}},
		"unknown kind":          {{Kind: "figure", Text: plain, Children: []*NodeView{{Kind: "p", Text: plain}}}, {Kind: ""}},
		"no nodes":              nil,
		"h2 anchor":             {{Kind: "h", Level: 2, Anchor: "how-to-report", Text: plain}},
		"hostile h2 anchor":     {{Kind: "h", Level: 2, Anchor: hostile, Text: review}},
		"anchor on h3 not used": {{Kind: "h", Level: 3, Anchor: "x", Text: plain}},
	}
	for name, text := range texts {
		var headings []*NodeView
		for level := -1; level <= 8; level++ {
			headings = append(headings, &NodeView{Kind: "h", Level: level, Text: text})
		}
		tests["headings, "+name] = headings
		tests["paragraph, "+name] = []*NodeView{{Kind: "p", Text: text}}
		tests["text, "+name] = []*NodeView{{Kind: "text", Text: text}, {Kind: "text", Text: text}}
		tests["tight list, "+name] = []*NodeView{{Kind: "ul", Children: []*NodeView{
			{Kind: "li", Text: text, Children: []*NodeView{{Kind: "text", Text: text}}},
			{Kind: "li", Children: []*NodeView{{Kind: "text", Text: text}, {Kind: "ul", Children: []*NodeView{{Kind: "li", Children: []*NodeView{{Kind: "p", Text: text}}}}}}},
		}}}
		var cells []*NodeView
		for _, align := range []string{"", "left", "center", "right", "LEFT", "justify", "left;color:red", "x\"y", hostile, "a+b", "-moz-binding", "expression(1)", "\x00"} {
			cells = append(cells, &NodeView{Kind: "th", Align: align, Text: text}, &NodeView{Kind: "td", Align: align, Text: text})
		}
		tests["table, "+name] = []*NodeView{{Kind: "table", Children: []*NodeView{{Kind: "tr", Children: cells}}}}
	}
	for name, nodes := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkBody(t, nodes)
		})
	}
}

// TestBodyMatchesTemplateOnRandomTrees compares bodyHTML with the old
// template on trees of random kinds, values and nesting; the seed is
// fixed, so a failure repeats.
func TestBodyMatchesTemplateOnRandomTrees(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		nodes := randomNodes(r, 3)
		want := oldBody(t, nodes)
		if got := string(bodyHTML(nodes)); got != want {
			t.Fatalf("tree %d: bodyHTML differs from the old template (-want +got):\n-%q\n+%q", i, want, got)
		}
	}
}

var (
	randomKinds = []string{"h", "p", "text", "ul", "ol", "li", "quote", "code", "hr", "table", "tr", "th", "td", "", "bogus"}
	randomParts = []string{"", "a", "left", "center", "right", "en", "rtl", "&", "<", ">", "\"", "'", "+", "\x00", "é", "中", "\xff", " ", ";", "(", "/", "\\", "-", "--", "expression", "<b>x</b>"}
)

func randomString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(4) {
		b.WriteString(randomParts[r.IntN(len(randomParts))])
	}
	return b.String()
}

func randomText(r *rand.Rand) Text {
	t := Text{HTML: template.HTML(randomString(r))}
	if r.IntN(2) == 0 {
		t.Lang, t.Dir = randomString(r), randomString(r)
	}
	if r.IntN(3) == 0 {
		t.Notice = template.HTML(randomString(r))
	}
	if r.IntN(3) == 0 {
		t.Review = &TextReview{ID: randomString(r), State: randomString(r), From: randomString(r), Shown: r.IntN(2) == 0,
			Class: randomString(r), Source: randomString(r), Key: randomString(r)}
	}
	return t
}

func randomNodes(r *rand.Rand, depth int) []*NodeView {
	if depth == 0 {
		return nil
	}
	nodes := make([]*NodeView, r.IntN(4))
	for i := range nodes {
		n := &NodeView{Kind: randomKinds[r.IntN(len(randomKinds))], Level: r.IntN(9) - 1, Start: r.IntN(4) - 1, Text: randomText(r)}
		if r.IntN(2) == 0 {
			n.Anchor, n.Align, n.Code = randomString(r), randomString(r), randomString(r)
		}
		n.Children = randomNodes(r, depth-1)
		nodes[i] = n
	}
	return nodes
}

// bodyValues are the values of a small tree of every kind.
type bodyValues struct {
	kind                                                   string
	level, start                                           int
	align, anchor, code, html, lang, dir, notice, key, src string
}

// TestBodyMatchesTemplateForAnyValues puts the same values in a node of
// every kind, each with a child of the case's kind, and compares.
// (A fuzz target doing so would also have to be listed in .ci/run.)
func TestBodyMatchesTemplateForAnyValues(t *testing.T) {
	t.Parallel()
	tests := map[string]bodyValues{
		"ordinary":    {"p", 1, 1, "left", "anchor", "code", "<em>x</em>", "en", "ltr", "", "rv1", "English"},
		"hostile":     {"h", 2, 3, "center", hostile, hostile, hostile, hostile, hostile, hostile, hostile, hostile},
		"css filter":  {"td", 0, 0, "expression(x)", "", "", "", "", "", "notice", "", ""},
		"css comment": {"th", 7, -1, "a--b", "", "", "", "", "", "", "k", ""},
		"css escape":  {"li", 2, 2, `c eft`, "", "", "", "", "", "", "", ""},
		"upper case":  {"text", 2, 2, "Right", "+", "+", "+", "+", "+", "+", "+", "+"},
	}
	for name, v := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			text := Text{HTML: template.HTML(v.html), Lang: v.lang, Dir: v.dir, Notice: template.HTML(v.notice)}
			if v.key != "" {
				text.Review = &TextReview{ID: v.anchor, State: v.code, From: v.lang, Class: v.dir, Source: v.src, Key: v.key}
			}
			var nodes []*NodeView
			for _, k := range randomKinds {
				n := &NodeView{Kind: k, Level: v.level, Start: v.start, Align: v.align, Anchor: v.anchor, Code: v.code, Text: text}
				n.Children = []*NodeView{{Kind: v.kind, Level: v.level, Start: v.start, Align: v.align, Anchor: v.anchor, Code: v.code, Text: text}}
				nodes = append(nodes, n)
			}
			checkBody(t, nodes)
		})
	}
}

// oldPage is the page template as it was before body.go and
// skeleton.go: testdata/page.tmpl with the body written by
// testdata/nodes.tmpl.
func oldPage(t *testing.T) *template.Template {
	t.Helper()
	src, err := oldNodes()
	if err != nil {
		t.Fatal(err)
	}
	pageSrc, err := oldPageSource()
	if err != nil {
		t.Fatal(err)
	}
	const call = "{{body .Body}}"
	if strings.Count(pageSrc, call) != 1 {
		t.Fatalf("testdata/page.tmpl does not call %s once", call)
	}
	page := template.Must(template.New("page").Funcs(oldFuncs).Parse(strings.Replace(pageSrc, call, `{{template "nodes" .Body}}`, 1)))
	template.Must(page.New("old").Parse(src))
	return page
}

// richBody is a page structure with every kind of node, blocks that are
// translated, fallen back, stale and missing.
func richBody() []*content.Node {
	block := func(id string) *content.Block { return &content.Block{ID: id} }
	item := func(id string) *content.Node {
		return &content.Node{Kind: content.NodeItem, Children: []*content.Node{{Kind: content.NodeParagraph, Block: block(id)}}}
	}
	cell := func(id, align string, header bool) *content.Node {
		return &content.Node{Kind: content.NodeCell, Align: align, Header: header, Block: block(id)}
	}
	return []*content.Node{
		{Kind: content.NodeParagraph, Block: block(idP1)},
		{Kind: content.NodeHeading, Level: 2, Block: block("narcotics-smuggling.report.h")},
		{Kind: content.NodeParagraph, Block: block(idP2)},
		{Kind: content.NodeHeading, Level: 3, Block: block(idTitle)},
		{Kind: content.NodeList, Tight: true, Children: []*content.Node{item(idItem), item(idP1), item("no.such.item")}},
		{Kind: content.NodeList, Ordered: true, Start: 3, Children: []*content.Node{item(idP2), item(idItem)}},
		{Kind: content.NodeQuote, Children: []*content.Node{{Kind: content.NodeParagraph, Block: block(idItem)}}},
		{Kind: content.NodeCode, Code: "curl -d 'a=1&b=2+3' <url>\n"},
		{Kind: content.NodeRule},
		{Kind: content.NodeTable, Children: []*content.Node{
			{Kind: content.NodeRow, Children: []*content.Node{cell(idP1, "left", true), cell(idP2, "", true), cell(idItem, "right", true)}},
			{Kind: content.NodeRow, Children: []*content.Node{cell(idTitle, "center", false), cell("no.such.cell", "", false), cell(idP1, "right", false)}},
		}},
	}
}

// TestWritePageMatchesTemplate writes whole pages, as a build and as
// review mode does, and compares them with the old template's.
func TestWritePageMatchesTemplate(t *testing.T) {
	t.Parallel()
	ar := catalogFile("ar", translated(idTitle, "تهريب المخدرات"), stale(idP1, "نص قديم + <b>&</b>"), translated("chrome.site_name", "إدارة الهجرة"))
	es := catalogFile("es", translated(idTitle, `Contrabando "+" <narcóticos>`), stale(idP2, "**HSI** lo investiga."), translated(idItem, "Denúncielo a la [línea](https://www.ice.gov/tips)."))
	tests := []struct {
		name, tag   string
		showStale   bool
		review      bool
		description bool
	}{
		{"English", "en", false, false, true},
		{"Arabic, stale falls back", "ar", false, false, false},
		{"Arabic, stale with notice", "ar", true, false, true},
		{"Spanish, review", "es", true, true, true},
		{"English, review", "en", false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := localizer(t, tt.tag, ar, es)
			l.Original = "../../en/narcotics-smuggling/"
			l.Review = tt.review
			if tt.showStale {
				l.ShowStale = func(language.Tag) bool { return true }
			}
			l.Cache = NewCache()
			date := time.Date(2024, 4, 22, 0, 0, 0, 0, time.UTC)
			v := &View{Lang: tt.tag, Dir: "ltr", Title: l.Text(idTitle), Body: l.Body(richBody()), Updated: l.Updated(date),
				Chrome: l.Chrome(date), Canonical: "https://l10n.example.gov/" + tt.tag + "/narcotics-smuggling/", Root: "../../",
				Crumbs: []Crumb{{Label: l.Text(idP2), URL: "../../" + tt.tag + "/"}}}
			if tt.description {
				v.Description = l.Text(idP1)
			}
			if tt.review {
				v.Review = &PageReview{Locale: tt.tag, Total: 4, Chain: tt.tag + " → en", Dashboard: "/_status"}
			}
			parts, err := RenderParts(v.Chrome)
			if err != nil {
				t.Fatal(err)
			}
			v.Parts = parts
			var want strings.Builder
			if err := oldPage(t).Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			if err := WritePage(&got, v); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("WritePage differs from the old template (-want +got):\n-%s\n+%s", want.String(), got.String())
			}
			if tt.showStale && tt.tag != "en" && !strings.Contains(got.String(), `class="stale-notice"`) {
				t.Errorf("page has no stale notice; the test no longer covers it")
			}
		})
	}
}

// TestBodyRendersNoPlainText: the body is HTML only, so Localizer.Body
// leaves its plain form unrendered, while Text still gives it.
func TestBodyRendersNoPlainText(t *testing.T) {
	t.Parallel()
	l := localizer(t, "es")
	l.Cache = NewCache()
	var walk func([]*NodeView)
	walk = func(nodes []*NodeView) {
		for _, n := range nodes {
			if n.Text.Plain != "" {
				t.Errorf("Body: %s node has plain text %q, want none", n.Kind, n.Text.Plain)
			}
			walk(n.Children)
		}
	}
	walk(l.Body(richBody()))
	for text := range l.Cache.plain {
		t.Errorf("Body rendered the plain form of %q", text)
	}
	if got, want := l.Text(idP2).Plain, "HSI investigates it."; got != want {
		t.Errorf("Text(%s).Plain = %q after Body, want %q", idP2, got, want)
	}
	if got, want := l.Text(idP2).HTML, template.HTML("<strong>HSI</strong> investigates it."); got != want {
		t.Errorf("Text(%s).HTML = %q, want %q", idP2, got, want)
	}
}
