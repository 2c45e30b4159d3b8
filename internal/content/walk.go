package content

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// walker turns goldmark's AST into Nodes and Blocks with stable IDs:
// <page>.<section>.<kind><n>, counted per kind within each H2 section, so an
// edit in one section never renames the blocks of another.
type walker struct {
	page     *Page
	prefix   string
	src      []byte
	base     int // offset of src in the file
	lines    *diag.Lines
	section  string // key of the current H2 section
	heading  string // its heading text
	h2       *Block // its heading block
	sections map[string]bool
	reserved map[string]bool // section keys taken by front matter
	args     map[string]bool // shortcode arguments that are translated
	code     map[string]bool // shortcodes whose inner text is code
	// markdownSC are the {{< >}} shortcodes whose inner text is Markdown.
	markdownSC map[string]bool
	warned     map[string]bool // opaque shortcodes warned of
	counts     map[string]int
	errs       diag.List
}

func (w *walker) children(n ast.Node) []*Node {
	var out []*Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if node := w.node(c); node != nil {
			out = append(out, node)
		}
		// The lines up to an opaque shortcode's closing tag are its
		// template's (code, or text it does not render as Markdown),
		// whatever goldmark made of them: no text, no IDs.
		for {
			tag, ok := w.opensOpaque(c)
			if !ok {
				break
			}
			end := w.opaqueEnd(c, tag.Name)
			if end == nil {
				break // never closed: a shortcode without inner text
			}
			w.noteOpaque(tag, c.NextSibling(), end)
			c = end
			if !closes(end, tag.Name) {
				// A {{% %}} shortcode inside: Markdown again.
				c = end.PreviousSibling()
				break
			}
			if node := w.node(c); node != nil {
				out = append(out, node)
			}
		}
	}
	return out
}

// node turns n into a Node. Everything goldmark parses with Hugo's
// extensions has a Node: what holds text for readers is a Block, what
// does not (code, raw HTML, shortcodes, math) is kept as written.
func (w *walker) node(n ast.Node) *Node {
	switch n := n.(type) {
	case *ast.Heading:
		return w.headingNode(n)
	case *ast.Paragraph, *ast.TextBlock:
		return w.paragraph(n)
	case *ast.List:
		return &Node{Kind: NodeList, Ordered: n.IsOrdered(), Tight: n.IsTight, Start: n.Start, Children: w.children(n)}
	case *ast.ListItem:
		return w.listItem(n)
	case *ast.Blockquote:
		return &Node{Kind: NodeQuote, Children: w.children(n)}
	case *ast.FencedCodeBlock:
		return w.fencedCode(n)
	case *ast.CodeBlock:
		return &Node{Kind: NodeCode, Code: rawLines(n, w.src)}
	case *ast.ThematicBreak:
		return &Node{Kind: NodeRule}
	case *ast.HTMLBlock:
		return w.htmlBlock(n)
	case *passthrough.PassthroughBlock:
		return &Node{Kind: NodeMath, Code: rawLines(n, w.src)}
	case *east.Table:
		return &Node{Kind: NodeTable, Children: w.children(n)}
	case *east.TableHeader, *east.TableRow:
		return w.tableRow(n)
	case *east.TableCell:
		return w.tableCell(n)
	case *east.DefinitionList:
		return &Node{Kind: NodeDefList, Children: w.children(n)}
	case *east.DefinitionTerm:
		return &Node{Kind: NodeTerm, Block: w.pinned(w.block(n, Term, "dt", "", n))}
	case *east.DefinitionDescription:
		return &Node{Kind: NodeDefinition, Children: w.children(n)}
	case *ast.LinkReferenceDefinition:
		// Kept where it is; messages use it as [text][label].
		w.page.Refs = append(w.page.Refs, Ref{Label: string(n.Label), Destination: string(n.Destination), Title: string(n.Title)})
		return nil
	case *east.FootnoteList:
		return &Node{Kind: NodeFootnotes, Children: w.children(n)}
	case *east.Footnote:
		return &Node{Kind: NodeFootnote, Ref: string(n.Ref), Children: w.children(n)}
	}
	if node := w.shortcode(n); node != nil {
		return node
	}
	// goldmark with these extensions makes no other block; a new one
	// (from a newer goldmark) is to be added above.
	w.errs.Add(diag.Errorf(w.pos(n), "l10n cannot read the Markdown block %s yet; please report it, with the page", n.Kind()))
	return nil
}

// listItem makes the node of a list item; an item whose first paragraph
// starts with a check box is a task.
func (w *walker) listItem(n *ast.ListItem) *Node {
	item := &Node{Kind: NodeItem, Children: w.children(n)}
	if len(item.Children) > 0 && item.Children[0].Task {
		item.Task, item.Checked = true, item.Children[0].Checked
	}
	return item
}

// fencedCode makes the node of a fenced code block, kept as written with
// its info string.
func (w *walker) fencedCode(n *ast.FencedCodeBlock) *Node {
	info := ""
	if n.Info != nil {
		info = string(n.Info.Segment.Value(w.src))
	}
	return &Node{Kind: NodeCode, Code: rawLines(n, w.src), Info: info, Fenced: true}
}

// htmlBlock makes the node of a block of raw HTML, kept as written with
// its closing line.
func (w *walker) htmlBlock(n *ast.HTMLBlock) *Node {
	code := rawLines(n, w.src)
	if n.HasClosure() {
		code += string(n.ClosureLine.Value(w.src))
	}
	return &Node{Kind: NodeHTML, Code: code}
}

// tableRow makes the node of a table row, the header row or a body row;
// its cells are header cells in the header row.
func (w *walker) tableRow(n ast.Node) *Node {
	row := &Node{Kind: NodeRow, Header: isHeader(n), Children: w.children(n)}
	for _, c := range row.Children {
		c.Header = row.Header
	}
	return row
}

// isHeader reports whether n is the header row of a table.
func isHeader(n ast.Node) bool {
	_, ok := n.(*east.TableHeader)
	return ok
}

// tableCell makes the node of a table cell, with its alignment; its text
// is a block.
func (w *walker) tableCell(n *east.TableCell) *Node {
	align := ""
	if n.Alignment != east.AlignNone {
		align = n.Alignment.String()
	}
	return &Node{Kind: NodeCell, Align: align, Block: w.pinned(w.block(n, TableCell, "cell", "", n))}
}

// headingNode makes the node of a heading. An H2 starts a section and is
// its heading block; a {#id} attribute pins the block's ID.
func (w *walker) headingNode(n *ast.Heading) *Node {
	pin := ""
	if id, ok := n.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok {
			pin = string(b)
		}
	}
	if n.Level == 2 {
		w.startSection(inlineSource(n, w.src), pin)
		b := w.block(n, Heading, "heading", "heading", n)
		b.Pin, w.h2 = pin, b
		w.checkPin(b)
		return &Node{Kind: NodeHeading, Level: 2, Block: b}
	}
	b := w.block(n, Heading, "h", w.next("h"), n)
	b.Pin = pin
	w.checkPin(b)
	return &Node{Kind: NodeHeading, Level: n.Level, Block: b}
}

// paragraph makes the node of a paragraph; what it is a part of (a list
// item, a quote, a definition, a footnote) names its kind. A task list
// item's check box ("[x] ") is not part of its text.
func (w *walker) paragraph(n ast.Node) *Node {
	if n.Lines().Len() == 1 {
		if seg := n.Lines().At(0); isAttributes(seg.Value(w.src)) {
			// Hugo's attributes of the block before: no text.
			return nil
		}
	}
	kind, key := Paragraph, "p"
	switch n.Parent().(type) {
	case *ast.ListItem:
		kind, key = ListItem, "li"
	case *ast.Blockquote:
		kind, key = Quote, "quote"
	case *east.DefinitionDescription:
		kind, key = Definition, "dd"
	case *east.Footnote:
		kind, key = Footnote, "fn"
	}
	node := &Node{Kind: NodeParagraph}
	if box, ok := n.FirstChild().(*east.TaskCheckBox); ok {
		node.Task, node.Checked = true, box.IsChecked
	}
	b := w.block(n, kind, key, "", n)
	if node.Task && !b.Verbatim {
		w.dropTaskBox(b)
	}
	if _, inQuote := n.Parent().(*ast.Blockquote); inQuote && n.PreviousSibling() == nil && !b.Verbatim {
		w.dropAlert(b)
	}
	node.Block = w.pinned(b)
	return node
}

// dropTaskBox takes "[ ] " or "[x] " off the start of b's text.
func (w *walker) dropTaskBox(b *Block) {
	i := strings.IndexByte(b.Text, ']')
	if i < 0 || len(b.Spans) == 0 {
		return
	}
	cut := i + 1
	for cut < len(b.Text) && (b.Text[cut] == ' ' || b.Text[cut] == '\t') {
		cut++
	}
	b.Text = b.Text[cut:]
	first := &b.Spans[0]
	line := string(w.fileBytes(*first))
	off := strings.IndexByte(line, ']') + 1
	for off < len(line) && (line[off] == ' ' || line[off] == '\t') {
		off++
	}
	first.Start += off
}

// alertMarker is the marker of a GitHub-style alert, which Hugo's
// blockquote render hook reads off the quote's first line: "[!NOTE]",
// "[!tip]+" (Obsidian's foldable form). A title may follow it.
var alertMarker = regexp.MustCompile(`^\[![A-Za-z]+\][+-]?[ \t]*`)

// dropAlert takes an alert's marker off the start of b's text and first
// span: it is the site's markup, not text, and the translation keeps it.
func (w *walker) dropAlert(b *Block) {
	m := alertMarker.FindString(b.Text)
	if m == "" || len(b.Spans) == 0 {
		return
	}
	line := string(w.fileBytes(b.Spans[0]))
	cut := len(alertMarker.FindString(line))
	if cut == 0 {
		return
	}
	b.Text = b.Text[len(m):]
	b.Spans[0].Start += cut
	if strings.TrimSpace(line[cut:]) == "" && len(b.Spans) > 1 {
		b.Spans = b.Spans[1:] // the marker had its line to itself
	}
}

// startSection begins the H2 section headed by text, keyed by its slug
// (unique within the page).
func (w *walker) startSection(text, pin string) {
	key := slugify(plain(text))
	if pin != "" {
		key = pin
	}
	switch {
	case key == "":
		key = "section"
	case w.reserved[key] || strings.HasPrefix(key, "breadcrumb"):
		key = "section-" + key
	}
	base := key
	for i := 2; w.sections[key]; i++ {
		key = fmt.Sprintf("%s-%d", base, i)
	}
	w.sections[key] = true
	w.section, w.heading = key, plain(text)
}

// next returns the next key of kind ("p" → "p3") in the current section.
func (w *walker) next(kind string) string {
	k := w.section + "." + kind
	w.counts[k]++
	return fmt.Sprintf("%s%d", kind, w.counts[k])
}

// block adds the block of leaf n, with its text and where it is written,
// named name, or, if name is "", the next of its key in its section. A
// block other than a heading that holds no words (see hasWords) is
// Verbatim: it gets no name and is no message.
func (w *walker) block(n ast.Node, kind Kind, key, name string, src ast.Node) *Block {
	txt, spans := inlineSpans(src, w.src, w.base)
	var attrs Span
	if v, ok := src.Attribute(attrLineKey); ok {
		if seg, ok := v.(text.Segment); ok {
			attrs = Span{Start: w.base + seg.Start, End: w.base + seg.Stop}
		}
	}
	b := &Block{
		Attrs:   attrs,
		Kind:    kind,
		Key:     key,
		Section: w.heading,
		Heading: w.h2,
		Text:    txt,
		Pos:     w.pos(n),
		Spans:   spans,
	}
	words := txt
	if _, ok := src.FirstChild().(*east.TaskCheckBox); ok {
		_, words, _ = strings.Cut(txt, "]")
	}
	if kind != Heading && !hasWords(words) {
		b.Verbatim = true
		return b
	}
	if name == "" {
		name = w.next(key)
	}
	b.ID = w.prefix + "." + w.section + "." + name
	return w.page.add(b)
}

// fileBytes returns the bytes of span s of the file.
func (w *walker) fileBytes(s Span) []byte {
	return w.src[s.Start-w.base : s.End-w.base]
}

func (w *walker) pos(n ast.Node) diag.Pos {
	off := 0
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	} else if p := n.Pos(); p >= 0 {
		off = p
	} else if c := n.FirstChild(); c != nil && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
		off = c.Lines().At(0).Start
	} else if spans := extentLines(n, w.src, 0); len(spans) > 0 {
		off = spans[0].Start
	}
	return w.lines.Pos(w.base + off)
}
