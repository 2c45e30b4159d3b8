// Package hugo writes localized Markdown for Hugo: for one page and one
// locale, the English page's file with the text of each block replaced by
// the text the fallback chain chose, and every other byte kept.
//
// # What is kept
//
// Front matter keys, code, raw HTML, shortcodes, math, reference
// definitions, comments, blank lines, list markers and indentation are
// the English file's bytes. Only the spans where a block's text is
// written change (see content.Block.Spans), and a front matter value is
// written back as a string of its own format (frontmatter.Matter.Replace).
// A block whose chosen text is the English it was parsed from is not
// touched at all, so the English locale's page is its source, byte for
// byte.
//
// # Marking the language of fallen-back blocks
//
// A block shown in another language than the page's (it fell back along
// the chain) is marked with a Hugo block attribute list, {lang="en"
// dir="ltr"}: on the heading's line, on the line after a paragraph, or,
// for a tight list, a table or a definition list, whose items and cells
// take no attributes in Hugo, after the whole list when every text in it
// fell back to one language. Hugo reads these lines only with
//
//	[markup.goldmark.parser.attribute]
//	block = true
//
// in its config; the README says so.
package hugo

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// Text is what a block shows in a locale: its text, and the language it
// is in.
type Text struct {
	Text string
	Lang language.Tag
}

// Localize returns src, the file of page p, for locale tag: resolve gives
// the text of each block. It fails only when front matter cannot be
// written back (see frontmatter.Matter.Replace).
func Localize(p *content.Page, src []byte, tag language.Tag, resolve func(b *content.Block) Text) ([]byte, error) {
	w := &writer{page: p, src: src, tag: tag, resolve: resolve}
	fm := map[string]string{}
	for _, b := range p.Blocks {
		if b.Field == "" {
			continue
		}
		if t := resolve(b); t.Text != b.Text {
			fm[b.Field] = t.Text
		}
	}
	w.nodes(p.Body)
	out, err := p.Matter.Replace(src, fm)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.File, err)
	}
	// Front matter comes before every body edit: apply them after it,
	// shifted by what its replacement added.
	shift := len(out) - len(src)
	return applyEdits(out, w.edits, shift), nil
}

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

func applyEdits(src []byte, edits []edit, shift int) []byte {
	slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.Write(src[last : e.start+shift])
		b.WriteString(e.text)
		last = e.end + shift
	}
	b.Write(src[last:])
	return []byte(b.String())
}

type writer struct {
	page    *content.Page
	src     []byte
	tag     language.Tag
	resolve func(b *content.Block) Text
	edits   []edit
}

// nodes writes the blocks of nodes and marks the language of those that
// fell back.
func (w *writer) nodes(nodes []*content.Node) {
	for _, n := range nodes {
		w.node(n)
	}
}

func (w *writer) node(n *content.Node) {
	switch n.Kind {
	case content.NodeHeading:
		if lang, ok := w.text(n.Block); ok {
			w.markHeading(n.Block, lang)
		}
	case content.NodeParagraph:
		if lang, ok := w.text(n.Block); ok {
			w.markParagraph(n.Block, lang)
		}
	case content.NodeList:
		if !n.Tight {
			w.nodes(n.Children)
			return
		}
		w.container(n)
	case content.NodeTable, content.NodeDefList:
		w.container(n)
	case content.NodeArg:
		// A shortcode's argument: its language cannot be marked.
		w.text(n.Block)
	default:
		w.nodes(n.Children)
	}
}

// container writes the texts of a list, table or definition list whose
// blocks take no attributes of their own, and marks it as a whole when
// all of them fell back to one language.
func (w *writer) container(n *content.Node) {
	var langs []language.Tag
	all := true
	var first, last *content.Block // the first and last blocks with spans
	var lastLeaf *content.Node
	var visit func(n *content.Node)
	visit = func(n *content.Node) {
		if len(n.Children) == 0 {
			lastLeaf = n
		}
		if n.Block != nil && len(n.Block.Spans) > 0 {
			if !n.Block.Verbatim {
				lang, fell := w.text(n.Block)
				if fell {
					langs = append(langs, lang)
				} else {
					all = false
				}
			}
			if first == nil {
				first = n.Block
			}
			last = n.Block
		}
		for _, c := range n.Children {
			visit(c)
		}
	}
	for _, c := range n.Children {
		visit(c)
	}
	if !all || len(langs) == 0 || last == nil || lastLeaf == nil || lastLeaf.Block != last {
		// Some text is the page's language, or the container ends with
		// something other than text (an item's code block), after which
		// no line can be told to belong to the list.
		return
	}
	for _, l := range langs[1:] {
		if l != langs[0] {
			return
		}
	}
	// The list's own indentation: the blanks and quote markers before
	// its first item's marker (or its first row's pipe).
	indent := w.linePrefix(first.Spans[0].Start)
	indent = indent[:len(indent)-len(strings.TrimLeft(indent, " \t>"))]
	w.insertLine(last, indent, langs[0])
}

// text puts the chosen text of b in place of its English, unless it is
// the English itself, and returns the language it is in and whether that
// is not the page's.
func (w *writer) text(b *content.Block) (language.Tag, bool) {
	if b.Verbatim {
		return w.tag, false // no words: as written, in no language
	}
	t := w.resolve(b)
	if t.Text != b.Text && len(b.Spans) > 0 {
		w.replace(b, t.Text)
	}
	return t.Lang, t.Lang != w.tag
}

// replace writes text over the spans of b. A line break in text (a hard
// break, "\\\n") starts a line with the prefix of b's second line, or
// its first line's prefix with list markers blanked.
func (w *writer) replace(b *content.Block, text string) {
	first, last := b.Spans[0], b.Spans[len(b.Spans)-1]
	prefix, _ := w.prefix(first)
	if len(b.Spans) > 1 {
		prefix = w.linePrefix(b.Spans[1].Start)
	}
	switch b.Kind {
	case content.TableCell:
		text = escapePipes(text)
	case content.ShortcodeArg:
		text = shortcodeString(text)
	}
	nl := "\n"
	if end := w.lineEnd(first.Start); end > 0 && w.src[end-1] == '\r' {
		nl = "\r\n" // the file's own line ends
	}
	text = strings.ReplaceAll(text, "\n", nl+prefix)
	w.edits = append(w.edits, edit{first.Start, last.End, text})
}

// linePrefix returns the bytes of the line holding off, before off.
func (w *writer) linePrefix(off int) string {
	start := strings.LastIndexByte(string(w.src[:off]), '\n') + 1
	return string(w.src[start:off])
}

// prefix returns what starts a continuation line of the block whose
// first line is s: the container markers before it on its line (block
// quote markers, list markers, indentation), with list markers as blanks
// ("- " → "  ", "> 1. " → ">    "). ok is false when more than container
// markers comes before s on the line: the block shares its line.
func (w *writer) prefix(s content.Span) (string, bool) {
	p := []byte(w.linePrefix(s.Start))
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == ' ' || c == '\t' || c == '>':
		case c == '-' || c == '*' || c == '+':
			p[i] = ' '
		case c >= '0' && c <= '9':
			j := i
			for j < len(p) && p[j] >= '0' && p[j] <= '9' {
				j++
			}
			if j == len(p) || p[j] != '.' && p[j] != ')' {
				return string(p[:i]), false
			}
			for ; i <= j; i++ {
				p[i] = ' '
			}
			i--
		case c == '[' && i+2 < len(p) && p[i+2] == ']':
			// A task's check box, "[ ]" or "[x]".
			p[i], p[i+1], p[i+2] = ' ', ' ', ' '
			i += 2
		default:
			return string(p[:i]), false
		}
	}
	return string(p), true
}

// lineEnd returns the offset of the "\n" that ends the line holding off,
// or the end of the file.
func (w *writer) lineEnd(off int) int {
	i := strings.IndexByte(string(w.src[off:]), '\n')
	if i < 0 {
		return len(w.src)
	}
	return off + i
}

// shortcodeString writes s as the value of a shortcode argument, in the
// quotes of Hugo's lexer: "…" if s has no double quote, else `…` (raw) if
// it has no backquote, else "…" with each double quote escaped.
func shortcodeString(s string) string {
	s = strings.Join(strings.Fields(s), " ") // one line, as the span it replaces
	switch {
	case !strings.Contains(s, `"`):
		return `"` + s + `"`
	case !strings.Contains(s, "`"):
		return "`" + s + "`"
	default:
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
}

// escapePipes escapes each "|" of a table cell's text that is not yet
// escaped, so a translation cannot split the cell.
func escapePipes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			b.WriteString(s[i : i+2])
			i++
			continue
		}
		if s[i] == '|' {
			b.WriteString(`\|`)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
