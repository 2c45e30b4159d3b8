// Package disk runs the extract stage on a site on disk: it reads the
// site once (snapshot.Read), lays out its catalogs with package extract,
// the cheapest way that gives the same bytes (Incremental, Stream or
// Run), and saves them atomically, locales/en.toml last, with the
// extract Index that lets the next run be incremental.
//
// Package extract stays pure, from values to values; this package is its
// edge, where files are read and written.
package disk

import (
	"encoding/json"
	"errors"
	"os"

	"github.com/hsi-l10n/l10n/internal/catalog"
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
	files []extract.File
}

// Close closes the catalogs the Outputs read from, once they are saved.
func (r *Result) Close() {
	closeFiles(r.files)
}

// Site reads site s and returns the catalogs l10n extract writes. When
// the only change since the last extract of program is the text of some
// pages (its [extract.Index], at [IndexPath], says), it lays out only
// their entries ([extract.Incremental]) and the Outputs read the old
// catalogs as they are saved: close the Result once they are. Otherwise
// every catalog is laid out, as by [All], progress (if not nil) being
// told of the catalogs laid out.
func Site(s *site.Site, program string, progress func(done, total int)) (*Result, error) {
	sn, err := snapshot.Read(s)
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	var idx extract.Index
	data, err := os.ReadFile(s.Path(IndexPath))
	if err == nil && json.Unmarshal(data, &idx) == nil && idx.Program == program {
		files, err := openFiles(s)
		if err == nil {
			if outputs, ok := extract.Incremental(&idx, sn.Pages, files); ok {
				return &Result{Pages: sn.Pages, Outputs: outputs, files: files}, nil
			}
		}
		closeFiles(files)
	}
	outputs, err := layOut(s, sn.Pages, extract.Options{Progress: progress})
	if err != nil {
		return nil, err
	}
	return &Result{Pages: sn.Pages, Outputs: outputs}, nil
}

// All reads site s and returns the catalogs extract writes, with opts,
// every catalog laid out; the caller holds the site lock (which removed
// the leftovers of interrupted writes).
func All(s *site.Site, opts extract.Options) ([]extract.Output, error) {
	sn, err := snapshot.Read(s)
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	return layOut(s, sn.Pages, opts)
}

// layOut returns the catalogs extract writes in site s for pages, whose
// blocks have their IDs, laying out every catalog: read one at a time
// where it can ([extract.Stream]), all at once otherwise ([extract.Run]),
// as with opts.Prune or a catalog that cannot be read, so that every
// problem is reported at once.
func layOut(s *site.Site, pages []*content.Page, opts extract.Options) ([]extract.Output, error) {
	if !opts.Prune {
		outputs, err := stream(s, pages, opts)
		if !errors.Is(err, extract.ErrNotStreamed) {
			return outputs, err
		}
	}
	cats, err := s.LoadCatalogs()
	if err != nil {
		return nil, err
	}
	return extract.Run(pages, cats, opts)
}

// stream is extract.Stream on the catalogs of s, read one at a time; it
// returns extract.ErrNotStreamed where layOut must read them all.
func stream(s *site.Site, pages []*content.Page, opts extract.Options) ([]extract.Output, error) {
	files, err := s.Locales()
	if err != nil {
		return nil, extract.ErrNotStreamed
	}
	return extract.Stream(pages, len(files), func(i int) (*catalog.File, []byte, error) {
		return s.ReadCatalog(files[i])
	}, opts)
}

// openFiles opens every catalog in locales/ of s, English first, for
// extract.Incremental to read; closeFiles closes them.
func openFiles(s *site.Site) ([]extract.File, error) {
	locales, err := s.Locales()
	if err != nil {
		return nil, err
	}
	var files []extract.File
	for _, l := range locales {
		f, err := os.Open(s.Path(l.Path))
		if err != nil {
			closeFiles(files)
			return nil, err
		}
		fi, err := f.Stat()
		files = append(files, extract.File{Path: l.Path, Tag: l.Tag, Src: f})
		if err != nil {
			closeFiles(files)
			return nil, err
		}
		files[len(files)-1].Size = fi.Size()
	}
	return files, nil
}

func closeFiles(files []extract.File) {
	for _, f := range files {
		f.Src.(*os.File).Close()
	}
}
