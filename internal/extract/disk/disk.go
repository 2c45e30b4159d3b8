// Package disk runs the extract stage on a site on disk: it reads the
// site once (snapshot.Read), lays out its catalogs with [extract.Run]
// (splicing each catalog the extract Index proves as the last extract
// wrote it, laying out the others whole) and saves them atomically,
// locales/en.toml last, with the extract Index for the next run.
//
// Package extract stays pure, from values to values; this package is its
// edge, where files are read and written.
package disk

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// Result is the catalogs [Site] lays out, to [Save].
type Result struct {
	// Pages are the pages of the site, every block with its ID.
	Pages   []*content.Page
	Outputs []extract.Output
	// files are the catalogs the Splices of Outputs read from.
	files []*os.File
}

// Close closes the catalogs the Outputs read from, once they are saved.
func (r *Result) Close() {
	for _, f := range r.files {
		f.Close()
	}
	r.files = nil
}

// Site reads site s and returns the catalogs l10n extract writes, with
// opts (l10n prune sets opts.Prune); the caller holds the site lock
// (which removed the leftovers of interrupted writes). The catalogs that
// the [extract.Index] of the last extract of program (at [IndexPath])
// proves as that extract wrote them are spliced: their Outputs read the
// old catalogs as they are saved, so close the Result once they are.
func Site(s *site.Site, program string, opts extract.Options) (*Result, error) {
	last := ReadIndex(s, program)
	sn, err := snapshot.Read(s, last)
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	in := extract.Input{Pages: sn.Pages, English: sn.English}
	if !opts.Prune {
		in.Index = last
	}
	res := &Result{Pages: sn.Pages}
	in.Catalogs, res.files, err = catalogs(s, in.Index != nil)
	if err == nil {
		res.Outputs, err = extract.Run(in, opts)
	}
	if err != nil {
		res.Close()
		return nil, err
	}
	return res, nil
}

// ReadIndex returns the index at IndexPath in s, if program wrote it
// under the content options s reads its pages with now, or nil: for
// snapshot.Read, and for the extract's splices.
func ReadIndex(s *site.Site, program string) *extract.Index {
	var idx extract.Index
	data, err := os.ReadFile(s.Path(IndexPath))
	if err != nil || json.Unmarshal(data, &idx) != nil || idx.Program != indexKey(s, program) {
		return nil
	}
	return &idx
}

// indexKey is what the extract Index of program is kept under in site s:
// the program, and the content options (site.Site.ContentOptions), which
// shape the blocks of pages whose bytes did not change. A change of which
// front matter keys are translated, under the same page digests, must lay
// the catalogs out again, not splice them.
func indexKey(s *site.Site, program string) string {
	sum := sha256.Sum256(s.PagesKey(program))
	return hex.EncodeToString(sum[:])
}

// catalogs returns every catalog in locales/ of s, English first, read
// whole as s.ReadCatalog reads it; with open, each is also opened to be
// spliced (one that cannot be is read whole, or reported). A site
// without locales/ has none.
func catalogs(s *site.Site, open bool) ([]extract.Catalog, []*os.File, error) {
	locales, err := s.Locales()
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	cats := make([]extract.Catalog, len(locales))
	var files []*os.File
	for i, l := range locales {
		cats[i] = extract.Catalog{Path: l.Path, Tag: l.Tag, Read: func() ([]byte, error) { return s.ReadFile(l.Path) }}
		if !open {
			continue
		}
		f, err := os.Open(s.Path(l.Path))
		if err != nil {
			continue
		}
		files = append(files, f)
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			cats[i].Src, cats[i].Size = f, fi.Size()
		}
	}
	return cats, files, nil
}
