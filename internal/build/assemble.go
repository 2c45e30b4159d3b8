package build

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// assembly is what a build decides before it writes anything: where each
// page is published, the digest of each output, and the files of the
// whole site (the chooser, the sitemaps, the aliases, the extras). The
// pages themselves are rendered as they are written (see treeWriter.page).
type assembly struct {
	ps        *pages
	planned   []*plan // of each page, in page order
	published map[*content.Page][]language.Tag
	digests   [][]string // of each page's outputs, in the order of published
	extras    []File
	warnings  diag.List
	step      func() // one page done, for Options.Progress
}

// assemble is the first pass of a build of in (see pages.go): it reads
// every page, or takes its plan from the plan cache, keeps the check and
// plan caches, and renders the files of the whole site.
func assemble(in *Input, opts Options) (*assembly, error) {
	version := opts.Program
	if version == "" {
		var err error
		if version, err = stamp.Program(); err != nil {
			return nil, err
		}
	}
	ps, err := newPages(in, version)
	if err != nil {
		return nil, err
	}
	a := &assembly{ps: ps, step: counter(opts.Progress, 2*len(in.Pages))}
	cache := loadPlans(opts.Plans)
	planned, warnings, err := ps.planAll(opts.Workers, cache, a.step)
	if err != nil {
		return nil, err
	}
	// The plans rely on the check cache: a page taken from them is not
	// checked again. So the check cache is kept first.
	if err := ps.cats.Save(); err != nil {
		return nil, err
	}
	if err := cache.save(opts.Plans); err != nil {
		return nil, err
	}
	a.planned, a.warnings = planned, append(slices.Clone(in.Warnings), warnings...)
	a.published = make(map[*content.Page][]language.Tag, len(in.Pages))
	a.digests = make([][]string, len(in.Pages))
	for i, p := range in.Pages {
		a.published[p], a.digests[i] = planned[i].Published, planned[i].Digests
	}
	a.extras, err = a.siteFiles(opts.Extras)
	return a, err
}

// siteFiles returns the files of the whole site: the chooser, the
// sitemaps, the aliases, then extras.
func (a *assembly) siteFiles(extras []File) ([]File, error) {
	b := a.ps.site(a.published)
	chooser, _, err := b.chooser()
	if err != nil {
		return nil, err
	}
	sitemaps, err := b.Sitemaps()
	if err != nil {
		return nil, err
	}
	return slices.Concat([]File{{Path: "index.html", Data: chooser}}, sitemaps, b.Aliases(), extras), nil
}
