// Package snapshot reads a site once, for every stage after it: the
// config, every page with every block's message ID given, the English
// messages the pages make, and an index of each locale catalog (see
// catalog.Index, made when first asked for). No stage gives IDs or
// changes pages afterwards.
//
// Two rules live here and nowhere else: which ID a block has (giveIDs,
// with extract.Assign) and whether locales/en.toml is out of date with the
// pages (OutOfDate). Where the last extract's index proves en.toml as it
// wrote it, fromRegions reaches what they give from the page ranges the
// index records, without reading en.toml's messages; where neither
// en.toml nor a page changed since a command gave them, they are taken
// from the IDs cache (see IDsCache).
package snapshot

import (
	"errors"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// Snapshot is a site as read at one moment. Its values must not be
// changed; Close releases the catalogs' files.
type Snapshot struct {
	Site *site.Site
	// Pages are the pages under content/, every block with its ID.
	Pages []*content.Page
	// Stale says that locales/en.toml is out of date with the pages (see
	// OutOfDate).
	Stale bool
	// Files lists every locale catalog but English, by tag.
	Files []site.LocaleFile
	// Warnings are problems that stop nothing: files under content/
	// skipped.
	Warnings diag.List

	// english makes the English messages of the pages once (see English).
	english func() []*catalog.Message

	// The index of each of Files, made when first asked for (Locales):
	// extract reads the catalogs whole and needs none.
	once    sync.Once
	locales []*catalog.Index
	err     error
}

// Read reads the site s: its pages, locales/en.toml and an index of every
// other catalog, on every core. Every problem is reported at once. last,
// if not nil, is the index of the last extract (see extract.Index): where
// it proves locales/en.toml as that extract wrote it, the pages' IDs are
// read from the page ranges it records (see fromRegions) rather than
// worked out from en.toml's messages.
func Read(s *site.Site, last *extract.Index) (*Snapshot, error) {
	sn := &Snapshot{Site: s}
	var list diag.List
	pages, err := s.LoadPages()
	list.Add(err)
	files, err := s.Locales()
	if !errors.Is(err, fs.ErrNotExist) {
		list.Add(err)
	}
	var en *site.LocaleFile
	var previous []extract.Old // locales/en.toml as read, if there is one
	for i, f := range files {
		if f.Tag == site.Source {
			en = &files[i]
		} else {
			sn.Files = append(sn.Files, f)
		}
	}
	given, stale := false, false
	if en != nil && list.Err() == nil {
		stale, given, err = quickIDs(s, *en, last, pages)
		list.Add(err)
	}
	if en != nil && !given {
		previous, err = readEnglish(s, *en, pages)
		list.Add(err)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	if given {
		sn.keep(pages, stale)
		return sn, nil
	}
	taken := func() (map[string]bool, error) {
		locales, err := sn.Locales()
		if err != nil {
			return nil, err
		}
		return takenIDs(locales)
	}
	if err := sn.take(pages, previous, taken, en); err != nil {
		sn.Close()
		return nil, err
	}
	return sn, nil
}

// quickIDs gives pages their IDs, and tells whether en, locales/en.toml,
// is stale with them, where it can without reading en's messages: from
// the regions the extract index last records (see fromRegions), which
// the IDs cache then keeps if en is up to date, else from the IDs cache. given is false, and
// no page changed, where it cannot.
func quickIDs(s *site.Site, en site.LocaleFile, last *extract.Index, pages []*content.Page) (stale, given bool, err error) {
	if last != nil {
		if stale, given, err = fromRegions(s, en, last, pages); given && !stale {
			// The regions prove every block's ID from en.toml's, whose
			// digest is the one the extract index records. A stale
			// en.toml is not kept: l10n extract is about to replace it
			// (and an extract after an edit would pay for the writing).
			keepIDs(s, idsKey(s, last.Files[en.Path].Sum, pages), pages, stale)
		}
		if given || err != nil {
			return stale, given, err
		}
	}
	stale, given = cachedIDs(s, idsKey(s, provenSum(s, en), pages), pages)
	return stale, given, nil
}

// readEnglish returns the messages of the English catalog en as giveIDs
// and OutOfDate read them. It is indexed as the locale catalogs are (and
// its index kept), and read a piece at a time: what is held is the ID,
// hash and English of each message, not the file and its descriptions.
// An English that a block of pages (or the chrome) has is that block's
// string, not a copy: after an extract, every one.
func readEnglish(s *site.Site, en site.LocaleFile, pages []*content.Page) ([]extract.Old, error) {
	xs, err := index(s, []site.LocaleFile{en})
	if err != nil {
		return nil, err
	}
	x := xs[0]
	defer x.Close()
	texts := map[string]string{}
	for _, c := range content.Chrome {
		texts[c.Text] = c.Text
	}
	for _, p := range pages {
		for _, b := range p.Blocks {
			texts[b.Text] = b.Text
		}
	}
	out := make([]extract.Old, 0, x.Len())
	err = x.Each(func(m *catalog.Message) error {
		text, ok := texts[m.Other()]
		if !ok {
			text = strings.Clone(m.Other())
		}
		out = append(out, extract.Old{ID: strings.Clone(m.ID), Hash: strings.Clone(m.Hash), Text: text})
		return nil
	})
	return out, err
}

// English returns the English messages of the pages and the chrome, what
// locales/en.toml should hold (see extract.Source), made on the first
// call: an extract that only splices catalogs never needs them.
func (sn *Snapshot) English() []*catalog.Message { return sn.english() }

// take gives pages their IDs against previous (locales/en.toml as read)
// and the IDs taken returns, and makes them the snapshot's, with their
// English (made when asked for) and whether previous is out of date with
// it. previous is not kept: the stages after need it no more, and it is
// tens of megabytes on a large site (l10n extract, which lays en.toml out
// anew, reads it as it reads every catalog). IDs that en.toml (en, nil
// for none to keep) gave every block are kept in the IDs cache, if its
// digest is proven.
func (sn *Snapshot) take(pages []*content.Page, previous []extract.Old, taken func() (map[string]bool, error), en *site.LocaleFile) error {
	complete, err := giveIDs(pages, previous, taken)
	if err != nil {
		return err
	}
	stale := OutOfDate(previous, pages)
	if complete && en != nil {
		// Read, en.toml's index is kept with its digest: proven now.
		keepIDs(sn.Site, idsKey(sn.Site, provenSum(sn.Site, *en), pages), pages, stale)
	}
	sn.keep(pages, stale)
	return nil
}

// keep makes pages, with their IDs, the snapshot's, with their English
// (made when asked for) and whether locales/en.toml is stale with them.
func (sn *Snapshot) keep(pages []*content.Page, stale bool) {
	sn.Pages = pages
	sn.english = sync.OnceValue(func() []*catalog.Message { return extract.Source(pages) })
	sn.Stale = stale
	if skipped, err := sn.Site.Warnings(); err == nil {
		sn.Warnings = skipped
	}
}

// OutOfDate reports whether the English catalog as read (previous) differs
// from the English the pages make now (see catalog.SameEnglish): then
// l10n extract has not run since the pages changed, and translators do
// not see today's English.
func OutOfDate(previous []extract.Old, pages []*content.Page) bool {
	return !extract.SameSource(previous, pages)
}

// Locales returns the index of every locale catalog but English, in the
// order of Files (see catalog.Index), made on the first call, on every
// core; every problem of every catalog is reported at once.
func (sn *Snapshot) Locales() ([]*catalog.Index, error) {
	sn.once.Do(func() { sn.locales, sn.err = index(sn.Site, sn.Files) })
	return sn.locales, sn.err
}

// New is Read for a caller that has read the pages and every catalog
// (English included, if there is one) already, as l10n check does: it
// gives the pages their IDs and tells whether locales/en.toml is out of
// date. Its Locales are indexed from the files when asked for.
func New(s *site.Site, pages []*content.Page, cats []*catalog.File) (*Snapshot, error) {
	sn := &Snapshot{Site: s}
	var previous []extract.Old
	for _, f := range cats {
		if f.Tag == site.Source {
			previous = extract.OldOf(f.Messages)
		} else {
			sn.Files = append(sn.Files, site.LocaleFile{Tag: f.Tag, Path: f.Path})
		}
	}
	taken := func() (map[string]bool, error) {
		out := map[string]bool{}
		for _, f := range cats {
			if f.Tag == site.Source {
				continue
			}
			for _, m := range f.Messages {
				if m.Translated() {
					out[m.ID] = true
				}
			}
		}
		return out, nil
	}
	if err := sn.take(pages, previous, taken, nil); err != nil {
		return nil, err
	}
	return sn, nil
}

// takenIDs returns the IDs of the messages of the catalogs of locales
// with a form that is not empty.
func takenIDs(locales []*catalog.Index) (map[string]bool, error) {
	out := map[string]bool{}
	for _, x := range locales {
		ids, err := x.Taken()
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			out[id] = true
		}
	}
	return out, nil
}

// giveIDs gives every block of pages its message ID: the one
// locales/en.toml (previous) has for it, and for a block it lacks, a new
// ID that no catalog holds a translation of (taken returns the IDs the
// locale catalogs translate, needed only then). An empty entry holds
// nothing a new block could inherit, so its ID is free: an extract
// killed after writing the locale catalogs and before the English one
// leaves each new block's empty entry in them, and its rerun must give
// the block the same ID again (see issue 18). giveIDs and fromRegions,
// which proves where Assign gives what a page had, are the only callers
// of extract.Assign: no other stage gives IDs. It reports whether
// previous gave every block its ID (then taken was not called, and the
// IDs depend on previous and the pages alone).
func giveIDs(pages []*content.Page, previous []extract.Old, taken func() (map[string]bool, error)) (bool, error) {
	natural := naturalIDs(pages)
	known := make(map[string]bool, len(previous))
	for _, m := range previous {
		known[m.ID] = true
	}
	if err := extract.Assign(pages, previous, known); err != nil {
		return false, err
	}
	if complete(pages, known) {
		return true, nil
	}
	// A new block's ID must differ from every ID of every catalog.
	restoreIDs(pages, natural)
	translated, err := taken()
	if err != nil {
		return false, err
	}
	for id := range translated {
		known[id] = true
	}
	return false, extract.Assign(pages, previous, known)
}

// complete reports whether every block of pages has an ID in taken.
func complete(pages []*content.Page, taken map[string]bool) bool {
	for _, p := range pages {
		for _, b := range p.Blocks {
			if !taken[b.ID] {
				return false
			}
		}
	}
	return true
}

// naturalIDs returns the IDs the blocks of pages were parsed with, for
// restoreIDs.
func naturalIDs(pages []*content.Page) [][]string {
	out := make([][]string, len(pages))
	for i, p := range pages {
		out[i] = make([]string, len(p.Blocks))
		for j, b := range p.Blocks {
			out[i][j] = b.ID
		}
	}
	return out
}

// restoreIDs gives the blocks of pages back the IDs naturalIDs returned.
func restoreIDs(pages []*content.Page, ids [][]string) {
	for i, p := range pages {
		for j, b := range p.Blocks {
			b.ID = ids[i][j]
		}
	}
}

// Tags returns the locales of the snapshot: English first, then each
// catalog's tag in the order of its file name.
func (sn *Snapshot) Tags() []language.Tag {
	tags := []language.Tag{site.Source}
	for _, f := range sn.Files {
		tags = append(tags, f.Tag)
	}
	return tags
}

// Catalogs reads every locale catalog in full, in the order of Locales:
// for the stages that need all of a locale's messages at once (status,
// export, the preview server).
func (sn *Snapshot) Catalogs() ([]*catalog.File, error) {
	locales, err := sn.Locales()
	if err != nil {
		return nil, err
	}
	out := make([]*catalog.File, len(locales))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, x := range locales {
		g.Go(func() error {
			var err error
			out[i], err = x.ReadAll()
			return err
		})
	}
	return out, g.Wait()
}

// Close releases the files of the catalogs' indexes.
func (sn *Snapshot) Close() error {
	var err error
	sn.once.Do(func() {}) // no index is made after Close
	for _, x := range sn.locales {
		if e := x.Close(); err == nil {
			err = e
		}
	}
	return err
}
