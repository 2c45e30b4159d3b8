package catalog

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"
)

// benchCatalog returns a catalog of n messages in the layout extract
// writes, as the locale catalogs of a site of n/25 pages are.
func benchCatalog(n int) []byte {
	var buf bytes.Buffer
	var entries []Entry
	for i := range n {
		text := fmt.Sprintf("Paragraph %d of a page, with **bold** words and a [link](https://example.gov/%d) in it, forty to ninety words long in real pages.", i, i)
		entries = append(entries, Entry{
			Message: &Message{ID: fmt.Sprintf("topics.page%d.section%d.p%d", i/25, i%5, i%7), Hash: Hash(map[string]string{"other": text}), Forms: map[string]string{"other": "Traducción: " + text}},
			Comment: []string{`Paragraph in section "Section", page "Page" (content/topics/page.md)`, "en: " + text},
		})
	}
	if err := Write(&buf, []string{"header"}, entries); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// BenchmarkParse reads a catalog of 10,000 messages in the layout
// extract writes, as the locale catalogs of a 400-page site are.
func BenchmarkParse(b *testing.B) {
	src := benchCatalog(10000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("locales/es.toml", language.Spanish, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadIndex indexes a catalog of 50,000 messages (22 MB) in the
// layout extract writes, from its file, as a build from nothing does
// each catalog of a 2,000-page site.
func BenchmarkLoadIndex(b *testing.B) {
	src := benchCatalog(50000)
	path := filepath.Join(b.TempDir(), "es.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		x, err := LoadIndex("locales/es.toml", path, language.Spanish)
		if err != nil || x.Held() {
			b.Fatalf("LoadIndex: %v, held %v", err, x.Held())
		}
		x.Close()
	}
}

// indexOf returns the Index of a file locales/es.toml of bytes src, in a
// temporary folder; it is closed when the test ends.
func indexOf(t testing.TB, src []byte) *Index {
	t.Helper()
	path := filepath.Join(t.TempDir(), "es.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := LoadIndex("locales/es.toml", path, language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// BenchmarkIndexReadPages reads, page by page, the 25 messages of each of
// the 400 pages of a catalog of 10,000 messages by range, as a build
// reads each page's translations from every catalog.
func BenchmarkIndexReadPages(b *testing.B) {
	src := benchCatalog(10000)
	x := indexOf(b, src)
	if x.Held() {
		b.Fatal("the catalog is held, not read by range")
	}
	all, err := x.ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]string
	for i, m := range all.Messages {
		if i%25 == 0 {
			pages = append(pages, nil)
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], m.ID)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		for _, ids := range pages {
			if f, err := x.Read(ids); err != nil || len(f.Messages) != len(ids) {
				b.Fatalf("Read: %d messages, %v; want %d", len(f.Messages), err, len(ids))
			}
		}
	}
}
