package shortcode

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// body parses what lies between a tag's delimiters.
type body struct {
	src          []byte
	close        string   // ">}}" or "%}}"
	virtualClose bool     // len(src) stands for the closing delimiter (inside an escaped tag)
	memo         *scanner // remembers failures; nil inside an escaped tag, whose src is cut short
}

// argument kinds, for Hugo's rule that a tag's arguments are all
// positional or all named.
const (
	noArgs = iota
	positional
	named
)

// parse fills t's name, flags and arguments from the body starting at i
// and returns the offset just after the closing delimiter.
func (b *body) parse(t *Tag, i int) (end int, ok bool) {
	i = b.skipSpace(i)
	if i < len(b.src) && b.src[i] == '/' {
		t.Closing = true
		i = b.skipSpace(i + 1)
	}
	j, ok := b.name(i)
	if !ok {
		return 0, false
	}
	t.Name = string(b.src[i:j])
	if t.Closing {
		return b.closeAt(b.skipSpace(j))
	}
	return b.arguments(t, j)
}

// arguments parses the arguments of an opening tag from i through its
// closing delimiter ("/" before it makes the tag self-closing), fills
// t.Args and t.SelfClosing, and returns the offset just after the
// delimiter. The arguments must be all positional or all named.
func (b *body) arguments(t *Tag, i int) (end int, ok bool) {
	var args []span
	kind := noArgs
	for {
		if end, ok := b.closeAt(i); ok {
			t.Args = b.args(args)
			return end, true
		}
		if i >= len(b.src) {
			return 0, false
		}
		if b.memo != nil && b.memo.known(i, stateBit(b.close == closeMarkdown, kind)) {
			return 0, false
		}
		switch c := b.src[i]; {
		case isSpace(c):
			i = b.skipSpace(i)
			continue
		case c == '/':
			end, ok := b.closeAt(b.skipSpace(i + 1))
			if ok {
				t.SelfClosing, t.Args = true, b.args(args)
			}
			return end, ok
		case c == '\\' && i+1 < len(b.src) && b.src[i+1] == '`':
			return 0, false
		case c == '\\' && (i+1 >= len(b.src) || b.src[i+1] != '"'):
			// Hugo's lexer drops a backslash that does not escape a quote.
			i++
			continue
		}
		a, ok := b.arg(i)
		if !ok || kind != noArgs && kind != a.kind() {
			return 0, false
		}
		kind = a.kind()
		args = append(args, a)
		i = a.end
	}
}

// arg parses the argument at i, positional or named: escaped-quoted,
// quoted, raw or bare.
func (b *body) arg(i int) (span, bool) {
	switch c := b.src[i]; {
	case c == '\\' && i+1 < len(b.src) && b.src[i+1] == '"':
		return b.escapedQuoted(i)
	case c == '"':
		return b.quoted(i)
	case c == '`':
		return b.raw(i)
	}
	return b.bare(i)
}

// span is an argument as parsed: offsets only, so that an attempt that
// fails copies nothing, however long its values.
type span struct {
	nameStart, nameEnd int  // the name of a named argument
	start, end         int  // the raw value, quotes included
	from, to           int  // the value inside its quotes
	unescape           bool // drop every backslash: a quoted value with \"
}

// kind returns whether a is a named or a positional argument.
func (a span) kind() int {
	if a.nameEnd > a.nameStart {
		return named
	}
	return positional
}

// args turns spans into Args.
func (b *body) args(spans []span) []Arg {
	if len(spans) == 0 {
		return nil
	}
	args := make([]Arg, len(spans))
	for i, a := range spans {
		v := b.src[a.from:a.to]
		if a.unescape {
			v = bytes.ReplaceAll(v, []byte(`\`), nil)
		}
		args[i] = Arg{Name: string(b.src[a.nameStart:a.nameEnd]), Value: string(v), Start: a.start, End: a.end}
	}
	return args
}

// closeAt reports whether the closing delimiter is at i and returns the
// offset after it.
func (b *body) closeAt(i int) (int, bool) {
	if b.virtualClose {
		return i, i == len(b.src)
	}
	if i <= len(b.src) && bytes.HasPrefix(b.src[i:], []byte(b.close)) {
		return i + len(b.close), true
	}
	return 0, false
}

func (b *body) skipSpace(i int) int {
	for i < len(b.src) && isSpace(b.src[i]) {
		i++
	}
	return i
}

// name returns the end of the shortcode name at i: a letter, digit or "_",
// then letters, digits, "_", "-" and "/" (namespaces), and a period only
// in ".inline " (inline shortcodes), as in Hugo.
func (b *body) name(i int) (int, bool) {
	r, w := b.rune(i)
	if !isAlphaNumeric(r) {
		return 0, false
	}
	for i += w; i < len(b.src); i += w {
		r, w = b.rune(i)
		switch {
		case isAlphaNumeric(r), r == '-', r == '/':
		case r == '.':
			if !bytes.HasPrefix(b.src[i+1:], []byte("inline ")) {
				return 0, false
			}
		default:
			return i, true
		}
	}
	return i, true
}

// bare parses an unquoted positional argument (letters, digits, "_", "-"
// and "."), or a name followed by "=" and a value.
func (b *body) bare(i int) (span, bool) {
	start := i
	r, w := b.rune(i)
	if !isAlphaNumeric(r) && r != '-' {
		return span{}, false
	}
	for i += w; i < len(b.src); i += w {
		r, w = b.rune(i)
		if !isAlphaNumeric(r) && r != '-' && r != '.' {
			break
		}
	}
	j := b.skipSpace(i)
	if j >= len(b.src) || b.src[j] != '=' {
		return span{start: start, end: i, from: start, to: i}, true
	}
	a, ok := b.value(b.skipSpace(j + 1))
	a.nameStart, a.nameEnd = start, i
	return a, ok
}

// value parses the value of a named argument at i: quoted, escaped-quoted,
// raw, or bare up to the next white space (Hugo's rule, so "x=1>}}"
// swallows the delimiter).
func (b *body) value(i int) (span, bool) {
	if i >= len(b.src) {
		return span{}, false
	}
	switch c := b.src[i]; {
	case c == '"':
		return b.quoted(i)
	case c == '\\' && i+1 < len(b.src) && b.src[i+1] == '"':
		return b.escapedQuoted(i)
	case c == '\\':
		return span{}, false
	case c == '`':
		return b.raw(i)
	}
	j := b.nextSpace(i)
	return span{start: i, end: j, from: i, to: j}, true
}

// quoted parses "…" at i. \" stands for a quote; when the value holds one,
// Hugo drops every backslash in it, and so does quoted. A newline, or a
// backslash before a backtick, is an error.
func (b *body) quoted(i int) (span, bool) {
	escapes := false
	for j := i + 1; j < len(b.src); j++ {
		switch b.src[j] {
		case '\\':
			if j+1 < len(b.src) && b.src[j+1] == '"' {
				escapes = true
				j++
			} else if j+1 < len(b.src) && b.src[j+1] == '`' {
				return span{}, false
			}
		case '\n':
			return span{}, false
		case '"':
			return span{start: i, end: j + 1, from: i + 1, to: j, unescape: escapes}, true
		}
	}
	return span{}, false
}

// escapedQuoted parses \"…\" at i, the form used inside Go template
// strings; it ends at the next \" or ".
func (b *body) escapedQuoted(i int) (span, bool) {
	for j := i + 2; j < len(b.src); j++ {
		switch b.src[j] {
		case '\\':
			if j+1 < len(b.src) && b.src[j+1] == '"' {
				return span{start: i, end: j + 2, from: i + 2, to: j}, true
			}
			if j+1 < len(b.src) && b.src[j+1] == '`' {
				return span{}, false
			}
		case '\n':
			return span{}, false
		case '"':
			return span{start: i, end: j + 1, from: i + 2, to: j}, true
		}
	}
	return span{}, false
}

// raw parses `…` at i: no escapes, newlines allowed.
func (b *body) raw(i int) (span, bool) {
	k := bytes.IndexByte(b.src[i+1:], '`')
	if k < 0 {
		return span{}, false
	}
	end := i + 1 + k + 1
	return span{start: i, end: end, from: i + 1, to: end - 1}, true
}

// rune decodes the rune at i; past the end it returns utf8.RuneError and
// width 1, which no caller accepts.
func (b *body) rune(i int) (rune, int) {
	if i >= len(b.src) {
		return utf8.RuneError, 1
	}
	return utf8.DecodeRune(b.src[i:])
}

// isSpace reports whether c is ASCII white space, which Hugo's lexer
// skips between the parts of a tag, newlines included.
func isSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}

// isAlphaNumeric is Hugo's test for the runes of names and bare values.
func isAlphaNumeric(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
