package status

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
)

// FilterError is a locale or page asked for (status -locale, -page) that
// the site does not have: a mistake in how status was called.
type FilterError struct{ msg string }

func (e *FilterError) Error() string { return e.msg }

// Of computes the report of in, a site as build.Load reads it,
// restricted to the locales onlyLocales and the pages (slugs) onlyPages
// unless empty. Each of those must name a locale or page of in: else the
// error is a *FilterError that lists those the site has.
func Of(in *build.Input, onlyLocales []language.Tag, onlyPages []string) (*Report, error) {
	if err := checkFilters(in, onlyLocales, onlyPages); err != nil {
		return nil, err
	}
	return Compute(&Input{
		Pages: in.Pages, Source: in.English(), Locales: in.Locales, Fallbacks: in.Fallbacks,
		Policies: in.Policies, OnlyLocales: onlyLocales, OnlyPages: onlyPages,
	}), nil
}

// checkFilters reports a locale or page of the filters that names
// nothing of the site in.
func checkFilters(in *build.Input, locales []language.Tag, pages []string) error {
	var tags, slugs []string
	for _, c := range in.Locales {
		tags = append(tags, c.Tag.String())
	}
	for _, p := range in.Pages {
		slugs = append(slugs, p.Slug)
	}
	for _, t := range locales {
		if t == site.Source {
			return &FilterError{fmt.Sprintf("-locale %s is the English source, not a translation; locales are %s", t, strings.Join(tags, ", "))}
		}
		if !slices.Contains(tags, t.String()) {
			return &FilterError{fmt.Sprintf("-locale %s: no %s; locales are %s", t, site.CatalogPath(t), strings.Join(tags, ", "))}
		}
	}
	for _, p := range pages {
		if !slices.Contains(slugs, p) {
			return &FilterError{fmt.Sprintf("-page %s: no such page; pages are %s", p, strings.Join(slugs, ", "))}
		}
	}
	return nil
}
