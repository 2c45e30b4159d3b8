package shortcode

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockParser opens a [Block] on a line, indented by at most three
// spaces, that holds only tags and white space. It interrupts paragraphs,
// so a tag line between two lines of text ends the first paragraph, as
// "{{< /tab >}}" must. When a tag runs on over several lines, the block
// takes those lines as they come; the containers around it (list items,
// block quotes) decide first whether a line still belongs to them.
type blockParser struct{}

func (blockParser) Trigger() []byte { return []byte{'{'} }

func (blockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) || line[pos] != '{' {
		return nil, parser.NoChildren
	}
	src := reader.Source()
	at := seg.Start + pos - seg.Padding
	if at < 0 || at >= len(src) || src[at] != '{' {
		return nil, parser.NoChildren
	}
	tags, ok := lineTags(contextScanner(pc, blockScannerKey, len(src), true), src, at)
	if !ok {
		return nil, parser.NoChildren
	}
	n := &Block{Tags: tags}
	n.Lines().Append(text.NewSegment(at, seg.Stop))
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue takes the lines that the last tag's arguments run on to, and
// closes the block on the first line after its last tag.
func (blockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n, ok := node.(*Block)
	if !ok || len(n.Tags) == 0 {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if line == nil || seg.Start >= n.Tags[len(n.Tags)-1].End {
		return parser.Close
	}
	n.Lines().Append(text.NewSegment(seg.Start, seg.Stop))
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (blockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (blockParser) CanInterruptParagraph() bool { return true }

func (blockParser) CanAcceptIndentedLine() bool { return false }

// lineTags parses the tags that start at src[at] and reports whether
// only spaces and tabs follow them up to the end of the line where the
// last one ends. Escaped tags do not count: Hugo prints them as text, so
// they stay in their paragraph.
func lineTags(s *scanner, src []byte, at int) ([]Tag, bool) {
	var tags []Tag
	for i := at; ; {
		t, ok := s.parse(src, i)
		if !ok {
			return nil, false
		}
		tags = append(tags, t)
		i = t.End
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		switch {
		case i == len(src), src[i] == '\n':
			return tags, true
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] == '\n'):
			return tags, true
		case src[i] != '{':
			return nil, false
		}
	}
}
