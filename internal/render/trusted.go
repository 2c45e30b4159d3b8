package render

import (
	"bytes"
	"html/template"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// A page of a Hugo site writes reference links ([text][otel], resolved by
// the page's "[otel]: https://…") and inline HTML (<kbd>Ctrl</kbd>) in its
// English. Both are rendered for the blocks of such a page by
// [InlineIn]: the references from the page, and the English's own tags
// as written, trusted as the English page is trusted. A tag the
// English lacks, which l10n check reports, is still text: a translation
// never adds markup.

// inlineTrusted is the inline dialect with raw inline HTML parsed, for
// InlineIn; its renderer writes only trusted tags (see trustedHTML).
var inlineTrusted = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(paragraphParser{parser.NewParagraphParser()}, 100)),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewLinkParser(), 200),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewRawHTMLParser(), 400),
			util.Prioritized(parser.NewEmphasisParser(), 500),
		),
	)),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(
		util.Prioritized(imageAsText{}, 100), util.Prioritized(trustedHTML{}, 100))),
	goldmark.WithExtensions(shortcode.Extension()),
)

// trustedHTML writes raw inline HTML as it is: InlineIn leaves only the
// tags it trusts as RawHTML nodes. goldmark's own renderer would need its
// unsafe mode, which would also let through javascript: links.
type trustedHTML struct{}

func (trustedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			raw := n.(*ast.RawHTML)
			for i := range raw.Segments.Len() {
				seg := raw.Segments.At(i)
				_, _ = w.Write(seg.Value(src))
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// trustedKey is the parser context key of the tags InlineIn trusts.
var trustedKey = parser.NewContextKey()

// InlineIn renders msg as [Inline] does, but with the reference links of
// refs resolved, and each inline HTML tag that trusted lists (the tags of
// the English text, as written) written as HTML; any other tag is text.
func InlineIn(msg string, refs []content.Ref, trusted []string) template.HTML {
	src := []byte(msg)
	pc := parser.NewContext()
	for _, r := range refs {
		pc.AddReference(parser.NewReference([]byte(r.Label), []byte(r.Destination), []byte(r.Title)))
	}
	doc := inlineTrusted.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	// Raw HTML the English lacks becomes text before rendering. The nodes
	// are collected first: replacing one during the walk would end it.
	var untrusted []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if raw, ok := n.(*ast.RawHTML); ok && entering && !slices.Contains(trusted, rawText(raw, src)) {
			untrusted = append(untrusted, raw)
		}
		return ast.WalkContinue, nil
	})
	for _, raw := range untrusted {
		raw.Parent().ReplaceChild(raw.Parent(), raw, ast.NewString([]byte(rawText(raw, src))))
	}
	var out bytes.Buffer
	r := inlineTrusted.Renderer()
	first := true
	for p := doc.FirstChild(); p != nil; p = p.NextSibling() {
		if !first {
			out.WriteByte(' ')
		}
		first = false
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			_ = r.Render(&out, src, c)
		}
	}
	return template.HTML(withoutControls(strings.TrimRight(out.String(), "\n")))
}

// rawText returns the source of raw inline HTML.
func rawText(raw *ast.RawHTML, src []byte) string {
	var b bytes.Buffer
	for i := range raw.Segments.Len() {
		seg := raw.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// TagsOf returns the inline HTML tags of msg, as written, in order: what
// InlineIn trusts of an English text.
func TagsOf(msg string) []string {
	if !strings.Contains(msg, "<") {
		return nil
	}
	return htmlTagRE.FindAllString(msg, -1)
}
