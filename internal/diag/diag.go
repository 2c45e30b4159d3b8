// Package diag carries problems found in user input to the user: each one
// names a position (file:line:col), says what is wrong and what to do.
//
// Every stage that reads user input reports through [Error] and collects
// them in a [List], so a command can report every problem at once, sorted,
// one per line.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a file of the site: File is relative to the site root
// with "/" separators; Line and Col are 1-based, Col counted in characters.
// Zero parts are unknown.
type Pos struct {
	File      string
	Line, Col int
}

// String returns "file", "file:line" or "file:line:col", dropping unknown parts.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Error is one problem in user input. Msg says what is wrong and what to do.
type Error struct {
	Pos     Pos
	Msg     string
	Warning bool
	Err     error
}

// Errorf returns an error at pos with a formatted message.
func Errorf(pos Pos, format string, args ...any) *Error {
	e := &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.Err = err
			break
		}
	}
	return e
}

// Warningf is like [Errorf] for a problem that does not stop the command.
func Warningf(pos Pos, format string, args ...any) *Error {
	e := Errorf(pos, format, args...)
	e.Warning = true
	return e
}

func (e *Error) Error() string {
	p := e.Pos.String()
	if e.Warning {
		if p == "" {
			return "warning: " + e.Msg
		}
		return p + ": warning: " + e.Msg
	}
	if p == "" {
		return e.Msg
	}
	return p + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// List is a set of problems, reported together.
type List []*Error

// Add appends err: a *Error as it is, a List flattened, any other error
// without a position.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Msg: err.Error(), Err: err})
}

// Sort orders the list by file, line, column and message, so output does
// not depend on the order in which problems were found.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// HasErrors reports whether any entry is an error, not a warning.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(e *Error) bool { return !e.Warning })
}

// Err returns the list as an error when it holds at least one error
// (warnings alone are not a failure), or nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// Error prints one problem per line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Lines turns byte offsets of one file into positions.
type Lines struct {
	file  string
	src   []byte
	start []int // byte offset of each line's first byte
}

// NewLines indexes src, the contents of file.
func NewLines(file string, src []byte) *Lines {
	l := &Lines{file: file, src: src, start: []int{0}}
	for i, c := range src {
		if c == '\n' {
			l.start = append(l.start, i+1)
		}
	}
	return l
}

// Pos returns the position of byte offset off; the column counts characters.
func (l *Lines) Pos(off int) Pos {
	off = min(max(off, 0), len(l.src))
	i, found := slices.BinarySearch(l.start, off)
	if !found {
		i--
	}
	col := len([]rune(string(l.src[l.start[i]:off]))) + 1
	return Pos{File: l.file, Line: i + 1, Col: col}
}

// Line returns the position of the start of 1-based line n.
func (l *Lines) Line(n int) Pos { return Pos{File: l.file, Line: n, Col: 1} }

// InvalidUTF8 returns the byte offset of the first byte of b that is not
// valid UTF-8, or len(b): where to point an "invalid UTF-8" error.
func InvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// Offset returns the byte offset of 1-based line and column (counted in
// characters), the inverse of Pos; a position past the end of its line
// is the line's end, and one past the file is its end.
func (l *Lines) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(l.start) {
		return len(l.src)
	}
	off := l.start[line-1]
	for n := 1; n < col && off < len(l.src) && l.src[off] != '\n'; n++ {
		_, size := utf8.DecodeRune(l.src[off:])
		off += size
	}
	return off
}

// Source returns the contents of the file l indexes.
func (l *Lines) Source() []byte { return l.src }
