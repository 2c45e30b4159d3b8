// Package pseudo makes pseudo-locales from the English catalog, so layout
// bugs show before any translation exists: en-XA (accented Latin letters,
// about 35% longer, wrapped in ⟦ ⟧ so truncation shows) and ar-XB (the
// English mirrored, on a right-to-left page). They are generated on the
// fly and never written to locales/.
//
// Only the words change: placeholders ({{.Date}}), code spans, link
// destinations, autolinks and Markdown punctuation pass through untouched,
// so a pseudo-translation has the English's structure and passes the
// same checks.
package pseudo

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
)

// The pseudo-locales, with private-use regions as Android and Chromium
// use them.
var (
	Accented = language.MustParse("en-XA")
	Bidi     = language.MustParse("ar-XB")
)

// Tags lists the pseudo-locales.
var Tags = []language.Tag{Accented, Bidi}

// Catalogs returns the catalogs of every pseudo-locale: each English
// message transformed, with the English hash, so every message is current.
func Catalogs(source []*catalog.Message) []*catalog.File {
	var out []*catalog.File
	for _, tag := range Tags {
		f := &catalog.File{Tag: tag}
		for _, m := range source {
			forms := make(map[string]string, len(m.Forms))
			for k, v := range m.Forms {
				forms[k] = Translate(tag, v)
			}
			f.Messages = append(f.Messages, &catalog.Message{ID: m.ID, Hash: m.Hash, Forms: forms})
		}
		out = append(out, f)
	}
	return out
}

// protected matches what pseudo-localization must not touch: template
// placeholders and Hugo shortcodes, code spans, inline math, link
// destinations, reference labels and shortcut references ("[otel]", whose
// text is its label), footnote references, autolinks, HTML-like tags and
// entities, backslash escapes (a hard line break among them) and bare
// URLs, which Hugo links.
var protected = regexp.MustCompile(`\{\{.*?\}\}|` + content.BareURL + "|`[^`]*`" + `|\\\(.*?\\\)|\]\([^)]*\)|\]\[[^\]]*\]|\[\^[^\]]*\]|\[[^\]\[]*\](?:\[\])?(?:[^(\[]|$)|<[^>]*>|&[#A-Za-z0-9]+;|\\(?s:.)`)

// Translate pseudo-localizes English message text for tag.
func Translate(tag language.Tag, s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	last := 0
	word := func(text string) { b.WriteString(accent(text)) }
	for _, loc := range protected.FindAllStringIndex(s, -1) {
		segment(&b, tag, s[last:loc[0]], word)
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	segment(&b, tag, s[last:], word)
	out := b.String()
	if tag == Accented {
		return "⟦" + out + padding(utf8.RuneCountInString(s)) + "⟧"
	}
	return out
}

// segment writes a stretch of plain text: accented for en-XA; for ar-XB
// each run of letters is wrapped in RIGHT-TO-LEFT OVERRIDE … POP
// DIRECTIONAL FORMATTING, so it shows mirrored, while Markdown
// punctuation stays outside the overrides and keeps its meaning.
func segment(b *strings.Builder, tag language.Tag, text string, word func(string)) {
	if tag == Accented {
		word(text)
		return
	}
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString("\u202e" + text[start:end] + "\u202c")
			start = -1
		}
	}
	for i, r := range text {
		if strings.ContainsRune("*_[]()\\!\n", r) {
			flush(i)
			b.WriteRune(r)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(text))
}

// padding returns accented filler words that make a text of n characters
// about 35% longer, as translations into German or Spanish often are.
func padding(n int) string {
	words := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	want := (n*35 + 99) / 100
	var b strings.Builder
	for i, count := 0, 0; count < want; i++ {
		w := " " + words[i%len(words)]
		b.WriteString(accent(w))
		count += utf8.RuneCountInString(w)
	}
	return b.String()
}

func accent(s string) string {
	return strings.Map(func(r rune) rune {
		if a, ok := accents[r]; ok {
			return a
		}
		return r
	}, s)
}

var accents = map[rune]rune{
	'a': 'á', 'b': 'ƀ', 'c': 'ç', 'd': 'ð', 'e': 'é', 'f': 'ƒ', 'g': 'ĝ', 'h': 'ĥ', 'i': 'î', 'j': 'ĵ',
	'k': 'ķ', 'l': 'ļ', 'm': 'ɱ', 'n': 'ñ', 'o': 'ö', 'p': 'þ', 'q': 'ǫ', 'r': 'ŕ', 's': 'š', 't': 'ţ',
	'u': 'û', 'v': 'ṽ', 'w': 'ŵ', 'x': 'ẋ', 'y': 'ý', 'z': 'ž',
	'A': 'Å', 'B': 'Ɓ', 'C': 'Ç', 'D': 'Ð', 'E': 'É', 'F': 'Ƒ', 'G': 'Ĝ', 'H': 'Ĥ', 'I': 'Î', 'J': 'Ĵ',
	'K': 'Ķ', 'L': 'Ļ', 'M': 'Ṁ', 'N': 'Ñ', 'O': 'Ö', 'P': 'Þ', 'Q': 'Ǫ', 'R': 'Ŕ', 'S': 'Š', 'T': 'Ţ',
	'U': 'Û', 'V': 'Ṽ', 'W': 'Ŵ', 'X': 'Ẋ', 'Y': 'Ý', 'Z': 'Ž',
}
