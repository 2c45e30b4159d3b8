package status

import (
	"fmt"
	"slices"
	"strconv"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/site"
)

// Input is what a status report is computed from: the values build.Load
// gives, the publishing policy, and the filters of the command line.
type Input struct {
	Pages     []*content.Page    // every page, in catalog order, IDs assigned
	Source    []*catalog.Message // the English catalog, from all the pages
	Locales   []*catalog.File    // locale catalogs; an English one is skipped
	Fallbacks map[language.Tag][]language.Tag
	// Policies holds the publishing policy of each locale, as in
	// build.Input; a locale without one falls back past stale translations
	// and publishes every page.
	Policies map[language.Tag]site.Policy
	// OnlyLocales and OnlyPages (slugs) restrict the report to these
	// locales and pages; empty means all. Names that match nothing are
	// ignored: the caller validates them.
	OnlyLocales []language.Tag
	OnlyPages   []string
}

// Report is the status of every locale.
type Report struct {
	Locales []*Locale `json:"locales"`
}

// Counts are the figures of a set of messages in one locale. Total is
// Translated + Stale + Missing.
type Counts struct {
	Total      int `json:"total"`
	Translated int `json:"translated"`
	Stale      int `json:"stale"`
	Missing    int `json:"missing"`
	// Visible counts the messages readers see in a language other than
	// English, through the locale's fallback chain.
	Visible int `json:"visible"`
	// VisiblePercent is 100 × Visible / Total rounded down to one decimal;
	// 100 when there are no messages.
	VisiblePercent float64 `json:"visible_percent"`
}

// Below reports whether the exact visible share is below percent. It is
// the test package build applies to min_percent, written the same way so
// that both always agree.
func (c Counts) Below(percent float64) bool {
	return float64(c.Visible) < percent/100*float64(c.Total)
}

func (c *Counts) add(s fallback.State, visible bool) {
	c.Total++
	switch s {
	case fallback.Translated:
		c.Translated++
	case fallback.Stale:
		c.Stale++
	default:
		c.Missing++
	}
	if visible {
		c.Visible++
	}
}

func (c *Counts) finish() { c.VisiblePercent = Share(c.Visible, c.Total) }

// Share returns 100 × visible / total rounded down to one decimal, so
// that a share below a threshold never shows as reaching it; 100 when
// total is 0 (nothing to translate).
func Share(visible, total int) float64 {
	if total == 0 {
		return 100
	}
	return float64(visible*1000/total) / 10
}

// Locale is the status of one locale over the chrome and the pages
// reported.
type Locale struct {
	Tag   language.Tag   `json:"locale"`
	Chain fallback.Chain `json:"chain"` // where readers' text comes from, in order
	Counts
	Obsolete int `json:"obsolete"`
	// MinPercent is the locale's publishing minimum for a page.
	MinPercent float64 `json:"min_percent"`
	Pages      []*Page `json:"pages"`
	// Work lists the messages that are stale or missing in the locale's
	// own catalog, in catalog order.
	Work []Work `json:"work"`
	// ObsoleteIDs lists the catalog's messages the English no longer has,
	// in file order.
	ObsoleteIDs []string `json:"obsolete_ids"`
}

// Page is the status of one page in one locale: its figures count the
// chrome and the page's blocks.
type Page struct {
	Slug string `json:"page"`
	File string `json:"file"`
	// Address is the page's folder in the built site (see
	// content.Page.Address).
	Address string `json:"-"`
	Counts
	// Published is false when the page's visible share is below the
	// locale's MinPercent; Reason then says so.
	Published bool   `json:"published"`
	Reason    string `json:"reason,omitempty"`
}

// The states of a message that needs work.
const (
	StateStale   = "stale"
	StateMissing = "missing"
)

// Work is a message that needs a translator in one locale.
type Work struct {
	ID    string       `json:"id"`
	State string       `json:"state"` // StateStale or StateMissing
	Shown language.Tag `json:"shown"` // the locale whose text readers see instead
}

// Compute returns the status of in. Locales come in the order of
// in.Locales, pages in the order of in.Pages: both are the site's order.
func Compute(in *Input) *Report {
	resolver := fallback.NewResolver(site.Source, in.Source, in.Locales)
	// As in a build, a locale whose policy says "notice" shows its stale
	// translations: readers see them.
	showStale := func(tag language.Tag) bool { return in.Policies[tag].Stale == site.StaleNotice }
	english := make(map[string]bool, len(in.Source))
	for _, m := range in.Source {
		english[m.ID] = true
	}
	var pages []*content.Page
	for _, p := range in.Pages {
		if len(in.OnlyPages) == 0 || slices.Contains(in.OnlyPages, p.Slug) {
			pages = append(pages, p)
		}
	}
	rep := &Report{Locales: []*Locale{}}
	for _, f := range in.Locales {
		if f.Tag == site.Source || len(in.OnlyLocales) > 0 && !slices.Contains(in.OnlyLocales, f.Tag) {
			continue
		}
		chain := fallback.ChainFor(f.Tag, in.Fallbacks, site.Source)
		loc := measure(resolver, showStale, f.Tag, chain, pages, in.Policies[f.Tag].MinPercent)
		for _, m := range f.Messages {
			if !english[m.ID] {
				loc.Obsolete++
				loc.ObsoleteIDs = append(loc.ObsoleteIDs, m.ID)
			}
		}
		rep.Locales = append(rep.Locales, loc)
	}
	return rep
}

// measure counts the chrome and pages in one locale.
func measure(r *fallback.Resolver, showStale func(language.Tag) bool, tag language.Tag, chain fallback.Chain, pages []*content.Page, minPercent float64) *Locale {
	loc := &Locale{Tag: tag, Chain: chain, MinPercent: minPercent, Pages: []*Page{}, Work: []Work{}, ObsoleteIDs: []string{}}
	seen := map[string]bool{}
	// one counts message id into c, and into the locale's totals and work
	// list the first time the locale meets it.
	one := func(c *Counts, id string) {
		state := r.State(tag, id)
		res, _ := r.ResolveShowingStale(chain, id, showStale)
		from := res.From
		visible := from != site.Source
		c.add(state, visible)
		if seen[id] {
			return
		}
		seen[id] = true
		loc.add(state, visible)
		switch state {
		case fallback.Stale:
			loc.Work = append(loc.Work, Work{ID: id, State: StateStale, Shown: from})
		case fallback.Missing:
			loc.Work = append(loc.Work, Work{ID: id, State: StateMissing, Shown: from})
		}
	}
	var chrome Counts
	for _, c := range content.Chrome {
		one(&chrome, c.ID)
	}
	for _, p := range pages {
		pg := &Page{Slug: p.Slug, File: p.File, Address: p.Address, Counts: chrome}
		for _, b := range p.Blocks {
			one(&pg.Counts, b.ID)
		}
		pg.finish()
		pg.Published = !pg.Below(minPercent)
		if !pg.Published {
			pg.Reason = fmt.Sprintf("visible %s%% < min_percent %s", Percent(pg.VisiblePercent), Percent(minPercent))
		}
		loc.Pages = append(loc.Pages, pg)
	}
	loc.finish()
	return loc
}

// Percent formats a percentage with as few digits as it needs: "40",
// "12.5".
func Percent(p float64) string {
	return strconv.FormatFloat(p, 'f', -1, 64)
}
