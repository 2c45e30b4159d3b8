package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

func extractCmd() *command {
	c := &command{
		name:  "extract",
		usage: "l10n extract [-C DIR]",
		short: "update the catalogs in locales/ from the English pages",
		long: `
Extract reads every page under content/ and writes locales/en.toml: one
message per title, heading, paragraph, list item, quote and table cell,
with a stable ID, a description for translators and the hash of its
English. It then brings every other catalog in locales/ up to date: new
messages are added with an empty "other", translations are kept as they
are (a changed English marks them stale), and messages the English no
longer has are kept at the end as obsolete.

To start a new locale, create an empty locales/<tag>.toml (a BCP 47 tag
such as vi or es-MX) and run l10n extract.

Every input is checked before any file is written; on an error no file
changes. Files that would not change are not touched. When no page or
catalog changed since the last extract, it stops at once.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`,
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		return runExtract(ctx, c, s, args, stdout)
	}
	return c
}

// runExtract holds the site lock from before it reads the site until its
// writes are done, so a second command waits and then reads them.
func runExtract(ctx context.Context, c *command, s *site.Site, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	}
	unlock, err := c.lockSite(ctx, s)
	if err != nil {
		return err
	}
	defer unlock()
	// Pages and catalogs as the last extract left them: nothing to do.
	fresh, last, err := takeStamp(s, extractStamp, "")
	if err != nil {
		return err
	}
	if fresh.Unchanged(s.Root, last) {
		fmt.Fprintln(stdout, "catalogs are up to date")
		return nil
	}
	if err := removeStamp(s, extractStamp); err != nil {
		return err
	}
	outputs, err := extractSite(s, stdout, extract.Options{})
	if err != nil {
		return err
	}
	written := 0
	for _, o := range outputs {
		changed, err := atomicfile.SaveIfChanged(s.Path(o.Path), o.Data, 0o644)
		if err != nil {
			return err
		}
		if changed {
			written++
			fmt.Fprintf(stdout, "wrote %s\n", o.Path)
			if err := fresh.Wrote(s.Root, o.Path, o.Data); err != nil {
				return err
			}
		}
	}
	if written == 0 {
		fmt.Fprintln(stdout, "catalogs are up to date")
	}
	// Links and special files under content/ are not pages: warn, and
	// every time, so no stamp.
	skipped, _ := s.Skipped()
	if len(skipped) > 0 {
		return skipped
	}
	if written > 0 {
		// The writes changed the times of locales/ itself.
		if err := fresh.Record(s.Root, site.LocalesDir); err != nil {
			return err
		}
	}
	return fresh.Save(s.Path(extractStamp))
}

// extractStamp records the pages and catalogs as the last extract left
// them.
const extractStamp = site.CacheDir + "/extract.stamp"

// extractSite reads the site and returns the catalogs extract would
// write; the caller holds the site lock. Leftovers of interrupted writes
// are removed first.
func extractSite(s *site.Site, stdout io.Writer, opts extract.Options) ([]extract.Output, error) {
	if err := removeTemp(s, stdout); err != nil {
		return nil, err
	}
	pages, err := s.LoadPages()
	if err != nil {
		return nil, err
	}
	cats, err := s.LoadCatalogs()
	if err != nil {
		return nil, err
	}
	return extract.Run(pages, cats, opts)
}

// removeTemp deletes what writes killed midway left in locales/; the
// caller holds the site lock, so no other write is under way.
func removeTemp(s *site.Site, stdout io.Writer) error {
	removed, err := atomicfile.RemoveTemp(s.Path(site.LocalesDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	for _, name := range removed {
		fmt.Fprintf(stdout, "removed %s/%s, left by an interrupted write\n", site.LocalesDir, name)
	}
	return err
}
