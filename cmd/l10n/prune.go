package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
)

func pruneCmd() *command {
	var dryRun bool
	c := &command{
		name:  "prune",
		usage: "l10n prune [-C DIR] [-n]",
		short: "delete obsolete translations from the catalogs",
		long: `
Prune does what extract does, and also deletes from every locale catalog
the obsolete entries: translations of blocks the English pages no longer
have, which extract keeps at the end of each file. It lists each entry it
deletes. With -n it only lists them.`,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&dryRun, "n", false, "list what would be deleted; change nothing")
		},
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		if len(args) > 0 {
			return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
		}
		unlock, err := c.lockSite(ctx, s, stdout)
		if err != nil {
			return err
		}
		defer unlock()
		res, err := disk.Site(s, "", extract.Options{Prune: true})
		if err != nil {
			return err
		}
		defer res.Close()
		n := 0
		for _, o := range res.Outputs {
			for _, m := range o.Pruned {
				n++
				fmt.Fprintf(stdout, "%s: %s %q\n", o.Path, m.ID, m.Other())
			}
		}
		if dryRun {
			fmt.Fprintf(stdout, "would delete %d obsolete entries\n", n)
			return nil
		}
		for _, o := range res.Outputs {
			if o.Unchanged {
				continue
			}
			if _, err := atomicfile.SaveIfChanged(s.Path(o.Path), o.Data, 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(stdout, "deleted %d obsolete entries\n", n)
		return nil
	}
	return c
}
