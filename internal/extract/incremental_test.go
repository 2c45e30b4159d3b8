package extract_test

import (
	"bytes"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// incrementalSite is a generated site of 12 pages in three locales whose
// catalogs extract has brought up to date, with the Index of that
// extract.
func incrementalSite(t *testing.T) (*site.Site, *extract.Index) {
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
	pages, outs := runFull(t, s)
	for _, o := range outs {
		if err := os.WriteFile(s.Path(o.Path), o.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return s, extract.NewIndex("test", pages, outs)
}

// runFull loads s and runs extract on all of it.
func runFull(t *testing.T, s *site.Site) ([]*content.Page, []extract.Output) {
	t.Helper()
	pages, err := snapshotPages(s)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := s.LoadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	outs, err := extract.Run(pages, cats, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return pages, outs
}

// runIncremental loads s and tries Incremental with idx.
func runIncremental(t *testing.T, s *site.Site, idx *extract.Index) ([]extract.Output, bool) {
	t.Helper()
	pages, files, _ := loadForIncremental(t, s)
	return extract.Incremental(idx, pages, files)
}

// loadForIncremental loads the pages of s and reads its catalogs, whose
// bytes it also returns by path.
func loadForIncremental(t *testing.T, s *site.Site) ([]*content.Page, []extract.File, map[string][]byte) {
	t.Helper()
	pages, err := snapshotPages(s)
	if err != nil {
		t.Fatal(err)
	}
	locales, err := s.Locales()
	if err != nil {
		t.Fatal(err)
	}
	var files []extract.File
	data := map[string][]byte{}
	for _, l := range locales {
		data[l.Path] = mustRead(t, s, l.Path)
		files = append(files, extract.File{Path: l.Path, Tag: l.Tag, Src: bytes.NewReader(data[l.Path]), Size: int64(len(data[l.Path]))})
	}
	return pages, files, data
}

// editParagraph appends text to the first paragraph of page, after its
// front matter.
func editParagraph(t *testing.T, s *site.Site, page, text string) {
	t.Helper()
	data, err := os.ReadFile(s.Path(page))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	fences := 0
	for i, l := range lines {
		if l == "+++" {
			fences++
			continue
		}
		if fences == 2 && l != "" && !strings.ContainsAny(l[:1], "#-|>*") {
			lines[i] += text
			if err := os.WriteFile(s.Path(page), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("%s has no paragraph", page)
}

// pagePath returns the path of the i-th page of s.
func pagePath(t *testing.T, s *site.Site, i int) string {
	t.Helper()
	pages, err := s.Pages()
	if err != nil {
		t.Fatal(err)
	}
	return pages[i]
}

// TestIncrementalEqualsRun: after paragraphs of some pages are edited,
// Incremental writes every catalog byte for byte as Run does (translations
// of the edited paragraphs marked stale, the rest copied), with the
// bounds Run gives, and the next Incremental works from its own output.
func TestIncrementalEqualsRun(t *testing.T) {
	s, idx := incrementalSite(t)
	for round, edits := range [][]int{{4}, {0, 11}, {4, 5, 6}} {
		for _, i := range edits {
			editParagraph(t, s, pagePath(t, s, i), " Updated.")
		}
		got, ok := runIncremental(t, s, idx)
		if !ok {
			t.Fatalf("round %d: Incremental declined an edit of paragraphs", round)
		}
		pages, want := runFull(t, s)
		if len(got) != len(want) {
			t.Fatalf("round %d: %d outputs, Run gives %d", round, len(got), len(want))
		}
		for i := range want {
			if got[i].Path != want[i].Path || !bytes.Equal(got[i].Bytes(), want[i].Data) {
				t.Errorf("round %d: %s differs from Run's %s", round, got[i].Path, want[i].Path)
			}
			if !slices.Equal(got[i].Bounds, want[i].Bounds) {
				t.Errorf("round %d: %s: bounds differ from Run's", round, got[i].Path)
			}
			if changed := !bytes.Equal(got[i].Bytes(), mustRead(t, s, got[i].Path)); changed != got[i].Splice.Changed() || i == 0 && !changed {
				t.Errorf("round %d: %s changed: %t, Changed: %t", round, got[i].Path, changed, got[i].Splice.Changed())
			}
			if err := os.WriteFile(s.Path(got[i].Path), got[i].Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for i := range got {
			// As l10n extract does: the sum of what it wrote.
			got[i].Data, got[i].Splice = got[i].Bytes(), nil
		}
		idx = extract.NewIndex("test", pages, got)
	}
}

// TestIncrementalDeclines: Incremental leaves to Run every change that
// is not an edit of pages' text in catalogs as extract wrote them.
func TestIncrementalDeclines(t *testing.T) {
	cases := map[string]func(t *testing.T, s *site.Site){
		"a paragraph added": func(t *testing.T, s *site.Site) {
			editParagraph(t, s, pagePath(t, s, 3), "\n\nA new paragraph.")
		},
		"a catalog edited by a translator": func(t *testing.T, s *site.Site) {
			editParagraph(t, s, pagePath(t, s, 3), " Updated.")
			f := s.Path("locales/vi.toml")
			data := mustRead(t, s, "locales/vi.toml")
			if err := os.WriteFile(f, append(data, "\n# a note\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		},
		"a page removed": func(t *testing.T, s *site.Site) {
			if err := os.Remove(s.Path(pagePath(t, s, 3))); err != nil {
				t.Fatal(err)
			}
		},
		"a locale added": func(t *testing.T, s *site.Site) {
			editParagraph(t, s, pagePath(t, s, 3), " Updated.")
			if err := os.WriteFile(s.Path("locales/fr.toml"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		},
		"nothing changed": func(t *testing.T, s *site.Site) {},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			s, idx := incrementalSite(t)
			change(t, s)
			if _, ok := runIncremental(t, s, idx); ok {
				t.Error("Incremental took it on")
			}
		})
	}
}

func mustRead(t *testing.T, s *site.Site, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(s.Path(path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSpliceRefusesACatalogChangedMeanwhile: a catalog edited between
// Incremental's check and the write is not written over.
func TestSpliceRefusesACatalogChangedMeanwhile(t *testing.T) {
	s, idx := incrementalSite(t)
	editParagraph(t, s, pagePath(t, s, 2), " Updated.")
	pages, files, data := loadForIncremental(t, s)
	vi := data["locales/vi.toml"]
	outs, ok := extract.Incremental(idx, pages, files)
	if !ok {
		t.Fatal("Incremental declined an edit of a paragraph")
	}
	vi[len(vi)-2] ^= 1 // a translator's edit, while extract runs
	for _, o := range outs {
		_, err := o.Splice.WriteTo(io.Discard)
		if o.Path == "locales/vi.toml" && err == nil {
			t.Error("the changed vi.toml was written over")
		}
		if o.Path != "locales/vi.toml" && err != nil {
			t.Errorf("%s: %v", o.Path, err)
		}
	}
}
