package content

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// validPin is the form of a pinned ID: one bare TOML key.
var validPin = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// trailingID finds goldmark attribute syntax at the end of a block's text
// ("… at 1-877-4-HSI-TIP. {#tip-line}"), as goldmark reads it after a
// heading, and returns the text without it and the id it sets.
func trailingID(s string) (rest, id string, ok bool) {
	trimmed := strings.TrimRight(s, " \t")
	if !strings.HasSuffix(trimmed, "}") {
		return s, "", false
	}
	i := strings.LastIndex(trimmed, "{")
	for ; i >= 0; i = strings.LastIndex(trimmed[:i], "{") {
		r := text.NewReader([]byte(trimmed[i:]))
		attrs, ok := parser.ParseAttributes(r)
		if !ok {
			continue
		}
		if line, _ := r.PeekLine(); len(strings.TrimSpace(string(line))) > 0 {
			continue
		}
		for _, a := range attrs {
			if string(a.Name) == "id" {
				if v, ok := a.Value.([]byte); ok {
					return strings.TrimRight(trimmed[:i], " \t"), string(v), true
				}
			}
		}
		return s, "", false
	}
	return s, "", false
}

// pinned takes an attribute line (Hugo's block attributes, "{.note}" on
// the line after the text) or a trailing {#id} off the block's text; an
// id in either pins the block's ID.
func (w *walker) pinned(b *Block) *Block {
	if b.Attrs != (Span{}) {
		if id, _ := attributeLine(string(w.fileBytes(b.Attrs))); id != "" {
			b.Pin = id
			w.checkPin(b)
			return b
		}
	}
	if text, id, ok := trailingID(b.Text); ok && len(b.Spans) > 0 {
		// The text's last line is the end of the last span: cut the
		// attribute list off both.
		removed := len(strings.TrimRight(b.Text, " \t")) - len(text)
		last := &b.Spans[len(b.Spans)-1]
		line := strings.TrimRight(string(w.fileBytes(*last)), " \t\r\n")
		if removed <= len(line) {
			last.End = last.Start + len(strings.TrimRight(line[:len(line)-removed], " \t"))
		}
		b.Text, b.Pin = text, id
	}
	w.checkPin(b)
	return b
}

func (w *walker) checkPin(b *Block) {
	if b.Pin != "" && !validPin.MatchString(b.Pin) {
		w.errs.Add(diag.Errorf(b.Pos, "pinned ID {#%s} may hold only letters, digits, \"-\" and \"_\"; rename it", b.Pin))
		b.Pin = ""
	}
}

func isAttributes(line []byte) bool {
	_, ok := attributeLine(string(line))
	return ok
}
