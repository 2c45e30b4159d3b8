package shortcode

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// KindBlock and KindInline are the goldmark node kinds of [Block] and
// [Inline]. goldmark numbers node kinds in a registry of its own, so they
// are variables set once when the package loads, like goldmark's own
// extension kinds; nothing changes them afterwards.
var (
	KindBlock  = ast.NewNodeKind("ShortcodeBlock")
	KindInline = ast.NewNodeKind("ShortcodeInline")
)

// Block is a block of one or more lines that hold only shortcode tags and
// white space, such as "{{< tabpane >}}" or "{{% /tab %}}" on a line of
// their own. Its Lines run from its first tag to the end of its last
// line; a tag whose arguments run on over several lines gives the block
// several lines, each without the prefix of its list item or block quote.
// Its Tags are in source order, none of them escaped.
//
// A Block is raw: goldmark does not parse its lines as inline Markdown.
//
// When a list item or block quote ends while a tag's arguments run on (a
// continuation line not indented to stay in its list item), the block
// ends with it: its Lines stop there while its last Tag, read from the
// raw source as Hugo reads it, goes on, and the lines after the item are
// parsed as Markdown.
type Block struct {
	ast.BaseBlock
	Tags []Tag
}

// Kind implements [ast.Node].
func (n *Block) Kind() ast.NodeKind { return KindBlock }

// IsRaw implements [ast.Node]: the block's lines are tags, not Markdown.
func (n *Block) IsRaw() bool { return true }

// Dump implements [ast.Node].
func (n *Block) Dump(src []byte, level int) {
	names := make([]string, len(n.Tags))
	for i, t := range n.Tags {
		names[i] = t.String()
	}
	ast.DumpHelper(n, src, level, map[string]string{"Tags": strings.Join(names, " ")}, nil)
}

// Inline is one shortcode tag inside a paragraph, heading, list item or
// table cell, such as the tag in "Use {{< param "name" >}} here.". Its
// Segment is the tag's bytes, Tag.Start to Tag.End; it may cross a soft
// line break when the tag's arguments do. An escaped tag is an Inline
// too, with Tag.Escaped set.
type Inline struct {
	ast.BaseInline
	Tag     Tag
	Segment text.Segment
}

// Kind implements [ast.Node].
func (n *Inline) Kind() ast.NodeKind { return KindInline }

// Dump implements [ast.Node].
func (n *Inline) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Tag": n.Tag.String()}, nil)
}

// String describes t for debugging and test failures, as Hugo would show
// the tag without its arguments: "{{< tab >}}", "{{% /tab %}}",
// "{{< img />}}", "{{</* note */>}}".
func (t Tag) String() string {
	open, close := openPlain, closePlain
	if t.Markdown {
		open, close = openMarkdown, closeMarkdown
	}
	if t.Escaped {
		open, close = open+openComment, closeComment+close
	}
	slash, end := "", " "+close
	if t.Closing {
		slash = "/"
	}
	if t.SelfClosing {
		end = " /" + close
	}
	return fmt.Sprintf("%s %s%s%s", open, slash, t.Name, end)
}
