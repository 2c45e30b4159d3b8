package content

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// BareURL is the pattern of a URL written as plain text
// ("https://www.ice.gov/tips"), which Hugo's Markdown links: it starts
// with a letter or digit after "://" and does not end in punctuation
// that closes the sentence around it. check keeps it as a link, pseudo
// leaves it alone, and it is no word to translate.
const BareURL = `https?://[\p{L}\p{N}](?:[^\s<>()\[\]{}"\p{Cf}]*[^\s<>()\[\]{}".,;:!?'*_\p{Cf}])?`

// notWords matches what a block's text may hold that is never translated:
// code spans, raw HTML tags, autolinks and bare URLs, link destinations
// and labels, footnote references and inline math.
var notWords = regexp.MustCompile("`[^`]*`" + `|<[^>\n]*>|` + BareURL + `|\]\([^)]*\)|\]\[[^\]]*\]|\[\^[^\]]*\]|\\\(.*?\\\)`)

// hasWords reports whether inline Markdown text holds something to
// translate: a letter or a digit outside code, HTML, URLs, shortcodes and
// math. Digits count, for each language writes its numbers its own way
// ("1,000" is "1.000" in Spanish). A block without words (an empty table
// cell, "—", an emoji, `code` alone, an <a id> anchor) is no message: it
// is shown as written in every locale.
func hasWords(text string) bool {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if !strings.ContainsAny(text, "`<[]\\{:") {
		return strings.ContainsFunc(text, isWord) // plain prose: nothing to strip
	}
	if strings.Contains(text, "{{") {
		var b strings.Builder
		last := 0
		for _, t := range shortcode.Find([]byte(text)) {
			b.WriteString(text[last:t.Start])
			last = t.End
		}
		b.WriteString(text[last:])
		text = b.String()
	}
	text = notWords.ReplaceAllString(text, "")
	return strings.ContainsFunc(text, isWord)
}
