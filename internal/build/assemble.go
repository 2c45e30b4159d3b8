package build

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// An Assembly is a site decided: where each page is published, the
// digest of each output and its title in each locale. Its pages are
// rendered when asked for (Page), one at a time, from their translations
// read again: by l10n build as it writes them (see Write), by l10n serve
// for one request, and as Markdown by l10n build --markdown; the files
// of the whole site (the chooser, the sitemaps) from it (Site). Making
// one reads and decides, and writes nothing.
type Assembly struct {
	ps        *pages
	plans     *plans  // the plan cache, to keep (nil: none)
	planned   []*plan // of each page, in page order
	published map[*content.Page][]language.Tag
	digests   [][]string // of each page's outputs, in the order of published
	warnings  diag.List
	step      func() // one page done, for Options.Progress
}

// Assemble is the first pass of a build of in (see pages.go): it reads
// every page, or takes its plan from the plan cache (opts.Plans), and
// learns what the files of the whole site need of every page.
func Assemble(in *Input, opts Options) (*Assembly, error) {
	version := opts.Program
	if version == "" && (opts.Plans != "" || opts.Manifest != "") {
		// The digests are kept, so they must tell this program's
		// outputs from another's.
		var err error
		if version, err = stamp.Program(); err != nil {
			return nil, err
		}
	}
	ps, err := newPages(in, version)
	if err != nil {
		return nil, err
	}
	a := &Assembly{ps: ps, step: counter(opts.Progress, 2*len(in.Pages)), plans: loadPlans(opts.Plans)}
	planned, warnings, err := ps.planAll(opts.Workers, a.plans, a.step)
	if err != nil {
		return nil, err
	}
	a.planned, a.warnings = planned, append(slices.Clone(in.Warnings), warnings...)
	a.published = make(map[*content.Page][]language.Tag, len(in.Pages))
	a.digests = make([][]string, len(in.Pages))
	for i, p := range in.Pages {
		a.published[p], a.digests[i] = planned[i].Published, planned[i].Digests
	}
	return a, nil
}

// keep saves what assembling learned for the next build: the check cache
// first, then the plans, which rely on it (a page taken from them is not
// checked again). The plan cache is then dropped: rendering needs only
// the plans of this build.
func (a *Assembly) keep(plansPath string) error {
	if err := a.ps.cats.Save(); err != nil {
		return err
	}
	err := a.plans.save(plansPath)
	a.plans = nil
	return err
}

// Tags returns the locales of the site, English first.
func (a *Assembly) Tags() []language.Tag { return a.ps.tags }

// Published returns the locales page p is published in, English first.
func (a *Assembly) Published(p *content.Page) []language.Tag { return a.published[p] }

// Warnings returns the problems that stop nothing: the input's, and the
// translations not shown because l10n check rejects them, sorted.
func (a *Assembly) Warnings() diag.List { return a.warnings }

// Site returns the Builder of what the whole site shows: the chooser and
// the sitemaps.
func (a *Assembly) Site() *Builder { return a.ps.site(a.published) }

// Page returns the Builder of page p, the i-th page of the input, in
// every locale: its translations read again, without those check
// rejected.
func (a *Assembly) Page(i int, p *content.Page) (*Builder, error) {
	return a.builder(i, p, a.ps.tags)
}

// builder returns the Builder of the i-th page p in the locales tags.
func (a *Assembly) builder(i int, p *content.Page, tags []language.Tag) (*Builder, error) {
	b, _, err := a.ps.builder(p, a.published, a.ps.again(a.planned[i], tags))
	return b, err
}

// eachSiteFile makes the files of the whole site (see sitefiles.go), the
// chooser if chooser, the sitemaps and the aliases if maps, and calls
// emit with each in turn. It stops at emit's first error.
func (a *Assembly) eachSiteFile(chooser, maps bool, emit func(File) error) error {
	b := a.Site()
	if chooser {
		data, _, err := b.chooser()
		if err != nil {
			return err
		}
		if err := emit(File{Path: chooserPath, Data: data}); err != nil {
			return err
		}
	}
	if !maps {
		return nil
	}
	if err := eachSitemap(b.in.BaseURL, b.tags, b.in.Pages, b.published, emit); err != nil {
		return err
	}
	for _, f := range b.Aliases() {
		if err := emit(f); err != nil {
			return err
		}
	}
	return nil
}
