package render

import (
	_ "embed"
	"html/template"
	"io"
	"strings"

	"github.com/hsi-l10n/l10n/internal/content"
)

//go:embed page.html
var pageHTML string

//go:embed style.css
var styleCSS string

// flagSVG is the small U.S. flag of the .gov banner, inline so pages make
// no network fetches.
const flagSVG = `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 11'%3E%3Cpath fill='%23b22234' d='M0 0h16v11H0z'/%3E%3Cpath stroke='%23fff' d='M0 1.3h16M0 3h16M0 4.7h16M0 6.3h16M0 8h16M0 9.7h16' stroke-width='.85'/%3E%3Cpath fill='%233c3b6e' d='M0 0h7v5.9H0z'/%3E%3C/svg%3E`

var funcs = template.FuncMap{
	"css":  func() template.CSS { return template.CSS(styleCSS) },
	"flag": func() template.URL { return template.URL(flagSVG) },
	// reviewCSS is the style of review mode, written only when it is on.
	"reviewCSS": func() template.CSS { return template.CSS(reviewCSS) },
	// body writes the page body; see body.go.
	"body": bodyHTML,
	// The rest write what the skeleton repeats or decides per page; see
	// skeleton.go.
	"alternates": alternatesHTML,
	"languages":  languagesHTML,
	"notice":     noticeHTML,
	"crumbs":     crumbsHTML,
	"heading":    headingHTML,
	"updated":    updatedHTML,
	// label and labelText name an element whose content is not the name;
	// see label.go.
	"label":     labelAttr,
	"labelText": labelText,
}

var pageTemplate = template.Must(template.New("page").Funcs(funcs).Parse(pageHTML))

// Parts are pieces of a page that are the same on every page of a
// locale: rendered once per locale by [RenderParts], through the same
// template and escaping, and inserted as they are.
type Parts struct {
	Banner     template.HTML // skip link and .gov banner
	Header     template.HTML // site header, up to the language switcher's entries
	Breadcrumb template.HTML // the breadcrumb's start tags, up to its entries
	Helpful    template.HTML // "Was this page helpful?"
	SiteName   string        // the site's name as plain text, for the <title>
}

// RenderParts renders the parts of a page in the locale of chrome.
func RenderParts(chrome map[string]Text) (Parts, error) {
	p := Parts{SiteName: chrome["chrome.site_name"].Plain}
	// Each part is the template of its name in page.html, on chrome.
	for _, part := range []struct {
		name string
		html *template.HTML
	}{{"banner", &p.Banner}, {"header", &p.Header}, {"breadcrumb", &p.Breadcrumb}, {"helpful", &p.Helpful}} {
		var b strings.Builder
		if err := pageTemplate.ExecuteTemplate(&b, part.name, chrome); err != nil {
			return Parts{}, err
		}
		*part.html = template.HTML(b.String())
	}
	return p, nil
}

// WritePage writes the HTML page of v, rendering its Parts first if the
// caller did not.
func WritePage(w io.Writer, v *View) error {
	if v.Parts.Banner == "" {
		parts, err := RenderParts(v.Chrome)
		if err != nil {
			return err
		}
		v.Parts = parts
	}
	return pageTemplate.Execute(w, v)
}

// CSS returns the site's style sheet, inlined in every page.
func CSS() template.CSS { return template.CSS(styleCSS) }

// EnglishChrome returns the English text of chrome message id.
func EnglishChrome(id string) string {
	for _, c := range content.Chrome {
		if c.ID == id {
			return c.Text
		}
	}
	return id
}
