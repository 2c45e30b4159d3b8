package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"golang.org/x/sync/errgroup"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
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
catalog changed since the last extract, it stops at once. When only the
text of some pages changed (no block added, removed or moved, and every
catalog as the last extract wrote it), only their entries are laid out
again and the rest of each catalog is copied as it is; the index in
.l10n-cache/extract.index says where each page's entries are.

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
	program := fresh.Notes["program"]
	outputs, pages, err := extractChanged(s, stdout, program)
	if err != nil {
		return err
	}
	// Until the catalogs are written, no index may say what they hold.
	if err := os.Remove(s.Path(extractIndex)); err != nil && !errors.Is(err, fs.ErrNotExist) {
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
	index, err := json.Marshal(extract.NewIndex(program, pages, outputs))
	if err != nil {
		return err
	}
	if err := atomicfile.Save(s.Path(extractIndex), index, 0o644); err != nil {
		return err
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
	outputs, _, err := extractAll(s, stdout, opts)
	return outputs, err
}

// extractAll is extractSite, which also returns the pages.
func extractAll(s *site.Site, stdout io.Writer, opts extract.Options) ([]extract.Output, []*content.Page, error) {
	if err := removeTemp(s, stdout); err != nil {
		return nil, nil, err
	}
	pages, err := s.LoadPages()
	if err != nil {
		return nil, nil, err
	}
	cats, err := s.LoadCatalogs()
	if err != nil {
		return nil, nil, err
	}
	outputs, err := extract.Run(pages, cats, opts)
	return outputs, pages, err
}

// extractIndex records what the last extract wrote (see extract.Index).
const extractIndex = site.CacheDir + "/extract.index"

// extractChanged is extractAll for l10n extract: when only the text of
// some pages changed since the last extract of this program (its
// index says), it lays out only their entries (extract.Incremental).
func extractChanged(s *site.Site, stdout io.Writer, program string) ([]extract.Output, []*content.Page, error) {
	var idx extract.Index
	data, err := os.ReadFile(s.Path(extractIndex))
	if err != nil || json.Unmarshal(data, &idx) != nil || idx.Program != program {
		return extractAll(s, stdout, extract.Options{})
	}
	if err := removeTemp(s, stdout); err != nil {
		return nil, nil, err
	}
	pages, err := s.LoadPages()
	if err != nil {
		return nil, nil, err
	}
	files, err := readCatalogs(s)
	if err == nil {
		if outputs, ok := extract.Incremental(&idx, pages, files); ok {
			return outputs, pages, nil
		}
	}
	// Loaded anew: Incremental gave some blocks their IDs.
	return extractAll(s, stdout, extract.Options{})
}

// readCatalogs reads every catalog in locales/, English first.
func readCatalogs(s *site.Site) ([]extract.File, error) {
	locales, err := s.Locales()
	if err != nil {
		return nil, err
	}
	files := make([]extract.File, len(locales))
	var g errgroup.Group
	for i, l := range locales {
		g.Go(func() error {
			data, err := s.ReadFile(l.Path)
			files[i] = extract.File{Path: l.Path, Tag: l.Tag, Data: data}
			return err
		})
	}
	return files, g.Wait()
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
