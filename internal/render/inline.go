// Package render turns resolved messages into safe HTML and lays out
// pages with html/template; the page body, most of a page, is written by
// Go code with html/template's own escaping, for speed (see body.go).
//
// A message is inline Markdown and is never trusted markup: it is parsed by
// goldmark with only the paragraph block parser (so a translation cannot
// turn itself into a heading, list or code block) and without raw HTML (a
// "<script>" in a translation is shown as text); links to javascript:,
// vbscript:, file: and data: URLs lose their target; image syntax shows
// only its alt text (a message cannot add an image to a page); everything
// else is escaped. Message text is never executed as a template: the only
// placeholders, {{.LockIcon}} and {{.Date}}, are replaced after rendering,
// by trusted HTML and escaped text.
package render

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// inline is the Markdown dialect of one message: paragraphs of inline
// Markdown (emphasis, links, code spans, autolinks), no block syntax, no
// raw HTML. Image syntax is parsed (so that checks can see it) but
// rendered as its alt text.
var inline = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(paragraphParser{parser.NewParagraphParser()}, 100)),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewLinkParser(), 200),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewEmphasisParser(), 500),
		),
	)),
	// A lower number than goldmark's HTML renderer (1000) takes precedence.
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(imageAsText{}, 100))),
	// Hugo shortcodes in a message are parsed, so that none shows on the
	// page as "{{< … >}}": l10n does not run them (Hugo does, from the
	// Markdown of l10n build --markdown), and they render as nothing.
	goldmark.WithExtensions(shortcode.Extension()),
)

// paragraphParser is goldmark's paragraph parser, also opening a paragraph
// on a line indented four or more spaces. goldmark lets only a code block
// parser open there; with none, it would drop the line, and a translation
// that starts indented would vanish from the page.
type paragraphParser struct{ parser.BlockParser }

func (paragraphParser) CanAcceptIndentedLine() bool { return true }

// imageAsText renders an image as its alt text. goldmark's link parser
// reads images too, but a message may not put an image on a page: it
// could be fetched from anywhere (a tracking pixel), and pages fetch
// nothing from the network.
type imageAsText struct{}

func (imageAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil // no tag; the children (alt text) render as usual
	})
}

// Inline renders message text as inline HTML: the contents of its
// paragraphs, joined by a space.
func Inline(msg string) template.HTML {
	if markupFree(msg) {
		return template.HTML(withoutControls(escapeQuotes.Replace(msg)))
	}
	return renderGoldmark(msg)
}

// bufWriters hold the buffered writers goldmark renders through: given
// none, it makes a 4 KB one for every node it renders, which was a sixth
// of all a build allocated.
var bufWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 512) }}

func renderGoldmark(msg string) template.HTML {
	src := []byte(msg)
	doc := inline.Parser().Parse(text.NewReader(src))
	var b bytes.Buffer
	w := bufWriters.Get().(*bufio.Writer)
	w.Reset(&b)
	defer func() {
		w.Reset(nil)
		bufWriters.Put(w)
	}()
	r := inline.Renderer()
	first := true
	for p := doc.FirstChild(); p != nil; p = p.NextSibling() {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			// Render flushes w into b when it is done.
			renderNode(r, w, src, c)
		}
	}
	// goldmark escapes text and attributes, and drops dangerous URLs;
	// what it returns holds only the elements of inline Markdown.
	return template.HTML(withoutControls(strings.TrimRight(b.String(), "\n")))
}

func renderNode(r renderer.Renderer, w *bufio.Writer, src []byte, n ast.Node) {
	// Rendering through a bytes.Buffer cannot fail.
	_ = r.Render(w, src, n)
}

// Plain returns message text without its Markdown markup, for places that
// take text only (<title>, meta description, alt text).
func Plain(msg string) string {
	if markupFree(msg) {
		return withoutControls(msg)
	}
	return plainGoldmark(msg)
}

func plainGoldmark(msg string) string {
	src := []byte(msg)
	doc := inline.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Kind() == ast.KindParagraph && n.NextSibling() != nil {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(src)
			if n.Parent() != nil && n.Parent().Kind() == ast.KindCodeSpan {
				// Code is shown as written; a line end in it is a space.
				v = bytes.ReplaceAll(v, []byte("\n"), []byte(" "))
				b.Write(v)
				break
			}
			b.WriteString(unescape(v))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return withoutControls(b.String())
}

// withoutControls returns s, rendered text, with each control character
// but tab, line feed and carriage return (U+0000–U+001F, U+007F,
// U+0080–U+009F) replaced by U+FFFD, as CommonMark does for U+0000: the
// HTML standard does not allow them in a page, and a terminal escape or a
// C1 control in a translation (written as it is, or as a character
// reference such as &#1;) must not reach readers. check reports them. See
// issue 6.
func withoutControls(s string) string {
	isControl := func(r rune) bool {
		return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f
	}
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

// unescape resolves the backslash escapes and entity references of
// Markdown text ("\\*" → "*", "&amp;" → "&") as goldmark's HTML renderer
// does, and returns the text they stand for.
func unescape(v []byte) string {
	if !bytes.ContainsAny(v, `\&`) {
		return string(v)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	gmhtml.DefaultWriter.Write(w, v)
	_ = w.Flush() // writing to a bytes.Buffer cannot fail
	return html.UnescapeString(buf.String())
}
