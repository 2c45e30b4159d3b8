package content

import (
	"strings"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// inlineSpans returns the text of leaf block n (see inlineText) and the
// spans of its lines in the file, src being the file's bytes from offset
// base on.
func inlineSpans(n ast.Node, src []byte, base int) (string, []Span) {
	lines := n.Lines()
	spans := make([]Span, lines.Len())
	for i := range lines.Len() {
		seg := lines.At(i)
		spans[i] = Span{Start: base + seg.Start, End: base + seg.Stop}
	}
	if len(spans) == 0 {
		spans = extentLines(n, src, base)
	}
	return inlineText(spans, func(s Span) []byte { return src[s.Start-base : s.End-base] }), spans
}

// extentLines returns the spans of the lines that the inline content of
// n covers. goldmark gives every leaf block its lines, but Hugo's
// passthrough extension splits a paragraph around a math block into new
// paragraphs that have none.
func extentLines(n ast.Node, src []byte, base int) []Span {
	start, stop := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		var seg text.Segment
		switch c := c.(type) {
		case *ast.Text:
			seg = c.Segment
		case *ast.String, *ast.Document:
			return ast.WalkContinue, nil
		case *ast.RawHTML:
			if c.Segments.Len() == 0 {
				return ast.WalkContinue, nil
			}
			seg = c.Segments.At(0)
			seg.Stop = c.Segments.At(c.Segments.Len() - 1).Stop
		default:
			return ast.WalkContinue, nil
		}
		if start < 0 || seg.Start < start {
			start = seg.Start
		}
		stop = max(stop, seg.Stop)
		return ast.WalkContinue, nil
	})
	if start < 0 {
		return nil
	}
	// The paragraph's last text may end before its line does (links and
	// emphasis end past their text): it runs to the end of that line, or
	// to the math block that Hugo's passthrough split it at there.
	end := stop
	for end < len(src) && src[end] != '\n' {
		end++
	}
	if next, ok := n.NextSibling().(*passthrough.PassthroughBlock); ok && next.Lines().Len() > 0 {
		end = min(end, max(stop, next.Lines().At(0).Start))
	}
	stop = end
	var spans []Span
	for off := start; off < stop; {
		end := off
		for end < stop && src[end] != '\n' {
			end++
		}
		spans = append(spans, Span{Start: base + off, End: base + end})
		off = end + 1
	}
	return spans
}

// inlineSource returns the inline Markdown of leaf block n.
func inlineSource(n ast.Node, src []byte) string {
	text, _ := inlineSpans(n, src, 0)
	return text
}

// inlineText returns the inline Markdown written on spans: their lines
// with indentation removed, joined by spaces (a soft line break renders as
// a space) or, after a hard line break, by a backslash and a newline.
func inlineText(spans []Span, bytesOf func(Span) []byte) string {
	var b strings.Builder
	for i, s := range spans {
		line := strings.TrimRight(string(bytesOf(s)), "\r\n")
		line = strings.TrimLeft(line, " \t")
		if i == len(spans)-1 {
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

// rawLines returns the lines of block n as written.
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

// attributeLine reports whether line is only an attribute list, as Hugo
// reads one on the line after a block ("{.note #tip}"), and returns the
// id it sets, if any.
func attributeLine(line string) (id string, ok bool) {
	trimmed := strings.TrimSpace(line)
	if !strings.HasPrefix(trimmed, "{") || !strings.HasSuffix(trimmed, "}") {
		return "", false
	}
	r := text.NewReader([]byte(trimmed))
	attrs, ok := parser.ParseAttributes(r)
	if !ok {
		return "", false
	}
	if rest, _ := r.PeekLine(); strings.TrimSpace(string(rest)) != "" {
		return "", false
	}
	for _, a := range attrs {
		if string(a.Name) == "id" {
			if v, ok := a.Value.([]byte); ok {
				id = string(v)
			}
		}
	}
	return id, true
}

// attrLineKey is the goldmark attribute under which attributeLines keeps
// the segment of the attribute line it took off a paragraph.
var attrLineKey = []byte("l10n-attribute-line")

// attributeLines takes a paragraph's last line off when it is only an
// attribute list, as Hugo does with markup.goldmark.parser.attribute.block
// ("{.note}" on the line after a paragraph, "{.wide}" after a table), so
// that it is neither text to translate nor a table row. It runs before
// goldmark's table transformer; the walker finds the line's segment
// under attrLineKey.
type attributeLines struct{}

func (attributeLines) Transform(n *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := n.Lines()
	if lines.Len() < 2 {
		return
	}
	last := lines.At(lines.Len() - 1)
	if _, ok := attributeLine(string(last.Value(reader.Source()))); !ok {
		return
	}
	lines.SetSliced(0, lines.Len()-1)
	n.SetAttribute(attrLineKey, last)
}
