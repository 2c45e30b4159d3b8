package shortcode

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// inlineParser turns a tag inside a paragraph (or heading, list item,
// table cell) into an [Inline]. It parses the raw source, as Hugo does,
// bounded by the end of the block's last line, and then advances the
// block reader over the lines the tag covers, so a tag whose arguments
// cross a soft line break is still one node. A tag that runs past the
// block, or ends inside a line prefix goldmark stripped, stays text.
type inlineParser struct{}

func (inlineParser) Trigger() []byte { return []byte{'{'} }

func (inlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < len(openPlain) || line[0] != '{' || line[1] != '{' || seg.Padding != 0 {
		return nil
	}
	src := block.Source()
	limit := len(src)
	if lines := parent.Lines(); lines != nil && lines.Len() > 0 {
		limit = min(limit, lines.At(lines.Len()-1).Stop)
	}
	if seg.Start < 0 || seg.Start >= limit {
		return nil
	}
	t, ok := contextScanner(pc, inlineScannerKey, limit, false).parse(src[:limit], seg.Start)
	if !ok {
		return nil
	}
	for {
		line, seg := block.PeekLine()
		if line == nil || t.End < seg.Start {
			return nil
		}
		if t.End <= seg.Stop {
			block.Advance(seg.Padding + t.End - seg.Start)
			break
		}
		block.AdvanceLine()
	}
	n := &Inline{Tag: t, Segment: text.NewSegment(t.Start, t.End)}
	n.SetPos(t.Start)
	return n
}
