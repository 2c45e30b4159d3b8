package extract_test

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// runStream loads the pages of s and runs Stream on its catalogs, read
// one at a time.
func runStream(t testing.TB, s *site.Site) ([]extract.Output, error) {
	t.Helper()
	pages, err := snapshotPages(s)
	if err != nil {
		t.Fatal(err)
	}
	files, err := s.Locales()
	if err != nil {
		t.Fatal(err)
	}
	return extract.Stream(pages, len(files), func(i int) (*catalog.File, []byte, error) {
		return s.ReadCatalog(files[i])
	}, extract.Options{})
}

// TestStreamEqualsRun: through edits of pages' text and translators'
// edits, Stream gives every catalog Run gives, byte for byte with the
// same bounds, and marks Unchanged exactly those the files already hold,
// with their sums. See issue 5.
func TestStreamEqualsRun(t *testing.T) {
	s, _ := incrementalSite(t)
	steps := []struct {
		name   string
		change func()
	}{
		{"up to date", func() {}},
		{"a paragraph edited", func() { editParagraph(t, s, pagePath(t, s, 4), " Updated.") }},
		{"a paragraph added", func() { editParagraph(t, s, pagePath(t, s, 3), "\n\nA new paragraph.") }},
		{"a translator's note", func() {
			data := mustRead(t, s, "locales/vi.toml")
			if err := os.WriteFile(s.Path("locales/vi.toml"), append(data, "\n# a note\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"an empty catalog for a new locale", func() {
			if err := os.WriteFile(s.Path("locales/fr.toml"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, step := range steps {
		step.change()
		got, err := runStream(t, s)
		if err != nil {
			t.Fatalf("%s: Stream: %v", step.name, err)
		}
		_, want := runFull(t, s)
		if len(got) != len(want) {
			t.Fatalf("%s: %d outputs, Run gives %d", step.name, len(got), len(want))
		}
		unchanged := 0
		for i := range want {
			old := mustRead(t, s, want[i].Path)
			data := got[i].Data
			if got[i].Unchanged {
				unchanged++
				data = old
				if got[i].Data != nil || got[i].Sum == "" {
					t.Errorf("%s: %s is Unchanged, yet holds %d bytes, sum %q", step.name, got[i].Path, len(got[i].Data), got[i].Sum)
				}
			}
			if got[i].Path != want[i].Path || !bytes.Equal(data, want[i].Data) {
				t.Errorf("%s: %s differs from Run's %s", step.name, got[i].Path, want[i].Path)
			}
			if !slices.Equal(got[i].Bounds, want[i].Bounds) {
				t.Errorf("%s: %s: bounds differ from Run's", step.name, got[i].Path)
			}
			if same := bytes.Equal(want[i].Data, old); same != got[i].Unchanged {
				t.Errorf("%s: %s Unchanged: %t; the file holds Run's bytes: %t", step.name, got[i].Path, got[i].Unchanged, same)
			}
			if err := os.WriteFile(s.Path(want[i].Path), want[i].Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if step.name == "up to date" && unchanged != len(want) {
			t.Errorf("%s: %d of %d catalogs Unchanged", step.name, unchanged, len(want))
		}
	}
}

// TestStreamDeclines: Stream leaves to Run a site without
// locales/en.toml, and a catalog that does not parse (Run reports every
// such problem at once). New blocks it takes: the snapshot gave them IDs
// no catalog holds.
func TestStreamDeclines(t *testing.T) {
	cases := map[string]func(t *testing.T, s *site.Site){
		"no English catalog": func(t *testing.T, s *site.Site) {
			if err := os.Remove(s.Path("locales/en.toml")); err != nil {
				t.Fatal(err)
			}
		},
		"a catalog that does not parse": func(t *testing.T, s *site.Site) {
			if err := os.WriteFile(s.Path("locales/vi.toml"), []byte("[x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			s, _ := incrementalSite(t)
			change(t, s)
			if _, err := runStream(t, s); !errors.Is(err, extract.ErrNotStreamed) {
				t.Errorf("Stream: %v; want ErrNotStreamed", err)
			}
		})
	}
}

// TestProgressCountsEveryCatalog: Run and Stream tell Progress of each
// locale catalog laid out, one call at a time, up to the total. See
// issue 5.
func TestProgressCountsEveryCatalog(t *testing.T) {
	s, _ := incrementalSite(t)
	files, err := s.Locales()
	if err != nil {
		t.Fatal(err)
	}
	want := len(files) - 1 // every catalog but the English
	for name, run := range map[string]func(extract.Options) error{
		"Run": func(opts extract.Options) error {
			pages, err := snapshotPages(s)
			if err != nil {
				return err
			}
			cats, err := s.LoadCatalogs()
			if err != nil {
				return err
			}
			_, err = extract.Run(pages, cats, opts)
			return err
		},
		"Stream": func(opts extract.Options) error {
			pages, err := snapshotPages(s)
			if err != nil {
				return err
			}
			_, err = extract.Stream(pages, len(files), func(i int) (*catalog.File, []byte, error) {
				return s.ReadCatalog(files[i])
			}, opts)
			return err
		},
	} {
		var calls [][2]int
		if err := run(extract.Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(calls) != want {
			t.Errorf("%s: %d progress calls, want %d: %v", name, len(calls), want, calls)
		}
		for i, c := range calls {
			if c != [2]int{i + 1, want} {
				t.Errorf("%s: call %d = %v, want [%d %d]", name, i, c, i+1, want)
			}
		}
	}
}
