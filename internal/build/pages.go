package build

import (
	"html/template"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/render"
)

// A build is page-major: it reads the translations of one page at a time
// from every catalog (see Catalogs), decides and renders that page in
// every locale, and drops them, so memory holds the pages in flight and
// not the catalogs. It takes two passes over the pages. The first learns
// of each page where it is published, the digest of each of its outputs'
// inputs and its title in each locale: what the chooser, the sitemaps and
// the decision that nothing changed need of every page. The second reads
// again, and renders, only the pages with an output to make.

// entry is what the first pass learns of one page in one locale; the
// plan cache (see plans.go) keeps it between builds, by a key of what it
// is made of (pages.keys).
type entry struct {
	Published bool
	// Content is the digest of the page in the locale but for the
	// locales it is published in (see Builder.contentDigest).
	Content string
	Title   render.Text
	// Rejected holds the IDs of the page's translations in the locale's
	// own catalog that check rejected, and Warnings say why.
	Rejected []string
	Warnings diag.List
}

// plan is what the first pass learns of one page: its entries in every
// locale, put together.
type plan struct {
	Published []language.Tag
	Digests   []string      // of each output, in the order of Published
	Titles    []render.Text // in each locale of Published
	Rejected  map[language.Tag][]string
	Warnings  diag.List
}

// pages is a page-major build of the pages of in.
type pages struct {
	*shared
	cats          Catalogs
	version       string
	chromeEnglish []*catalog.Message
	chromeFiles   []*catalog.File
	chromeKeys    map[language.Tag]string // by locale, catalogKey of the chrome
	warnings      diag.List               // the chrome's
}

// newPages prepares the page-major build of in by program version,
// reading and checking the chrome of every locale.
func newPages(in *Input, version string) (*pages, error) {
	cats := in.catalogs()
	ps := &pages{cats: cats, version: version}
	for _, c := range content.Chrome {
		ps.chromeEnglish = append(ps.chromeEnglish, catalog.English(c.ID, c.Text))
	}
	t, err := cats.Read(ps.chromeEnglish, Selection{})
	if err != nil {
		return nil, err
	}
	ps.chromeFiles, ps.warnings = t.Files, t.Warnings
	chrome := fallback.NewResolver(language.English, ps.chromeEnglish, t.Files)
	ps.shared = newShared(in, append([]language.Tag{language.English}, cats.Tags()...), chrome)
	ps.chromeKeys = map[language.Tag]string{}
	for _, tag := range cats.Tags() {
		ps.chromeKeys[tag] = catalogKey(cats, chromeIDs(), tag)
	}
	return ps, nil
}

// builder returns the Builder of page p: its resolver holds the chrome
// and p's own messages in the locales sel selects, read from the
// catalogs, and what the check found.
func (ps *pages) builder(p *content.Page, published map[*content.Page][]language.Tag, sel Selection) (*Builder, *Translations, error) {
	english := englishOf(p)
	t, err := ps.cats.Read(english, sel)
	if err != nil {
		return nil, nil, err
	}
	files := make([]*catalog.File, len(t.Files))
	for i, f := range t.Files {
		files[i] = &catalog.File{Path: f.Path, Tag: f.Tag, Messages: slices.Concat(ps.chromeFiles[i].Messages, f.Messages)}
	}
	r := fallback.NewResolver(language.English, slices.Concat(ps.chromeEnglish, english), files)
	return &Builder{shared: ps.shared, resolver: r, published: published}, t, nil
}

// englishOf returns the English messages of the blocks of page p, made
// anew each time (a few microseconds a page) rather than held for every
// page through the build: those extract writes, without the descriptions
// no page shows.
func englishOf(p *content.Page) []*catalog.Message {
	out := make([]*catalog.Message, len(p.Blocks))
	for i, b := range p.Blocks {
		out[i] = catalog.English(b.ID, b.Text)
	}
	return out
}

// chainsOf returns the locales of the fallback chains of tags: what a
// page in those locales can show.
func (ps *pages) chainsOf(tags ...language.Tag) map[language.Tag]bool {
	out := map[language.Tag]bool{}
	for _, tag := range tags {
		for _, t := range ps.shared.chains[tag] {
			out[t] = true
		}
	}
	return out
}

// plan is the first pass on page p: its entry in every locale, from the
// cache (if not nil) where it has it, worked out otherwise from the
// catalogs of the chains of the locales it lacks, read and checked.
func (ps *pages) plan(p *content.Page, cache *plans) (*plan, error) {
	entries := make([]*entry, len(ps.tags))
	keys := make([]string, len(ps.tags))
	var missing []language.Tag
	if cache != nil {
		keys = ps.keys(p)
	}
	for i, tag := range ps.tags {
		if keys[i] != "" {
			entries[i] = cache.get(keys[i])
		}
		if entries[i] == nil {
			missing = append(missing, tag)
		}
	}
	if len(missing) > 0 {
		if err := ps.work(p, entries, missing); err != nil {
			return nil, err
		}
		for i, e := range entries {
			if keys[i] != "" && slices.Contains(missing, ps.tags[i]) {
				cache.put(keys[i], e)
			}
		}
	}
	return ps.join(entries), nil
}

// work fills in the entries of page p in the locales missing, from the
// catalogs of their chains, read and checked.
func (ps *pages) work(p *content.Page, entries []*entry, missing []language.Tag) error {
	sel := Selection{Locales: ps.chainsOf(missing...)}
	b, t, err := ps.builder(p, nil, sel)
	if err != nil {
		return err
	}
	ids := OwnMessages(p)
	paths := map[string]language.Tag{}
	for _, f := range t.Files {
		paths[f.Path] = f.Tag
	}
	for i, tag := range ps.tags {
		if !slices.Contains(missing, tag) {
			continue
		}
		e := &entry{Published: tag == language.English || b.publishes(p, tag, ids), Content: b.contentDigest(p, tag, ps.version),
			Title: kept(b.localizer(tag, "").Text(p.Title.ID)), Rejected: t.Rejected[tag]}
		for _, w := range t.Warnings {
			if paths[w.Pos.File] == tag {
				e.Warnings = append(e.Warnings, w)
			}
		}
		entries[i] = e
	}
	return nil
}

// kept returns t with strings of its own: a text of the page's
// translations shares the bytes of the page's part of each catalog,
// which a title kept for the chooser would keep for the whole build.
func kept(t render.Text) render.Text {
	t.HTML, t.Plain = template.HTML(strings.Clone(string(t.HTML))), strings.Clone(t.Plain)
	return t
}

// join puts the entries of a page in every locale together.
func (ps *pages) join(entries []*entry) *plan {
	pl := &plan{Rejected: map[language.Tag][]string{}}
	for i, e := range entries {
		tag := ps.tags[i]
		if len(e.Rejected) > 0 {
			pl.Rejected[tag] = e.Rejected
		}
		pl.Warnings = append(pl.Warnings, e.Warnings...)
		if e.Published {
			pl.Published = append(pl.Published, tag)
			pl.Titles = append(pl.Titles, e.Title)
		}
	}
	for _, e := range entries {
		if e.Published {
			pl.Digests = append(pl.Digests, outputDigest(e.Content, pl.Published))
		}
	}
	return pl
}

// planAll is the first pass on every page, on workers cores (0: every
// one), taking the entries the cache (if not nil) holds. It returns each
// page's plan, in page order, and the warnings, sorted.
func (ps *pages) planAll(workers int, cache *plans, progress func()) ([]*plan, diag.List, error) {
	in := ps.in
	out := make([]*plan, len(in.Pages))
	var g errgroup.Group
	g.SetLimit(workersOf(workers))
	for i, p := range in.Pages {
		g.Go(func() error {
			defer progress()
			var err error
			out[i], err = ps.plan(p, cache)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	ps.titles = make(map[*content.Page][]render.Text, len(in.Pages))
	warnings := slices.Clone(ps.warnings)
	for i, p := range in.Pages {
		ps.titles[p] = out[i].Titles
		warnings = append(warnings, out[i].Warnings...)
	}
	warnings.Sort()
	return out, warnings, nil
}

// again returns the Selection of a second read of the page of plan pl,
// for its outputs in tags: the locales of their chains, without the
// translations the first pass rejected.
func (ps *pages) again(pl *plan, tags []language.Tag) Selection {
	return Selection{Locales: ps.chainsOf(tags...), Rejected: pl.Rejected}
}

// site returns the Builder of what the whole site shows: the chooser,
// the sitemaps and the aliases, from the first pass.
func (ps *pages) site(published map[*content.Page][]language.Tag) *Builder {
	return &Builder{shared: ps.shared, published: published}
}

// workersOf returns the number of workers n asks for: 0 is one per core.
func workersOf(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// counter calls progress, if not nil, with the pages done of total, one
// call at a time.
func counter(progress func(done, total int), total int) func() {
	if progress == nil {
		return func() {}
	}
	var mu sync.Mutex
	var done atomic.Int64
	return func() {
		mu.Lock()
		defer mu.Unlock()
		progress(int(done.Add(1)), total)
	}
}
