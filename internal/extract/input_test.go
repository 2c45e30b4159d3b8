package extract_test

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// siteInput returns what Run takes for s, as package disk gives it: the
// pages with their IDs given and locales/en.toml as read (see
// snapshot.Read), idx, and every catalog, held in memory. The catalogs
// returns their bytes and which of them Run read whole.
func siteInput(t testing.TB, s *site.Site, idx *extract.Index) (extract.Input, *catalogs) {
	t.Helper()
	sn, err := snapshot.Read(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	locales, err := s.Locales()
	if err != nil {
		t.Fatal(err)
	}
	in := extract.Input{Pages: sn.Pages, English: sn.English, Index: idx}
	cs := &catalogs{data: map[string][]byte{}}
	for _, l := range locales {
		data := mustRead(t, s, l.Path)
		cs.data[l.Path] = data
		in.Catalogs = append(in.Catalogs, extract.Catalog{Path: l.Path, Tag: l.Tag, Src: bytes.NewReader(data), Size: int64(len(data)),
			Read: func() ([]byte, error) {
				cs.mu.Lock()
				defer cs.mu.Unlock()
				cs.whole = append(cs.whole, l.Path)
				return bytes.Clone(data), nil
			}})
	}
	return in, cs
}

// catalogs are the catalogs of a siteInput.
type catalogs struct {
	data  map[string][]byte // by path
	mu    sync.Mutex
	whole []string // the paths Run read whole
}

// readWhole returns the paths of the catalogs Run read whole, sorted.
func (cs *catalogs) readWhole() []string {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return slices.Sorted(slices.Values(cs.whole))
}
