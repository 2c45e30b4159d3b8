package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// Options configure [Write].
type Options struct {
	// Workers is how many pages are rendered at once; 0 means one per
	// core (GOMAXPROCS). The output does not depend on it.
	Workers int
	// Manifest is the file where Write keeps the digest of every output's
	// inputs; with it, an output whose inputs did not change is not
	// rendered again. "" renders everything.
	Manifest string
	// Progress, if not nil, is called after each page with the number of
	// pages done and the total. Calls do not overlap.
	Progress func(done, total int)
	// Program identifies the running program (stamp.Program), so outputs
	// of another version of l10n are rendered anew; "" has Write compute
	// it (a hash of the executable, which a caller may have made already).
	Program string
	// Extras are more files of the site beside the pages, the chooser and
	// the sitemaps (the status dashboard), by path relative to dir. They
	// are assembled with the rest and swapped in with it: a file written
	// into dir after the swap would be missing from the site served until
	// then, and from the site a killed build leaves.
	Extras []File
	// Plans is the file of the plan cache (see plans.go); "" is none.
	Plans string
	// Locales, if not nil, are the locales whose files this build writes
	// (a shard, see shard.go); English's shard writes the files of the
	// whole site. The files of the other locales are left out of dir.
	Locales []language.Tag
}

// Summary says what a build did.
type Summary struct {
	Files     int // output files
	Written   int // files that changed: written anew, or kept from the standby site built from these inputs
	Unchanged int // files taken over from the previous site as they were
	// Pages and Locales count the pages and the locales (English too).
	Pages, Locales int
	// Warnings are the problems that stopped nothing: in.Warnings, and
	// the translations the build did not show because l10n check rejects
	// them.
	Warnings diag.List
}

// Write builds the site of in into the folder dir, which it replaces as a
// whole: the new site is assembled in the standby folder beside it
// (.public.standby, see standby), synced to disk and swapped in by one
// atomic exchange of the two folders, so a web server serving dir sees
// the old site or the new one, never a mix, and never no dir.
//
// The build is page-major (see pages.go): memory holds the pages in
// flight, not the catalogs. It is incremental: an output whose bytes
// equal those in the old site is not written but hard-linked from it, so
// a build with nothing changed writes no file; and with a Manifest, an
// output whose inputs (the page, every message it shows as resolved for
// its locale, the locales it is published in, the program itself) have
// the digest they had last time is not even rendered, and one the
// standby already holds is not touched.
//
// A build killed part way leaves a standby without its manifest, which the
// next Write empties first; folders of older builds (.public.new-*) are
// removed. It must not run while another Write writes the same dir: the
// caller holds the site lock.
func Write(ctx context.Context, in *Input, dir string, opts Options) (Summary, error) {
	a, err := Assemble(in, opts)
	if err != nil {
		return Summary{Pages: len(in.Pages)}, err
	}
	if err := a.keep(opts.Plans); err != nil {
		return Summary{Pages: len(in.Pages)}, err
	}
	sum := Summary{Pages: len(in.Pages), Locales: len(a.ps.tags), Warnings: a.warnings}
	// A copy: write drops the Data of each, which the caller keeps.
	extras := shardFiles(slices.Clone(opts.Extras), a.ps.tags, opts.Locales)
	mine, digests := shard(in.Pages, a.published, a.digests, opts.Locales)
	last, lastKnown := loadManifestFile(opts.Manifest)
	site := a.siteOutputs(last.outputs, opts.Locales)
	if n, ok := upToDate(in.Pages, mine, dir, last.outputs, extras, digests, site); ok {
		// Nothing to render, write, link or swap.
		sum.Files, sum.Unchanged = n, n
		return sum, nil
	}
	sb, err := prepareStandby(dir, opts.Manifest)
	if err != nil {
		return sum, err
	}
	ok := false
	defer func() {
		if !ok {
			// Half updated: nothing of it may be trusted or served.
			os.RemoveAll(sb.dir)
		}
	}()
	w := &treeWriter{old: dir, new: sb.dir, last: last.outputs, lastManifest: last, lastKnown: lastKnown, kept: sb.kept, sb: sb}
	if _, err := os.Stat(dir); err == nil {
		w.hasOld = true
	}
	if err := w.write(ctx, a, mine, digests, extras, site, opts.Workers); err != nil {
		return sum, sb.explain(err)
	}
	if err := w.sb.swap(w.old, w.lastManifest, w.lastKnown, opts.Manifest, func() error { return saveManifest(opts.Manifest, in.Pages, mine, digests, site) }); err != nil {
		return sum, sb.explain(err)
	}
	sum.Written, sum.Unchanged = int(w.written.Load()), int(w.unchanged.Load())
	sum.Files = sum.Written + sum.Unchanged
	ok = true
	return sum, nil
}

// prepareStandby removes the folders of builds before the standby site
// existed beside dir, and opens the standby site (see standby).
func prepareStandby(dir, manifest string) (*standby, error) {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if err := removeLeftovers(parent, "."+filepath.Base(dir)+".new-"); err != nil {
		return nil, err
	}
	sb, err := openStandby(dir, manifest)
	if err != nil {
		return nil, sb.explain(err)
	}
	return sb, nil
}

// write is the second pass of Write, once the standby site is open: it
// puts the site files, the extras and the outputs of mine (in the
// locales each page is published in and this build writes, of the
// digests digests) into it, pages on workers cores (0: one each), and
// removes from it what this build has not. published holds every locale
// of every page. It drops the Data of each extra once written.
func (w *treeWriter) write(ctx context.Context, a *Assembly, mine map[*content.Page][]language.Tag, digests [][]string, extras []File, site *siteOutputs, workers int) error {
	ps := a.ps
	if err := w.siteFiles(a, site); err != nil {
		return err
	}
	for i, f := range extras {
		if err := w.put(f.Path, "", f.Data); err != nil {
			return err
		}
		// Written: only the paths are needed now.
		extras[i].Data = nil
	}
	// Each worker renders whole pages, every locale of a page in turn, so
	// a text several locales show (the English of an untranslated block)
	// is rendered once per page.
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workersOf(workers))
	for i, p := range ps.in.Pages {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			err := w.page(p, mine[p], digests[i], func(tags []language.Tag) (*Builder, error) {
				return a.builder(i, p, tags)
			})
			a.step()
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return w.sb.finish(ps.in.Pages, mine, slices.Concat(site.files(), extras))
}

// upToDate reports whether dir already holds this build: the manifest
// (last) lists exactly its page outputs and site files, each with the
// digest of its inputs now, and the extras (resources, the dashboard)
// are byte for byte the same. It returns the number of files. A no-op
// rebuild then costs the reading and the digests, and touches nothing on
// disk.
func upToDate(pages []*content.Page, published map[*content.Page][]language.Tag, dir string, last map[string]string, extras []File, digests [][]string, site *siteOutputs) (int, bool) {
	if !site.holds(mapsGroup) || owned(chooserPath, nil, site.only) && !site.holds(chooserGroup) {
		return 0, false
	}
	n := len(site.held)
	for i, p := range pages {
		n += len(published[p])
		for j, tag := range published[p] {
			if last[PagePath(tag, p)] != digests[i][j] {
				return 0, false
			}
		}
	}
	if len(last) != n {
		return 0, false
	}
	for _, f := range extras {
		old, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil || !bytes.Equal(old, f.Data) {
			return 0, false
		}
	}
	// The files must still be there: a manifest can outlive its site.
	if len(pages) > 0 {
		if _, err := os.Stat(filepath.Join(dir, PagePath(language.English, pages[0]))); err != nil {
			return 0, false
		}
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(site.held[0]))); err != nil {
		return 0, false
	}
	return n + len(extras), true
}
