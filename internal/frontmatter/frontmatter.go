package frontmatter

import (
	"bytes"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// Format is the language of a page's front matter.
type Format string

// The formats of front matter Hugo reads; None is a page without.
const (
	None Format = ""
	TOML Format = "toml"
	YAML Format = "yaml"
	JSON Format = "json"
)

// Matter is the front matter of one page.
type Matter struct {
	Format Format
	// Start and End are the byte offsets of the front matter's text in
	// the file: what lies between the fences of TOML and YAML, the
	// object with its braces for JSON. Both are 0 without front matter.
	Start, End int
	// Body is the byte offset at which the Markdown starts.
	Body int
	// Values is the front matter decoded: strings, numbers, booleans,
	// dates (time.Time), []any and map[string]any.
	Values map[string]any
	// Strings lists every string value, in file order, with where it is;
	// and every other single value of TOML and YAML (a number, a date) as
	// written, so that each has a position.
	Strings []String
}

// String is one string value of front matter.
type String struct {
	// Path is the keys that lead to it; a list item's key is its index:
	// ["params", "subtitle"], ["breadcrumbs", "0", "title"].
	Path  []string
	Value string
	// Start and End are the byte offsets of the value as written in the
	// file, quotes and block indicators included.
	Start, End int
}

// Key returns the path joined with dots: "params.subtitle".
func (s String) Key() string { return strings.Join(s.Path, ".") }

// Lookup returns the string at path, matched without regard to case, as
// Hugo matches front matter keys; ok is false if there is none.
func (m *Matter) Lookup(path string) (s String, ok bool) {
	for _, s := range m.Strings {
		if strings.EqualFold(s.Key(), path) {
			return s, true
		}
	}
	return String{}, false
}

// Get returns the value of a top-level key, matched without regard to
// case; nil if there is none.
func (m *Matter) Get(key string) any {
	if v, ok := m.Values[key]; ok {
		return v
	}
	keys := make([]string, 0, len(m.Values))
	for k := range m.Values {
		keys = append(keys, k)
	}
	slices.Sort(keys) // two spellings of one key: the same one every time
	for _, k := range keys {
		if strings.EqualFold(k, key) {
			return m.Values[k]
		}
	}
	return nil
}

// Parse finds and decodes the front matter of src, the contents of the
// file lines indexes. A problem is a *diag.Error (or a diag.List) at its
// position in the file.
func Parse(src []byte, lines *diag.Lines) (*Matter, error) {
	m, err := split(src, lines)
	if err != nil || m.Format == None {
		return m, err
	}
	text := src[m.Start:m.End]
	switch m.Format {
	case TOML:
		err = parseTOML(m, text, lines)
	case YAML:
		err = parseYAML(m, text, lines)
	case JSON:
		err = parseJSON(m, text, lines)
	}
	if err != nil {
		return nil, err
	}
	slices.SortFunc(m.Strings, func(a, b String) int { return a.Start - b.Start })
	return m, nil
}

// bom is the UTF-8 byte order mark, which Hugo skips.
const bom = "\xef\xbb\xbf"

// split finds the front matter of src as Hugo's page lexer does: after
// a byte order mark and ASCII white space, "+++" opens TOML and "---"
// YAML, each closed by a line that starts with the same fence; "{" opens
// JSON, closed by its matching "}". Anything else starts the Markdown.
func split(src []byte, lines *diag.Lines) (*Matter, error) {
	skip := 0
	if bytes.HasPrefix(src, []byte(bom)) {
		skip = len(bom)
	}
	i := skip
	for i < len(src) && strings.IndexByte(" \t\r\n\f\v", src[i]) >= 0 {
		i++
	}
	if i == len(src) {
		return &Matter{Body: skip}, nil
	}
	switch src[i] {
	case '+':
		return splitFenced(src, i, "+++", TOML, lines)
	case '-':
		return splitFenced(src, i, "---", YAML, lines)
	case '{':
		return splitJSON(src, i, lines)
	}
	return &Matter{Body: skip}, nil
}

// splitFenced finds TOML or YAML front matter whose opening fence is at
// src[at].
func splitFenced(src []byte, at int, fence string, f Format, lines *diag.Lines) (*Matter, error) {
	first, _, found := bytes.Cut(src[at:], []byte("\n"))
	if strings.TrimRight(string(first), " \t\r") != fence || !found {
		// Hugo refuses such a page too ("invalid YAML delimiter").
		return nil, diag.Errorf(lines.Pos(at), "a page that starts with %q opens %s front matter, which needs a line %s alone; write that line, or start the page with something else", string(src[at]), strings.ToUpper(string(f)), fence)
	}
	start := at + len(first) + 1
	for off := start; off < len(src); {
		line, _, found := bytes.Cut(src[off:], []byte("\n"))
		if bytes.HasPrefix(line, []byte(fence)) {
			body := off + len(line)
			if found {
				body++
			}
			return &Matter{Format: f, Start: start, End: off, Body: body}, nil
		}
		off += len(line) + 1
	}
	return nil, diag.Errorf(lines.Pos(at), "front matter opened here is not closed; add a line %s after its last key", fence)
}

// splitJSON finds the JSON object that starts at src[at]: its end is the
// brace that closes it, strings skipped, and the line break after it is
// part of the front matter.
func splitJSON(src []byte, at int, lines *diag.Lines) (*Matter, error) {
	depth, inString := 0, false
	for i := at; i < len(src); i++ {
		switch c := src[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				body := i + 1
				if bytes.HasPrefix(src[body:], []byte("\r\n")) {
					body += 2
				} else if body < len(src) && src[body] == '\n' {
					body++
				}
				return &Matter{Format: JSON, Start: at, End: i + 1, Body: body}, nil
			}
		}
	}
	return nil, diag.Errorf(lines.Pos(at), "JSON front matter opened here is not closed; add the } that closes it")
}
