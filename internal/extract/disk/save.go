package disk

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/crashpoint"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// IndexPath is where l10n extract keeps the [extract.Index] of what it
// last wrote, relative to the site root.
const IndexPath = site.CacheDir + "/extract.index"

// Save writes to site s the outputs that changed, atomically, and
// reports which it wrote; it sets the Sum of each it writes to the
// SHA-256 of the catalog. It first removes the index at IndexPath: until
// the catalogs are written, no index may say what they hold ([SaveIndex]
// writes it once they are).
//
// The catalogs are written on every core (each waits on its fsync), and
// locales/en.toml last, once every locale catalog is written: it is the
// English that a rerun after a crash compares the locale catalogs with,
// and the only record of the English a stale translation was made from
// ("# was:"). Written first, a crash would leave a rerun without the old
// English.
func Save(s *site.Site, outputs []extract.Output) ([]bool, error) {
	changed := make([]bool, len(outputs))
	if err := os.Remove(s.Path(IndexPath)); err == nil {
		crashpoint.Done("remove", s.Path(IndexPath))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return changed, err
	}
	source := -1
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range outputs {
		if outputs[i].Path == site.SourceCatalog {
			source = i
			continue
		}
		g.Go(func() error {
			var err error
			changed[i], err = saveOutput(s, &outputs[i])
			return err
		})
	}
	if err := g.Wait(); err != nil || source < 0 {
		return changed, err
	}
	var err error
	changed[source], err = saveOutput(s, &outputs[source])
	return changed, err
}

// saveOutput writes o's catalog if it changed, and reports whether it
// did. It sets o.Sum to the SHA-256 of the catalog.
func saveOutput(s *site.Site, o *extract.Output) (bool, error) {
	if o.Unchanged {
		return false, nil // and Run knew its sum
	}
	if o.Splice == nil {
		sum := sha256.Sum256(o.Data)
		o.Sum = hex.EncodeToString(sum[:])
		return atomicfile.SaveIfChanged(s.Path(o.Path), o.Data, 0o644)
	}
	// Streamed from the old bytes and the new entries, hashed on the way.
	h := sha256.New()
	err := atomicfile.SaveFunc(s.Path(o.Path), 0o644, func(w io.Writer) error {
		_, err := o.Splice.WriteTo(io.MultiWriter(w, h))
		return err
	})
	o.Sum = hex.EncodeToString(h.Sum(nil))
	return err == nil, err
}

// SaveIndex saves at IndexPath in site s the index of outputs, which
// [Save] wrote for pages, by program: the next [Site] of the same
// program, reading the pages with the same content options, reads it.
func SaveIndex(s *site.Site, program string, pages []*content.Page, outputs []extract.Output) error {
	index, err := json.Marshal(extract.NewIndex(indexKey(s, program), pages, outputs))
	if err != nil {
		return err
	}
	return atomicfile.Save(s.Path(IndexPath), index, 0o644)
}
