package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// splice returns catalog c (the English one if english), as the extract
// of rec wrote it, with the entries of the changed pages laid out anew
// from their source, and the rest copied: a Splice, written as it is
// streamed out. It reports false when that is not the catalog a lay-out
// of the whole gives: an entry would become obsolete.
func (ch *changes) splice(c Catalog, english bool, rec IndexFile) (Output, bool) {
	bounds := rec.Bounds
	sp := &Splice{src: c.Src, size: c.Size, sum: rec.Sum, bounds: bounds}
	grew := map[int]int{} // changed page → how much its entries grew
	for k, i := range ch.pages {
		msgs, old, ok := Region(c, bounds, i)
		if !ok {
			return Output{}, false
		}
		sp.old = append(sp.old, old)
		var entries []catalog.Entry
		if english {
			for _, m := range ch.source[k] {
				entries = append(entries, catalog.Entry{Message: m})
			}
		} else {
			entries = Merge(ch.source[k], ch.previous, &catalog.File{Path: c.Path, Tag: c.Tag, Messages: msgs})
			if len(entries) != len(ch.source[k]) {
				return Output{}, false
			}
		}
		var b bytes.Buffer
		// Writing to a bytes.Buffer cannot fail.
		_ = catalog.Write(&b, nil, entries)
		sp.cuts = append(sp.cuts, cut{page: i, data: b.Bytes()})
		grew[i] = b.Len() - (bounds[i+1] - bounds[i])
	}
	out := Output{Path: c.Path, Splice: sp}
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

// A Splice is a catalog as Run splices it: the bytes it had, with the
// entries of some pages replaced. It is streamed from the old file to
// the new one (WriteTo), not held: 400 MB on a large site.
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
// since Run checked it: it is read again as it is copied.
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

// Region reads and parses the entries of page i in catalog c, whose
// pages' byte ranges an Index records as bounds, and returns them with
// their bytes.
func Region(c Catalog, bounds []int, i int) ([]*catalog.Message, []byte, bool) {
	data := make([]byte, bounds[i+1]-bounds[i])
	if _, err := c.Src.ReadAt(data, int64(bounds[i])); err != nil && !(errors.Is(err, io.EOF) && bounds[i+1] == int(c.Size)) {
		return nil, nil, false
	}
	f, err := catalog.Parse(c.Path, c.Tag, bytes.Clone(data))
	if err != nil {
		return nil, nil, false
	}
	return f.Messages, data, true
}
