package render

import (
	"html/template"
	"strings"
)

// An element named by a chrome string (the banner, the language switcher,
// the breadcrumb) holds content of its own. If the name fell back to
// another language, a lang attribute on the element would mark all that
// content as the other language too: screen readers would read Arabic
// crumbs with an English voice. So a name that fell back is not an
// aria-label but a hidden element of its own language, which the element
// points at with aria-labelledby; the element keeps the page's language.

// labelAttr returns the attribute that names an element: aria-label when
// t is in the page's language, else aria-labelledby pointing at the
// element [labelText] writes with the same id.
func labelAttr(id string, t Text) template.HTMLAttr {
	if t.Lang == "" {
		return template.HTMLAttr(` aria-label="` + template.HTMLEscapeString(t.Plain) + `"`)
	}
	return template.HTMLAttr(` aria-labelledby="` + id + `"`)
}

// labelText returns the hidden element holding the name t that fell back,
// marked with its language; nothing when t is in the page's language.
func labelText(id string, t Text) template.HTML {
	if t.Lang == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<span id="` + id + `" hidden`)
	langAttrs(&b, t)
	b.WriteString(">" + template.HTMLEscapeString(t.Plain) + "</span>\n")
	return template.HTML(b.String())
}
