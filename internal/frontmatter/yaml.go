package frontmatter

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// parseYAML decodes YAML front matter. The YAML is parsed into nodes,
// which know the line and column where each value starts; where it ends
// is found from its style (see scalarEnd). A syntax error has no
// structured position in yaml.v3, only its text ("yaml: line 3: …"): it
// is reported at the opening fence, with the lines above the front matter
// padded so that the line it names is the line of the file.
func parseYAML(m *Matter, text []byte, lines *diag.Lines) error {
	// YAML ends a line at a carriage return alone; Hugo, and the
	// positions of the strings here, only at a line feed. Such a file
	// would put every later string in the wrong place.
	for i, c := range text {
		if c == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			return diag.Errorf(lines.Pos(m.Start+i), "front matter: a carriage return that ends no line (a lone \\r, as old Mac files have); save the file with LF or CRLF line ends")
		}
	}
	pad := lines.Pos(m.Start).Line - 1
	var doc yaml.Node
	if err := yaml.Unmarshal(append(bytes.Repeat([]byte("\n"), pad), text...), &doc); err != nil {
		return diag.Errorf(lines.Pos(0), "front matter: %v; fix the YAML syntax", err)
	}
	file := lines.Pos(0).File
	if len(doc.Content) == 0 {
		m.Values = map[string]any{}
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return diag.Errorf(diag.Pos{File: file, Line: root.Line, Col: root.Column}, "front matter: expected keys and values (title: …), not %s", kindName(root))
	}
	w := yamlWalker{m: m, lines: lines}
	w.node(nil, root, 0, false)
	if err := w.errs.Err(); err != nil {
		return err
	}
	if err := root.Decode(&m.Values); err != nil {
		return diag.Errorf(diag.Pos{File: file, Line: root.Line, Col: root.Column}, "front matter: %v", err)
	}
	return nil
}

// yamlWalker lists the strings of a YAML node tree.
type yamlWalker struct {
	m     *Matter
	lines *diag.Lines
	errs  diag.List
}

// node visits n at path; indent is the column (0-based) of the key or
// list item that holds it, which its continuation lines must pass.
func (w *yamlWalker) node(path []string, n *yaml.Node, indent int, flow bool) {
	flow = flow || n.Style&yaml.FlowStyle != 0
	switch n.Kind {
	case yaml.MappingNode:
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if line, ok := first[k.Value]; ok {
				pos := diag.Pos{File: w.lines.Pos(0).File, Line: k.Line, Col: k.Column}
				w.errs.Add(diag.Errorf(pos, "front matter: %s is given twice (first on line %d); keep one", k.Value, line))
				continue
			}
			first[k.Value] = k.Line
			w.node(append(path[:len(path):len(path)], k.Value), n.Content[i+1], k.Column-1, flow)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			w.node(append(path[:len(path):len(path)], strconv.Itoa(i)), item, n.Column-1, flow)
		}
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return
		}
		start := w.lines.Offset(n.Line, n.Column)
		end := scalarEnd(w.lines, start, n, indent, flow)
		w.m.Strings = append(w.m.Strings, String{Path: path, Value: n.Value, Start: start, End: end})
	}
}

// scalarEnd returns where the scalar n that starts at offset start ends:
// after its closing quote if it is quoted; else after its last line
// that is indented past indent (a block scalar's content, a plain
// scalar's continuation), comments and trailing blanks left out.
func scalarEnd(lines *diag.Lines, start int, n *yaml.Node, indent int, flow bool) int {
	src := lines.Source()
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := start + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(src)
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := start + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return len(src)
	}
	end := plainLineEnd(src, start, flow)
	if flow {
		return end
	}
	block := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	for off := lineAfter(src, start); off < len(src); off = lineAfter(src, off) {
		line := src[off:lineEnd(src, off)]
		content := strings.TrimLeft(string(line), " \t")
		if strings.TrimSpace(content) == "" {
			continue // a blank line may sit inside the value
		}
		if len(line)-len(content) <= indent || !block && strings.HasPrefix(content, "#") {
			break
		}
		end = off + len(line)
		if !block {
			end = plainLineEnd(src, off, false)
		}
	}
	return end
}

// plainLineEnd returns where a plain scalar's text ends on the line that
// holds offset start: before a comment, trailing blanks and, in a flow
// collection, the next "," "]" or "}".
func plainLineEnd(src []byte, start int, flow bool) int {
	end := lineEnd(src, start)
	for i := start; i < end; i++ {
		if src[i] == '#' && i > start && (src[i-1] == ' ' || src[i-1] == '\t') {
			end = i
			break
		}
		if flow && strings.IndexByte(",]}", src[i]) >= 0 {
			end = i
			break
		}
	}
	for end > start && strings.IndexByte(" \t\r", src[end-1]) >= 0 {
		end--
	}
	return end
}

// lineEnd returns the offset of the line break that ends the line
// holding off (or the end of src), before a carriage return.
func lineEnd(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	end := off + i
	if end > off && src[end-1] == '\r' {
		end--
	}
	return end
}

// lineAfter returns the offset of the line after the one holding off.
func lineAfter(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	return off + i + 1
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	default:
		return "a single value"
	}
}

// yamlString writes s as a YAML double-quoted string, which escapes as
// JSON does and holds any text on one line.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0xfeff:
			b.WriteString(`\u` + strconv.FormatInt(int64(r)|0x10000, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
