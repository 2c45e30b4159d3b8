package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/status"
)

func statusCmd() *command {
	var (
		asJSON     bool
		minPercent float64
		locales    tagList
		pages      nameList
	)
	return &command{
		name:  "status",
		usage: "l10n status [-C DIR] [-json] [-min PERCENT] [-locale TAG] [-page SLUG]",
		short: "show how much of each page is translated in each locale",
		long: `
Status shows, for every locale and every page, how many messages are
translated, stale (translated from English that has since changed) or
missing in the locale's own catalog, how many are obsolete (in the catalog
but no longer in the English), and the share that readers see in their
language through the fallback chain (es-MX readers see es where es-MX has
no translation; a fallback to English or to another language does not
count). A page's figures count its own messages (title, description,
breadcrumbs, body); the site chrome has a line of its own, "(chrome)",
and a locale's totals count it once.

A page whose title is not in the locale's language, or whose visible
share is below the locale's publish.min_percent in l10n.toml (default 50),
is not published in that locale; status says why. Last come,
per locale and in catalog order, the IDs that need work (stale or
missing), each with the locale whose text readers see instead, and the
obsolete IDs.

With -json, the report is a JSON object whose "locales" array holds, per
locale, locale, translated, stale, missing, obsolete, visible_percent,
chrome (the same figures for the chrome), pages (the same figures per
page, with title_visible, published and reason), work and obsolete_ids.

With -min, status exits 1 if the visible share of a locale is below
PERCENT. -locale and -page, repeatable or comma-separated, restrict the
report.`,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "write the report as JSON")
			fs.Float64Var(&minPercent, "min", 0, "fail if a locale's visible share is below `PERCENT`")
			fs.Var(&locales, "locale", "report only locale `TAG` (repeatable, or comma-separated)")
			fs.Var(&pages, "page", "report only page `SLUG` (repeatable, or comma-separated)")
		},
		run: func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
			return runStatus(s, args, stdout, statusFlags{asJSON, minPercent, locales, pages})
		},
	}
}

type statusFlags struct {
	json       bool
	minPercent float64
	locales    []language.Tag
	pages      []string
}

func runStatus(s *site.Site, args []string, stdout io.Writer, f statusFlags) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	}
	if f.minPercent < 0 || f.minPercent > 100 {
		return fmt.Errorf("%w: -min %v; use a number from 0 to 100", errUsage, f.minPercent)
	}
	in, err := build.Load(s)
	if err != nil {
		return err
	}
	rep, err := status.Of(in, f.locales, f.pages)
	var filter *status.FilterError
	if errors.As(err, &filter) {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if err != nil {
		return err
	}
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = status.WriteTable(stdout, rep)
	}
	if err != nil {
		return err
	}
	list := slices.Clone(in.Warnings)
	list.Add(rep.CheckMin(f.minPercent))
	return warnings(list)
}

// tagList is a flag that collects locale tags, repeated or comma-separated;
// each must be a canonical BCP 47 tag.
type tagList []language.Tag

func (l *tagList) String() string {
	var s []string
	for _, t := range *l {
		s = append(s, t.String())
	}
	return strings.Join(s, ",")
}

func (l *tagList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		tag, err := locale.Parse(strings.TrimSpace(name))
		if err != nil {
			return err
		}
		*l = append(*l, tag)
	}
	return nil
}

// nameList is a flag that collects names, repeated or comma-separated.
type nameList []string

func (l *nameList) String() string { return strings.Join(*l, ",") }

func (l *nameList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name == "" {
			return errors.New("empty name")
		}
		*l = append(*l, name)
	}
	return nil
}
