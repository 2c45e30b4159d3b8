package extract

import (
	"bytes"
	"io"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// Input is what [Run] brings the catalogs up to date from.
type Input struct {
	// Pages are the English pages, every block with its ID (see
	// snapshot.Read).
	Pages []*content.Page
	// English returns the English messages of Pages (see Source), made
	// when first asked for; nil: Run makes them.
	English func() []*catalog.Message
	// Index, if not nil, records what the last extract wrote: the
	// catalogs it proves unchanged since are spliced.
	Index *Index
	// Catalogs lists every catalog in locales/, the English one first if
	// there is one.
	Catalogs []Catalog
}

// Catalog is a catalog file, which [Run] reads whole, or only in part
// where it can splice it. (On this project's machines the first touch of
// fresh memory costs more than reading the bytes: a spliced catalog is
// not held.)
type Catalog struct {
	Path string // relative to the site root
	Tag  language.Tag
	// Read returns the bytes of the whole file.
	Read func() ([]byte, error)
	// Src, if not nil, reads the file's Size bytes by range, to splice
	// it: the whole once, in small pieces, to check its sum, then the
	// entries of the changed pages. The Splice of an Output reads it
	// again as it is written.
	Src  io.ReaderAt
	Size int64
}

// Run returns the English catalog (locales/en.toml) and every locale
// catalog of in.Catalogs, in their order, brought up to date with
// in.Pages. It is the one way catalogs are laid out.
//
// Each catalog is done on its own core, into its own slot, so the result
// does not depend on scheduling. A catalog that in.Index proves to be
// as the last extract wrote it, when only the text of some pages changed
// since (each with the block IDs it had), is spliced: its Output holds a
// [Splice] that copies it with the entries of those pages laid out again.
// Any other catalog is read whole and laid out with [Merge]. So a
// translator's edit of one catalog has that one laid out whole, and the
// others spliced; both give the same bytes. A catalog whose bytes would
// not change comes back Unchanged, without Data or Splice: only the
// others are held until the end, since nothing may be written before
// every catalog is known to be good.
//
// Every problem of every catalog (one that cannot be read, an obsolete
// entry that no file could hold beside a current one) is reported at
// once, as a diag.List, and then no Output is returned. With opts.Prune,
// nothing is spliced.
func Run(in Input, opts Options) ([]Output, error) {
	var en *Catalog
	locales := in.Catalogs
	if len(locales) > 0 && locales[0].Tag == language.English {
		en, locales = &locales[0], locales[1:]
	}
	r := newRun(in, en, opts.Prune)
	outs := make([]Output, 1+len(locales))
	problems := make([]diag.List, len(outs))
	laidOut := opts.progress(len(locales))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	g.Go(func() error {
		outs[0], problems[0] = r.english(en)
		return nil
	})
	for i, c := range locales {
		g.Go(func() error {
			outs[1+i], problems[1+i] = r.locale(c)
			laidOut()
			return nil
		})
	}
	_ = g.Wait() // the goroutines return no error
	var list diag.List
	for _, p := range problems {
		list = append(list, p...)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return outs, nil
}

// run is what the catalogs of one Run share, each part made when first
// needed: a Run that splices every catalog never lays out the whole
// English.
type run struct {
	in      Input
	prune   bool
	indexed bool                  // in.Index is of the same pages, in the same order
	plan    func() (*plan, error) // for a catalog laid out whole
	changes func() *changes       // nil when nothing can be spliced
}

func newRun(in Input, en *Catalog, prune bool) *run {
	r := &run{in: in, prune: prune}
	english := in.English
	if english == nil {
		english = func() []*catalog.Message { return Source(in.Pages) }
	}
	r.plan = sync.OnceValues(func() (*plan, error) { return newPlan(in.Pages, english(), en) })
	var changed []int
	if !prune && in.Index != nil && en != nil {
		changed, r.indexed = ChangedPages(in.Index, in.Pages)
	}
	r.changes = sync.OnceValue(func() *changes {
		return newChanges(in.Index, in.Pages, *en, changed)
	})
	return r
}

// english returns locales/en.toml brought up to date; en is the file as
// it is, nil if there is none.
func (r *run) english(en *Catalog) (Output, diag.List) {
	if en != nil {
		if out, ok := r.splice(*en, true); ok {
			return out, nil
		}
	}
	pl, err := r.plan()
	if err != nil {
		return Output{}, problem(err)
	}
	out := pl.english
	if en != nil {
		settle(&out, pl.enSrc)
	}
	return out, nil
}

// locale returns locale catalog c brought up to date, and the problems
// that keep it from being written.
func (r *run) locale(c Catalog) (Output, diag.List) {
	if out, ok := r.splice(c, false); ok {
		return out, nil
	}
	src, err := c.Read()
	var f *catalog.File
	if err == nil {
		f, err = catalog.Parse(c.Path, c.Tag, src)
	}
	var pl *plan
	if err == nil {
		pl, err = r.plan()
	}
	if err != nil {
		return Output{}, problem(err)
	}
	out, clashes := pl.locale(f, r.prune)
	settle(&out, src)
	return out, clashes
}

// splice returns catalog c (the English one if english) spliced, and
// false when the Index does not prove that a splice gives the bytes a
// lay-out of the whole gives.
func (r *run) splice(c Catalog, english bool) (Output, bool) {
	if !r.indexed || c.Src == nil {
		return Output{}, false
	}
	rec, ok := r.in.Index.Files[c.Path]
	// The English catalog's sum is checked by newChanges, which reads it.
	if !ok || !english && !asWritten(c, rec, len(r.in.Pages)) {
		return Output{}, false
	}
	ch := r.changes()
	if ch == nil {
		return Output{}, false
	}
	out, ok := ch.splice(c, english, rec)
	if ok && !out.Splice.Changed() {
		out = Output{Path: c.Path, Bounds: out.Bounds, Sum: rec.Sum, Unchanged: true}
	}
	return out, ok
}

// settle marks o Unchanged, and drops its Data, if it is what src holds.
func settle(o *Output, src []byte) {
	if bytes.Equal(o.Data, src) {
		o.Sum = sum(src)
		o.Data, o.Unchanged = nil, true
	}
}

func problem(err error) diag.List {
	var list diag.List
	list.Add(err)
	return list
}
