package main

import (
	"context"
	"fmt"
	"io"

	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
)

func checkCmd() *command {
	return &command{
		name:  "check",
		usage: "l10n check [-C DIR]",
		short: "validate the catalogs, pages and config",
		long: `
Check validates everything a translator or editor can get wrong and
reports each problem as file:line:col: what is wrong; what to do.

Errors (exit status 1): TOML syntax, duplicate or unknown keys, values that
are not strings, catalog file names that are not canonical BCP 47 tags,
plural forms the locale needs but lacks or cannot use, a translation whose
links, link titles, bold or italic spans, line breaks, code spans or
{{.Placeholders}} differ from the English, Hugo shortcodes, inline HTML
tags or reference labels not kept exactly as in the English, template
actions or HTML the English lacks, control characters, and bidirectional controls in a
left-to-right locale (overrides in any), do-not-translate glossary terms
changed, empty forms beside translated ones, and problems in the pages
and l10n.toml.

Warnings (exit status 0): obsolete entries, translations identical to the
English, white space at the ends that the English lacks, zero-width
characters, a translation more than ten times as long as its English,
unbalanced brackets or quotes, key terms translated otherwise than the
glossary agrees, links and special files in content/ that are not read
as pages, a front matter key that looks like a misspelled translated key
(titel), and a locales/en.toml that is out of date with the pages.

Untranslated and stale messages are not problems: l10n status lists them.`,
		run: runCheck,
	}
}

func runCheck(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	}
	var list diag.List
	pages, err := s.LoadPages()
	list.Add(err)
	// Links and special files under content/ are not pages; say so, so
	// that no page goes missing unnoticed. (LoadPages reports the error of
	// the walk, if any.)
	skipped, _ := s.Warnings()
	list = append(list, skipped...)
	for _, p := range pages {
		list = append(list, p.Warnings...)
	}
	cats, err := s.LoadCatalogs()
	list.Add(err)
	in := &check.Input{Glossary: s.Config.Glossary, ShortcodeArgs: s.Config.Content.ShortcodeArgs}
	for _, c := range cats {
		if c.Tag == site.Source {
			in.Source = c
		} else {
			in.Locales = append(in.Locales, c)
		}
	}
	if in.Source == nil {
		list.Add(fmt.Errorf("%s does not exist; run l10n extract", site.SourceCatalog))
		return list
	}
	if pages != nil {
		if sn, err := snapshotpkg.New(s, pages, cats); err != nil {
			list.Add(err)
		} else if sn.Stale {
			list.Add(diag.Warningf(diag.Pos{File: site.SourceCatalog}, "out of date with content/; run l10n extract"))
		}
	}
	list = append(list, check.Run(in)...)
	list.Sort()
	if len(list) == 0 {
		fmt.Fprintf(stdout, "checked %d catalogs: no problems\n", len(cats))
		return nil
	}
	return list
}
