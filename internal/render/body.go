package render

import (
	"html/template"
	"strconv"
	"strings"
)

// The page body is written by Go code rather than by template actions:
// a page has hundreds of blocks, and html/template evaluates each
// block's chain of {{if eq .Kind …}} through reflection, which was most
// of a build's time. The bytes are exactly those the "nodes" template
// wrote (body_test.go executes that template and compares): every value
// that is not already HTML goes through [writeEscaped], html/template's
// own escaping of text and quoted attribute values.

// bodyHTML renders nodes as the page body, into a buffer grown once to
// about its size (grown by doubling, a body was written about twice
// over: the largest allocation of a build).
func bodyHTML(nodes []*NodeView) template.HTML {
	var b strings.Builder
	b.Grow(sizeOf(nodes))
	writeNodes(&b, nodes)
	return template.HTML(b.String())
}

// sizeOf returns about how many bytes writeNodes writes for nodes: their
// text and code, and a few dozen bytes of markup each.
func sizeOf(nodes []*NodeView) int {
	n := 0
	for _, v := range nodes {
		n += 48 + len(v.Text.HTML) + len(v.Text.Notice) + len(v.Code) + sizeOf(v.Children)
	}
	return n
}

func writeNodes(b *strings.Builder, nodes []*NodeView) {
	for _, n := range nodes {
		writeNode(b, n)
	}
}

// headings are the elements of heading levels 1 to 5; any other level is
// an h6, as it was in the template.
var headings = [...]string{"h1", "h2", "h3", "h4", "h5"}

func writeNode(b *strings.Builder, n *NodeView) {
	switch n.Kind {
	case "h":
		tag := "h6"
		if n.Level >= 1 && n.Level <= len(headings) {
			tag = headings[n.Level-1]
		}
		b.WriteString("<" + tag)
		if n.Level == 2 && n.Anchor != "" {
			b.WriteString(` id="`)
			writeEscaped(b, n.Anchor)
			b.WriteByte('"')
		}
		writeBlock(b, tag, &n.Text)
		b.WriteByte('\n')
	case "p":
		b.WriteString("<p")
		writeBlock(b, "p", &n.Text)
		b.WriteByte('\n')
	case "text":
		t := &n.Text
		if t.Lang != "" || t.Review != nil {
			b.WriteString("<span")
			writeLang(b, t)
			writeReview(b, t.Review)
			b.WriteByte('>')
			b.WriteString(string(t.HTML))
			writeBadge(b, t.Review)
			b.WriteString("</span>")
		} else {
			b.WriteString(string(t.HTML))
		}
		writeNotice(b, t)
	case "ul":
		writeList(b, "<ul>\n", n.Children, "</ul>\n")
	case "ol":
		b.WriteString("<ol")
		if n.Start != 1 {
			b.WriteString(` start="` + strconv.Itoa(n.Start) + `"`)
		}
		writeList(b, ">\n", n.Children, "</ol>\n")
	case "li":
		b.WriteString("<li")
		writeLang(b, &n.Text)
		open := ">"
		if n.Task {
			// As goldmark renders a task list item.
			open = `><input disabled="" type="checkbox"> `
			if n.Checked {
				open = `><input checked="" disabled="" type="checkbox"> `
			}
		}
		writeList(b, open, n.Children, "</li>\n")
	default:
		writeOtherNode(b, n)
	}
}

// writeOtherNode writes the nodes that are not headings, paragraphs or
// list items: quotes, code, rules, tables, raw HTML, math, definition
// lists and footnotes. A shortcode, or a kind it does not know, writes
// nothing.
func writeOtherNode(b *strings.Builder, n *NodeView) {
	switch n.Kind {
	case "html":
		// Raw HTML the editor wrote in the English page: trusted, as
		// Hugo trusts it with unsafe = true; never from a translation.
		b.WriteString(n.Code)
	case "math":
		b.WriteString(`<div class="math">`)
		writeEscaped(b, n.Code)
		b.WriteString("</div>\n")
	case "dl":
		writeList(b, "<dl>\n", n.Children, "</dl>\n")
	case "dt":
		b.WriteString("<dt")
		writeBlock(b, "dt", &n.Text)
		b.WriteByte('\n')
	case "dd":
		writeList(b, "<dd>", n.Children, "</dd>\n")
	case "footnotes":
		writeList(b, "<section class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n", n.Children, "</ol>\n</section>\n")
	case "fn":
		b.WriteString(`<li id="fn:`)
		writeEscaped(b, n.Ref)
		writeList(b, `">`, n.Children, "</li>\n")
	case "quote":
		writeList(b, "<blockquote>\n", n.Children, "</blockquote>\n")
	case "code":
		b.WriteString("<pre><code>")
		writeEscaped(b, n.Code)
		b.WriteString("</code></pre>\n")
	case "hr":
		b.WriteString("<hr>\n")
	case "table":
		writeList(b, "<table>\n", n.Children, "</table>\n")
	case "tr":
		writeList(b, "<tr>", n.Children, "</tr>\n")
	case "th", "td":
		b.WriteString("<" + n.Kind)
		if n.Align != "" {
			writeAlign(b, n.Align)
		}
		writeBlock(b, n.Kind, &n.Text)
	}
}

// writeList writes children between open and end.
func writeList(b *strings.Builder, open string, children []*NodeView, end string) {
	b.WriteString(open)
	writeNodes(b, children)
	b.WriteString(end)
}

// writeBlock finishes the start tag of a block element whose text is t,
// and writes its content and end tag.
func writeBlock(b *strings.Builder, tag string, t *Text) {
	writeLang(b, t)
	writeReview(b, t.Review)
	b.WriteByte('>')
	b.WriteString(string(t.HTML))
	writeNotice(b, t)
	writeBadge(b, t.Review)
	b.WriteString("</" + tag + ">")
}

// writeLang writes the lang and dir attributes of a text that fell back:
// the "lang" template.
func writeLang(b *strings.Builder, t *Text) {
	if t.Lang == "" {
		return
	}
	b.WriteString(` lang="`)
	writeEscaped(b, t.Lang)
	b.WriteString(`" dir="`)
	writeEscaped(b, t.Dir)
	b.WriteByte('"')
}

// writeNotice writes the stale notice of t, if it has one.
func writeNotice(b *strings.Builder, t *Text) {
	if t.Notice != "" {
		b.WriteByte(' ')
		b.WriteString(string(t.Notice))
	}
}

// writeReview writes the review overlay's attributes: the "rv" template.
func writeReview(b *strings.Builder, r *TextReview) {
	if r == nil {
		return
	}
	b.WriteString(` class="rv rv-`)
	writeEscaped(b, r.Class)
	b.WriteString(`" data-rv="`)
	writeEscaped(b, r.Key)
	b.WriteByte('"')
}

// writeBadge writes the review overlay's badge and popover: the "badge"
// template.
func writeBadge(b *strings.Builder, r *TextReview) {
	if r == nil {
		return
	}
	label := r.Label()
	b.WriteString(`<button type="button" class="rv-badge" popovertarget="`)
	writeEscaped(b, r.Key)
	b.WriteString(`" lang="en" dir="ltr">`)
	writeEscaped(b, r.ID)
	b.WriteString(" · ")
	writeEscaped(b, label)
	b.WriteString(`</button><span class="rv-pop" id="`)
	writeEscaped(b, r.Key)
	b.WriteString(`" popover lang="en" dir="ltr"><code>`)
	writeEscaped(b, r.ID)
	b.WriteString("</code> · ")
	writeEscaped(b, label)
	b.WriteString("<br>English: ")
	if r.Source != "" {
		writeEscaped(b, r.Source)
	} else {
		b.WriteString("(none: the English has no such message)")
	}
	if r.Proposal != "" {
		b.WriteString("<br>")
		writeEscaped(b, r.Proposal)
	}
	b.WriteString("</span>")
}

// alignTemplate is the style attribute of a table cell, for an alignment
// other than the three goldmark gives: html/template filters and escapes
// such a value as CSS, and writeAlign leaves that to it.
var alignTemplate = template.Must(template.New("align").Parse(`<td style="text-align: {{.}}">`))

// writeAlign writes the style attribute of a table cell aligned to align.
func writeAlign(b *strings.Builder, align string) {
	switch align {
	case "left", "center", "right":
		// Plain CSS keywords: html/template writes them as they are.
		b.WriteString(` style="text-align: ` + align + `"`)
	default:
		var s strings.Builder
		// Executing a fixed template on a string cannot fail.
		_ = alignTemplate.Execute(&s, align)
		out := s.String()
		b.WriteString(out[len("<td") : len(out)-len(">")])
	}
}

// writeEscaped writes s escaped as html/template escapes a string in
// HTML text and in a quoted attribute value (its htmlEscaper and
// attrEscaper): unlike [template.HTMLEscapeString], it also escapes '+'.
// Every character it replaces is ASCII, so going byte by byte finds the
// same ones as html/template's rune by rune, invalid UTF-8 included.
func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}
