package content

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/wire"
)

// A Page can be kept between runs (package site keeps parsed pages, keyed
// by the page's bytes, the program and the Options): Encode gives bytes
// that Decode, given the same page bytes, turns back into a page equal to
// the parsed one in every field, with the same sharing of blocks (a
// node's Block, the Title, a Crumb's Block and a block's Heading are
// blocks of Blocks), and each slice nil where the parsed one is nil. The
// text of a block is not in those bytes when the page's bytes hold it: it
// is named by where it is (most of the bytes of a page).

// How the text of a block is written.
const (
	textHere   = iota // its bytes follow
	textSource        // it is bytes of the page: offset and length
	textSpans         // it is what inlineText makes of its spans
)

// The flags of a node.
const (
	nodeOrdered = 1 << iota
	nodeTight
	nodeHeader
	nodeTask
	nodeChecked
	nodeFenced
)

// Encode returns the bytes of p, which Parse made of src, for Decode.
// Call it on a page as Parse returned it: package snapshot changes the
// IDs of its blocks afterwards. A page with a warning that wraps an
// error, a date that is not in UTC or front matter that
// frontmatter.Matter.MarshalBinary does not keep cannot be kept, and
// returns an error.
func Encode(p *Page, src []byte) ([]byte, error) {
	e := &encoder{page: p, src: src, index: map[*Block]int{}, out: make([]byte, 0, len(src)+512)}
	for _, b := range p.Blocks {
		e.add(b)
	}
	e.add(p.Title)
	e.add(p.Description)
	for _, c := range p.Breadcrumbs {
		e.add(c.Block)
	}
	nodes, kids := e.addNodes(p.Body)
	for i := 0; i < len(e.table); i++ {
		e.add(e.table[i].Heading) // appends to the table it walks
	}
	spans := 0
	for _, b := range e.table {
		spans += len(b.Spans)
	}
	e.strings(p.File, p.Slug, p.Address)
	e.out = wire.AppendStrings(e.out, p.Aliases)
	if p.Updated.Location() != time.UTC {
		return nil, fmt.Errorf("content: %s: a date in %s is not kept", p.File, p.Updated.Location())
	}
	e.ints(int(p.Updated.Unix()), p.Updated.Nanosecond())
	e.bools(p.Draft)
	e.strings(p.Digest)
	e.ints(len(e.table), spans, nodes, kids)
	for _, b := range e.table {
		e.block(b)
	}
	e.ints(e.ref(p.Title), e.ref(p.Description))
	e.list(p.Breadcrumbs == nil, len(p.Breadcrumbs))
	for _, c := range p.Breadcrumbs {
		e.ints(e.ref(c.Block))
		e.strings(c.URL)
	}
	e.list(p.Blocks == nil, len(p.Blocks))
	for _, b := range p.Blocks {
		e.ints(e.ref(b))
	}
	e.nodes(p.Body)
	if err := e.tail(); err != nil {
		return nil, err
	}
	return e.out, nil
}

// encoder writes a page; blocks are written once, in table, and named by
// their index in it everywhere.
type encoder struct {
	page  *Page
	src   []byte
	out   []byte
	index map[*Block]int
	table []*Block
}

// add puts b in the table, if it is a block not there yet.
func (e *encoder) add(b *Block) {
	if _, ok := e.index[b]; b != nil && !ok {
		e.index[b] = len(e.table)
		e.table = append(e.table, b)
	}
}

// addNodes puts the blocks of nodes in the table and returns how many
// nodes there are, and how many children they and list have in all.
func (e *encoder) addNodes(list []*Node) (nodes, kids int) {
	kids = len(list)
	for _, n := range list {
		e.add(n.Block)
		nn, nk := e.addNodes(n.Children)
		nodes, kids = nodes+1+nn, kids+nk
	}
	return nodes, kids
}

// ref is what names b: 0 for nil, else its index in the table plus one.
func (e *encoder) ref(b *Block) int {
	if b == nil {
		return 0
	}
	return e.index[b] + 1
}

func (e *encoder) ints(list ...int) {
	for _, n := range list {
		e.out = binary.AppendVarint(e.out, int64(n))
	}
}

func (e *encoder) strings(list ...string) {
	for _, s := range list {
		e.out = wire.AppendString(e.out, s)
	}
}

func (e *encoder) bools(list ...bool) {
	for _, b := range list {
		e.out = wire.AppendBool(e.out, b)
	}
}

// list writes the length of a slice, or that it is nil.
func (e *encoder) list(isNil bool, n int) { e.out = wire.AppendLen(e.out, isNil, n) }

// pos writes a position; its file, most often the page's, is then one
// byte.
func (e *encoder) pos(p diag.Pos) {
	if p.File == e.page.File {
		e.bools(true)
	} else {
		e.bools(false)
		e.strings(p.File)
	}
	e.ints(p.Line, p.Col)
}

func (e *encoder) block(b *Block) {
	e.strings(b.ID, string(b.Kind), b.Key, b.Field, b.Pin, b.Section)
	e.ints(e.ref(b.Heading))
	e.pos(b.Pos)
	e.list(b.Spans == nil, len(b.Spans))
	for _, s := range b.Spans {
		e.ints(s.Start, s.End)
	}
	e.text(b)
	e.ints(b.Attrs.Start, b.Attrs.End)
	e.strings(b.Arg)
	e.bools(b.Verbatim)
}

// text writes the text of b: where the page holds it, in its first span
// after the indentation inlineText drops, or as inlineText makes it of
// its spans, or else as it is.
func (e *encoder) text(b *Block) {
	if len(b.Spans) > 0 && b.Text != "" && spansIn(b.Spans, len(e.src)) {
		at := b.Spans[0].Start
		for at < len(e.src) && (e.src[at] == ' ' || e.src[at] == '\t') {
			at++
		}
		if at+len(b.Text) <= len(e.src) && string(e.src[at:at+len(b.Text)]) == b.Text {
			e.ints(textSource, at, len(b.Text))
			return
		}
		if len(b.Spans) > 1 && inlineText(b.Spans, e.bytes) == b.Text {
			e.ints(textSpans)
			return
		}
	}
	e.ints(textHere)
	e.strings(b.Text)
}

// bytes returns the bytes of s in the page.
func (e *encoder) bytes(s Span) []byte { return e.src[s.Start:s.End] }

// spansIn reports whether spans are ranges of a file of size bytes.
func spansIn(spans []Span, size int) bool {
	for _, s := range spans {
		if s.Start < 0 || s.End < s.Start || s.End > size {
			return false
		}
	}
	return true
}

func (e *encoder) nodes(list []*Node) {
	e.list(list == nil, len(list))
	for _, n := range list {
		flags := 0
		for i, set := range []bool{n.Ordered, n.Tight, n.Header, n.Task, n.Checked, n.Fenced} {
			if set {
				flags |= 1 << i
			}
		}
		e.ints(int(n.Kind), n.Level, flags, n.Start)
		e.strings(n.Align, n.Code, n.Info, n.Ref)
		e.pos(n.Pos)
		e.out = wire.AppendStrings(e.out, n.Shortcodes)
		e.ints(e.ref(n.Block))
		e.nodes(n.Children)
	}
}

// tail writes the front matter, the warnings and the link references.
func (e *encoder) tail() error {
	p := e.page
	if p.Matter == nil {
		e.list(true, 0)
	} else {
		m, err := p.Matter.MarshalBinary()
		if err != nil {
			return fmt.Errorf("content: %s: %w", p.File, err)
		}
		e.list(false, len(m))
		e.out = append(e.out, m...)
	}
	e.list(p.Warnings == nil, len(p.Warnings))
	for _, w := range p.Warnings {
		if w == nil || w.Err != nil {
			return fmt.Errorf("content: %s: a warning that wraps an error is not kept", p.File)
		}
		e.pos(w.Pos)
		e.strings(w.Msg)
		e.bools(w.Warning)
	}
	e.list(p.Refs == nil, len(p.Refs))
	for _, r := range p.Refs {
		e.strings(r.Label, r.Destination, r.Title)
	}
	return nil
}
