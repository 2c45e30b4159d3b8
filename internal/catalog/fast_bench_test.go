package catalog

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/text/language"
)

// BenchmarkParse reads a catalog of 10,000 messages in the layout
// extract writes, as the locale catalogs of a 400-page site are.
func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	var entries []Entry
	for i := range 10000 {
		text := fmt.Sprintf("Paragraph %d of a page, with **bold** words and a [link](https://example.gov/%d) in it, forty to ninety words long in real pages.", i, i)
		entries = append(entries, Entry{
			Message: &Message{ID: fmt.Sprintf("topics.page%d.section%d.p%d", i/25, i%5, i%7), Hash: Hash(map[string]string{"other": text}), Forms: map[string]string{"other": "Traducción: " + text}},
			Comment: []string{`Paragraph in section "Section", page "Page" (content/topics/page.md)`, "en: " + text},
		})
	}
	if err := Write(&buf, []string{"header"}, entries); err != nil {
		b.Fatal(err)
	}
	src := buf.Bytes()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("locales/es.toml", language.Spanish, src); err != nil {
			b.Fatal(err)
		}
	}
}
