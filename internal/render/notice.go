package render

import (
	"html/template"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// notices are the chrome messages that speak about the page rather than
// being part of what it shows: a language they fell back to is not a
// language the page is shown in.
var notices = []string{"chrome.translation_notice", "chrome.partial_notice", "chrome.stale_notice", "chrome.stale_link", "chrome.choose_language"}

// Elsewhere returns the languages that some text of v is shown in, other
// than the page's own ([fallback.Native]: es text on an es-MX page is in
// the page's language), in the order of chain: the languages the notice
// of a partly translated page names.
func Elsewhere(v *View, tag language.Tag, chain fallback.Chain) []language.Tag {
	// A page's text is in few languages: a slice, not a map.
	var seen []string
	add := func(lang string) {
		if lang != "" && !slices.Contains(seen, lang) {
			seen = append(seen, lang)
		}
	}
	add(v.Title.Lang)
	add(v.Description.Lang)
	add(v.Updated.Lang)
	for i := range v.Crumbs {
		add(v.Crumbs[i].Label.Lang)
	}
	var walk func([]*NodeView)
	walk = func(nodes []*NodeView) {
		for _, n := range nodes {
			add(n.Text.Lang)
			walk(n.Children)
		}
	}
	walk(v.Body)
	for id, t := range v.Chrome {
		if t.Lang != "" && !slices.Contains(notices, id) {
			add(t.Lang)
		}
	}
	var out []language.Tag
	for _, t := range chain {
		if slices.Contains(seen, t.String()) && !fallback.Native(tag, t) {
			out = append(out, t)
		}
	}
	return out
}

// noticeHTML writes the notice of a translated page, which links to its
// English original: that it is a translation, or, when some of its text
// is in other languages (v.Elsewhere), that parts are not yet translated
// and in which languages they are shown. Nothing on an English page.
func noticeHTML(v *View) template.HTML {
	if v.Original == "" {
		return ""
	}
	var b strings.Builder
	notice, link := v.Chrome["chrome.translation_notice"], v.Chrome["chrome.translation_link"]
	class := "translation-notice"
	if len(v.Elsewhere) > 0 {
		notice, class = partialNotice(v), "translation-notice partial"
	}
	b.WriteString(`<p class="` + class + `"><span`)
	writeLang(&b, &notice)
	b.WriteByte('>')
	b.WriteString(string(notice.HTML))
	b.WriteString("</span>\n<a href=\"")
	writeURL(&b, v.Original)
	b.WriteString(`" hreflang="en"`)
	writeLang(&b, &link)
	b.WriteByte('>')
	b.WriteString(string(link.HTML))
	b.WriteString("</a></p>\n")
	return template.HTML(b.String())
}

// partialNotice is the notice of a page with text in v.Elsewhere, the
// languages named in the notice's own language.
func partialNotice(v *View) Text {
	notice := v.Chrome["chrome.partial_notice"]
	in := language.Raw.Make(v.Lang)
	if notice.Lang != "" {
		in = language.Raw.Make(notice.Lang)
	}
	names := make([]string, len(v.Elsewhere))
	for i, t := range v.Elsewhere {
		names[i] = locale.NameIn(t, in)
	}
	notice.HTML = fillText(notice.HTML, "{{.Languages}}", template.HTMLEscapeString(strings.Join(names, ", ")))
	return notice
}
