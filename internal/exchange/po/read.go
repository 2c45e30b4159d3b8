package po

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// MaxSize is the largest file Parse reads; a site's PO file is far
// smaller.
const MaxSize = 64 << 20

// str is a PO string: its literal and the continuation lines after it,
// decoded and joined.
type str struct {
	text []byte
	pos  diag.Pos // where the text of its first literal starts
	segs []seg    // where each literal's text starts, by offset in text
}

type seg struct {
	off int
	pos diag.Pos
}

// at returns the position of the literal that holds byte off of s.
func (s *str) at(off int) diag.Pos {
	p := s.pos
	for _, sg := range s.segs {
		if sg.off <= off {
			p = sg.pos
		}
	}
	return p
}

// entry is one PO entry as written, before it becomes a unit.
type entry struct {
	pos      diag.Pos // its keyword (msgctxt, else msgid)
	notes    []string
	hash     string
	tm       string // the text of its TMComment, after the prefix
	fuzzy    bool
	obsolete bool
	bad      bool // an error was reported in it
	prev     map[string]*str
	ctxt, id *str
	plural   *str
	strs     []*str
	indexed  bool // msgstr[n] rather than msgstr
	last     *str // what a continuation line appends to
}

func (e *entry) hasStr() bool { return len(e.strs) > 0 }

// lexer reads the lines of a PO file into entries.
type lexer struct {
	name    string
	list    diag.List
	entries []*entry
	cur     *entry
}

func (l *lexer) errorf(pos diag.Pos, format string, args ...any) {
	l.list.Add(diag.Errorf(pos, format, args...))
	if l.cur != nil {
		l.cur.bad = true
		l.cur.last = nil
	}
}

func (l *lexer) finish() {
	if l.cur != nil {
		l.entries = append(l.entries, l.cur)
		l.cur = nil
	}
}

func (l *lexer) entry() *entry {
	if l.cur == nil {
		l.cur = &entry{prev: map[string]*str{}}
	}
	return l.cur
}

// lex reads src line by line. A PO file is a sequence of entries, each
// comments then msgctxt?, msgid, msgid_plural?, msgstr or msgstr[n]; an
// entry ends where a blank line, a comment or a msgctxt/msgid follows its
// msgstr.
func (l *lexer) lex(src []byte) {
	for i, raw := range strings.Split(string(src), "\n") {
		line := strings.TrimSuffix(raw, "\r")
		t := strings.TrimLeft(line, " \t")
		col := utf8.RuneCountInString(line[:len(line)-len(t)]) + 1
		pos := diag.Pos{File: l.name, Line: i + 1, Col: col}
		cur := l.cur
		done := cur != nil && (cur.hasStr() || cur.obsolete || cur.bad && cur.id != nil)
		switch {
		case t == "":
			if done {
				l.finish()
			}
		case strings.HasPrefix(t, "#~"):
			// An obsolete entry: gettext keeps it, nobody translates it.
			if cur != nil && cur.id != nil && !cur.obsolete {
				l.finish()
			}
			l.entry().obsolete = true
		case strings.HasPrefix(t, "#"):
			if done {
				l.finish()
			}
			l.comment(t, pos)
		case t[0] == '"':
			if cur == nil || cur.last == nil {
				if cur == nil || !cur.bad {
					l.errorf(pos, "a string with no msgid, msgstr or other keyword before it; put it after one")
				}
				continue
			}
			l.appendLiteral(cur.last, t, pos)
		default:
			if cur != nil && cur.obsolete {
				l.finish()
			}
			l.keyword(t, pos)
		}
	}
	l.finish()
}

func (l *lexer) comment(t string, pos diag.Pos) {
	e := l.entry()
	switch {
	case strings.HasPrefix(t, "# "+TMComment):
		e.tm = t[len("# "+TMComment):]
	case strings.HasPrefix(t, "#."):
		c := strings.TrimPrefix(t[2:], " ")
		if h, ok := strings.CutPrefix(c, HashComment); ok {
			e.hash = strings.TrimSpace(h)
		} else {
			e.notes = append(e.notes, c)
		}
	case strings.HasPrefix(t, "#,"):
		for _, flag := range strings.Split(t[2:], ",") {
			if strings.TrimSpace(flag) == "fuzzy" {
				e.fuzzy = true
			}
		}
	case strings.HasPrefix(t, "#|"):
		rest := strings.TrimLeft(t[2:], " \t")
		p := pos
		p.Col += utf8.RuneCountInString(t[:len(t)-len(rest)])
		if strings.HasPrefix(rest, `"`) {
			if e.last != nil && e.id == nil {
				l.appendLiteral(e.last, rest, p)
			}
			return
		}
		kw, lit := cutKeyword(rest)
		switch kw {
		case "msgctxt", "msgid", "msgid_plural":
			s := l.literal(lit, after(p, rest, lit))
			if s != nil {
				e.prev[kw] = s
				e.last = s
			}
		default:
			l.errorf(p, "unknown keyword %q in a #| comment; previous strings are msgctxt, msgid and msgid_plural", kw)
		}
	}
	// Other "#" translator comments and "#:" references are the CAT
	// tool's.
}

// after returns the position of lit, the tail of rest, which starts at p.
func after(p diag.Pos, rest, lit string) diag.Pos {
	p.Col += utf8.RuneCountInString(rest[:len(rest)-len(lit)])
	return p
}

func cutKeyword(t string) (kw, rest string) {
	end := strings.IndexAny(t, " \t\"")
	if end < 0 {
		return t, ""
	}
	return t[:end], strings.TrimLeft(t[end:], " \t")
}

func (l *lexer) keyword(t string, pos diag.Pos) {
	kw, lit := cutKeyword(t)
	litPos := after(pos, t, lit)
	if c := l.cur; c != nil && (kw == "msgctxt" || kw == "msgid") && (c.hasStr() || c.bad && c.id != nil) {
		l.finish()
	}
	e := l.entry()
	if e.bad && e.id != nil {
		return // one error per entry is enough
	}
	switch {
	case kw == "msgctxt":
		if e.ctxt != nil || e.id != nil {
			l.errorf(pos, "msgctxt after msgid or a second msgctxt; an entry is msgctxt, msgid, then msgstr")
			return
		}
		e.ctxt, e.pos = l.literal(lit, litPos), pos
		e.last = e.ctxt
	case kw == "msgid":
		if e.id != nil {
			l.errorf(pos, "a second msgid before a msgstr; give each msgid its msgstr")
			return
		}
		e.id = l.literal(lit, litPos)
		if e.ctxt == nil {
			e.pos = pos
		}
		e.last = e.id
	case kw == "msgid_plural":
		if e.id == nil || e.plural != nil || e.hasStr() {
			l.errorf(pos, "msgid_plural must follow the msgid of its entry, once")
			return
		}
		e.plural = l.literal(lit, litPos)
		e.last = e.plural
	case kw == "msgstr" || strings.HasPrefix(kw, "msgstr["):
		l.msgstr(e, kw, lit, pos, litPos)
	default:
		l.errorf(pos, "unknown keyword %q; PO entries have msgctxt, msgid, msgid_plural and msgstr", kw)
	}
}

// msgstr reads the line of keyword kw, msgstr or msgstr[N] (at pos), and
// its literal lit (at litPos) into e: msgstr is the one translation of an
// entry without msgid_plural; msgstr[N] the next plural form of one with
// it, numbered from 0 in order.
func (l *lexer) msgstr(e *entry, kw, lit string, pos, litPos diag.Pos) {
	if kw == "msgstr" {
		switch {
		case e.id == nil:
			l.errorf(pos, "msgstr without a msgid before it; add the msgid")
		case e.plural != nil:
			l.errorf(pos, "an entry with msgid_plural has msgstr[0], msgstr[1]…, not msgstr; number it")
		case e.hasStr():
			l.errorf(pos, "a second msgstr; keep one")
		default:
			s := l.literal(lit, litPos)
			e.strs, e.last = append(e.strs, s), s
		}
		return
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(kw, "msgstr["), "]"))
	switch {
	case !strings.HasSuffix(kw, "]") || err != nil:
		l.errorf(pos, "%q is not msgstr[N]; number the forms msgstr[0], msgstr[1]…", kw)
	case e.id == nil || e.plural == nil:
		l.errorf(pos, "%s without a msgid and msgid_plural before it; an entry without msgid_plural has msgstr", kw)
	case n != len(e.strs):
		l.errorf(pos, "%s where msgstr[%d] is due; number the forms from 0, in order", kw, len(e.strs))
	default:
		s := l.literal(lit, litPos)
		e.strs, e.last, e.indexed = append(e.strs, s), s, true
	}
}

// literal reads the string literal that starts t, at pos.
func (l *lexer) literal(t string, pos diag.Pos) *str {
	s := &str{pos: diag.Pos{File: pos.File, Line: pos.Line, Col: pos.Col + 1}}
	l.appendLiteral(s, t, pos)
	return s
}

// appendLiteral decodes the literal t (at pos) onto s. Escapes are
// gettext's: \n \t \r \a \b \f \v \\ \" \' \?, octal \ooo and hex \xhh;
// any other is an error, as in msgfmt.
func (l *lexer) appendLiteral(s *str, t string, pos diag.Pos) {
	if !strings.HasPrefix(t, `"`) {
		l.errorf(pos, "expected a string in double quotes")
		return
	}
	textPos := pos
	textPos.Col++
	s.segs = append(s.segs, seg{off: len(s.text), pos: textPos})
	colAt := func(i int) diag.Pos {
		p := pos
		p.Col += utf8.RuneCountInString(t[:i])
		return p
	}
	var b []byte
	for i := 1; ; {
		if i >= len(t) {
			l.errorf(pos, "the string is not closed; end it with \" on the same line")
			return
		}
		c := t[i]
		switch c {
		case '"':
			if rest := strings.TrimRight(t[i+1:], " \t"); rest != "" {
				l.errorf(colAt(i+1), "text after the closing quote; put it inside the string, or on a line of its own")
				return
			}
			s.text = append(s.text, b...)
			return
		case '\\':
			v, n, ok := unescape(t[i:])
			if !ok {
				l.errorf(colAt(i), "bad escape %s; PO strings allow \\n, \\t, \\r, \\\", \\\\, \\a, \\b, \\f, \\v and octal (\\001) or hex (\\x01) codes", t[i:min(i+n, len(t))])
				return
			}
			b = append(b, v)
			i += n
		default:
			b = append(b, c)
			i++
		}
	}
}

// unescape decodes the escape sequence at the start of t (t[0] is the
// backslash) and returns its byte and length.
func unescape(t string) (byte, int, bool) {
	if len(t) < 2 {
		return 0, len(t), false
	}
	switch t[1] {
	case 'n':
		return '\n', 2, true
	case 't':
		return '\t', 2, true
	case 'r':
		return '\r', 2, true
	case 'a':
		return '\a', 2, true
	case 'b':
		return '\b', 2, true
	case 'f':
		return '\f', 2, true
	case 'v':
		return '\v', 2, true
	case '\\', '"', '\'', '?':
		return t[1], 2, true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v, n := 0, 1
		for n < 4 && n < len(t) && t[n] >= '0' && t[n] <= '7' {
			v = v*8 + int(t[n]-'0')
			n++
		}
		return byte(v), n, v <= 0xFF
	case 'x':
		v, n := 0, 2
		for n < len(t) && isHex(t[n]) {
			v = v*16 + hexVal(t[n])
			n++
			if v > 0xFF {
				return 0, n, false
			}
		}
		return byte(v), n, n > 2
	}
	_, size := utf8.DecodeRuneInString(t[1:])
	return 0, 1 + size, false
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

var bom = []byte("\xef\xbb\xbf")

// check reports what makes src unreadable as a whole: its size, a byte
// order mark, invalid UTF-8.
func check(name string, src []byte) error {
	lines := diag.NewLines(name, src)
	switch {
	case len(src) > MaxSize:
		return diag.Errorf(diag.Pos{File: name}, "file is %d bytes, more than the %d a PO file may have; export fewer messages", len(src), MaxSize)
	case bytes.HasPrefix(src, bom):
		return diag.Errorf(lines.Pos(0), "file starts with a byte order mark; save it as UTF-8 without BOM")
	case !utf8.Valid(src):
		return diag.Errorf(lines.Pos(diag.InvalidUTF8(src)), "invalid UTF-8; save the file as UTF-8")
	}
	return nil
}
