package hugo

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// attrs is the attribute list that marks the language of a block.
func attrs(lang language.Tag) string {
	return fmt.Sprintf(`lang="%s" dir="%s"`, lang, locale.Dir(lang))
}

// markHeading marks a heading: in its attribute list if it has one,
// else in a new one at the end of its line.
func (w *writer) markHeading(b *content.Block, lang language.Tag) {
	if len(b.Spans) == 0 {
		return
	}
	end := w.lineEnd(b.Spans[len(b.Spans)-1].End)
	line := strings.TrimRight(string(w.src[b.Spans[len(b.Spans)-1].End:end]), " \t\r")
	if strings.HasSuffix(line, "}") && strings.Contains(line, "{") {
		at := b.Spans[len(b.Spans)-1].End + len(line) - 1
		w.edits = append(w.edits, edit{at, at, " " + attrs(lang)})
		return
	}
	at := b.Spans[len(b.Spans)-1].End + len(line)
	w.edits = append(w.edits, edit{at, at, " {" + attrs(lang) + "}"})
}

// markParagraph marks a paragraph: in its attribute line if it has one,
// else on a new line after it.
func (w *writer) markParagraph(b *content.Block, lang language.Tag) {
	if b.Attrs != (content.Span{}) {
		line := strings.TrimRight(string(w.src[b.Attrs.Start:b.Attrs.End]), " \t\r\n")
		at := b.Attrs.Start + len(line) - 1
		w.edits = append(w.edits, edit{at, at, " " + attrs(lang)})
		return
	}
	// A paragraph that shares its last line with more (math that Hugo's
	// passthrough split it at) has no line of its own to mark.
	last := b.Spans[len(b.Spans)-1]
	if strings.TrimSpace(string(w.src[last.End:w.lineEnd(last.End)])) != "" {
		return
	}
	w.markAfter(b, lang)
}

// markAfter writes an attribute line after the last line of b, with the
// prefix of its continuation lines.
func (w *writer) markAfter(b *content.Block, lang language.Tag) {
	if len(b.Spans) == 0 {
		return
	}
	prefix, ok := w.prefix(b.Spans[0])
	if !ok {
		return // it shares its first line: no line of its own to mark
	}
	if len(b.Spans) > 1 {
		prefix = w.linePrefix(b.Spans[1].Start)
	}
	w.insertLine(b, prefix, lang)
}

// insertLine writes an attribute line, after prefix, after the last line
// of b; or, when the line after it already is one (a list's {.compact}
// that goldmark reads as the last item's, a table's {.wide}), adds the
// attributes to it.
func (w *writer) insertLine(b *content.Block, prefix string, lang language.Tag) {
	if b.Attrs != (content.Span{}) {
		// Its own attribute line: a list's {.compact}, which goldmark
		// reads as the last item's.
		line := strings.TrimRight(string(w.src[b.Attrs.Start:b.Attrs.End]), " \t\r\n")
		close := b.Attrs.Start + len(line) - 1
		w.edits = append(w.edits, edit{close, close, " " + attrs(lang)})
		return
	}
	at := w.lineEnd(b.Spans[len(b.Spans)-1].End)
	if at < len(w.src) {
		next := w.src[at+1 : w.lineEnd(at+1)]
		trimmed := strings.TrimRight(string(next), " \t\r")
		if isAttributeLine(trimmed) {
			close := at + 1 + len(trimmed) - 1
			w.edits = append(w.edits, edit{close, close, " " + attrs(lang)})
			return
		}
		if t := strings.TrimLeft(trimmed, " \t>"); strings.HasPrefix(t, "{{<") || strings.HasPrefix(t, "{{%") {
			// A shortcode right after the text: Hugo puts the shortcode's
			// output in the same paragraph, so a line here would be
			// text in the middle of it. The block stays unmarked.
			return
		}
	}
	nl := "\n"
	if at > 0 && w.src[at-1] == '\r' {
		at--
		nl = "\r\n"
	}
	w.edits = append(w.edits, edit{at, at, nl + prefix + "{" + attrs(lang) + "}"})
}

// isAttributeLine reports whether line, without its indentation, quote
// markers and line break, is only an attribute list: "{.compact}".
func isAttributeLine(line string) bool {
	line = strings.TrimLeft(line, " \t>")
	if !strings.HasPrefix(line, "{") || !strings.HasSuffix(line, "}") {
		return false
	}
	r := text.NewReader([]byte(line))
	_, ok := parser.ParseAttributes(r)
	rest, _ := r.PeekLine()
	return ok && strings.TrimSpace(string(rest)) == ""
}
