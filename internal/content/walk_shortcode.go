package content

// This file reads lines of Hugo shortcodes: their translated arguments,
// and the inner text of shortcodes that is not Markdown to translate.

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// shortcode returns the node of a line of Hugo shortcodes, or nil if n is
// not one. The shortcodes are never text to translate, but the named
// arguments the site config lists (title, alt, caption) are: each is a
// block whose span is the argument's quoted value.
func (w *walker) shortcode(n ast.Node) *Node {
	sc, ok := n.(*shortcode.Block)
	if !ok {
		return nil
	}
	node := &Node{Kind: NodeShortcode, Code: rawLines(n, w.src), Pos: w.pos(n)}
	for _, tag := range sc.Tags {
		if !tag.Closing {
			node.Shortcodes = append(node.Shortcodes, tag.Name)
		}
		for _, a := range tag.Args {
			if a.Name == "" || !w.args[a.Name] || strings.TrimSpace(a.Value) == "" {
				continue
			}
			b := w.page.add(&Block{
				ID:      w.prefix + "." + w.section + "." + w.next("arg"),
				Kind:    ShortcodeArg,
				Key:     "arg",
				Section: w.heading,
				Heading: w.h2,
				Text:    a.Value,
				Pos:     w.lines.Pos(w.base + a.Start),
				Spans:   []Span{{Start: w.base + a.Start, End: w.base + a.End}},
				Arg:     tag.Name + " " + a.Name,
			})
			node.Children = append(node.Children, &Node{Kind: NodeArg, Block: b})
		}
	}
	return node
}

// opensOpaque returns the last tag of the line of shortcodes n when it
// opens a shortcode whose inner text is not Markdown to translate: one
// of Options.CodeShortcodes, or a {{< >}} shortcode that
// Options.MarkdownShortcodes does not name.
func (w *walker) opensOpaque(n ast.Node) (shortcode.Tag, bool) {
	sc, ok := n.(*shortcode.Block)
	if !ok || len(sc.Tags) == 0 {
		return shortcode.Tag{}, false
	}
	last := sc.Tags[len(sc.Tags)-1]
	if last.Closing || last.SelfClosing || last.Escaped {
		return shortcode.Tag{}, false
	}
	return last, w.code[last.Name] || !last.Markdown && !w.markdownSC[last.Name]
}

// opaqueEnd returns the sibling after n that closes name, or the first
// that opens a {{% %}} shortcode whose inner text is Markdown (Docsy's
// {{< tabpane text=true >}} holds {{% tab %}}s), or nil if neither comes.
func (w *walker) opaqueEnd(n ast.Node, name string) ast.Node {
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		if closes(c, name) {
			return c
		}
		if sc, ok := c.(*shortcode.Block); ok && !w.code[name] {
			for _, t := range sc.Tags {
				if t.Markdown && !t.Closing && !t.SelfClosing && !t.Escaped && !w.code[t.Name] {
					return c
				}
			}
		}
	}
	return nil
}

// noteOpaque warns, once per shortcode, when the inner text of a
// shortcode that is not known to hold code, from first up to end, has
// prose in it: it stays English, and the site config can say it is
// Markdown.
func (w *walker) noteOpaque(tag shortcode.Tag, first, end ast.Node) {
	if w.code[tag.Name] || w.warned[tag.Name] {
		return
	}
	for c := first; c != nil && c != end; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *ast.List, *ast.Blockquote:
		default:
			continue
		}
		if !hasWords(leafText(c, w.src)) {
			continue
		}
		if w.warned == nil {
			w.warned = map[string]bool{}
		}
		w.warned[tag.Name] = true
		w.page.Warnings.Add(diag.Errorf(w.lines.Pos(w.base+tag.Start),
			"the text inside {{< %[1]s >}} is kept in English: l10n does not know whether %[1]s renders it as Markdown; if it does (.Inner | markdownify, .Page.RenderString), add %[1]q to markdown_shortcodes in the [content] table of l10n.toml; if it is code, add it to code_shortcodes", tag.Name))
		return
	}
}

// leafText returns the lines of the leaf blocks in n (n itself, or the
// paragraphs of a list or quote), joined.
func leafText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			b.WriteString(rawLines(c, src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// closes reports whether n is a line of shortcodes that closes name.
func closes(n ast.Node, name string) bool {
	sc, ok := n.(*shortcode.Block)
	if !ok {
		return false
	}
	for _, t := range sc.Tags {
		if t.Closing && t.Name == name {
			return true
		}
	}
	return false
}
