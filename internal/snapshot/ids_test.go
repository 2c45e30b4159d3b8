package snapshot_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// TestIDsCacheGivesWhatAssignGives: a site read once by a command that
// holds the site lock (which keeps the IDs cache) and edited, then read
// twice more (the first keeps the cache anew, the second takes from it),
// gives every block the IDs, and finds locales/en.toml as stale, as a
// read without the cache does, whatever the edit: a block's text, blocks
// added or swapped, a page added, en.toml edited by hand (a comment, an
// English hash) or extracted again.
func TestIDsCacheGivesWhatAssignGives(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		edit func(t *testing.T, s *site.Site, page string)
	}{
		{"nothing changed", nil},
		{"a paragraph's text", editParagraph},
		{"a paragraph added", addParagraph},
		{"two paragraphs swapped", swapParagraphs},
		{"a page added", addPage},
		{"en.toml edited", noteInEnglish},
		{"an English hash of en.toml changed by hand", func(t *testing.T, s *site.Site, page string) {
			// The last entry's: a page's (the chrome's come first).
			rewrite(t, s, site.SourceCatalog, func(text string) string {
				i := strings.LastIndex(text, `hash = "sha256:`) + len(`hash = "sha256:`)
				return text[:i] + "0" + text[i+1:]
			})
		}},
		{"a paragraph's text, then extracted", func(t *testing.T, s *site.Site, page string) {
			body(func(b []string) []string {
				b[paragraph(b, 0)] = "Rewritten from the first word to the last."
				return b
			})(t, s, page)
			res, err := disk.Site(s, "p", extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer res.Close()
			if _, err := disk.Save(s, res.Outputs); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := extractedSite(t)
			locked, err := s.Lock(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			unlock := sync.OnceFunc(locked)
			defer unlock()
			pages, err := s.Pages()
			if err != nil {
				t.Fatal(err)
			}
			read := func() *snapshot.Snapshot {
				t.Helper()
				sn, err := snapshot.Read(s, nil)
				if err != nil {
					t.Fatal(err)
				}
				sn.Close()
				return sn
			}
			// The cache is kept under en.toml's digest as its file state
			// proves it, which it does not within stamp.RacyWindow of a
			// change.
			settle := func() { time.Sleep(stamp.RacyWindow + 100*time.Millisecond) }
			settle()
			read()
			if _, err := os.Stat(s.Path(snapshot.IDsCache)); err != nil {
				t.Fatalf("no IDs cache after a read with the lock held: %v", err)
			}
			if c.edit != nil {
				c.edit(t, s, pages[0])
				settle()
			}
			kept, taken := read(), read()
			if err := os.Remove(s.Path(snapshot.IDsCache)); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			unlock()
			whole := read()
			if _, err := os.Stat(s.Path(snapshot.IDsCache)); err == nil {
				t.Error("a read without the lock wrote the IDs cache")
			}
			for name, sn := range map[string]*snapshot.Snapshot{"keeping the cache": kept, "from the cache": taken} {
				if got, want := ids(sn.Pages), ids(whole.Pages); !slices.Equal(got, want) {
					t.Errorf("%s, the IDs are\n%s\nwithout it\n%s", name, strings.Join(got, " "), strings.Join(want, " "))
				}
				if sn.Stale != whole.Stale {
					t.Errorf("%s, en.toml is stale: %t; without it: %t", name, sn.Stale, whole.Stale)
				}
			}
		})
	}
}
