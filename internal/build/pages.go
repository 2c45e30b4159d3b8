package build

import (
	"runtime"
	"slices"
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

// plan is what the first pass learns of one page.
type plan struct {
	published []language.Tag
	digests   []string      // of each output, in the order of published
	titles    []render.Text // in each locale of published
}

// pages is a page-major build of the pages of in.
type pages struct {
	*shared
	cats          Catalogs
	version       string
	english       map[string]*catalog.Message // by ID: the English of every page
	chromeEnglish []*catalog.Message
	chromeFiles   []*catalog.File
	warnings      diag.List // the chrome's
}

// newPages prepares the page-major build of in by program version,
// reading and checking the chrome of every locale.
func newPages(in *Input, version string) (*pages, error) {
	cats := in.catalogs()
	ps := &pages{cats: cats, version: version, english: make(map[string]*catalog.Message, len(in.Source))}
	for _, m := range in.Source {
		ps.english[m.ID] = m
	}
	for _, c := range content.Chrome {
		if m := ps.english[c.ID]; m != nil {
			ps.chromeEnglish = append(ps.chromeEnglish, m)
		}
	}
	files, warnings, err := cats.Read(ps.chromeEnglish, false)
	if err != nil {
		return nil, err
	}
	ps.chromeFiles, ps.warnings = files, warnings
	chrome := fallback.NewResolver(language.English, ps.chromeEnglish, files)
	ps.shared = newShared(in, append([]language.Tag{language.English}, cats.Tags()...), chrome)
	return ps, nil
}

// builder returns the Builder of page p: its resolver holds the chrome
// and p's own messages in every locale, read from the catalogs (again,
// when the first pass read them), and the warnings about them.
func (ps *pages) builder(p *content.Page, published map[*content.Page][]language.Tag, again bool) (*Builder, diag.List, error) {
	ids := OwnMessages(p)
	english := make([]*catalog.Message, 0, len(ids))
	for _, id := range ids {
		if m := ps.english[id]; m != nil {
			english = append(english, m)
		}
	}
	files, warnings, err := ps.cats.Read(english, again)
	if err != nil {
		return nil, nil, err
	}
	for i, f := range files {
		files[i] = &catalog.File{Path: f.Path, Tag: f.Tag, Messages: slices.Concat(ps.chromeFiles[i].Messages, f.Messages)}
	}
	r := fallback.NewResolver(language.English, slices.Concat(ps.chromeEnglish, english), files)
	return &Builder{shared: ps.shared, resolver: r, published: published}, warnings, nil
}

// plan is the first pass on page p.
func (ps *pages) plan(p *content.Page) (plan, diag.List, error) {
	b, warnings, err := ps.builder(p, nil, false)
	if err != nil {
		return plan{}, nil, err
	}
	var pl plan
	pl.published = b.publishedIn(p)
	b.published = map[*content.Page][]language.Tag{p: pl.published}
	for _, tag := range pl.published {
		pl.digests = append(pl.digests, b.digest(p, tag, ps.version))
		pl.titles = append(pl.titles, b.localizer(tag, "").Text(p.Title.ID))
	}
	return pl, warnings, nil
}

// planAll is the first pass on every page, on workers cores (0: every
// one). It returns where each page is published, the digests of every
// page's outputs (in the order of published) and the warnings, sorted.
func (ps *pages) planAll(workers int, progress func()) (map[*content.Page][]language.Tag, [][]string, diag.List, error) {
	in := ps.in
	plans := make([]plan, len(in.Pages))
	lists := make([]diag.List, len(in.Pages))
	var g errgroup.Group
	g.SetLimit(workersOf(workers))
	for i, p := range in.Pages {
		g.Go(func() error {
			var err error
			plans[i], lists[i], err = ps.plan(p)
			progress()
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, nil, err
	}
	published := make(map[*content.Page][]language.Tag, len(in.Pages))
	digests := make([][]string, len(in.Pages))
	ps.titles = make(map[*content.Page][]render.Text, len(in.Pages))
	warnings := slices.Clone(ps.warnings)
	for i, p := range in.Pages {
		published[p], digests[i], ps.titles[p] = plans[i].published, plans[i].digests, plans[i].titles
		warnings = append(warnings, lists[i]...)
	}
	warnings.Sort()
	return published, digests, warnings, nil
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
