package frontmatter

import (
	"errors"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/tomldepth"
)

// parseTOML decodes TOML front matter with BurntSushi/toml, the TOML
// reader of the whole project, and finds where each string is with
// go-toml's parser, which keeps the byte range of every value (BurntSushi
// keeps positions to itself).
func parseTOML(m *Matter, text []byte, lines *diag.Lines) error {
	// The TOML parser's time grows fast with nesting (see tomldepth).
	if off, deep := tomldepth.Exceeds(text, tomldepth.Max); deep {
		return diag.Errorf(lines.Pos(m.Start+off), "front matter: arrays or inline tables nested more than %d deep; flatten them", tomldepth.Max)
	}
	// Blank lines in place of the lines above the front matter make the
	// line numbers in toml's own messages (type errors have no Position)
	// those of the file.
	pad := lines.Pos(m.Start).Line - 1
	if _, err := toml.Decode(strings.Repeat("\n", pad)+string(text), &m.Values); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return diag.Errorf(lines.Pos(m.Start-pad+perr.Position.Start), "front matter: %s", strings.TrimSuffix(perr.Message, "."))
		}
		return diag.Errorf(diag.Pos{File: lines.Pos(0).File}, "front matter: %v", err)
	}
	var p unstable.Parser
	p.Reset(text)
	w := tomlWalker{m: m, p: &p, arrays: map[string]int{}}
	for p.NextExpression() {
		w.expression(p.Expression())
	}
	if err := p.Error(); err != nil {
		// BurntSushi read it: the two parsers disagree on valid TOML.
		return diag.Errorf(lines.Pos(m.Start), "front matter: %v; simplify the TOML", err)
	}
	return nil
}

// tomlWalker follows go-toml's expressions, keeping the path of the
// table they are in.
type tomlWalker struct {
	m      *Matter
	p      *unstable.Parser
	table  []string
	arrays map[string]int // items of each array of tables so far
}

func (w *tomlWalker) expression(n *unstable.Node) {
	switch n.Kind {
	case unstable.Table:
		w.table = keyPath(n)
	case unstable.ArrayTable:
		path := keyPath(n)
		name := strings.Join(path, "\x00")
		w.table = append(path, strconv.Itoa(w.arrays[name]))
		w.arrays[name]++
	case unstable.KeyValue:
		w.value(append(append([]string(nil), w.table...), keyPath(n)...), n.Value())
	}
}

func (w *tomlWalker) value(path []string, v *unstable.Node) {
	switch v.Kind {
	case unstable.String:
		start := w.m.Start + int(v.Raw.Offset)
		w.m.Strings = append(w.m.Strings, String{Path: path, Value: string(v.Data), Start: start, End: start + int(v.Raw.Length)})
	case unstable.Integer, unstable.Float, unstable.Bool, unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime, unstable.DateTime:
		// Kept as written, so that a date or number has a position too.
		start := w.m.Start + int(v.Raw.Offset)
		w.m.Strings = append(w.m.Strings, String{Path: path, Value: string(w.p.Raw(v.Raw)), Start: start, End: start + int(v.Raw.Length)})
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); i++ {
			w.value(append(path[:len(path):len(path)], strconv.Itoa(i)), it.Node())
		}
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			kv := it.Node()
			w.value(append(path[:len(path):len(path)], keyPath(kv)...), kv.Value())
		}
	}
}

// keyPath returns the parts of the key of a table header or key-value.
func keyPath(n *unstable.Node) []string {
	var parts []string
	for it := n.Key(); it.Next(); {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
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
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u` + strconv.FormatInt(int64(r)|0x10000, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
