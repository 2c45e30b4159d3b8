package status

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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
	Stale      int `json:"stale"` // stale, or awaiting review (l10n align)
	Missing    int `json:"missing"`
	// Visible counts the messages readers see in the locale's language,
	// through its fallback chain: from its own catalog or a CLDR parent's
	// ([fallback.Native]), not from English or another fallback.
	Visible int `json:"visible"`
	// VisiblePercent is 100 × Visible / Total rounded down to one decimal;
	// 100 when there are no messages.
	VisiblePercent float64 `json:"visible_percent"`
}

// Below reports whether the exact visible share is below percent (status
// -min).
func (c Counts) Below(percent float64) bool {
	return float64(c.Visible) < percent/100*float64(c.Total)
}

// CheckMin returns an error that names the locales of r whose visible
// share is below percent (status -min), or nil if there are none.
func (r *Report) CheckMin(percent float64) error {
	var below []string
	for _, l := range r.Locales {
		if l.Below(percent) {
			below = append(below, fmt.Sprintf("%s %s%%", l.Tag, Percent(l.VisiblePercent)))
		}
	}
	if len(below) == 0 {
		return nil
	}
	return fmt.Errorf("visible share below -min %s: %s; translate the stale and missing IDs listed", Percent(percent), strings.Join(below, ", "))
}

func (c *Counts) add(s fallback.State, visible bool) {
	c.Total++
	switch s {
	case fallback.Translated:
		c.Translated++
	case fallback.Stale, fallback.Review:
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
	// Chrome counts the site chrome alone: it is on every page, but
	// publishing a page counts only the page's own messages.
	Chrome   Counts `json:"chrome"`
	Obsolete int    `json:"obsolete"`
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
// page's own messages (title, description, breadcrumbs, body), not the
// chrome, as publishing does.
type Page struct {
	Slug string `json:"page"`
	File string `json:"file"`
	// Address is the page's folder in the built site (see
	// content.Page.Address).
	Address string `json:"-"`
	Counts
	// TitleVisible says whether readers see the title in the locale's
	// language; if not, TitleFrom is the locale they see it in.
	TitleVisible bool   `json:"title_visible"`
	TitleFrom    string `json:"title_from,omitempty"`
	// Published is false when the page's title or its visible share
	// falls short of the locale's policy ([site.Policy.Publishes]);
	// Reason then says so.
	Published bool   `json:"published"`
	Reason    string `json:"reason,omitempty"`
}

// The states of a message that needs work.
const (
	StateStale   = "stale"
	StateMissing = "missing"
	// StateReview is a translation awaiting review (l10n align's pairs
	// below its confidence); counted with the stale ones.
	StateReview = "review"
)

// Work is a message that needs a translator in one locale.
type Work struct {
	ID    string       `json:"id"`
	State string       `json:"state"` // StateStale, StateReview or StateMissing
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
		loc := measure(resolver, showStale, f.Tag, chain, pages, in.Policies[f.Tag])
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
func measure(r *fallback.Resolver, showStale func(language.Tag) bool, tag language.Tag, chain fallback.Chain, pages []*content.Page, policy site.Policy) *Locale {
	loc := &Locale{Tag: tag, Chain: chain, MinPercent: policy.MinPercent, Pages: []*Page{}, Work: []Work{}, ObsoleteIDs: []string{}}
	seen := map[string]bool{}
	// one counts message id into c, and into the locale's totals and work
	// list the first time the locale meets it; it returns the locale
	// readers see it from.
	one := func(c *Counts, id string) language.Tag {
		state := r.State(tag, id)
		res, _ := r.ResolveShowingStale(chain, id, showStale)
		from := res.From
		visible := fallback.Native(tag, from)
		c.add(state, visible)
		if seen[id] {
			return from
		}
		seen[id] = true
		loc.add(state, visible)
		switch state {
		case fallback.Stale:
			loc.Work = append(loc.Work, Work{ID: id, State: StateStale, Shown: from})
		case fallback.Review:
			loc.Work = append(loc.Work, Work{ID: id, State: StateReview, Shown: from})
		case fallback.Missing:
			loc.Work = append(loc.Work, Work{ID: id, State: StateMissing, Shown: from})
		}
		return from
	}
	for _, c := range content.Chrome {
		one(&loc.Chrome, c.ID)
	}
	loc.Chrome.finish()
	for _, p := range pages {
		pg := &Page{Slug: p.Slug, File: p.File, Address: p.Address, TitleVisible: true}
		for _, b := range p.Blocks {
			from := one(&pg.Counts, b.ID)
			if b == p.Title && !fallback.Native(tag, from) {
				pg.TitleVisible, pg.TitleFrom = false, from.String()
			}
		}
		pg.finish()
		pg.Published = policy.Publishes(pg.TitleVisible, pg.Visible, pg.Total)
		switch {
		case pg.Published:
		case !pg.TitleVisible:
			pg.Reason = fmt.Sprintf("title shown in %s", pg.TitleFrom)
		default:
			pg.Reason = fmt.Sprintf("visible %s%% < min_percent %s", Percent(pg.VisiblePercent), Percent(policy.MinPercent))
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
