package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/memory"
	"github.com/hsi-l10n/l10n/internal/site"
)

func tmCmd() *command {
	var (
		tag          tagFlag
		json, dryRun bool
	)
	c := &command{
		name:  "tm",
		usage: "l10n tm [-C DIR] -locale TAG [-json] [-n]",
		short: "offer the site's own translations of the same or similar English",
		long: `
Tm is the locale's translation memory: for every message of locales/<TAG>.toml
that is untranslated, stale or awaiting review, it looks up the locale's
current translations of the same English (an exact match), of the same
English but for numbers, links or code (a mapped match: those are changed
to the message's in the suggestion), and of similar English (a fuzzy
match, scored by the share of words the two English texts have in
common, from 70%).

An untranslated entry takes the best exact or mapped match as its
translation, to await review: its hash is "review:" and the English hash,
readers are never shown it, and a comment names where it came from. With
exact = "current" under [memory] in l10n.toml, an exact match is written
as current instead. Other matches, up to three an entry, are written as
comments above it ("tm 88% [id]: …" and the English they translate), which
extract keeps until the entry is translated. A translation is never
changed; running tm again replaces its comments. l10n export gives the
matches to CAT tools: every one in XLIFF (<mtc:match>), the best one of an
untranslated message in PO (a fuzzy entry, which import never imports
until the fuzzy flag is cleared).

With -n, tm only reports what it would do; -json prints what it offered.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`,
		flags: func(fs *flag.FlagSet) {
			fs.Var(&tag, "locale", "the `TAG` of the catalog (required)")
			fs.BoolVar(&json, "json", false, "print what was offered as JSON")
			fs.BoolVar(&dryRun, "n", false, "report what would be written; change nothing")
		},
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		switch {
		case len(args) > 0:
			return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
		case language.Tag(tag) == language.Und:
			return fmt.Errorf("%w: name the locale with -locale", errUsage)
		}
		unlock, err := c.lockSite(ctx, s, stdout)
		if err != nil {
			return err
		}
		defer unlock()
		return runTM(s, language.Tag(tag), json, dryRun, stdout)
	}
	return c
}

// tmOffer is one entry of tm's JSON report.
type tmOffer struct {
	ID      string              `json:"id"`
	Applied *memory.Suggestion  `json:"applied,omitempty"`
	Current bool                `json:"current,omitempty"`
	Shown   []memory.Suggestion `json:"shown"`
}

func runTM(s *site.Site, tag language.Tag, asJSON, dryRun bool, stdout io.Writer) error {
	source, loc, err := loadPair(s, tag)
	if err != nil {
		return err
	}
	res, err := memory.Fill(source, loc, s.Config.Memory.Exact == site.ExactCurrent)
	if err != nil {
		return err
	}
	changed := false
	if !dryRun {
		if changed, err = atomicfile.SaveIfChanged(s.Path(loc.Path), res.Data, 0o644); err != nil {
			return err
		}
	}
	if asJSON {
		out := []tmOffer{}
		for _, o := range res.Offered {
			out = append(out, tmOffer{ID: o.ID, Applied: o.Applied, Current: o.Current, Shown: o.Shown})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	review, current, shown := res.Counts()
	verb := "wrote"
	switch {
	case dryRun:
		verb = "would write"
	case !changed:
		verb = "no change to"
	}
	fmt.Fprintf(stdout, "%s %s: memory of %d translations; %d entries take a translation to review, %d one as current, %d show suggestions\n",
		verb, loc.Path, res.Size, review, current, shown)
	return nil
}
