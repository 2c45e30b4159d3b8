package catalog

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// layout is where things are in a catalog file that toml has accepted:
// the line of each table header, the position of each key's value, and
// the comment lines right above each header. The toml package keeps
// positions to itself, so this small lexer reads them once, line by line;
// it only runs on valid TOML, so it never has to report errors itself.
type layout struct {
	tables  map[string]int      // dotted table name → header line
	keys    map[string]keyPos   // dotted key path → where its key and value start
	comment map[string][]string // dotted table name → comment lines above it, without "# "
}

type keyPos struct{ Key, Value diag.Pos }

// table returns the position of table name's header, or of the key that
// defines it, or of the file.
func (l *layout) table(file, name string) diag.Pos {
	if n, ok := l.tables[name]; ok {
		return diag.Pos{File: file, Line: n, Col: 1}
	}
	if k, ok := l.keys[name]; ok {
		return k.Key
	}
	return diag.Pos{File: file}
}

func scan(file string, src []byte) *layout {
	l := &layout{tables: map[string]int{}, keys: map[string]keyPos{}, comment: map[string][]string{}}
	var table []string
	var pending []string
	inString := "" // closing delimiter of the multi-line string we are in
	lines := strings.Split(string(src), "\n")
	for i, line := range lines {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if inString != "" {
			if idx := strings.Index(line, inString); idx >= 0 {
				inString = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		switch {
		case trimmed == "":
			pending = nil
		case strings.HasPrefix(trimmed, "#"):
			c := strings.TrimPrefix(trimmed, "#")
			pending = append(pending, strings.TrimPrefix(c, " "))
		case strings.HasPrefix(trimmed, "[[") || strings.HasPrefix(trimmed, "["):
			open := 1
			if strings.HasPrefix(trimmed, "[[") {
				open = 2
			}
			path, _ := parseKey(trimmed[open:])
			table = path
			name := joinKey(path)
			l.tables[name] = n
			l.comment[name] = pending
			pending = nil
		default:
			path, rest := parseKey(trimmed)
			full := append(append([]string(nil), table...), path...)
			eq := strings.Index(rest, "=")
			valueOff := len(trimmed) - len(rest)
			if eq >= 0 {
				valueOff += eq + 1 + (len(rest[eq+1:]) - len(strings.TrimLeft(rest[eq+1:], " \t")))
			}
			col := utf8.RuneCountInString(line[:indent+valueOff]) + 1
			l.keys[joinKey(full)] = keyPos{
				Key:   diag.Pos{File: file, Line: n, Col: utf8.RuneCountInString(line[:indent]) + 1},
				Value: diag.Pos{File: file, Line: n, Col: col},
			}
			value := strings.TrimLeft(line[min(indent+valueOff, len(line)):], " \t")
			for _, delim := range []string{`"""`, `'''`} {
				if strings.HasPrefix(value, delim) && !strings.Contains(value[3:], delim) {
					inString = delim
				}
			}
			pending = nil
		}
	}
	return l
}

// joinKey joins the parts of a dotted key as message IDs are written,
// quoting a part that is empty or holds a dot (see keyPart), so that
// "a.b" = … and [a] b = … have different names.
func joinKey(parts []string) string {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = keyPart(p)
	}
	return strings.Join(quoted, ".")
}

// keyPart returns p as a part of a joined key: quoted if it is empty or
// holds a dot, as is.
func keyPart(p string) string {
	if p == "" || strings.Contains(p, ".") {
		return strconv.Quote(p)
	}
	return p
}

// parseKey reads a dotted TOML key (bare, "basic" or 'literal' parts) from
// the start of s and returns its parts and the rest of s after it.
func parseKey(s string) ([]string, string) {
	var parts []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return parts, s
		}
		switch s[0] {
		case '"':
			end := closingQuote(s)
			part, err := strconv.Unquote(s[:end])
			if err != nil {
				part = s[1 : end-1]
			}
			parts = append(parts, part)
			s = s[end:]
		case '\'':
			end := strings.IndexByte(s[1:], '\'') + 2
			if end < 2 {
				end = len(s)
			}
			parts = append(parts, s[1:end-1])
			s = s[end:]
		default:
			end := strings.IndexFunc(s, func(r rune) bool {
				return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
			})
			if end < 0 {
				end = len(s)
			}
			parts = append(parts, s[:end])
			s = s[end:]
		}
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return parts, s
		}
		s = s[1:]
	}
}

// closingQuote returns the index just past the basic string that s starts with.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(s)
}
