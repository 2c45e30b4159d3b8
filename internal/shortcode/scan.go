package shortcode

import "bytes"

// Tag is one shortcode tag in a source.
type Tag struct {
	Start, End  int    // byte offsets in src: src[Start:End] is the whole tag, "{{<" to ">}}"
	Name        string // "tab"; for a closing tag, the name without "/"
	Markdown    bool   // {{% %}}: its inner content is Markdown
	Closing     bool   // {{< /name >}}
	SelfClosing bool   // {{< name />}}
	Escaped     bool   // {{</* … */>}}: Hugo prints it as text, without the comment markers
	Args        []Arg  // in source order; all positional or all named, as Hugo requires
}

// Arg is one argument of a [Tag].
type Arg struct {
	Name       string // "" for a positional argument
	Value      string // the value, quotes removed and escapes resolved as Hugo does
	Start, End int    // byte offsets of the raw value in src, quotes included
}

// Delimiters of the two tag forms and of the escaped form.
const (
	openPlain     = "{{<"
	closePlain    = ">}}"
	openMarkdown  = "{{%"
	closeMarkdown = "%}}"
	openComment   = "/*"
	closeComment  = "*/"
)

// Parse parses the tag that starts exactly at src[at], which must be "{{<"
// or "{{%". It reports false, and never panics, when no well-formed tag
// starts there: at out of range, "{{ .Title }}", a tag without its closing
// delimiter or without a name, an unterminated quote, named and
// positional arguments mixed, or anything else Hugo's lexer rejects.
//
// The tag may span several lines (white space between arguments and raw
// `…` values may hold newlines). An escaped tag, "{{</* name */>}}", ends
// at the first "*/>}}" after it, as in Hugo; its Name, Closing,
// SelfClosing and Args describe the tag Hugo prints when that is
// well-formed, and are zero otherwise.
func Parse(src []byte, at int) (Tag, bool) {
	var s scanner
	return s.parse(src, at)
}

// Find returns every tag in src, in source order and non-overlapping: it
// scans from the start for "{{", keeps the tag [Parse] finds there and
// resumes after it, or resumes one byte further when there is none. It
// looks at the raw bytes only, as Hugo does before it renders Markdown,
// so it also finds tags inside code blocks.
//
// Find takes time linear in len(src): it remembers where attempts
// failed and where escaped tags end, so a page full of unclosed tags or
// unclosed "{{</*" does not make it quadratic.
func Find(src []byte) []Tag {
	var s scanner
	var tags []Tag
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			break
		}
		i += j
		if t, ok := s.parse(src, i); ok {
			tags = append(tags, t)
			i = t.End
			continue
		}
		i++
	}
	return tags
}

func (s *scanner) parse(src []byte, at int) (Tag, bool) {
	if at < 0 || at > len(src)-len(openPlain) || src[at] != '{' || src[at+1] != '{' {
		return Tag{}, false
	}
	t := Tag{Start: at}
	b := body{src: src, close: closePlain, memo: s}
	switch src[at+2] {
	case '<':
	case '%':
		t.Markdown, b.close = true, closeMarkdown
	default:
		return Tag{}, false
	}
	i := at + len(openPlain)
	if !bytes.HasPrefix(src[i:], []byte(openComment)) {
		s.visited, s.size = s.visited[:0], len(src)
		end, ok := b.parse(&t, i)
		if !ok {
			s.fail()
			return Tag{}, false
		}
		t.End = end
		return t, true
	}
	if s.noEscaped {
		return Tag{}, false
	}
	// Hugo requires the "*/" to start at least two bytes after "/*", so
	// "{{</*/>}}" is not closed by its own "*/".
	q := s.commentEnd(src, i, t.Markdown, b.close)
	if q < i+len(openComment) {
		return Tag{}, false
	}
	t.Escaped = true
	t.End = q + len(closeComment) + len(b.close)
	inner := Tag{}
	b = body{src: src[:q], close: b.close, virtualClose: true}
	if _, ok := b.parse(&inner, i+len(openComment)); ok {
		t.Name, t.Closing, t.SelfClosing, t.Args = inner.Name, inner.Closing, inner.SelfClosing, inner.Args
	}
	return t, true
}
