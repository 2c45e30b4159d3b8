package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/crashpoint"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
)

func extractCmd() *command {
	var quiet bool
	c := &command{
		name:  "extract",
		usage: "l10n extract [-C DIR] [-q]",
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
.l10n-cache/extract.index says where each page's entries are. On a
terminal a progress bar shows for extracts longer than a second; a last
line sums up: pages, catalogs written and unchanged, time.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`,
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
	outputs, pages, done, err := extractChanged(s, stdout, program, update)
	finish()
	if err != nil {
		return err
	}
	defer done()
	// Until the catalogs are written, no index may say what they hold.
	if err := os.Remove(s.Path(extractIndex)); err == nil {
		crashpoint.Done("remove", s.Path(extractIndex))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	changed, err := saveOutputs(s, outputs)
	written := 0
	for i, o := range outputs {
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
	summary := fmt.Sprintf("%d pages into %d catalogs", len(pages), len(outputs))
	if !quiet {
		fmt.Fprintf(stdout, "extracted %s: %d written, %d unchanged, in %.2fs\n", summary, written, len(outputs)-written, time.Since(start).Seconds())
	}
	fresh.Notes["summary"] = fmt.Sprintf("%s: 0 written, %d unchanged", summary, len(outputs))
	index, err := json.Marshal(extract.NewIndex(program, pages, outputs))
	if err != nil {
		return err
	}
	if err := atomicfile.Save(s.Path(extractIndex), index, 0o644); err != nil {
		return err
	}
	// Links and special files under content/ are not pages: warn, and
	// every time, so no stamp.
	skipped, _ := s.Warnings()
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
// write; the caller holds the site lock (which removed the leftovers of
// interrupted writes).
func extractSite(s *site.Site, stdout io.Writer, opts extract.Options) ([]extract.Output, error) {
	outputs, _, err := extractAll(s, stdout, opts)
	return outputs, err
}

// extractAll is extractSite, which also returns the pages.
func extractAll(s *site.Site, stdout io.Writer, opts extract.Options) ([]extract.Output, []*content.Page, error) {
	sn, err := snapshotpkg.Read(s)
	if err != nil {
		return nil, nil, err
	}
	defer sn.Close()
	outputs, err := extractFrom(s, sn.Pages, opts)
	return outputs, sn.Pages, err
}

// extractFrom returns the catalogs extract writes for pages, whose blocks
// have their IDs: one catalog at a time where it can (extract.Stream),
// all of them at once otherwise.
func extractFrom(s *site.Site, pages []*content.Page, opts extract.Options) ([]extract.Output, error) {
	if !opts.Prune {
		outputs, err := extractStream(s, pages, opts)
		if !errors.Is(err, extract.ErrNotStreamed) {
			return outputs, err
		}
	}
	cats, err := s.LoadCatalogs()
	if err != nil {
		return nil, err
	}
	return extract.Run(pages, cats, opts)
}

// extractStream is extract.Stream on the catalogs of s, read one at a
// time; it returns extract.ErrNotStreamed where extractAll must read
// them all.
func extractStream(s *site.Site, pages []*content.Page, opts extract.Options) ([]extract.Output, error) {
	files, err := s.Locales()
	if err != nil {
		return nil, extract.ErrNotStreamed
	}
	return extract.Stream(pages, len(files), func(i int) (*catalog.File, []byte, error) {
		return s.ReadCatalog(files[i])
	}, opts)
}

// saveOutput writes o's catalog if it changed, and reports whether it
// did. It sets o.Sum to the SHA-256 of the catalog.
func saveOutput(s *site.Site, o *extract.Output) (bool, error) {
	if o.Unchanged {
		return false, nil // and Stream knew its sum
	}
	if o.Splice == nil {
		sum := sha256.Sum256(o.Data)
		o.Sum = hex.EncodeToString(sum[:])
		return atomicfile.SaveIfChanged(s.Path(o.Path), o.Data, 0o644)
	}
	if !o.Splice.Changed() {
		return false, nil // and Incremental knew its sum
	}
	// Streamed from the old bytes and the new entries, hashed on the way.
	h := sha256.New()
	err := atomicfile.SaveFunc(s.Path(o.Path), 0o644, func(w io.Writer) error {
		_, err := o.Splice.WriteTo(io.MultiWriter(w, h))
		return err
	})
	o.Sum = hex.EncodeToString(h.Sum(nil))
	return err == nil, err
}

// saveOutputs writes the catalogs that changed, on every core (each
// waits on its fsync), and reports which it wrote. locales/en.toml goes
// last, once every locale catalog is written: it is the English that a
// rerun after a crash compares the locale catalogs with, and the only
// record of the English a stale translation was made from ("# was:").
// Written first, a crash would leave a rerun without the old English.
func saveOutputs(s *site.Site, outputs []extract.Output) ([]bool, error) {
	changed := make([]bool, len(outputs))
	source := -1
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range outputs {
		if outputs[i].Path == site.SourceCatalog {
			source = i
			continue
		}
		g.Go(func() error {
			var err error
			changed[i], err = saveOutput(s, &outputs[i])
			return err
		})
	}
	if err := g.Wait(); err != nil || source < 0 {
		return changed, err
	}
	var err error
	changed[source], err = saveOutput(s, &outputs[source])
	return changed, err
}

// extractIndex records what the last extract wrote (see extract.Index).
const extractIndex = site.CacheDir + "/extract.index"

// extractChanged is extractAll for l10n extract: when only the text of
// some pages changed since the last extract of this program (its
// index says), it lays out only their entries (extract.Incremental),
// reading the old catalogs as they are written; done closes them.
// Progress, if not nil, is told of the catalogs laid out.
func extractChanged(s *site.Site, stdout io.Writer, program string, progress func(done, total int)) (outputs []extract.Output, pages []*content.Page, done func(), err error) {
	done = func() {}
	sn, err := snapshotpkg.Read(s)
	if err != nil {
		return nil, nil, done, err
	}
	defer sn.Close()
	pages = sn.Pages
	var idx extract.Index
	data, err := os.ReadFile(s.Path(extractIndex))
	if err == nil && json.Unmarshal(data, &idx) == nil && idx.Program == program {
		files, err := openCatalogs(s)
		if err == nil {
			if outputs, ok := extract.Incremental(&idx, pages, files); ok {
				return outputs, pages, func() { closeCatalogs(files) }, nil
			}
		}
		closeCatalogs(files)
	}
	outputs, err = extractFrom(s, pages, extract.Options{Progress: progress})
	return outputs, pages, done, err
}

// openCatalogs opens every catalog in locales/, English first, for
// extract.Incremental to read; closeCatalogs closes them.
func openCatalogs(s *site.Site) ([]extract.File, error) {
	locales, err := s.Locales()
	if err != nil {
		return nil, err
	}
	var files []extract.File
	for _, l := range locales {
		f, err := os.Open(s.Path(l.Path))
		if err != nil {
			closeCatalogs(files)
			return nil, err
		}
		fi, err := f.Stat()
		files = append(files, extract.File{Path: l.Path, Tag: l.Tag, Src: f})
		if err != nil {
			closeCatalogs(files)
			return nil, err
		}
		files[len(files)-1].Size = fi.Size()
	}
	return files, nil
}

func closeCatalogs(files []extract.File) {
	for _, f := range files {
		f.Src.(*os.File).Close()
	}
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
