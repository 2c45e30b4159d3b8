package extract

import (
	"bytes"
	"fmt"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// plan is what laying out each catalog whole shares: the English
// messages and how many of them are the chrome's and each page's.
type plan struct {
	source  []*catalog.Message
	prev    map[string]*catalog.Message // the previous English, by ID
	enSrc   []byte                      // locales/en.toml as read
	ids     *catalog.IDs
	counts  []int  // the number of messages of the chrome, then of each page
	english Output // locales/en.toml
}

// newPlan lays out the English catalog of pages, whose blocks have their
// IDs and whose messages are source (see Source). It reads en, the
// English catalog as it is (nil if there is none), whole: the English the
// translations were made from, which the comment of a stale entry shows
// ("was: …").
func newPlan(pages []*content.Page, source []*catalog.Message, en *Catalog) (*plan, error) {
	pl := &plan{source: source, prev: map[string]*catalog.Message{}, counts: []int{len(content.Chrome)}}
	if en != nil {
		src, err := en.Read()
		var f *catalog.File
		if err == nil {
			f, err = catalog.Parse(en.Path, en.Tag, src)
		}
		if err != nil {
			return nil, err
		}
		pl.enSrc = src
		for _, m := range f.Messages {
			pl.prev[m.ID] = m
		}
	}
	pl.ids = catalog.NewIDs(pl.source)
	for _, p := range pages {
		pl.counts = append(pl.counts, len(p.Blocks))
	}
	var b bytes.Buffer
	entries := make([]catalog.Entry, len(pl.source))
	for i, m := range pl.source {
		entries[i] = catalog.Entry{Message: m}
	}
	pl.english = Output{Path: "locales/en.toml", Bounds: layout(&b, sourceHeader, entries, pl.counts)}
	pl.english.Data = b.Bytes()
	return pl, nil
}

// locale returns locale catalog f brought up to date, and the errors that
// keep it from being written.
func (pl *plan) locale(f *catalog.File, prune bool) (Output, diag.List) {
	entries, obsolete := Merge(pl.source, pl.prev, f), []*catalog.Message(nil)
	if prune {
		entries, obsolete = entries[:len(pl.source)], messages(entries[len(pl.source):])
	}
	// An obsolete message that would be a table inside a current one, or
	// hold one, gives a file no one can read back (most often a misspelt
	// key: [x] othr = "…" is message x.othr).
	var clashes diag.List
	for _, e := range entries[len(pl.source):] {
		if other, key := pl.ids.Clash(e.Message.ID); other != "" {
			clashes.Add(catalog.ClashError(e.Message, other, key))
		}
	}
	// A locale catalog is about the size of the English one plus its
	// translations: one allocation, not a doubling from 4 KB up to 40 MB
	// (a quarter of extract's time on large sites).
	var b bytes.Buffer
	b.Grow(2 * len(pl.english.Data))
	bounds := layout(&b, localeHeader(f.Tag), entries, pl.counts)
	return Output{Path: f.Path, Data: b.Bytes(), Pruned: obsolete, Bounds: bounds}, clashes
}

var sourceHeader = []string{
	"English source catalog, written by \"l10n extract\" from content/ and the",
	"site chrome. Do not edit: change the pages, then run \"l10n extract\".",
}

func localeHeader(tag language.Tag) []string {
	return []string{
		fmt.Sprintf("Translations for %s, in go-i18n v2 TOML format.", tag),
		"Fill in each \"other\" with the translation of the English above it.",
		"\"hash\" records which English a translation was made from: leave it as it is.",
		"Run \"l10n check\" to validate this file and \"l10n status\" to see what needs work.",
	}
}

func messages(entries []catalog.Entry) []*catalog.Message {
	out := make([]*catalog.Message, len(entries))
	for i, e := range entries {
		out[i] = e.Message
	}
	return out
}

// layout writes a catalog of header and entries as catalog.Write does,
// counts giving how many of the entries are the chrome's, then each
// page's (the rest are obsolete), and returns the Bounds of the pages.
func layout(b *bytes.Buffer, header []string, entries []catalog.Entry, counts []int) []int {
	// Writing to a bytes.Buffer cannot fail; a catalog written in parts
	// is the one written at once, each entry starting its own line.
	_ = catalog.Write(b, header, entries[:counts[0]])
	bounds := []int{b.Len()}
	next := counts[0]
	for _, n := range counts[1:] {
		_ = catalog.Write(b, nil, entries[next:next+n])
		bounds = append(bounds, b.Len())
		next += n
	}
	_ = catalog.Write(b, nil, entries[next:])
	return bounds
}
