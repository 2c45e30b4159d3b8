package shortcode

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension returns the goldmark extension that parses shortcodes into
// [Block] and [Inline] nodes. Add it next to goldmark's own:
//
//	md := goldmark.New(
//		goldmark.WithExtensions(extension.GFM, shortcode.Extension()),
//		goldmark.WithParserOptions(parser.WithAttribute()),
//	)
//
// Both of its parsers trigger on "{" and give up on anything that is not
// a well-formed tag, so "{#id}" after a heading and "{.class}" lines
// still reach goldmark and the parsers of other extensions.
//
// It also registers an HTML renderer, at priority [RendererPriority],
// that writes nothing for the two kinds: goldmark's HTML renderer looks
// node renderers up by kind and panics on a kind it has none for. A
// caller that renders shortcodes registers its own renderer for
// [KindBlock] and [KindInline] with a smaller priority number, which
// replaces this one.
func Extension() goldmark.Extender { return extender{} }

// RendererPriority is the priority of the renderer [Extension]
// registers. goldmark uses the renderer with the smallest number for a
// node kind, and its HTML renderer has 1000.
const RendererPriority = 2000

// Parser priorities. Only the order among parsers with the same trigger
// matters; running before others on "{" lets a tag win over extensions
// that read "{" as attributes.
const (
	blockPriority  = 100
	inlinePriority = 100
)

type extender struct{}

func (extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(blockParser{}, blockPriority)),
		parser.WithInlineParsers(util.Prioritized(inlineParser{}, inlinePriority)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(silentRenderer{}, RendererPriority)))
}

// silentRenderer renders shortcode nodes as nothing.
type silentRenderer struct{}

func (silentRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindBlock, renderNothing)
	r.Register(KindInline, renderNothing)
}

func renderNothing(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}
