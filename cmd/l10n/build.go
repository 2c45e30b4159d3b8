package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/dashboard"
	"github.com/hsi-l10n/l10n/internal/pseudo"
	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
	"github.com/hsi-l10n/l10n/internal/status"
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
		long: `
Build writes the site into public/: public/<locale>/<page>/index.html for
English and every locale in locales/, public/index.html (a language
chooser), public/sitemaps/<locale>.xml (each locale's pages with their
alternates) and public/sitemap.xml, which lists them.

Each message comes from the first locale of the page locale's fallback
chain that has a current translation: the locale, its CLDR parents
(es-MX → es-419 → es), the fallbacks l10n.toml names, then English. A
translation is current when its hash is the hash of today's English; a
stale one is not shown. A block in another language than the page is
marked with lang and dir.

With --status, the coordinators' dashboard that l10n serve shows at
/_status is also written to public/_status/index.html, for a team's
internal site.

With --markdown DIR, build writes localized Markdown for Hugo instead of
HTML: for every locale that publishes a page, DIR/<locale>/<the page's
path under content/>, the English file with each block's text replaced
by the text the fallback chain chose and every other byte kept (front
matter keys, shortcodes, code, raw HTML), and each other file under
content/ (a bundle's images) beside it. A block that fell back is marked
with a Hugo block attribute list, {lang="en" dir="ltr"}. Point each Hugo
language's contentDir at DIR/<locale> (see the README). A file whose
bytes would not change is not written.

With --locales es,fr, build writes only those locales' files into
public/: their pages, aliases, resources and sitemaps, with complete
language switchers, hreflang links and sitemaps for every locale. The
build whose --locales name en also writes the files of the whole site
(index.html, sitemap.xml, the dashboard). Shards built on separate
machines, each locale in one, merge by plain copy into the site one
build writes: no file is in two shards.

With --pseudo, the site also has the pseudo-locales en-XA (accented,
about 35% longer, bracketed) and ar-XB (mirrored, right to left), made
from the English on the fly, to find layout bugs before translations
exist. They are never written to locales/.

The new site is assembled beside public/, in .public.standby/, and
swapped in at the end by one atomic exchange of the two folders; the site
served until then stays in .public.standby/ for the next build to update.
The build reads one page at a time from every catalog, so memory holds
the pages in flight, not the catalogs. It is incremental: a file whose
bytes would not change is not written (it is linked from the old site),
a page whose inputs have not changed since the last build is not
rendered again, a translation checked before is not checked again, and a
file the standby already holds as it should be is not touched (the
caches in .l10n-cache/ remember them; deleting them only makes the next
build slower). When nothing changed at all since the last build that
gave no warning (l10n.toml, content/, locales/, public/, the flags and
l10n itself, told by the files' sizes, times and inodes, and for files
changed within a second by their bytes), the build stops at once. It
does not look inside public/: to make it anew, delete public/ and
.public.standby/. Pages are rendered on every core; on a terminal a
progress bar shows for builds longer than a second.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`,
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
	sn, err := snapshotpkg.Read(s)
	if err != nil {
		return err
	}
	defer sn.Close()
	stream, err := build.NewStream(sn, s.Path(checkCache), fresh.Notes["program"])
	if err != nil {
		return err
	}
	in := build.NewInput(sn, stream)
	if opts.pseudo {
		in.Locales = pseudo.Catalogs(in.Source)
	}
	tags := append(sn.Tags(), build.Tags(in.Locales)[1:]...)
	for _, tag := range opts.locales {
		if !slices.Contains(tags, tag) {
			return fmt.Errorf("%w: --locales names %s, which the site has no catalog of (it has %s)", errUsage, tag, joinTags(tags))
		}
	}
	in.Warnings = append(in.Warnings, build.Shortcodes(in.Pages)...)
	extras, err := opts.extras(sn, in)
	if err != nil {
		return err
	}
	update, finish := progress(c.stderr, opts.quiet, "build", "pages")
	sum, err := build.Write(ctx, in, s.Path(site.PublicDir), build.Options{
		Workers:  opts.workers,
		Manifest: s.Path(site.CacheDir + "/build.manifest"),
		Plans:    s.Path(buildPlans),
		Progress: update,
		Program:  fresh.Notes["program"],
		Extras:   extras,
		Locales:  opts.locales,
	})
	finish()
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

// buildMarkdown writes the localized Markdown of the site into
// opts.markdown, each file atomically and only if its bytes change.
func buildMarkdown(s *site.Site, opts buildOptions, stdout io.Writer, start time.Time) error {
	in, err := build.Load(s)
	if err != nil {
		return err
	}
	if opts.pseudo {
		in.Locales = append(in.Locales, pseudo.Catalogs(in.Source)...)
	}
	resources, err := s.Resources()
	if err != nil {
		return err
	}
	files, err := build.Markdown(in, s.ReadFile, resources)
	if err != nil {
		return err
	}
	dir := opts.markdown
	if !filepath.IsAbs(dir) {
		dir = s.Path(dir)
	}
	for _, own := range []string{site.ContentDir, site.LocalesDir} {
		if rel, err := filepath.Rel(s.Path(own), dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%w: --markdown %s is inside %s/, which l10n reads; write it beside %s/ (content-l10n, say)", errUsage, opts.markdown, own, site.ContentDir)
		}
	}
	// What writes killed midway left in the tree Hugo reads goes first.
	removed, err := atomicfile.RemoveTempTree(dir)
	if err != nil {
		return err
	}
	for _, name := range removed {
		fmt.Fprintf(stdout, "removed %s, left by an interrupted write\n", filepath.ToSlash(filepath.Join(opts.markdown, name)))
	}
	written := 0
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		changed, err := atomicfile.SaveIfChanged(path, f.Data, 0o644)
		if err != nil {
			return err
		}
		if changed {
			written++
		}
	}
	if !opts.quiet {
		fmt.Fprintf(stdout, "wrote Markdown of %d pages in %d locales into %s: %d files written, %d unchanged, in %.2fs\n",
			len(in.Pages), len(build.Tags(in.Locales)), opts.markdown, written, len(files)-written, time.Since(start).Seconds())
	}
	if len(in.Warnings) > 0 {
		return in.Warnings
	}
	return nil
}

// extras returns the files beside the pages of the site of in: the
// resources of its bundles, and, with --status, the dashboard. They go
// into the site before it is swapped in, so that the site served is never
// without them. See issue 3.
func (o buildOptions) extras(sn *snapshotpkg.Snapshot, in *build.Input) ([]build.File, error) {
	s := sn.Site
	// A bundle's resources beside its page, in every locale.
	resources, err := s.Resources()
	if err != nil {
		return nil, err
	}
	tags := append(sn.Tags(), build.Tags(in.Locales)[1:]...)
	files, err := build.Resources(in.Pages, tags, resources, s.ReadFile)
	if err != nil || !o.status {
		return files, err
	}
	// The dashboard counts every translation of every locale.
	whole, err := build.Whole(sn)
	if err != nil {
		return nil, err
	}
	rep := status.Compute(&status.Input{Pages: whole.Pages, Source: whole.Source, Locales: append(whole.Locales, in.Locales...), Fallbacks: whole.Fallbacks, Policies: whole.Policies})
	var buf bytes.Buffer
	if err := dashboard.Write(&buf, rep, "../"); err != nil {
		return nil, err
	}
	return append(files, build.File{Path: statusPage, Data: buf.Bytes()}), nil
}

// joinTags joins tags with commas.
func joinTags(tags []language.Tag) string {
	s := make([]string, len(tags))
	for i, t := range tags {
		s[i] = t.String()
	}
	return strings.Join(s, ", ")
}

// statusPage is where --status writes the dashboard, in public/.
const statusPage = "_status/index.html"

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
