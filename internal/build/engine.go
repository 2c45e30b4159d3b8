package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sys/unix"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/render"
	"github.com/hsi-l10n/l10n/internal/stamp"

	"github.com/hsi-l10n/l10n/internal/crashpoint"
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
}

// Summary says what a build did.
type Summary struct {
	Files     int // output files
	Written   int // files that changed: written anew, or kept from the standby site built from these inputs
	Unchanged int // files taken over from the previous site as they were
}

// Write builds the site of in into the folder dir, which it replaces as a
// whole: the new site is assembled in the standby folder beside it
// (.public.standby, see standby), synced to disk and swapped in by one
// atomic exchange of the two folders, so a web server serving dir sees
// the old site or the new one, never a mix, and never no dir.
//
// It is incremental: an output whose bytes equal those in the old site is
// not written but hard-linked from it, so a build with nothing changed
// writes no file; and with a Manifest, an output whose inputs (the page,
// every message it shows as resolved for its locale, the locales it is
// published in, the program itself) have the digest they had last time is
// not even rendered, and one the standby already holds is not touched.
// Pages are rendered by a pool of workers and written as they are done,
// so memory holds a few pages, not the site.
//
// A build killed part way leaves a standby without its manifest, which the
// next Write empties first; folders of older builds (.public.new-*) are
// removed. It must not run while another Write writes the same dir: the
// caller holds the site lock.
func Write(ctx context.Context, in *Input, dir string, opts Options) (Summary, error) {
	var sum Summary
	b := New(in)
	version := opts.Program
	if version == "" {
		var err error
		if version, err = stamp.Program(); err != nil {
			return sum, err
		}
	}
	if in.Frozen != nil && !b.publishedAsLast() {
		return sum, ErrRescope
	}
	last, lastKnown := in.last, in.lastKnown
	if in.lastPath != opts.Manifest || opts.Manifest == "" {
		last, lastKnown = loadManifestFile(opts.Manifest)
	}
	chooser, parts, err := b.chooser()
	if err != nil {
		return sum, err
	}
	// The files beside the pages; one without Data is the old site's.
	extras := []File{{Path: "index.html", Data: chooser}}
	sitemaps, err := sitemapsFor(b, dir, in.Frozen != nil)
	if err != nil {
		return sum, err
	}
	extras = append(append(append(extras, sitemaps...), b.Aliases()...), opts.Extras...)
	digests := make([][]string, len(in.Pages))
	if n, ok := upToDate(b, dir, last.outputs, version, opts.Workers, extras, digests); ok {
		// Nothing to render, write, link or swap.
		return Summary{Files: n, Unchanged: n}, nil
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return sum, err
	}
	// Folders of builds before the standby site existed.
	if err := removeLeftovers(parent, "."+filepath.Base(dir)+".new-"); err != nil {
		return sum, err
	}
	sb, err := openStandby(dir, opts.Manifest)
	if err != nil {
		return sum, sb.explain(err)
	}
	ok := false
	defer func() {
		if !ok {
			// Half updated: nothing of it may be trusted or served.
			os.RemoveAll(sb.dir)
		}
	}()
	w := &treeWriter{old: dir, new: sb.dir, last: last.outputs, lastManifest: last, lastKnown: lastKnown, kept: sb.kept, sb: sb, version: version}
	if _, err := os.Stat(dir); err == nil {
		w.hasOld = true
	}
	sum, err = w.write(ctx, in, b, opts, extras, parts, digests)
	if err != nil {
		return sum, sb.explain(err)
	}
	ok = true
	return sum, nil
}

// write is Write once the standby site is open.
// digests holds the digests of the outputs of each page that upToDate
// computed, nil for the others; write fills in the rest.
func (w *treeWriter) write(ctx context.Context, in *Input, b *Builder, opts Options, extras []File, parts map[string]string, digests [][]string) (Summary, error) {
	var sum Summary
	extras, err := w.putExtras(b, extras)
	if err != nil {
		return sum, err
	}

	// Each worker renders whole pages, every locale of a page in turn, so
	// a text several locales show (the English of an untranslated block)
	// is rendered once per page.
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	var done atomic.Int64
	var progressMu sync.Mutex
	for i, p := range in.Pages {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			d, err := w.page(b, p, digests[i])
			digests[i] = d
			if opts.Progress != nil {
				progressMu.Lock()
				opts.Progress(int(done.Add(1)), len(in.Pages))
				progressMu.Unlock()
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return sum, err
	}

	if err := w.sb.finish(in.Pages, b, extras); err != nil {
		return sum, err
	}
	if err := w.sb.swap(w.old, w.lastManifest, w.lastKnown, opts.Manifest, func() error { return saveManifest(opts.Manifest, in.Pages, b, digests, parts) }); err != nil {
		return sum, err
	}
	sum.Written, sum.Unchanged = int(w.written.Load()), int(w.unchanged.Load())
	sum.Files = sum.Written + sum.Unchanged
	return sum, nil
}

// sitemapsFor returns the sitemaps of b's site. With frozen locales, the
// pages and the locales each is published in are those of the last
// build, and so are the sitemaps: it returns those of the site served in
// dir, without their Data.
func sitemapsFor(b *Builder, dir string, frozen bool) ([]File, error) {
	if frozen {
		if entries, err := os.ReadDir(filepath.Join(dir, SitemapDir)); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "sitemap.xml")); err == nil {
				files := []File{{Path: "sitemap.xml"}}
				for _, e := range entries {
					files = append(files, File{Path: SitemapDir + "/" + e.Name()})
				}
				return files, nil
			}
		}
	}
	return b.Sitemaps()
}

// putExtras adds extras to the new site, linking from the old one those
// without Data; if one of those is missing, the sitemaps are made anew.
// It returns the extras put.
func (w *treeWriter) putExtras(b *Builder, extras []File) ([]File, error) {
	for _, f := range extras {
		if f.Data != nil {
			continue
		}
		ok, err := w.reuse(f.Path)
		if err != nil {
			return nil, err
		}
		if !ok {
			// Only the sitemaps come without Data: make them anew, and
			// keep the files that have it.
			sitemaps, err := b.Sitemaps()
			if err != nil {
				return nil, err
			}
			extras = append(slices.DeleteFunc(slices.Clone(extras), func(f File) bool { return f.Data == nil }), sitemaps...)
			break
		}
	}
	for _, f := range extras {
		if f.Data == nil {
			continue // taken over by reuse
		}
		if err := w.put(f.Path, "", f.Data); err != nil {
			return nil, err
		}
	}
	return extras, nil
}

// upToDate reports whether dir already holds this build: the manifest
// lists exactly its page outputs, each with the digest of its inputs now,
// and the chooser and sitemaps (extras) are byte for byte the same. It
// returns the number of files. A no-op rebuild then costs the loading and
// the digests, and touches nothing on disk.
func upToDate(b *Builder, dir string, last map[string]string, version string, workers int, extras []File, digests [][]string) (int, bool) {
	n := 0
	for _, p := range b.in.Pages {
		n += len(b.published[p])
	}
	if len(last) != n {
		return 0, false
	}
	for _, f := range extras {
		if f.Data == nil {
			// As the old site has it, if it has it.
			if _, err := os.Stat(filepath.Join(dir, f.Path)); err != nil {
				return 0, false
			}
			continue
		}
		old, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil || !bytes.Equal(old, f.Data) {
			return 0, false
		}
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var changed atomic.Bool
	var g errgroup.Group
	g.SetLimit(workers)
	for i, p := range b.in.Pages {
		g.Go(func() error {
			if changed.Load() {
				return nil
			}
			d := make([]string, len(b.published[p]))
			for j, tag := range b.published[p] {
				d[j] = b.digest(p, tag, version)
				if last[PagePath(tag, p)] != d[j] {
					changed.Store(true)
				}
			}
			digests[i] = d
			return nil
		})
	}
	_ = g.Wait() // the goroutines return no error
	if changed.Load() {
		return 0, false
	}
	// The files must still be there: a manifest can outlive its site.
	if len(b.in.Pages) > 0 {
		if _, err := os.Stat(filepath.Join(dir, PagePath(b.tags[0], b.in.Pages[0]))); err != nil {
			return 0, false
		}
	}
	return n + len(extras), true
}

// page renders page p in every locale it is published in, and returns the
// digest of each output's inputs, in the order of b.Published(p): those
// of known if not nil, computed otherwise.
func (w *treeWriter) page(b *Builder, p *content.Page, known []string) ([]string, error) {
	cache := render.NewCache()
	tags := b.published[p]
	digests := known
	if digests == nil {
		digests = make([]string, len(tags))
	}
	// One buffer for every locale of the page, grown once to the size of
	// a typical page (if one is rendered at all), not doubled up from
	// nothing for each.
	var buf bytes.Buffer
	for i, tag := range tags {
		path := PagePath(tag, p)
		if known == nil {
			digests[i] = b.digest(p, tag, w.version)
		}
		if d, ok := w.kept[path]; ok && d == digests[i] {
			// The standby holds it already, built from the same inputs;
			// it changes what is served if the old site has another.
			if w.hasOld && w.last[path] == d {
				w.unchanged.Add(1)
			} else {
				w.written.Add(1)
			}
			continue
		}
		if w.last[path] == digests[i] {
			ok, err := w.reuse(path)
			if err != nil {
				return nil, err
			}
			if ok {
				continue
			}
		}
		if b.in.Frozen[tag] {
			// Its catalog was not read: only the old site has the page.
			return nil, ErrRescope
		}
		buf.Reset()
		buf.Grow(64 << 10)
		if err := render.WritePage(&buf, b.view(p, tag, cache, ViewOptions{})); err != nil {
			return nil, fmt.Errorf("%s in %s: %w", p.File, tag, err)
		}
		if err := w.put(path, digests[i], buf.Bytes()); err != nil {
			return nil, err
		}
	}
	return digests, nil
}

// treeWriter assembles the new site in new (the standby site), taking
// unchanged files over from old (the served site). A file new already
// holds is replaced, never written in place: it may be a link to old's.
type treeWriter struct {
	old, new           string
	hasOld             bool              // old exists: there may be files to take over
	last               map[string]string // output path → digest of its inputs in old
	lastManifest       *manifest         // old's manifest, of which last is part
	lastKnown          bool              // last was read from a manifest
	sb                 *standby
	kept               map[string]string // output path → digest of its inputs in new
	version            string
	written, unchanged atomic.Int64
}

// reuse links path from the old site into the new one, if the old site
// has it.
func (w *treeWriter) reuse(path string) (bool, error) {
	src := filepath.Join(w.old, filepath.FromSlash(path))
	dst := filepath.Join(w.new, filepath.FromSlash(path))
	if err := mkdirFor(dst); err != nil {
		return false, err
	}
	err := os.Link(src, dst)
	if errors.Is(err, fs.ErrExist) {
		if err = os.Remove(dst); err == nil {
			crashpoint.Done("remove", dst)
			err = os.Link(src, dst)
		}
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return false, err
	}
	crashpoint.Done("link", dst)
	w.unchanged.Add(1)
	return true, nil
}

// put adds path with data to the new site: linked from the old site if it
// holds the same bytes there, written otherwise.
func (w *treeWriter) put(path, digest string, data []byte) error {
	if w.hasOld {
		src := filepath.Join(w.old, filepath.FromSlash(path))
		if old, err := os.ReadFile(src); err == nil && bytes.Equal(old, data) {
			if ok, err := w.reuse(path); ok || err != nil {
				return err
			}
		}
	}
	dst := filepath.Join(w.new, filepath.FromSlash(path))
	if err := mkdirFor(dst); err != nil {
		return err
	}
	if err := createFile(dst, data); err != nil {
		return err
	}
	w.written.Add(1)
	return nil
}

// createFile writes data to a new file at path, replacing (not
// overwriting) any file there.
func createFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err = os.Remove(path); err == nil {
			crashpoint.Done("remove", path)
			f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	if err != nil {
		return err
	}
	crashpoint.Done("create", path)
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		crashpoint.Done("write", path)
	}
	return err
}

// mkdirFor makes the folder of file path. Each page has a folder of its
// own, so one mkdir usually does it; its parents are made on the first
// page of a locale.
func mkdirFor(path string) error {
	dir := filepath.Dir(path)
	err := os.Mkdir(dir, 0o755)
	switch {
	case err == nil, errors.Is(err, fs.ErrExist):
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	}
	return err
}

// digest identifies what output (p, tag) is made of: the program, the
// page's source and IDs, every message it shows as resolved for tag, and
// the locales p is published in. Equal digests give equal bytes.
func (b *Builder) digest(p *content.Page, tag language.Tag, version string) string {
	if b.in.Frozen[tag] {
		return b.in.last.outputs[PagePath(tag, p)]
	}
	// The fields are gathered in one pooled buffer and hashed at once:
	// io.WriteString to a hash copies each string first.
	bp := digestBuffers.Get().(*[]byte)
	buf := (*bp)[:0]
	field := func(s string) {
		buf = append(buf, s...)
		buf = append(buf, 0)
	}
	field(version)
	field(b.in.BaseURL)
	field(p.File)
	field(p.Digest)
	field(tag.String())
	for _, t := range b.published[p] {
		field(t.String())
	}
	chain := b.chains[tag]
	for _, id := range PageMessages(p) {
		res, _ := b.resolver.ResolveShowingStale(chain, id, b.showStale)
		field(id)
		field(res.From.String())
		if res.Stale {
			field("stale")
		}
		field(res.Text)
	}
	sum := sha256.Sum256(buf)
	*bp = buf
	digestBuffers.Put(bp)
	return hex.EncodeToString(sum[:])
}

// digestBuffers holds the buffers of digest.
var digestBuffers = sync.Pool{New: func() any { return new([]byte) }}

// syncTree makes the new site durable: one syncfs for the whole file
// system instead of an fsync per file, then the folder itself.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		return err
	}
	return f.Sync()
}
