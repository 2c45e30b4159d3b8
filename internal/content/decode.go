package content

import (
	"encoding/binary"
	"errors"
	"time"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
)

// errDamaged says that bytes are not those of a page Encode wrote.
var errDamaged = errors.New("content: bytes of a page cut short or damaged")

// Decode returns the page whose bytes Encode returned, given as a string
// (data), src being the bytes the page was parsed from: a page whose
// blocks and nodes are its own, shared with no other page. It fails on
// bytes Encode did not write, and may return a wrong page if src is not
// the page's bytes.
//
// Its strings are parts of data and of one copy of src, and its blocks,
// nodes and spans are each taken from one array: a page costs a few
// allocations, not one per string and node.
func Decode(data string, src []byte) (*Page, error) {
	d := &decoder{data: data, src: src, text: string(src)}
	p := &Page{File: d.string(), Slug: d.string(), Address: d.string()}
	d.file = p.File
	p.Aliases = d.strings()
	p.Updated = time.Unix(int64(d.int()), int64(d.int())).UTC()
	p.Draft = d.bool()
	p.Digest = d.string()
	d.blocks = make([]Block, d.count())
	d.spans = make([]Span, d.count())
	d.nodes = make([]Node, d.count())
	d.kids = make([]*Node, d.count())
	for i := range d.blocks {
		d.block(&d.blocks[i])
	}
	p.Title, p.Description = d.ref(), d.ref()
	if n, ok := d.len(); ok {
		p.Breadcrumbs = make([]Crumb, n)
		for i := range p.Breadcrumbs {
			p.Breadcrumbs[i] = Crumb{Block: d.ref(), URL: d.string()}
		}
	}
	if n, ok := d.len(); ok {
		p.Blocks = make([]*Block, n)
		for i := range p.Blocks {
			p.Blocks[i] = d.ref()
		}
	}
	p.Body = d.nodeList()
	d.tail(p)
	if d.err == nil && (d.data != "" || len(d.spans)+len(d.nodes)+len(d.kids) > 0) {
		d.err = errDamaged
	}
	if d.err != nil {
		return nil, d.err
	}
	return p, nil
}

// decoder reads what encoder wrote. The first problem is kept in err;
// every read after it returns zero values.
type decoder struct {
	data string
	err  error
	file string // the page's
	src  []byte // the page's bytes
	text string // and a copy, which texts are parts of

	blocks []Block
	spans  []Span  // of every block, in turn
	nodes  []Node  // in turn
	kids   []*Node // every node's children, in turn
}

func (d *decoder) fail() {
	d.err, d.data = errDamaged, ""
}

// uint reads what binary.AppendUvarint wrote.
func (d *decoder) uint() uint64 {
	var v uint64
	for i := 0; i < len(d.data) && i < binary.MaxVarintLen64; i++ {
		c := d.data[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // more than 64 bits
			}
			d.data = d.data[i+1:]
			return v | uint64(c)<<(7*i)
		}
		v |= uint64(c&0x7f) << (7 * i)
	}
	d.fail()
	return 0
}

// int reads what binary.AppendVarint wrote: zigzag, then Uvarint.
func (d *decoder) int() int {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return int(v)
}

func (d *decoder) bool() bool {
	if d.data == "" || d.data[0] > 1 {
		d.fail()
		return false
	}
	b := d.data[0] == 1
	d.data = d.data[1:]
	return b
}

func (d *decoder) string() string {
	n := d.uint()
	if n > uint64(len(d.data)) {
		d.fail()
		return ""
	}
	s := d.data[:n]
	d.data = d.data[n:]
	return s
}

func (d *decoder) strings() []string {
	n, ok := d.len()
	if !ok {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.string()
	}
	return out
}

// count reads the size of an array: no more than the bytes left, as each
// item takes one at least.
func (d *decoder) count() int {
	n := d.int()
	if n < 0 || n > len(d.data) {
		d.fail()
		return 0
	}
	return n
}

// len reads what encoder.list wrote; ok is false for nil.
func (d *decoder) len() (n int, ok bool) {
	v := d.uint()
	if v == 0 {
		return 0, false
	}
	if v-1 > uint64(len(d.data)) {
		d.fail()
		return 0, false
	}
	return int(v - 1), true
}

// ref reads what names a block.
func (d *decoder) ref() *Block {
	i := d.int()
	if i < 0 || i > len(d.blocks) {
		d.fail()
		return nil
	}
	if i == 0 {
		return nil
	}
	return &d.blocks[i-1]
}

func (d *decoder) pos() diag.Pos {
	var p diag.Pos
	if d.bool() {
		p.File = d.file
	} else {
		p.File = d.string()
	}
	p.Line, p.Col = d.int(), d.int()
	return p
}

func (d *decoder) block(b *Block) {
	b.ID, b.Kind, b.Key, b.Field, b.Pin, b.Section = d.string(), Kind(d.string()), d.string(), d.string(), d.string(), d.string()
	b.Heading = d.ref()
	b.Pos = d.pos()
	if n, ok := d.len(); ok {
		if n > len(d.spans) {
			d.fail()
			return
		}
		b.Spans = d.spans[:n:n]
		d.spans = d.spans[n:]
		for i := range b.Spans {
			b.Spans[i] = Span{Start: d.int(), End: d.int()}
		}
	}
	b.Text = d.blockText(b.Spans)
	b.Attrs = Span{Start: d.int(), End: d.int()}
	b.Arg = d.string()
	b.Verbatim = d.bool()
}

// blockText reads the text of a block with spans, as encoder.text wrote
// it.
func (d *decoder) blockText(spans []Span) string {
	switch d.int() {
	case textHere:
		return d.string()
	case textSource:
		at, n := d.int(), d.int()
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
	d.fail()
	return ""
}

// nodeList reads a list of nodes and, in turn, their children.
func (d *decoder) nodeList() []*Node {
	n, ok := d.len()
	if !ok {
		return nil
	}
	if n > len(d.kids) {
		d.fail()
		return nil
	}
	list := d.kids[:n:n]
	d.kids = d.kids[n:]
	for i := range list {
		if len(d.nodes) == 0 {
			d.fail()
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
	n.Kind, n.Level = NodeKind(d.int()), d.int()
	flags := d.int()
	n.Ordered, n.Tight, n.Header = flags&nodeOrdered != 0, flags&nodeTight != 0, flags&nodeHeader != 0
	n.Task, n.Checked, n.Fenced = flags&nodeTask != 0, flags&nodeChecked != 0, flags&nodeFenced != 0
	n.Start = d.int()
	n.Align, n.Code, n.Info, n.Ref = d.string(), d.string(), d.string(), d.string()
	n.Pos = d.pos()
	n.Shortcodes = d.strings()
	n.Block = d.ref()
	n.Children = d.nodeList()
}

// tail reads the front matter, the warnings and the link references.
func (d *decoder) tail(p *Page) {
	if n, ok := d.len(); ok {
		p.Matter = new(frontmatter.Matter)
		if err := p.Matter.UnmarshalBinary([]byte(d.data[:n])); err != nil {
			d.fail()
			return
		}
		d.data = d.data[n:]
	}
	if n, ok := d.len(); ok {
		p.Warnings = make(diag.List, n)
		for i := range p.Warnings {
			p.Warnings[i] = &diag.Error{Pos: d.pos(), Msg: d.string(), Warning: d.bool()}
		}
	}
	if n, ok := d.len(); ok {
		p.Refs = make([]Ref, n)
		for i := range p.Refs {
			p.Refs[i] = Ref{Label: d.string(), Destination: d.string(), Title: d.string()}
		}
	}
}
