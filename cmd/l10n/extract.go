package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

func extractCmd() *command {
	var quiet bool
	c := &command{
		name:  "extract",
		usage: "l10n extract [-C DIR] [-q]",
		short: "update the catalogs in locales/ from the English pages",
		long:  extractHelp,
	}
	c.flags = func(fs *flag.FlagSet) {
		fs.BoolVar(&quiet, "q", false, "no progress bar and no summary line")
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		return runExtract(ctx, c, s, args, stdout, quiet)
	}
	return c
}

// runExtract holds the site lock from before it reads the site until its
// writes are done, so a second command waits and then reads them.
func runExtract(ctx context.Context, c *command, s *site.Site, args []string, stdout io.Writer, quiet bool) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	}
	unlock, err := c.lockSite(ctx, s, stdout)
	if err != nil {
		return err
	}
	defer unlock()
	start := time.Now()
	// Pages and catalogs as the last extract left them: nothing to do.
	fresh, last, err := takeStamp(s, extractStamp, "")
	if err != nil {
		return err
	}
	if fresh.Unchanged(s.Root, last) {
		fmt.Fprintln(stdout, "catalogs are up to date")
		if sum := last.Notes["summary"]; !quiet && sum != "" {
			fmt.Fprintf(stdout, "extracted %s, in %.2fs\n", sum, time.Since(start).Seconds())
		}
		return nil
	}
	if err := removeStamp(s, extractStamp); err != nil {
		return err
	}
	program := fresh.Notes["program"]
	update, finish := progress(c.stderr, quiet, "extract", "catalogs")
	res, err := disk.Site(s, program, extract.Options{Progress: update})
	finish()
	if err != nil {
		return err
	}
	defer res.Close()
	changed, err := disk.Save(s, res.Outputs)
	written := 0
	for i, o := range res.Outputs {
		if changed[i] {
			written++
			fmt.Fprintf(stdout, "wrote %s\n", o.Path)
			if err := fresh.WroteSum(s.Root, o.Path, o.Sum); err != nil {
				return err
			}
		}
	}
	if err != nil {
		return err
	}
	if written == 0 {
		fmt.Fprintln(stdout, "catalogs are up to date")
	}
	summary := fmt.Sprintf("%d pages into %d catalogs", len(res.Pages), len(res.Outputs))
	if !quiet {
		fmt.Fprintf(stdout, "extracted %s: %d written, %d unchanged, in %.2fs\n", summary, written, len(res.Outputs)-written, time.Since(start).Seconds())
	}
	fresh.Notes["summary"] = fmt.Sprintf("%s: 0 written, %d unchanged", summary, len(res.Outputs))
	if err := disk.SaveIndex(s, program, res.Pages, res.Outputs); err != nil {
		return err
	}
	return saveExtractStamp(s, fresh, written > 0)
}

// extractStamp records the pages and catalogs as the last extract left
// them.
const extractStamp = site.CacheDir + "/extract.stamp"

// extractIndex records what the last extract wrote (see extract.Index).
const extractIndex = disk.IndexPath

// saveExtractStamp saves fresh, the stamp of an extract that is done
// (and wrote catalogs, if wrote); with warnings to give, it saves none
// and returns them, so that the next extract gives them again.
func saveExtractStamp(s *site.Site, fresh *stamp.Stamp, wrote bool) error {
	// Links and special files under content/ are not pages: warn, and
	// every time, so no stamp.
	skipped, _ := s.Warnings()
	if len(skipped) > 0 {
		return skipped
	}
	if wrote {
		// The writes changed the times of locales/ itself.
		if err := fresh.Record(s.Root, site.LocalesDir); err != nil {
			return err
		}
	}
	return fresh.Save(s.Path(extractStamp))
}

// removeTemp deletes what writes killed midway left in locales/, saying
// so, and in .l10n-cache/; the caller holds the site lock, so no other
// write is under way.
func removeTemp(s *site.Site, stdout io.Writer) error {
	if err := removeCacheTemp(s); err != nil {
		return err
	}
	removed, err := atomicfile.RemoveTemp(s.Path(site.LocalesDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	for _, name := range removed {
		fmt.Fprintf(stdout, "removed %s/%s, left by an interrupted write\n", site.LocalesDir, name)
	}
	return err
}
