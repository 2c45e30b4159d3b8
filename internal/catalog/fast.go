package catalog

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// parseFast reads src if it is written in the canonical layout that Write
// produces (and that translators keep when they only change values):
// comment lines, blank lines, [bare.dotted.keys] table headers, and
// key = "basic string" lines with go-i18n's keys. On anything else — CRLF,
// other string kinds, inline tables, trailing comments, a repeated table
// or key, an unknown key — it returns ok == false and the caller uses the
// full TOML parser, which also gives the precise error. For every input it
// accepts, it returns what the full parser returns (FuzzFastMatchesFull
// checks this); it is many times faster, which matters for catalogs of
// tens of megabytes. Lines are numbered from first: data may be a part of
// a file that starts at that line (see Index).
func parseFast(path string, data []byte, first int) (msgs []*Message, ok bool) {
	if bytes.IndexByte(data, '\r') >= 0 {
		return nil, false
	}
	// The file as a string, without a copy (Parse's caller does not change
	// data afterwards): every ID, value and comment is a part of it, not
	// an allocation of its own.
	src := unsafe.String(unsafe.SliceData(data), len(data))
	tables := map[string]bool{}   // every table header seen
	prefixes := map[string]bool{} // every proper prefix of a header
	var cur *Message
	var pending []string
	line := first - 1
	for len(src) > 0 {
		line++
		var l string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			l, src = src, ""
		}
		switch {
		case len(l) == 0:
			pending = nil
		case l[0] == '#':
			if hasControl(l[1:]) {
				return nil, false
			}
			c := strings.TrimPrefix(l[1:], " ")
			pending = append(pending, c)
		case l[0] == '[':
			id, good := header(l)
			if !good || !claimTable(id, tables, prefixes) {
				return nil, false
			}
			if cur != nil && cur.Value.Len() == 0 {
				return nil, false // an empty table is not a message
			}
			cur = &Message{ID: id, Forms: make(map[string]string, 1), Pos: diag.Pos{File: path, Line: line, Col: 1},
				Comment: pending}
			pending = nil
			msgs = append(msgs, cur)
		default:
			if cur == nil || !setKey(cur, l, path, line) {
				return nil, false
			}
			pending = nil
		}
	}
	if cur != nil && cur.Value.Len() == 0 {
		return nil, false
	}
	return msgs, true
}

// claimTable records the table header id in tables, and its proper
// prefixes in prefixes, and reports false where the full parser must
// decide: a header seen before, a header that is the prefix of another
// (a table inside a message), or one inside a table seen before (a
// message cannot hold tables).
func claimTable(id string, tables, prefixes map[string]bool) bool {
	if tables[id] || prefixes[id] {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] != '.' {
			continue
		}
		p := id[:i]
		if tables[p] {
			return false
		}
		prefixes[p] = true
	}
	tables[id] = true
	return true
}

// setKey reads line l of path, `key = "value"`, into message m, and
// reports false where the full parser must decide: another kind of line,
// a key that is not go-i18n's, a key m has already, an id that is not
// the table's.
func setKey(m *Message, l, path string, line int) bool {
	key, value, col, good := keyValue(l)
	if !good || key == "" {
		return false
	}
	if _, dup := m.Value.Get(key); dup {
		return false
	}
	m.Value.Set(key, diag.Pos{File: path, Line: line, Col: col})
	switch key {
	case "id":
		return value == m.ID
	case "description":
		m.Description = value
	case "hash":
		m.Hash = value
	default:
		m.Forms[key] = value
	}
	return true
}

// knownKey returns the go-i18n key b spells, without allocating, or "".
func knownKey(b string) string {
	for _, k := range Keys {
		if b == k {
			return k
		}
	}
	return ""
}

// isBare reports whether b is a bare TOML key: A-Z a-z 0-9 _ -.
func isBare(b string) bool {
	if b == "" {
		return false
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// header reads "[a.b-c.d_e]": bare keys only, no spaces.
func header(l string) (string, bool) {
	if len(l) < 3 || l[len(l)-1] != ']' || l[1] == '[' {
		return "", false
	}
	id := l[1 : len(l)-1]
	for rest := id; ; {
		i := strings.IndexByte(rest, '.')
		if i < 0 {
			return id, isBare(rest)
		}
		if !isBare(rest[:i]) {
			return "", false
		}
		rest = rest[i+1:]
	}
}

// keyValue reads `key = "value"`, a basic string that ends the line, and
// returns the 1-based column of its opening quote.
func keyValue(l string) (key, value string, col int, ok bool) {
	key, body, col, ok := keyBody(l)
	if !ok {
		return "", "", 0, false
	}
	value, ok = unescape(body)
	return key, value, col, ok
}

// keyBody reads `key = "body"` as keyValue does, without decoding the
// body; key is "" if it is not one of go-i18n's keys.
func keyBody(l string) (key, body string, col int, ok bool) {
	eq := strings.Index(l, ` = "`)
	if eq <= 0 || len(l) < eq+5 || l[len(l)-1] != '"' {
		return "", "", 0, false
	}
	// Only go-i18n's keys are taken; any other goes to the full parser,
	// which reports it.
	return knownKey(l[:eq]), l[eq+4 : len(l)-1], eq + 4, true
}

// unescape decodes the inside of a TOML basic string, refusing what it is
// not sure of (an unescaped quote, a control character, an escape TOML
// 1.0 lacks, a surrogate code point).
func unescape(b string) (string, bool) {
	var buf []byte
	return unescapeInto(&buf, b)
}

// unescapeInto is unescape decoding into *buf, which it grows as needed,
// so that a caller reading many strings reuses one buffer: the value
// returned is b itself or shares *buf's memory until the next call.
func unescapeInto(buf *[]byte, b string) (string, bool) {
	if strings.IndexByte(b, '\\') < 0 {
		if strings.IndexByte(b, '"') >= 0 || hasControl(b) {
			return "", false
		}
		return b, true
	}
	if cap(*buf) < len(b) {
		// No escape decodes to more bytes than it takes.
		*buf = make([]byte, 0, len(b))
	}
	out, ok := appendUnescaped((*buf)[:0], b)
	*buf = out
	if !ok {
		return "", false
	}
	return unsafe.String(unsafe.SliceData(out), len(out)), true
}

// appendUnescaped appends the decoded inside of basic string b to out.
func appendUnescaped(out []byte, b string) ([]byte, bool) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '"' || c != '\t' && (c < 0x20 || c == 0x7f):
			return out, false
		case c != '\\':
			out = append(out, c)
			continue
		}
		i++
		if i >= len(b) {
			return out, false
		}
		switch b[i] {
		case 'b':
			out = append(out, '\b')
		case 't':
			out = append(out, '\t')
		case 'n':
			out = append(out, '\n')
		case 'f':
			out = append(out, '\f')
		case 'r':
			out = append(out, '\r')
		case '"':
			out = append(out, '"')
		case '\\':
			out = append(out, '\\')
		case 'u', 'U':
			n := 4
			if b[i] == 'U' {
				n = 8
			}
			if i+1+n > len(b) {
				return out, false
			}
			v, err := strconv.ParseUint(b[i+1:i+1+n], 16, 32)
			if err != nil || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
				return out, false
			}
			out = utf8.AppendRune(out, rune(v))
			i += n
		default:
			return out, false
		}
	}
	return out, true
}

// hasControl reports a character TOML forbids in comments and strings:
// U+0000–U+001F but tab, and U+007F. It looks at eight bytes at a time
// (every byte of a catalog is looked at, on every read), and at each of
// the eight only where one of them may be one: a byte below 0x20 (a tab,
// say) or 0x7F.
func hasControl(b string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
			uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
		below := (w - 0x20*ones) &^ w & highs // some byte < 0x20
		del := w ^ 0x7f*ones
		del = (del - ones) &^ del & highs // some byte == 0x7F
		if below|del != 0 && controlIn(b[i:i+8]) {
			return true
		}
	}
	return controlIn(b[i:])
}

// controlIn is hasControl a byte at a time.
func controlIn(b string) bool {
	for i := 0; i < len(b); i++ {
		if c := b[i]; c != '\t' && (c < 0x20 || c == 0x7f) {
			return true
		}
	}
	return false
}
