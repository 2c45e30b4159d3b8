package extract_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// extractedSite is a generated site of 12 pages in three locales whose
// catalogs extract has brought up to date, with the Index of that
// extract.
func extractedSite(t *testing.T) (*site.Site, *extract.Index) {
	t.Helper()
	dir := t.TempDir()
	err := sitegen.Generate(dir, sitegen.Options{Pages: 12, Locales: []string{"es", "es-MX", "vi"}, Coverage: []int{90, 40, 60}, Stale: 10, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	pages, outs, _ := run(t, s, nil)
	return s, save(t, s, pages, outs)
}

// run runs extract on s with idx (nil: every catalog laid out whole),
// and returns the catalogs it read whole.
func run(t testing.TB, s *site.Site, idx *extract.Index) ([]*content.Page, []extract.Output, []string) {
	t.Helper()
	in, cs := siteInput(t, s, idx)
	outs, err := extract.Run(in, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return in.Pages, outs, cs.readWhole()
}

// save writes the outputs that changed, as l10n extract does, and
// returns the Index of what it wrote.
func save(t testing.TB, s *site.Site, pages []*content.Page, outs []extract.Output) *extract.Index {
	t.Helper()
	for i, o := range outs {
		if o.Unchanged {
			continue
		}
		data := o.Bytes()
		if err := os.WriteFile(s.Path(o.Path), data, 0o644); err != nil {
			t.Fatal(err)
		}
		outs[i].Sum = sum(data)
	}
	return extract.NewIndex("test", pages, outs)
}

// sameAsWhole fails t unless got, Run's outputs with the Index, give
// every catalog Run gives without it, byte for byte with the same
// bounds, and are Unchanged exactly where the file holds them already.
func sameAsWhole(t *testing.T, step string, s *site.Site, got []extract.Output) {
	t.Helper()
	_, want, _ := run(t, s, nil)
	if len(got) != len(want) {
		t.Fatalf("%s: %d outputs, %d laid out whole", step, len(got), len(want))
	}
	for i, w := range want {
		g, old := got[i], mustRead(t, s, w.Path)
		if g.Path != w.Path || !bytes.Equal(bytesOf(t, s, g), bytesOf(t, s, w)) {
			t.Errorf("%s: %s differs from %s laid out whole", step, g.Path, w.Path)
		}
		if !slices.Equal(g.Bounds, w.Bounds) {
			t.Errorf("%s: %s: bounds %v, laid out whole %v", step, g.Path, g.Bounds, w.Bounds)
		}
		if same := bytes.Equal(bytesOf(t, s, w), old); same != g.Unchanged {
			t.Errorf("%s: %s Unchanged: %t; the file holds the catalog: %t", step, g.Path, g.Unchanged, same)
		}
		if g.Unchanged && (g.Data != nil || g.Splice != nil || g.Sum != sum(old)) {
			t.Errorf("%s: %s is Unchanged, yet holds %d bytes, a splice (%t), sum %q", step, g.Path, len(g.Data), g.Splice != nil, g.Sum)
		}
	}
}

// TestSpliceEqualsWholeLayOut: through edits of pages, of catalogs by
// hand and of locales/, Run with the Index of the last extract gives the
// bytes and bounds a lay-out of every catalog whole gives, and lays out
// whole only the catalogs the Index does not prove: the text of pages
// edited has every catalog spliced, a translator's edit has only that
// catalog laid out whole, and a block added, removed or moved, a page
// added or removed, or locales/en.toml edited has every one. See issue 5.
func TestSpliceEqualsWholeLayOut(t *testing.T) {
	s, idx := extractedSite(t)
	all := []string{"*"}
	steps := []struct {
		name   string
		change func()
		// The catalogs read whole: those laid out whole, and en.toml
		// with them, for the English their translations were made from.
		whole []string
	}{
		{"nothing changed", func() {}, nil},
		{"a paragraph edited", func() { editPage(t, s, 4, appendTo(0, " Updated.")) }, nil},
		{"paragraphs of two pages edited", func() { editPage(t, s, 0, appendTo(0, " Updated.")); editPage(t, s, 11, appendTo(1, " Too.")) }, nil},
		{"a translator's note in vi.toml", func() { appendFile(t, s, "locales/vi.toml", "\n# a note\n") }, []string{"locales/en.toml", "locales/vi.toml"}},
		{"vi.toml edited by a translator and a paragraph edited", func() {
			editTranslation(t, s, "locales/vi.toml")
			editPage(t, s, 4, appendTo(0, " Again."))
		}, []string{"locales/en.toml", "locales/vi.toml"}},
		{"es.toml with CRLF line ends", func() {
			writeFile(t, s, "locales/es.toml", strings.ReplaceAll(string(mustRead(t, s, "locales/es.toml")), "\n", "\r\n"))
		}, []string{"locales/en.toml", "locales/es.toml"}},
		{"a new locale and a paragraph edited", func() {
			writeFile(t, s, "locales/fr.toml", "")
			editPage(t, s, 2, appendTo(0, " Updated."))
		}, []string{"locales/en.toml", "locales/fr.toml"}},
		{"a locale removed and a paragraph edited", func() {
			removeFile(t, s, "locales/es-MX.toml")
			editPage(t, s, 2, appendTo(0, " Again."))
		}, nil},
		{"a paragraph added", func() { editPage(t, s, 3, appendTo(0, "\n\nA new paragraph.")) }, all},
		{"a paragraph removed", func() { editPage(t, s, 5, removeParagraph(1)) }, all},
		{"two paragraphs swapped", func() { editPage(t, s, 6, swapParagraphs(0, 1)) }, all},
		{"a page added", func() { writeFile(t, s, "content/added.md", "+++\ntitle = \"Added\"\n+++\n\nA page added.\n") }, all},
		{"a page removed", func() { removeFile(t, s, pagePath(t, s, 7)) }, all},
		{"en.toml edited by hand", func() { appendFile(t, s, "locales/en.toml", "\n# a note\n") }, all},
		{"en.toml as extract wrote it again", func() { editPage(t, s, 4, appendTo(0, " Once more.")) }, nil},
	}
	for _, step := range steps {
		step.change()
		pages, got, whole := run(t, s, idx)
		if slices.Equal(step.whole, all) {
			step.whole = catalogPaths(t, s)
		}
		if !slices.Equal(whole, step.whole) {
			t.Errorf("%s: read whole %v, want %v", step.name, whole, step.whole)
		}
		sameAsWhole(t, step.name, s, got)
		idx = save(t, s, pages, got)
	}
}

// TestSpliceAllButTheEditedCatalog: after a paragraph is edited and a
// translator edits es.toml, only es.toml is laid out whole (keeping the
// edit; en.toml is read whole too, for the English of its translations);
// the others are spliced, and every catalog is as a lay-out of the whole
// gives it. See issue 5.
func TestSpliceAllButTheEditedCatalog(t *testing.T) {
	t.Parallel()
	s, idx := extractedSite(t)
	editPage(t, s, 4, appendTo(0, " Updated."))
	edited := editTranslation(t, s, "locales/es.toml")
	_, got, whole := run(t, s, idx)
	if want := []string{"locales/en.toml", "locales/es.toml"}; !slices.Equal(whole, want) {
		t.Errorf("read whole %v, want %v", whole, want)
	}
	spliced := 0
	for _, o := range got {
		switch {
		case o.Path == "locales/es.toml":
			if !bytes.Contains(o.Data, []byte(edited)) {
				t.Errorf("es.toml lost the translator's edit %q", edited)
			}
		case o.Splice != nil:
			spliced++
		case !o.Unchanged:
			t.Errorf("%s: neither spliced nor Unchanged", o.Path)
		}
	}
	if spliced == 0 {
		t.Error("no catalog was spliced after an edit of a paragraph")
	}
	sameAsWhole(t, "es.toml edited", s, got)
}

// catalogPaths returns the paths of the catalogs of s, sorted.
func catalogPaths(t *testing.T, s *site.Site) []string {
	t.Helper()
	locales, err := s.Locales()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, l := range locales {
		paths = append(paths, l.Path)
	}
	return slices.Sorted(slices.Values(paths))
}

// bytesOf returns the catalog o holds, or the file's if it is Unchanged.
func bytesOf(t *testing.T, s *site.Site, o extract.Output) []byte {
	t.Helper()
	if o.Unchanged {
		return mustRead(t, s, o.Path)
	}
	return o.Bytes()
}

func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
