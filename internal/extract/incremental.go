package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"runtime"
	"slices"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
)

// Index records what an extract wrote: each page's digest, and each
// catalog's SHA-256 and Bounds. With it, the next extract after an edit
// of a few pages rewrites only their entries in each catalog (see
// Incremental) instead of reading and laying out every catalog: on a site
// of 2,000 pages in 11 languages, 400 MB of them.
type Index struct {
	Program string      `json:"program"`
	Pages   []IndexPage `json:"pages"`
	// Files holds each catalog by path.
	Files map[string]IndexFile `json:"files"`
}

// IndexPage is a page as an extract saw it.
type IndexPage struct {
	File   string `json:"file"`
	Digest string `json:"digest"`
}

// IndexFile is a catalog as an extract wrote it.
type IndexFile struct {
	Sum    string `json:"sum"`
	Bounds []int  `json:"bounds"`
}

// NewIndex returns the Index of outputs, written for pages by program;
// an output's Sum, if set, is taken as the SHA-256 of what was written.
func NewIndex(program string, pages []*content.Page, outputs []Output) *Index {
	idx := &Index{Program: program, Files: map[string]IndexFile{}}
	for _, p := range pages {
		idx.Pages = append(idx.Pages, IndexPage{File: p.File, Digest: p.Digest})
	}
	for _, o := range outputs {
		s := o.Sum
		if s == "" {
			s = sum(o.Data)
		}
		idx.Files[o.Path] = IndexFile{Sum: s, Bounds: o.Bounds}
	}
	return idx
}

// File is a catalog file for Incremental, which reads only what it
// needs of it: the whole once, in small pieces, to check its sum, then
// the entries of the changed pages. (On this project's machines the
// first touch of fresh memory costs more than reading the bytes: a
// catalog is not held.)
type File struct {
	Path string
	Tag  language.Tag
	Src  io.ReaderAt
	Size int64
}

// Incremental returns what Run returns, when the only change since the
// extract that wrote idx is the text of a few pages: the same pages in
// the same order, every catalog as that extract wrote it (the sums in
// idx), and each changed page with the message IDs it had. Only the
// entries of the changed pages are read and laid out again; the rest of
// each catalog is copied as it is. It reports false when that is not the
// case, and Run must do the work. files lists every catalog, English
// first; the blocks of pages have their IDs (see snapshot.Read).
func Incremental(idx *Index, pages []*content.Page, files []File) ([]Output, bool) {
	if idx == nil || len(pages) != len(idx.Pages) || len(files) != len(idx.Files) || len(files) == 0 || files[0].Tag != language.English {
		return nil, false
	}
	changed, ok := changedPages(idx, pages)
	if !ok || len(changed) == 0 || !asWritten(idx, len(pages), files) {
		return nil, false
	}
	source, previous, ok := changedSource(idx, pages, files[0], changed)
	if !ok {
		return nil, false
	}
	// Each catalog with the entries of the changed pages laid out anew,
	// on every core.
	outputs := make([]Output, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for n, f := range files {
		g.Go(func() error {
			var ok bool
			outputs[n], ok = splice(f, n == 0, idx.Files[f.Path], changed, source, previous)
			if !ok {
				return errDeclined
			}
			if !outputs[n].Splice.Changed() {
				outputs[n].Sum = idx.Files[f.Path].Sum
			}
			return nil
		})
	}
	if g.Wait() != nil {
		return nil, false
	}
	return outputs, true
}

// changedPages returns the index of each page whose digest differs from
// the one in idx, and false if pages are not the pages of idx in the same
// order.
func changedPages(idx *Index, pages []*content.Page) ([]int, bool) {
	var changed []int
	for i, p := range pages {
		if p.File != idx.Pages[i].File {
			return nil, false
		}
		if p.Digest != idx.Pages[i].Digest {
			changed = append(changed, i)
		}
	}
	return changed, true
}

// asWritten reports whether every catalog of files is as the extract
// that wrote idx left it, with the bounds of n pages: its SHA-256, read
// on every core, is the one idx records.
func asWritten(idx *Index, n int, files []File) bool {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, f := range files {
		g.Go(func() error {
			rec, ok := idx.Files[f.Path]
			if !ok || len(rec.Bounds) != n+1 || int64(rec.Bounds[n]) > f.Size {
				return errDeclined
			}
			h := sha256.New()
			if _, err := io.CopyBuffer(h, io.NewSectionReader(f.Src, 0, f.Size), make([]byte, 256<<10)); err != nil || hex.EncodeToString(h.Sum(nil)) != rec.Sum {
				return errDeclined
			}
			return nil
		})
	}
	return g.Wait() == nil
}

// changedSource returns the English of each changed page: its messages
// now, in source, and the messages translators translated from, read
// from en (locales/en.toml), in previous by ID. It reports false when a
// changed page's blocks are not the ones it had, by ID and order (blocks
// added, removed or moved): then Run decides.
func changedSource(idx *Index, pages []*content.Page, en File, changed []int) (source [][]*catalog.Message, previous map[string]*catalog.Message, ok bool) {
	source = make([][]*catalog.Message, len(changed))
	previous = map[string]*catalog.Message{}
	for k, i := range changed {
		prev, _, ok := region(en, idx.Files[en.Path].Bounds, i)
		if !ok {
			return nil, nil, false
		}
		var ids []string
		for _, m := range prev {
			ids = append(ids, m.ID)
			previous[m.ID] = m
		}
		p := pages[i]
		var now []string
		for _, b := range p.Blocks {
			now = append(now, b.ID)
		}
		if !slices.Equal(now, ids) {
			return nil, nil, false
		}
		source[k] = pageSource(p)
	}
	return source, previous, true
}

// errDeclined stops the workers of Incremental.
var errDeclined = errors.New("extract: not an edit of pages' text")

// splice returns catalog f (the English one if english) with the entries
// of the changed pages laid out anew from their source, and the rest
// copied: a Splice, written as it is streamed out.
func splice(f File, english bool, rec IndexFile, changed []int, source [][]*catalog.Message, previous map[string]*catalog.Message) (Output, bool) {
	bounds := rec.Bounds
	sp := &Splice{src: f.Src, size: f.Size, sum: rec.Sum, bounds: bounds}
	grew := map[int]int{} // changed page → how much its entries grew
	for k, i := range changed {
		var entries []catalog.Entry
		if english {
			for _, m := range source[k] {
				entries = append(entries, catalog.Entry{Message: m})
			}
			_, old, ok := region(f, bounds, i)
			if !ok {
				return Output{}, false
			}
			sp.old = append(sp.old, old)
		} else {
			msgs, old, ok := region(f, bounds, i)
			if !ok {
				return Output{}, false
			}
			sp.old = append(sp.old, old)
			entries = Merge(source[k], previous, &catalog.File{Path: f.Path, Tag: f.Tag, Messages: msgs})
			if len(entries) != len(source[k]) {
				return Output{}, false // an entry would become obsolete: Run decides
			}
		}
		var b bytes.Buffer
		// Writing to a bytes.Buffer cannot fail.
		_ = catalog.Write(&b, nil, entries)
		sp.cuts = append(sp.cuts, cut{page: i, data: b.Bytes()})
		grew[i] = b.Len() - (bounds[i+1] - bounds[i])
	}
	out := Output{Path: f.Path, Splice: sp}
	// bounds[j] ends page j-1: it moves by the growth of the changed
	// pages up to that one.
	shift := 0
	for j, at := range bounds {
		if j > 0 {
			shift += grew[j-1]
		}
		out.Bounds = append(out.Bounds, at+shift)
	}
	return out, true
}

// A Splice is a catalog as Incremental lays it out: the bytes it had,
// with the entries of some pages replaced. It is streamed from the old
// file to the new one (WriteTo), not held: 400 MB on a large site.
type Splice struct {
	src    io.ReaderAt
	size   int64
	sum    string   // SHA-256 of src as checked
	bounds []int    // of src
	cuts   []cut    // in page order
	old    [][]byte // the entries each cut replaces
}

// cut is the new entries of one page.
type cut struct {
	page int
	data []byte
}

// WriteTo writes the catalog to w. It fails if the old file changed
// since Incremental checked it: it is read again as it is copied.
func (sp *Splice) WriteTo(w io.Writer) (int64, error) {
	var n int64
	h := sha256.New() // of the old file, to see it did not change
	buf := make([]byte, 256<<10)
	copyOld := func(from, to int) error {
		m, err := io.CopyBuffer(io.MultiWriter(w, h), io.NewSectionReader(sp.src, int64(from), int64(to-from)), buf)
		n += m
		return err
	}
	last := 0
	for k, c := range sp.cuts {
		if err := copyOld(last, sp.bounds[c.page]); err != nil {
			return n, err
		}
		m, err := w.Write(c.data)
		n += int64(m)
		if err != nil {
			return n, err
		}
		h.Write(sp.old[k])
		last = sp.bounds[c.page+1]
	}
	if err := copyOld(last, int(sp.size)); err != nil {
		return n, err
	}
	if hex.EncodeToString(h.Sum(nil)) != sp.sum {
		return n, errChanged
	}
	return n, nil
}

// errChanged says a catalog changed while extract ran.
var errChanged = errors.New("the catalog changed while extract ran; run it again")

// Changed reports whether the catalog differs from the bytes it had.
func (sp *Splice) Changed() bool {
	for k, c := range sp.cuts {
		if !bytes.Equal(c.data, sp.old[k]) {
			return true
		}
	}
	return false
}

// region reads and parses the entries of page i in catalog f, and
// returns them with their bytes.
func region(f File, bounds []int, i int) ([]*catalog.Message, []byte, bool) {
	data := make([]byte, bounds[i+1]-bounds[i])
	if _, err := f.Src.ReadAt(data, int64(bounds[i])); err != nil && !(errors.Is(err, io.EOF) && bounds[i+1] == int(f.Size)) {
		return nil, nil, false
	}
	c, err := catalog.Parse(f.Path, f.Tag, bytes.Clone(data))
	if err != nil {
		return nil, nil, false
	}
	return c.Messages, data, true
}

func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
