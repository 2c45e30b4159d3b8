package render

import (
	"html/template"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// Text is a rendered message and the language it is in. Lang and Dir are
// set only when it differs from the page's locale (the message fell back
// along the chain), so the template marks exactly those blocks.
type Text struct {
	HTML template.HTML
	// Plain is the text without markup, for attribute values and the
	// <title>. [Localizer.Body] leaves it empty: the body is HTML only,
	// and rendering the plain form of its many blocks was a large part
	// of a build's time.
	Plain string
	Lang  string
	Dir   string
	// Notice, for a stale translation shown by policy, says in the
	// reader's language that the English has changed, with a link to it.
	Notice template.HTML
	// Review, set only by a Localizer in review mode (l10n serve's
	// ?review=1), is what the review overlay shows of the message.
	Review *TextReview
}

// Link is a link to a page in some locale.
type Link struct {
	Lang    string // BCP 47 tag of the target
	Name    string // language name in its own language
	Dir     string
	URL     string
	Current bool
}

// Crumb is a breadcrumb link.
type Crumb struct {
	Label Text
	URL   string
}

// Alternate is a <link rel="alternate" hreflang> of a page.
type Alternate struct {
	Hreflang, URL string
}

// View holds everything the page template shows.
type View struct {
	Lang, Dir   string
	Title       Text
	Description Text
	Crumbs      []Crumb
	Body        []*NodeView
	Updated     Text // "Last Updated: …", empty if the page has no date
	Chrome      map[string]Text
	Parts       Parts // rendered from Chrome; see RenderParts
	Canonical   string
	Alternates  []Alternate
	Languages   []Link
	Original    string // URL of the English page, on translated pages
	// Elsewhere are the languages other than the page's that some of its
	// text is shown in (see [Elsewhere]): the notice names them.
	Elsewhere []language.Tag
	Root      string // relative path to public/ ("../../")
	// Review, set only by l10n serve, adds the review overlay: each
	// block's ID and state, and this summary of the page. A build never
	// sets it.
	Review *PageReview
	// LiveReload, set only by l10n serve, is the URL of a server-sent
	// event stream; the page reloads when it sends "change". A build
	// never sets it.
	LiveReload string
}

// NodeView is a content.Node ready to be written into the page body
// (see body.go).
type NodeView struct {
	Kind     string // "h", "p", "ul", "ol", "li", "quote", "code", "hr", "table", "tr", "th", "td", "html", "math", "dl", "dt", "dd", "footnotes", "fn"; "" writes nothing
	Task     bool   // a list item with a check box
	Checked  bool
	Ref      string // footnote label
	Level    int
	Start    int
	Align    string
	Anchor   string
	Code     string
	Text     Text
	Children []*NodeView
}

// Localizer resolves messages for one locale.
type Localizer struct {
	Tag      language.Tag
	Chain    fallback.Chain
	Resolver *fallback.Resolver
	// ShowStale reports whether a locale's policy shows its stale
	// translations (with a notice) instead of falling back; nil: never.
	ShowStale func(language.Tag) bool
	// Original is the URL of the English page, for the stale notice.
	Original string
	// Review makes Text fill in Text.Review (see [TextReview]).
	Review bool
	// reviewed counts the texts given a review, for unique keys.
	reviewed int
	// Cache, if not nil, holds texts already rendered.
	Cache *Cache
	// Refs are the link reference definitions of the page whose Body is
	// rendered, which its texts use as [text][label].
	Refs []content.Ref
}

// Text resolves message id and renders it, as HTML and as plain text,
// marking its language when it fell back. A message the English lacks
// renders as its ID, so a missing chrome string shows on the page instead
// of vanishing.
func (l *Localizer) Text(id string) Text {
	return l.text(id, true)
}

// text is Text, with Text.Plain left empty unless withPlain.
func (l *Localizer) text(id string, withPlain bool) Text {
	res, ok := l.Resolver.ResolveShowingStale(l.Chain, id, l.ShowStale)
	if !ok {
		res = fallback.Result{Text: id, From: l.Tag}
	}
	t := Text{HTML: l.Cache.html(res.Text)}
	if withPlain {
		t.Plain = l.Cache.plainText(res.Text)
	}
	if res.From != l.Tag {
		t.Lang, t.Dir = res.From.String(), locale.Dir(res.From)
	}
	if res.Stale {
		t.Notice = l.staleNotice()
	}
	if l.Review {
		t.Review = l.review(id, res, ok)
	}
	return t
}

// staleNotice renders the notice shown after a stale translation; it is
// never stale itself.
func (l *Localizer) staleNotice() template.HTML {
	plain := &Localizer{Tag: l.Tag, Chain: l.Chain, Resolver: l.Resolver, Original: l.Original, Cache: l.Cache}
	notice, link := plain.text("chrome.stale_notice", false), plain.text("chrome.stale_link", false)
	var b strings.Builder
	b.WriteString(`<small class="stale-notice">`)
	b.WriteString("<span")
	langAttrs(&b, notice)
	b.WriteString(">" + string(notice.HTML) + "</span> ")
	b.WriteString(`<a href="` + template.HTMLEscapeString(l.Original) + `" hreflang="en"`)
	langAttrs(&b, link)
	b.WriteString(">" + string(link.HTML) + "</a></small>")
	return template.HTML(b.String())
}

// Chrome resolves every chrome message.
func (l *Localizer) Chrome(date time.Time) map[string]Text {
	m := make(map[string]Text, len(content.Chrome))
	for _, c := range content.Chrome {
		m[c.ID] = l.Text(c.ID)
	}
	// The padlock is drawn by trusted SVG; its accessible name and
	// description are messages themselves.
	https := m["chrome.banner.https_text"]
	title, desc := m["chrome.banner.lock_title"], m["chrome.banner.lock_desc"]
	if https.Lang != "" {
		// The icon sits in text that fell back: a name in the page's
		// language must say so, or it would take the text's.
		for _, t := range []*Text{&title, &desc} {
			if t.Lang == "" {
				t.Lang = l.Tag.String()
			}
		}
	}
	https.HTML = fillText(https.HTML, "{{.LockIcon}}", lockIcon(title, desc))
	m["chrome.banner.https_text"] = https
	return m
}

// Updated renders "Last Updated: <date>" with the date in the CLDR long
// format of the locale the sentence is in.
func (l *Localizer) Updated(date time.Time) Text {
	if date.IsZero() {
		return Text{}
	}
	t := l.Text("chrome.last_updated")
	chain := l.Chain
	if t.Lang != "" {
		chain = fallback.ChainFor(language.Make(t.Lang), nil, language.English)
	}
	d, _ := locale.FormatDate(date, chain)
	t.HTML = fillText(t.HTML, "{{.Date}}", template.HTMLEscapeString(d))
	t.Plain = strings.ReplaceAll(t.Plain, "{{.Date}}", d)
	return t
}

// fillText replaces the first placeholder that stands in the text of
// rendered HTML (not inside a tag, such as a link's title) with repl.
// goldmark escapes "<" and ">" in text and attribute values, so every
// "<" starts a tag and the next ">" ends it. Only the first is filled: the
// icon carries element IDs that must be unique.
func fillText(h template.HTML, placeholder, repl string) template.HTML {
	s := string(h)
	inTag := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '<':
			inTag = true
		case s[i] == '>':
			inTag = false
		case !inTag && strings.HasPrefix(s[i:], placeholder):
			return template.HTML(s[:i] + repl + s[i+len(placeholder):])
		}
	}
	return h
}

// lockIcon draws the padlock with its accessible name and description.
// A title or description that fell back is marked with lang alone: SVG
// has no dir attribute (the Nu Html Checker rejects it on <title> and
// <desc>), and neither element is drawn, so its direction shows nowhere.
func lockIcon(title, desc Text) string {
	var b strings.Builder
	b.WriteString(`<span class="icon-lock"><svg xmlns="http://www.w3.org/2000/svg" width="52" height="64" viewBox="0 0 52 64" class="usa-banner__lock-image" role="img" aria-labelledby="banner-lock-title banner-lock-description" focusable="false"><title id="banner-lock-title"`)
	svgLangAttr(&b, title)
	b.WriteString(">" + template.HTMLEscapeString(title.Plain) + `</title><desc id="banner-lock-description"`)
	svgLangAttr(&b, desc)
	b.WriteString(">" + template.HTMLEscapeString(desc.Plain) + `</desc><path fill="#000000" fill-rule="evenodd" d="M26 0c10.493 0 19 8.507 19 19v9h3a4 4 0 0 1 4 4v28a4 4 0 0 1-4 4H4a4 4 0 0 1-4-4V32a4 4 0 0 1 4-4h3v-9C7 8.507 15.507 0 26 0zm0 8c-5.979 0-10.843 4.77-10.996 10.712L15 19v9h22v-9c0-6.075-4.925-11-11-11z"/></svg></span>`)
	return b.String()
}

func langAttrs(b *strings.Builder, t Text) {
	if t.Lang != "" {
		b.WriteString(` lang="` + template.HTMLEscapeString(t.Lang) + `" dir="` + t.Dir + `"`)
	}
}

// svgLangAttr writes the lang attribute of text that fell back, inside SVG.
func svgLangAttr(b *strings.Builder, t Text) {
	if t.Lang != "" {
		b.WriteString(` lang="` + template.HTMLEscapeString(t.Lang) + `"`)
	}
}

// Body turns the page structure into views, each block's text resolved.
func (l *Localizer) Body(nodes []*content.Node) []*NodeView {
	out := make([]*NodeView, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, l.node(n))
	}
	return out
}

// node turns one node of the page structure and its children into a view.
func (l *Localizer) node(n *content.Node) *NodeView {
	v := &NodeView{Kind: viewKind(n), Level: n.Level, Start: n.Start, Align: n.Align, Code: n.Code, Task: n.Task, Checked: n.Checked, Ref: n.Ref, Children: l.Body(n.Children)}
	if n.Block != nil {
		v.Text = l.blockText(n.Block)
	}
	if n.Kind == content.NodeHeading && n.Level == 2 && n.Block != nil {
		parts := strings.Split(n.Block.ID, ".")
		v.Anchor = parts[len(parts)-2]
	}
	if n.Kind == content.NodeList && n.Tight {
		tighten(v.Children)
	}
	return v
}

// blockText resolves and renders the text of a block of the page body.
func (l *Localizer) blockText(b *content.Block) Text {
	if b.Verbatim {
		// No words to translate: the English page's text, as written.
		return Text{HTML: l.Cache.html(b.Text)}
	}
	t := l.text(b.ID, false)
	if trusted := TagsOf(b.Text); trusted != nil || len(l.Refs) > 0 && strings.Contains(b.Text, "]") {
		// The English's own inline HTML and the page's references.
		if res, ok := l.Resolver.ResolveShowingStale(l.Chain, b.ID, l.ShowStale); ok {
			t.HTML = InlineIn(res.Text, l.Refs, trusted)
		}
	}
	return t
}

// tighten makes the items of a tight list hold bare text, as goldmark
// renders them. An item that is one text carries its language itself, so
// its bullet sits on the side its language reads from.
func tighten(items []*NodeView) {
	for _, item := range items {
		for _, c := range item.Children {
			if c.Kind == "p" {
				c.Kind = "text"
			}
		}
		if len(item.Children) == 1 && item.Children[0].Kind == "text" {
			c := item.Children[0]
			item.Text.Lang, item.Text.Dir = c.Text.Lang, c.Text.Dir
			c.Text.Lang, c.Text.Dir = "", ""
		}
	}
}

// viewKind returns the NodeView.Kind of a node: "" for a kind the body
// does not write (shortcodes and their arguments).
func viewKind(n *content.Node) string {
	switch n.Kind {
	case content.NodeHeading:
		return "h"
	case content.NodeParagraph:
		return "p"
	case content.NodeList:
		if n.Ordered {
			return "ol"
		}
		return "ul"
	case content.NodeItem:
		return "li"
	case content.NodeQuote:
		return "quote"
	case content.NodeCode:
		return "code"
	case content.NodeRule:
		return "hr"
	case content.NodeTable:
		return "table"
	case content.NodeRow:
		return "tr"
	case content.NodeCell:
		if n.Header {
			return "th"
		}
		return "td"
	case content.NodeHTML:
		return "html"
	case content.NodeMath:
		return "math"
	case content.NodeDefList:
		return "dl"
	case content.NodeTerm:
		return "dt"
	case content.NodeDefinition:
		return "dd"
	case content.NodeFootnotes:
		return "footnotes"
	case content.NodeFootnote:
		return "fn"
	}
	return ""
}
