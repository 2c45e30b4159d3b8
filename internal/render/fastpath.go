package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markupFree reports whether msg is text that inline Markdown renders as
// itself: no character that starts Markdown syntax or an entity, no
// control character or line break, no white space at the ends that the
// paragraph parser would trim. Most paragraphs are such text; for them
// Inline and Plain skip goldmark, with the same result (FuzzFastPath
// checks it against goldmark).
func markupFree(msg string) bool {
	if msg == "" || strings.ContainsAny(msg, "\\`*_[]!<>&") || strings.Contains(msg, "{{") {
		return false
	}
	for i := 0; i < len(msg); i++ {
		if c := msg[i]; c < 0x20 || c == 0x7f {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(msg)
	last, _ := utf8.DecodeLastRuneInString(msg)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last) && first != utf8.RuneError && last != utf8.RuneError
}

// escapeQuotes is goldmark's escaping of markup-free text: of the
// characters it escapes (& < > "), only " can occur.
var escapeQuotes = strings.NewReplacer(`"`, "&quot;")
