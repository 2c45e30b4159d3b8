package content

import (
	"errors"
	"time"
	"unsafe"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
	"github.com/hsi-l10n/l10n/internal/wire"
)

// errDamaged says that bytes are not those of a page Encode wrote.
var errDamaged = errors.New("content: bytes of a page cut short or damaged")

// Decode returns the page whose bytes Encode returned, given as a string
// (data), src being the bytes the page was parsed from, which the caller
// must not change afterwards: a page whose blocks and nodes are its own,
// shared with no other page. It fails on bytes Encode did not write, and
// may return a wrong page if src is not the page's bytes.
//
// Its strings are parts of data and of src, not copies, and its blocks,
// nodes and spans are each taken from one array: a page costs a few
// allocations, not one per string and node. (A copy of src was the
// largest of them: a site's whole Markdown again.)
func Decode(data string, src []byte) (*Page, error) {
	d := &decoder{Reader: wire.NewReader(data), src: src, text: unsafe.String(unsafe.SliceData(src), len(src))}
	p := &Page{File: d.Str(), Slug: d.Str(), Address: d.Str()}
	d.file = p.File
	p.Aliases = d.Strs()
	p.Updated = time.Unix(int64(d.Int()), int64(d.Int())).UTC()
	p.Draft = d.Bool()
	p.Digest = d.Str()
	d.blocks = make([]Block, d.count())
	d.spans = make([]Span, d.count())
	d.nodes = make([]Node, d.count())
	d.kids = make([]*Node, d.count())
	for i := range d.blocks {
		d.block(&d.blocks[i])
	}
	p.Title, p.Description = d.ref(), d.ref()
	if n, ok := d.Len(); ok {
		p.Breadcrumbs = make([]Crumb, n)
		for i := range p.Breadcrumbs {
			p.Breadcrumbs[i] = Crumb{Block: d.ref(), URL: d.Str()}
		}
	}
	if n, ok := d.Len(); ok {
		p.Blocks = make([]*Block, n)
		for i := range p.Blocks {
			p.Blocks[i] = d.ref()
		}
	}
	p.Body = d.nodeList()
	d.tail(p)
	if d.Failed() || d.Left() > 0 || len(d.spans)+len(d.nodes)+len(d.kids) > 0 {
		return nil, errDamaged
	}
	return p, nil
}

// decoder reads what encoder wrote, with the primitives of wire.Reader
// and the reads of blocks and nodes below.
type decoder struct {
	wire.Reader
	file string // the page's
	src  []byte // the page's bytes
	text string // the same bytes, which texts are parts of

	blocks []Block
	spans  []Span  // of every block, in turn
	nodes  []Node  // in turn
	kids   []*Node // every node's children, in turn
}

// count reads the size of an array: no more than the bytes left, as each
// item takes one at least.
func (d *decoder) count() int {
	n := d.Int()
	if n < 0 || n > d.Left() {
		d.Fail()
		return 0
	}
	return n
}

// ref reads what names a block.
func (d *decoder) ref() *Block {
	i := d.Int()
	if i < 0 || i > len(d.blocks) {
		d.Fail()
		return nil
	}
	if i == 0 {
		return nil
	}
	return &d.blocks[i-1]
}

func (d *decoder) pos() diag.Pos {
	var p diag.Pos
	if d.Bool() {
		p.File = d.file
	} else {
		p.File = d.Str()
	}
	p.Line, p.Col = d.Int(), d.Int()
	return p
}

func (d *decoder) block(b *Block) {
	b.ID, b.Kind, b.Key, b.Field, b.Pin, b.Section = d.Str(), Kind(d.Str()), d.Str(), d.Str(), d.Str(), d.Str()
	b.Heading = d.ref()
	b.Pos = d.pos()
	if n, ok := d.Len(); ok {
		if n > len(d.spans) {
			d.Fail()
			return
		}
		b.Spans = d.spans[:n:n]
		d.spans = d.spans[n:]
		for i := range b.Spans {
			b.Spans[i] = Span{Start: d.Int(), End: d.Int()}
		}
	}
	b.Text = d.blockText(b.Spans)
	b.Attrs = Span{Start: d.Int(), End: d.Int()}
	b.Arg = d.Str()
	b.Verbatim = d.Bool()
}

// blockText reads the text of a block with spans, as encoder.text wrote
// it.
func (d *decoder) blockText(spans []Span) string {
	switch d.Int() {
	case textHere:
		return d.Str()
	case textSource:
		at, n := d.Int(), d.Int()
		if at < 0 || n < 0 || at > len(d.text)-n {
			break
		}
		return d.text[at : at+n]
	case textSpans:
		if !spansIn(spans, len(d.src)) {
			break
		}
		return inlineText(spans, func(s Span) []byte { return d.src[s.Start:s.End] })
	}
	d.Fail()
	return ""
}

// nodeList reads a list of nodes and, in turn, their children.
func (d *decoder) nodeList() []*Node {
	n, ok := d.Len()
	if !ok {
		return nil
	}
	if n > len(d.kids) {
		d.Fail()
		return nil
	}
	list := d.kids[:n:n]
	d.kids = d.kids[n:]
	for i := range list {
		if len(d.nodes) == 0 {
			d.Fail()
			return nil
		}
		node := &d.nodes[0]
		d.nodes = d.nodes[1:]
		list[i] = node
		d.node(node)
	}
	return list
}

func (d *decoder) node(n *Node) {
	n.Kind, n.Level = NodeKind(d.Int()), d.Int()
	flags := d.Int()
	n.Ordered, n.Tight, n.Header = flags&nodeOrdered != 0, flags&nodeTight != 0, flags&nodeHeader != 0
	n.Task, n.Checked, n.Fenced = flags&nodeTask != 0, flags&nodeChecked != 0, flags&nodeFenced != 0
	n.Start = d.Int()
	n.Align, n.Code, n.Info, n.Ref = d.Str(), d.Str(), d.Str(), d.Str()
	n.Pos = d.pos()
	n.Shortcodes = d.Strs()
	n.Block = d.ref()
	n.Children = d.nodeList()
}

// tail reads the front matter, the warnings and the link references.
func (d *decoder) tail(p *Page) {
	if n, ok := d.Len(); ok {
		p.Matter = new(frontmatter.Matter)
		if err := p.Matter.UnmarshalBinary([]byte(d.Raw(n))); err != nil {
			d.Fail()
			return
		}
	}
	if n, ok := d.Len(); ok {
		p.Warnings = make(diag.List, n)
		for i := range p.Warnings {
			p.Warnings[i] = &diag.Error{Pos: d.pos(), Msg: d.Str(), Warning: d.Bool()}
		}
	}
	if n, ok := d.Len(); ok {
		p.Refs = make([]Ref, n)
		for i := range p.Refs {
			p.Refs[i] = Ref{Label: d.Str(), Destination: d.Str(), Title: d.Str()}
		}
	}
}
