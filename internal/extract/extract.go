// Package extract is the editors' stage: it turns the English pages and
// the site chrome into the English catalog (locales/en.toml), and brings
// every locale catalog up to date with it.
//
// Nothing is lost: a locale keeps every translation it has, with its hash,
// plural forms and description; a message the English no longer has is
// kept at the end of the file as obsolete. New messages arrive with an
// empty "other" and the current English hash, so a translator who fills in
// the text has marked it current. Output depends only on the input: the
// same pages and catalogs give the same bytes.
//
// The stage is pure, from values to values; package disk
// (internal/extract/disk) runs it on the files of a site.
package extract

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// Output is a file extract wants written.
type Output struct {
	Path string // relative to the site root
	Data []byte
	// Pruned lists the obsolete messages left out (with Options.Prune).
	Pruned []*catalog.Message
	// Bounds are the offsets in Data where the entries of each page
	// begin, in page order, and where the last page's end (see Index).
	Bounds []int
	// Splice, if not nil, holds the catalog instead of Data (see
	// Incremental).
	Splice *Splice
	// Sum is the SHA-256 (hex) of the catalog when known, or "".
	Sum string
	// Unchanged says the file already holds the catalog, which is not
	// in Data (see Stream); Sum is set.
	Unchanged bool
}

// Bytes returns the catalog.
func (o *Output) Bytes() []byte {
	if o.Splice == nil {
		return o.Data
	}
	var b bytes.Buffer
	// Writing to a bytes.Buffer cannot fail.
	_, _ = o.Splice.WriteTo(&b)
	return b.Bytes()
}

// Options change what Run does.
type Options struct {
	// Prune leaves the obsolete messages out of the locale catalogs:
	// translations of blocks the English no longer has are deleted. Only
	// "l10n prune" sets it; extract never deletes a translation.
	Prune bool
	// Progress, if not nil, is called after each locale catalog is laid
	// out, with the number done and the total. Calls do not overlap.
	Progress func(done, total int)
}

// progress returns a function to call after each of total catalogs is
// laid out: it calls opts.Progress, one call at a time.
func (opts Options) progress(total int) func() {
	if opts.Progress == nil {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		opts.Progress(done, total)
	}
}

// Source returns the English catalog of pages, in catalog order: chrome
// first, then the pages in the order given, each in block order.
func Source(pages []*content.Page) []*catalog.Message {
	// Each page's messages are made on every core into their own slot
	// (hashing and describing 40,000 blocks took a third of a second).
	perPage := make([][]*catalog.Message, len(pages))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range pages {
		g.Go(func() error {
			perPage[i] = pageSource(p)
			return nil
		})
	}
	msgs := make([]*catalog.Message, 0, len(content.Chrome))
	for _, c := range content.Chrome {
		msgs = append(msgs, message(c.ID, c.Text, "Site chrome: "+c.Description))
	}
	_ = g.Wait() // the goroutines return no error
	for _, m := range perPage {
		msgs = append(msgs, m...)
	}
	return msgs
}

// pageSource returns the English messages of page p's blocks.
func pageSource(p *content.Page) []*catalog.Message {
	msgs := make([]*catalog.Message, len(p.Blocks))
	for j, b := range p.Blocks {
		msgs[j] = message(b.ID, b.Text, Describe(p, b))
	}
	return msgs
}

func message(id, text, desc string) *catalog.Message {
	forms := map[string]string{"other": text}
	return &catalog.Message{ID: id, Description: desc, Hash: catalog.Hash(forms), Forms: forms}
}

// Describe tells a translator where a block is and what it is.
func Describe(p *content.Page, b *content.Block) string {
	page := fmt.Sprintf("page %q (%s)", p.Title.Text, p.File)
	if b.Kind == content.ShortcodeArg {
		// "figure caption": say which shortcode, and that it stays one.
		sc, arg, _ := strings.Cut(b.Arg, " ")
		where := "in the introduction"
		if b.Section != "" {
			where = fmt.Sprintf("in section %q", b.Section)
		}
		return fmt.Sprintf("Argument %s of the shortcode %s %s, %s", arg, sc, where, page)
	}
	switch {
	case b.Kind == content.Heading && strings.HasSuffix(b.ID, ".heading"):
		return fmt.Sprintf("Heading of a section, %s", page)
	case b.Section != "":
		return fmt.Sprintf("%s in section %q, %s", capitalize(string(b.Kind)), b.Section, page)
	case b.Field != "" || b.Kind == content.Title:
		return fmt.Sprintf("%s, %s", capitalize(string(b.Kind)), page)
	default:
		return fmt.Sprintf("%s in the introduction, %s", capitalize(string(b.Kind)), page)
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// Run returns the English catalog and every locale catalog of cats
// brought up to date with pages, whose blocks have their IDs (see
// snapshot.Read). cats holds every catalog as read, English included if
// it exists.
func Run(pages []*content.Page, cats []*catalog.File, opts Options) ([]Output, error) {
	var previous []*catalog.Message
	for _, f := range cats {
		if f.Tag == language.English {
			previous = f.Messages
		}
	}
	pl := newPlan(pages, previous)
	// Each locale is laid out on its own core, into its own slot, so the
	// result does not depend on scheduling.
	var locales []*catalog.File
	for _, f := range cats {
		if f.Tag != language.English {
			locales = append(locales, f)
		}
	}
	outs := make([]Output, len(locales))
	clashes := make([]diag.List, len(locales))
	laidOut := opts.progress(len(locales))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range locales {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			outs[i], clashes[i] = pl.locale(f, opts.Prune)
			laidOut()
		})
	}
	wg.Wait()
	var list diag.List
	for _, c := range clashes {
		list = append(list, c...)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return append([]Output{pl.english}, outs...), nil
}

// plan is what laying out each catalog shares: the English messages and
// how many of them are the chrome's and each page's.
type plan struct {
	source  []*catalog.Message
	prev    map[string]*catalog.Message // the previous English, by ID
	ids     *catalog.IDs
	counts  []int  // the number of messages of the chrome, then of each page
	english Output // locales/en.toml
}

// newPlan lays out the English catalog of pages, whose blocks have their
// IDs; previous is locales/en.toml as read.
func newPlan(pages []*content.Page, previous []*catalog.Message) *plan {
	pl := &plan{source: Source(pages), prev: map[string]*catalog.Message{}, counts: []int{len(content.Chrome)}}
	for _, m := range previous {
		pl.prev[m.ID] = m
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
	return pl
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
