package snapshot

import (
	"encoding/hex"
	"io"
	"os"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// fromRegions gives pages their IDs from the regions of locales/en.toml
// (en) that last, the index of the last extract, records, when it proves
// en.toml as that extract wrote it, for the same pages in the same order.
// It reports whether en.toml is out of date, and false when it cannot
// tell, having changed no page: giveIDs then does the whole work.
//
// What it gives is what giveIDs gives (TestRegionsGiveWhatAssignGives),
// without reading en.toml's messages, most of what a command made of it:
//
//   - a page whose bytes did not change has the IDs it had, those of its
//     region in order: Assign pairs each of its blocks with the old
//     message of the same English, in the same place;
//   - a changed page keeps its region's IDs when Assign, against its
//     region alone, pairs every block with one of them in turn (its text
//     was edited; no block was added, removed or moved). A block paired
//     has its old message's ID whatever else the catalogs hold, so
//     Assign against the whole catalog gives the same.
//
// Both rest on each message of a region being its page's as Assign
// groups them (by the longest page prefix of its ID), and no other.
func fromRegions(s *site.Site, en site.LocaleFile, last *extract.Index, pages []*content.Page) (stale, ok bool, err error) {
	rec, found := last.Files[en.Path]
	changed, same := extract.ChangedPages(last, pages)
	if !found || !same || len(rec.Bounds) != len(pages)+1 {
		return false, false, nil
	}
	f, err := os.Open(s.Path(en.Path))
	if err != nil {
		return false, false, err
	}
	defer f.Close()
	r, ok, err := readRegions(f, rec, pages)
	if err != nil || !ok || !r.owned(pages) {
		return false, false, err
	}
	isChanged := make(map[int]bool, len(changed))
	for _, i := range changed {
		isChanged[i] = true
	}
	for i, p := range pages {
		if !isChanged[i] && !fixed(p, r.ids[i]) {
			return false, false, nil
		}
	}
	// The changed pages, against their regions; given back their IDs if
	// one does not keep its region's.
	fi, err := f.Stat()
	if err != nil {
		return false, false, err
	}
	src := extract.Catalog{Path: en.Path, Tag: site.Source, Src: f, Size: fi.Size()}
	natural := naturalIDs(pages)
	for _, i := range changed {
		keeps, out := r.keeps(src, pages[i], i)
		if !keeps {
			restoreIDs(pages, natural)
			return false, false, nil
		}
		stale = stale || out
	}
	for i, p := range pages {
		for k, b := range p.Blocks {
			b.ID = r.ids[i][k]
		}
	}
	return stale, true, nil
}

// regions are the IDs of en.toml's messages, by page as an extract index
// records their byte ranges (Bounds), and those outside every page's (the
// chrome's).
type regions struct {
	bounds  []int
	ids     [][]string
	outside []string
}

// readRegions reads the headers of en.toml from f, each into the region
// of rec.Bounds it is in, and reports whether the file's SHA-256 is the
// one rec records. An ID that is a block's too is that block's string,
// not a copy.
func readRegions(f io.Reader, rec extract.IndexFile, pages []*content.Page) (*regions, bool, error) {
	r := &regions{bounds: rec.Bounds, ids: make([][]string, len(pages))}
	at := -1 // the region of the last header; -1: before the first
	sum, ok, err := catalog.EachHeader(f, func(off int64, id string) {
		for at+1 < len(r.bounds) && off >= int64(r.bounds[at+1]) {
			at++
		}
		if at < 0 || at >= len(pages) {
			r.outside = append(r.outside, strings.Clone(id))
			return
		}
		k := len(r.ids[at])
		if blocks := pages[at].Blocks; k < len(blocks) && blocks[k].ID == id {
			r.ids[at] = append(r.ids[at], blocks[k].ID)
		} else {
			r.ids[at] = append(r.ids[at], strings.Clone(id))
		}
	})
	if err != nil || !ok {
		return nil, false, err
	}
	return r, hex.EncodeToString(sum[:]) == rec.Sum, nil
}

// owned reports whether each message of each region is its page's, and
// none outside is any page's, as Assign groups messages by page.
func (r *regions) owned(pages []*content.Page) bool {
	prefixes := make(map[string]int, len(pages))
	for i, p := range pages {
		prefixes[content.Prefix(p.Slug)+"."] = i
	}
	for i, ids := range r.ids {
		for _, id := range ids {
			if ownerOf(id, prefixes) != i {
				return false
			}
		}
	}
	for _, id := range r.outside {
		if ownerOf(id, prefixes) >= 0 {
			return false
		}
	}
	return true
}

// ownerOf returns the index of the page whose prefix (with its dot) is
// the longest that ID id starts with, or -1.
func ownerOf(id string, prefixes map[string]int) int {
	owner := -1
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			if p, ok := prefixes[id[:i+1]]; ok {
				owner = p
			}
		}
	}
	return owner
}

// fixed reports whether the unchanged page p has as many blocks as its
// region ids, each front matter block with the ID it had: names that
// Assign does not give, which it made the same way.
func fixed(p *content.Page, ids []string) bool {
	if len(ids) != len(p.Blocks) {
		return false
	}
	for k, b := range p.Blocks {
		switch b.Kind {
		case content.Title, content.Description, content.Breadcrumb, content.Field:
			if b.ID != ids[k] {
				return false
			}
		}
	}
	return true
}

// keeps reports whether changed page p, the i-th, keeps the IDs of its
// region of en.toml when Assign gives them against that region, and
// whether p's English differs from its region's (en.toml is out of
// date). It gives p's blocks those IDs on the way.
func (r *regions) keeps(en extract.Catalog, p *content.Page, i int) (keeps, out bool) {
	msgs, _, ok := extract.Region(en, r.bounds, i)
	if !ok {
		return false, false
	}
	previous := extract.OldOf(msgs)
	known := make(map[string]bool, len(previous))
	for _, m := range previous {
		known[m.ID] = true
	}
	if extract.Assign([]*content.Page{p}, previous, known) != nil {
		return false, false
	}
	for k, b := range p.Blocks {
		if k >= len(r.ids[i]) || b.ID != r.ids[i][k] {
			return false, false
		}
	}
	return len(p.Blocks) == len(r.ids[i]), !extract.SamePages(previous, []*content.Page{p})
}
