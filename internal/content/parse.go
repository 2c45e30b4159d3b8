package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
)

// Parse reads the page in src. file is the page's path relative to the site
// root ("content/narcotics-smuggling.md"); it names the page in errors and
// gives the page its slug and the prefix of its message IDs. The front
// matter may be TOML, YAML, JSON or absent, with any keys (see package
// frontmatter); opts says which of its values are translated.
func Parse(file string, src []byte, opts Options) (*Page, error) {
	lines := diag.NewLines(file, src)
	if !utf8.Valid(src) {
		// goldmark would pass the bytes on, and the pages would show
		// U+FFFD or mojibake. See issue 6.
		return nil, diag.Errorf(lines.Pos(diag.InvalidUTF8(src)), "invalid UTF-8; save the file as UTF-8")
	}
	m, err := frontmatter.Parse(src, lines)
	if err != nil {
		return nil, err
	}
	slug := Slug(file)
	sum := sha256.Sum256(src)
	p := &Page{File: file, Slug: slug, Matter: m, Digest: hex.EncodeToString(sum[:])}
	if err := p.frontMatter(m, opts, lines); err != nil {
		return nil, err
	}
	prefix := Prefix(slug)
	// The first part of each translated key names front matter blocks
	// (<page>.title, <page>.params.subtitle): a section of that name is
	// keyed section-<name>.
	reserved := map[string]bool{"title": true, "description": true}
	for _, k := range opts.keys() {
		first, _, _ := strings.Cut(k, ".")
		reserved[first] = true
	}
	body := src[m.Body:]
	// "intro" is taken by the blocks before the first H2, so a section
	// headed "Intro" gets its own key and numbering.
	w := &walker{page: p, prefix: prefix, src: body, base: m.Body, lines: lines, reserved: reserved,
		sections: map[string]bool{"intro": true}, section: "intro", counts: map[string]int{}}
	doc := markdown.Parser().Parse(text.NewReader(body))
	p.Body = w.children(doc)
	if err := w.errs.Err(); err != nil {
		return nil, err
	}
	if p.Title == nil {
		p.Title = p.untitled(prefix, lines.Pos(0))
	}
	return p, nil
}

// untitled returns the title of a page whose front matter gives none:
// its first heading, or else a title block made from its file name, put
// first among the blocks.
func (p *Page) untitled(prefix string, pos diag.Pos) *Block {
	for _, b := range p.Blocks {
		if b.Kind == Heading {
			return b
		}
	}
	b := &Block{ID: prefix + ".title", Kind: Title, Key: "title", Text: fileTitle(p.File), Pos: pos}
	p.Blocks = append([]*Block{b}, p.Blocks...)
	return b
}

// markdown is the Markdown dialect of pages and translations: CommonMark
// with GitHub tables, and {#id} attributes on headings.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

func (p *Page) add(b *Block) *Block {
	p.Blocks = append(p.Blocks, b)
	return b
}

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
	counts   map[string]int
	errs     diag.List
}

func (w *walker) children(n ast.Node) []*Node {
	var out []*Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if node := w.node(c); node != nil {
			out = append(out, node)
		}
	}
	return out
}

func (w *walker) node(n ast.Node) *Node {
	switch n := n.(type) {
	case *ast.Heading:
		text := inlineSource(n, w.src)
		pin := ""
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				pin = string(b)
			}
		}
		if n.Level == 2 {
			w.startSection(text, pin)
			b := w.block(n, Heading, "heading", "heading", text)
			b.Pin, w.h2 = pin, b
			w.checkPin(b)
			return &Node{Kind: NodeHeading, Level: 2, Block: b}
		}
		b := w.block(n, Heading, "h", w.next("h"), text)
		b.Pin = pin
		w.checkPin(b)
		return &Node{Kind: NodeHeading, Level: n.Level, Block: b}
	case *ast.Paragraph, *ast.TextBlock:
		kind, key := Paragraph, "p"
		switch n.Parent().(type) {
		case *ast.ListItem:
			kind, key = ListItem, "li"
		case *ast.Blockquote:
			kind, key = Quote, "quote"
		}
		return &Node{Kind: NodeParagraph, Block: w.pinned(w.block(n, kind, key, w.next(key), inlineSource(n, w.src)))}
	case *ast.List:
		return &Node{Kind: NodeList, Ordered: n.IsOrdered(), Tight: n.IsTight, Start: n.Start, Children: w.children(n)}
	case *ast.ListItem:
		return &Node{Kind: NodeItem, Children: w.children(n)}
	case *ast.Blockquote:
		return &Node{Kind: NodeQuote, Children: w.children(n)}
	case *ast.FencedCodeBlock:
		info := ""
		if n.Info != nil {
			info = string(n.Info.Segment.Value(w.src))
		}
		return &Node{Kind: NodeCode, Code: rawLines(n, w.src), Info: info}
	case *ast.CodeBlock:
		return &Node{Kind: NodeCode, Code: rawLines(n, w.src)}
	case *ast.ThematicBreak:
		return &Node{Kind: NodeRule}
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
		return &Node{Kind: NodeCell, Align: align, Block: w.pinned(w.block(n, TableCell, "cell", w.next("cell"), inlineSource(n, w.src)))}
	case *ast.HTMLBlock:
		w.errs.Add(diag.Errorf(w.pos(n), "raw HTML is not allowed in a page; write it as Markdown"))
		return nil
	default:
		w.errs.Add(diag.Errorf(w.pos(n), "unsupported Markdown block %s; use headings, paragraphs, lists, quotes, tables or code", n.Kind()))
		return nil
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

func (w *walker) block(n ast.Node, kind Kind, key, name, text string) *Block {
	return w.page.add(&Block{
		ID:      w.prefix + "." + w.section + "." + name,
		Kind:    kind,
		Key:     key,
		Section: w.heading,
		Heading: w.h2,
		Text:    text,
		Pos:     w.pos(n),
	})
}

// pinned takes an ID pinned with a trailing {#id} off the block's text.
func (w *walker) pinned(b *Block) *Block {
	if text, id, ok := trailingID(b.Text); ok {
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

func (w *walker) pos(n ast.Node) diag.Pos {
	off := 0
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	} else if p := n.Pos(); p >= 0 {
		off = p
	} else if c := n.FirstChild(); c != nil && c.Lines().Len() > 0 {
		off = c.Lines().At(0).Start
	}
	return w.lines.Pos(w.base + off)
}

// inlineSource returns the inline Markdown of a leaf block: its lines with
// indentation removed, joined by spaces (a soft line break renders as a
// space) or, after a hard line break, by a backslash and a newline.
func inlineSource(n ast.Node, src []byte) string {
	lines := n.Lines()
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimRight(string(seg.Value(src)), "\r\n")
		line = strings.TrimLeft(line, " \t")
		if i == lines.Len()-1 {
			b.WriteString(strings.TrimRight(line, " \t"))
			break
		}
		switch {
		case strings.HasSuffix(line, "  "):
			b.WriteString(strings.TrimRight(line, " ") + "\\\n")
		case strings.HasSuffix(line, "\\"):
			b.WriteString(line + "\n")
		default:
			b.WriteString(strings.TrimRight(line, " \t") + " ")
		}
	}
	return b.String()
}

func rawLines(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// oneLine joins the lines of a front matter value with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
