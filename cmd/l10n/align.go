package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/align"
	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/site"
)

// alignOptions are align's flags.
type alignOptions struct {
	tag           tagFlag
	from          string
	minConfidence float64
	json, dryRun  bool
}

func alignCmd() *command {
	o := alignOptions{minConfidence: align.MinConfidence}
	c := &command{
		name:  "align",
		usage: "l10n align [-C DIR] -locale TAG [-from DIR] [-min-confidence F] [-json] [-n]",
		short: "fill a locale's catalog from the site's existing translated pages",
		long: `
Align reads the pages a Hugo site already has in the locale TAG, pairs the
blocks of each with the blocks of its English page, and fills
locales/<TAG>.toml with the pairs: a site's existing translations, kept.

The translated page of content/docs/page.md is content/<TAG>/docs/page.md
(a language's own content folder, the tag as written or in lowercase; for
a site whose English is in content/en/, the path below it), else
content/docs/page.<TAG>.md beside the English; -from DIR names the folder
of the translated pages instead (content/zh-cn). locales/<TAG>.toml must
exist (create it empty) and locales/en.toml be up to date with the pages
(run l10n extract first).

Pairing follows the structure first (front matter keys; headings,
paragraphs, list items and table cells in page order; heading IDs, numbers,
links, code and acronyms as anchors), then length, and sees paragraphs a
translator merged or split, and lists they reordered. Each pair has a
confidence from 0 to 1. A pair at or above -min-confidence (default 0.8)
becomes a current translation; one below it is imported to await review
(its hash starts with "review:"; it is never shown to readers, l10n export
gives it to CAT tools as needing review), with a comment saying where it
came from. An entry the catalog already translates is never changed: a
different translation is reported as a conflict. A translation that l10n
check rejects is not imported.

A translated page whose front matter names the English commit it was
made from (default_lang_commit, a commit hash) is aligned with the English
page of that commit, read with git: a pair whose English has changed since
is imported as stale, with the English it was made from.

The report gives, per page, the pairs for review, the conflicts, and the
blocks left unpaired on each side with file:line:col and why; -json gives
every pair. With -n, align only reports what it would do.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`,
		flags: func(fs *flag.FlagSet) {
			fs.Var(&o.tag, "locale", "the `TAG` of the translated pages (required)")
			fs.StringVar(&o.from, "from", "", "the folder of the translated pages, `DIR` relative to the site (default: content/TAG, or page.TAG.md)")
			fs.Float64Var(&o.minConfidence, "min-confidence", align.MinConfidence, "import pairs at or above `F` as current, the rest for review")
			fs.BoolVar(&o.json, "json", false, "print the report as JSON")
			fs.BoolVar(&o.dryRun, "n", false, "report what would be imported; change nothing")
		},
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		if err := o.check(args); err != nil {
			return err
		}
		return runAlign(ctx, c, s, o, stdout)
	}
	return c
}

// check reports, as a usage error, an argument (align takes none) or a
// flag value align cannot work with.
func (o alignOptions) check(args []string) error {
	switch {
	case len(args) > 0:
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	case language.Tag(o.tag) == language.Und:
		return fmt.Errorf("%w: name the locale with -locale", errUsage)
	case language.Tag(o.tag) == site.Source:
		return fmt.Errorf("%w: -locale %s is the English of the pages; name the locale of the translated pages", errUsage, site.Source)
	case o.minConfidence < 0 || o.minConfidence > 1:
		return fmt.Errorf("%w: -min-confidence %g; give a number from 0 to 1", errUsage, o.minConfidence)
	}
	return nil
}

// runAlign holds the site lock from before it reads the catalogs until
// its write is done.
func runAlign(ctx context.Context, c *command, s *site.Site, o alignOptions, stdout io.Writer) error {
	unlock, err := c.lockSite(ctx, s, stdout)
	if err != nil {
		return err
	}
	defer unlock()
	tag := language.Tag(o.tag)
	source, loc, err := loadPair(s, tag)
	if err != nil {
		return err
	}
	res, err := align.Site(s, source, loc, align.Options{Tag: tag, From: o.from, MinConfidence: o.minConfidence})
	if err != nil {
		return err
	}
	if !o.dryRun {
		if _, err := atomicfile.SaveIfChanged(s.Path(loc.Path), res.Data, 0o644); err != nil {
			return err
		}
	}
	if o.json {
		err = res.Report.WriteJSON(stdout)
	} else {
		if o.dryRun {
			fmt.Fprint(stdout, "(-n: nothing written) ")
		}
		err = res.Report.Write(stdout)
	}
	if err != nil {
		return err
	}
	return warnings(res.Notes)
}
