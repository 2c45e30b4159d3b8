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
	"github.com/hsi-l10n/l10n/internal/shortcode"
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
		item := &Node{Kind: NodeItem, Children: w.children(n)}
		if len(item.Children) > 0 && item.Children[0].Task {
			item.Task, item.Checked = true, item.Children[0].Checked
		}
		return item
	case *ast.Blockquote:
		return &Node{Kind: NodeQuote, Children: w.children(n)}
	case *ast.FencedCodeBlock:
		info := ""
		if n.Info != nil {
			info = string(n.Info.Segment.Value(w.src))
		}
		return &Node{Kind: NodeCode, Code: rawLines(n, w.src), Info: info, Fenced: true}
	case *ast.CodeBlock:
		return &Node{Kind: NodeCode, Code: rawLines(n, w.src)}
	case *ast.ThematicBreak:
		return &Node{Kind: NodeRule}
	case *ast.HTMLBlock:
		code := rawLines(n, w.src)
		if n.HasClosure() {
			code += string(n.ClosureLine.Value(w.src))
		}
		return &Node{Kind: NodeHTML, Code: code}
	case *passthrough.PassthroughBlock:
		return &Node{Kind: NodeMath, Code: rawLines(n, w.src)}
	case *east.Table:
		return &Node{Kind: NodeTable, Children: w.children(n)}
	case *east.TableHeader, *east.TableRow:
		row := &Node{Kind: NodeRow, Header: isHeader(n), Children: w.children(n)}
		for _, c := range row.Children {
			c.Header = row.Header
		}
		return row
	case *east.TableCell:
		align := ""
		if n.Alignment != east.AlignNone {
			align = n.Alignment.String()
		}
		return &Node{Kind: NodeCell, Align: align, Block: w.pinned(w.block(n, TableCell, "cell", "", n))}
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

func isHeader(n ast.Node) bool {
	_, ok := n.(*east.TableHeader)
	return ok
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

// pinned takes an attribute line (Hugo's block attributes, "{.note}" on
// the line after the text) or a trailing {#id} off the block's text; an
// id in either pins the block's ID.
func (w *walker) pinned(b *Block) *Block {
	if b.Attrs != (Span{}) {
		if id, _ := attributeLine(string(w.fileBytes(b.Attrs))); id != "" {
			b.Pin = id
			w.checkPin(b)
			return b
		}
	}
	if text, id, ok := trailingID(b.Text); ok && len(b.Spans) > 0 {
		// The text's last line is the end of the last span: cut the
		// attribute list off both.
		removed := len(strings.TrimRight(b.Text, " \t")) - len(text)
		last := &b.Spans[len(b.Spans)-1]
		line := strings.TrimRight(string(w.fileBytes(*last)), " \t\r\n")
		if removed <= len(line) {
			last.End = last.Start + len(strings.TrimRight(line[:len(line)-removed], " \t"))
		}
		b.Text, b.Pin = text, id
	}
	w.checkPin(b)
	return b
}

func (w *walker) checkPin(b *Block) {
	if b.Pin != "" && !validPin.MatchString(b.Pin) {
		w.errs.Add(diag.Errorf(b.Pos, "pinned ID {#%s} may hold only letters, digits, \"-\" and \"_\"; rename it", b.Pin))
		b.Pin = ""
	}
}

func isAttributes(line []byte) bool {
	_, ok := attributeLine(string(line))
	return ok
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
