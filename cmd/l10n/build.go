package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/dashboard"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
)

// buildOptions are the flags of l10n build.
type buildOptions struct {
	pseudo   bool
	markdown string // --markdown DIR: Markdown for Hugo instead of HTML
	status   bool
	quiet    bool
	workers  int
	locales  tagsFlag // --locales: the shard's locales; nil is all
}

func buildCmd() *command {
	var opts buildOptions
	c := &command{
		name:  "build",
		usage: "l10n build [-C DIR] [--pseudo] [--status] [--markdown DIR] [--locales TAGS] [-j N] [-q]",
		short: "write the localized site into public/",
		long:  buildHelp,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&opts.pseudo, "pseudo", false, "add the pseudo-locales en-XA and ar-XB")
			fs.StringVar(&opts.markdown, "markdown", "", "write localized Markdown for Hugo into `DIR` instead of HTML into public/")
			fs.BoolVar(&opts.quiet, "q", false, "no progress bar")
			fs.BoolVar(&opts.status, "status", false, "also write the status dashboard into public/_status/")
			fs.IntVar(&opts.workers, "j", 0, "render `N` pages at once (default: one per core)")
			fs.Var(&opts.locales, "locales", "write only the files of the locales `TAGS` (comma-separated; a shard)")
		},
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		return runBuild(ctx, c, s, args, stdout, opts)
	}
	return c
}

// runBuild holds the site lock from before it reads the site until its
// writes are done, so a second command waits and then reads them.
func runBuild(ctx context.Context, c *command, s *site.Site, args []string, stdout io.Writer, opts buildOptions) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	}
	unlock, err := c.lockSite(ctx, s, stdout)
	if err != nil {
		return err
	}
	defer unlock()
	start := time.Now()
	if opts.markdown != "" {
		return buildMarkdown(s, opts, stdout, start)
	}
	// A build whose inputs are as the last build left them has nothing to
	// do: it says so without reading them.
	fresh, last, err := takeStamp(s, buildStamp, opts.stampNote(), site.PublicDir)
	if err != nil {
		return err
	}
	if fresh.Unchanged(s.Root, last) {
		if !opts.quiet {
			fmt.Fprintf(stdout, "nothing changed since the last build: %s, in %.2fs\n", last.Notes["summary"], time.Since(start).Seconds())
		}
		return nil
	}
	// Until this build saves its own, no stamp may vouch for the site.
	if err := removeStamp(s, buildStamp); err != nil {
		return err
	}
	sum, err := opts.publish(ctx, c, s, fresh.Notes["program"])
	if err != nil {
		return err
	}
	summary := fmt.Sprintf("%d pages in %d locales in %s/", sum.Pages, sum.Locales, site.PublicDir)
	if !opts.quiet {
		fmt.Fprintf(stdout, "built %s: %d files written, %d unchanged, in %.2fs\n", summary, sum.Written, sum.Unchanged, time.Since(start).Seconds())
	}
	if len(sum.Warnings) > 0 {
		// No stamp: the next build runs in full and warns again.
		return sum.Warnings
	}
	fresh.Notes["summary"] = fmt.Sprintf("%s, 0 files written, %d unchanged", summary, sum.Files)
	if err := fresh.Record(s.Root, site.PublicDir); err != nil {
		return err
	}
	return fresh.Save(s.Path(buildStamp))
}

// publish builds the site of s into public/ as the flags say (see
// build.Publish), program being l10n's own digest.
func (o buildOptions) publish(ctx context.Context, c *command, s *site.Site, program string) (build.Summary, error) {
	sn, err := snapshotpkg.Read(s, disk.ReadIndex(s, program))
	if err != nil {
		return build.Summary{}, err
	}
	defer sn.Close()
	update, finish := progress(c.stderr, o.quiet, "build", "pages")
	defer finish()
	r := build.Request{Pseudo: o.pseudo, Checked: s.Path(checkCache), Options: build.Options{
		Workers: o.workers, Manifest: s.Path(site.CacheDir + "/build.manifest"), Plans: s.Path(buildPlans),
		Progress: update, Program: program, Locales: o.locales}}
	if o.status {
		r.Dashboard = dashboard.Page
	}
	sum, err := build.Publish(ctx, sn, s.Path(site.PublicDir), r)
	var unknown *build.UnknownLocaleError
	if errors.As(err, &unknown) {
		err = fmt.Errorf("%w: %v", errUsage, err)
	}
	return sum, err
}

// checkCache is the folder of the check cache of build (see
// build.NewStream).
const checkCache = site.CacheDir + "/check"

// buildPlans is the plan cache of build (see build.Options.Plans).
const buildPlans = site.CacheDir + "/build.plans"

// buildStamp records the inputs of the last build that did not warn.
const buildStamp = site.CacheDir + "/build.stamp"

// stampNote says what in a build's flags shapes its output.
func (o buildOptions) stampNote() string {
	return fmt.Sprintf("pseudo=%t status=%t locales=%s", o.pseudo, o.status, o.locales.String())
}
