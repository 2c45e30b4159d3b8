package render

import (
	"html/template"
	"strings"
)

// The page skeleton stays a template (page.html), but what it repeats or
// decides per page is written by the Go code below and inserted with one
// action each: the alternate links, the language switcher's entries, the
// translation notice, the breadcrumb, the heading and the date. A page has
// a dozen alternates and as many switcher entries, and html/template
// evaluates each of their fields and escapers through reflection, which
// was most of the skeleton's cost. What depends only on the locale's
// chrome (the header, the breadcrumb's start tags, the site name) is
// rendered once per locale into [Parts] by the template itself.
//
// The bytes are exactly those the template wrote (skeleton_test.go
// executes the old template, testdata/page.tmpl, and compares): text and
// attribute values go through [writeEscaped], URLs through [writeURL].

// alternatesHTML writes the <link rel="alternate" hreflang> of a page.
func alternatesHTML(alts []Alternate) template.HTML {
	var b strings.Builder
	for i := range alts {
		a := &alts[i]
		b.WriteString(`<link rel="alternate" hreflang="`)
		writeEscaped(&b, a.Hreflang)
		b.WriteString(`" href="`)
		writeURL(&b, a.URL)
		b.WriteString("\">\n")
	}
	return template.HTML(b.String())
}

// languagesHTML writes the entries of the language switcher.
func languagesHTML(links []Link) template.HTML {
	var b strings.Builder
	for i := range links {
		l := &links[i]
		b.WriteString(`<li><a href="`)
		writeURL(&b, l.URL)
		b.WriteString(`" lang="`)
		writeEscaped(&b, l.Lang)
		b.WriteString(`" hreflang="`)
		writeEscaped(&b, l.Lang)
		b.WriteString(`" dir="`)
		writeEscaped(&b, l.Dir)
		b.WriteByte('"')
		if l.Current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteByte('>')
		writeEscaped(&b, l.Name)
		b.WriteString("</a></li>\n")
	}
	return template.HTML(b.String())
}

// crumbsHTML writes the breadcrumb of a page, which ends in its title;
// nothing on a page without crumbs.
func crumbsHTML(v *View) template.HTML {
	if len(v.Crumbs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(string(v.Parts.Breadcrumb))
	for i := range v.Crumbs {
		c := &v.Crumbs[i]
		b.WriteString(`<li><a href="`)
		writeURL(&b, c.URL)
		b.WriteByte('"')
		writeLang(&b, &c.Label)
		b.WriteByte('>')
		b.WriteString(string(c.Label.HTML))
		b.WriteString("</a></li>\n")
	}
	b.WriteString(`<li aria-current="page"`)
	writeLang(&b, &v.Title)
	b.WriteByte('>')
	b.WriteString(string(v.Title.HTML))
	b.WriteString("</li>\n</ol>\n</nav>\n")
	return template.HTML(b.String())
}

// headingHTML writes the page's <h1>, with the review overlay's
// attributes and badge in review mode. Unlike a heading of the body, it
// never carries a stale notice.
func headingHTML(title Text) template.HTML {
	var b strings.Builder
	b.WriteString("<h1")
	writeLang(&b, &title)
	writeReview(&b, title.Review)
	b.WriteByte('>')
	b.WriteString(string(title.HTML))
	writeBadge(&b, title.Review)
	b.WriteString("</h1>\n")
	return template.HTML(b.String())
}

// updatedHTML writes "Last Updated: …"; nothing on a page without a date.
func updatedHTML(updated Text) template.HTML {
	if updated.HTML == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<p class="updated"`)
	writeLang(&b, &updated)
	b.WriteByte('>')
	b.WriteString(string(updated.HTML))
	b.WriteString("</p>\n")
	return template.HTML(b.String())
}
