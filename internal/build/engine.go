package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sys/unix"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/crashpoint"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/render"
	"github.com/hsi-l10n/l10n/internal/stamp"
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
	sum := Summary{Pages: len(in.Pages)}
	version := opts.Program
	if version == "" {
		var err error
		if version, err = stamp.Program(); err != nil {
			return sum, err
		}
	}
	ps, err := newPages(in, version)
	if err != nil {
		return sum, err
	}
	sum.Locales = len(ps.tags)
	step := counter(opts.Progress, 2*len(in.Pages))
	cache := loadPlans(opts.Plans)
	planned, warnings, err := ps.planAll(opts.Workers, cache, step)
	if err != nil {
		return sum, err
	}
	// The plans rely on the check cache: a page taken from them is not
	// checked again. So the check cache is kept first.
	if err := ps.cats.Save(); err != nil {
		return sum, err
	}
	if err := cache.save(opts.Plans); err != nil {
		return sum, err
	}
	sum.Warnings = append(slices.Clone(in.Warnings), warnings...)
	published := make(map[*content.Page][]language.Tag, len(in.Pages))
	digests := make([][]string, len(in.Pages))
	for i, p := range in.Pages {
		published[p], digests[i] = planned[i].Published, planned[i].Digests
	}
	b := ps.site(published)
	chooser, _, err := b.chooser()
	if err != nil {
		return sum, err
	}
	sitemaps, err := b.Sitemaps()
	if err != nil {
		return sum, err
	}
	extras := append(append(append([]File{{Path: "index.html", Data: chooser}}, sitemaps...), b.Aliases()...), opts.Extras...)
	extras = shardFiles(extras, ps.tags, opts.Locales)
	mine, mineDigests := shard(in.Pages, published, digests, opts.Locales)
	last, lastKnown := loadManifestFile(opts.Manifest)
	if n, ok := upToDate(in.Pages, mine, dir, last.outputs, extras, mineDigests); ok {
		// Nothing to render, write, link or swap.
		sum.Files, sum.Unchanged = n, n
		return sum, nil
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
	w := &treeWriter{old: dir, new: sb.dir, last: last.outputs, lastManifest: last, lastKnown: lastKnown, kept: sb.kept, sb: sb}
	if _, err := os.Stat(dir); err == nil {
		w.hasOld = true
	}
	if err := w.write(ctx, ps, planned, published, mine, mineDigests, extras, opts.Workers, step); err != nil {
		return sum, sb.explain(err)
	}
	if err := w.sb.swap(w.old, w.lastManifest, w.lastKnown, opts.Manifest, func() error { return saveManifest(opts.Manifest, in.Pages, mine, mineDigests) }); err != nil {
		return sum, sb.explain(err)
	}
	sum.Written, sum.Unchanged = int(w.written.Load()), int(w.unchanged.Load())
	sum.Files = sum.Written + sum.Unchanged
	ok = true
	return sum, nil
}

// write is the second pass of Write, once the standby site is open: it
// puts the extras and the outputs of mine (in the locales each page is
// published in and this build writes, of the digests digests) into it,
// pages on workers cores (0: one each), and removes from it what this
// build has not. published holds every locale of every page.
func (w *treeWriter) write(ctx context.Context, ps *pages, planned []*plan, published, mine map[*content.Page][]language.Tag, digests [][]string, extras []File, workers int, step func()) error {
	for _, f := range extras {
		if err := w.put(f.Path, "", f.Data); err != nil {
			return err
		}
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
				b, _, err := ps.builder(p, published, ps.again(planned[i], tags))
				return b, err
			})
			step()
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return w.sb.finish(ps.in.Pages, mine, extras)
}

// upToDate reports whether dir already holds this build: the manifest
// (last) lists exactly its page outputs, each with the digest of its
// inputs now, and the extras (the chooser, the sitemaps…) are byte for
// byte the same. It returns the number of files. A no-op rebuild then
// costs the reading and the digests, and touches nothing on disk.
func upToDate(pages []*content.Page, published map[*content.Page][]language.Tag, dir string, last map[string]string, extras []File, digests [][]string) (int, bool) {
	n := 0
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
	return n + len(extras), true
}

// page puts page p into the new site in every locale of tags (those it is
// published in), the digests of whose outputs' inputs are digests: from
// the standby or the old site where they hold it as made from the same
// inputs, rendered otherwise, by the Builder builder returns for the
// locales to render (read only if there are any).
func (w *treeWriter) page(p *content.Page, tags []language.Tag, digests []string, builder func([]language.Tag) (*Builder, error)) error {
	var todo []int // the outputs to render, by index in tags
	for i, tag := range tags {
		ok, err := w.taken(PagePath(tag, p), digests[i])
		if err != nil {
			return err
		}
		if !ok {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	need := make([]language.Tag, len(todo))
	for j, i := range todo {
		need[j] = tags[i]
	}
	b, err := builder(need)
	if err != nil {
		return err
	}
	cache := render.NewCache()
	// One buffer for every locale of the page, grown once to the size of
	// a typical page, not doubled up from nothing for each.
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	for _, i := range todo {
		buf.Reset()
		if err := render.WritePage(&buf, b.view(p, tags[i], cache, ViewOptions{})); err != nil {
			return fmt.Errorf("%s in %s: %w", p.File, tags[i], err)
		}
		if err := w.put(PagePath(tags[i], p), digests[i], buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// taken reports whether output path, the digest of whose inputs is
// digest, is in the new site without rendering it: the standby holds it
// already, built from the same inputs, or it is linked from the old site,
// which has it from the same inputs.
func (w *treeWriter) taken(path, digest string) (bool, error) {
	if d, ok := w.kept[path]; ok && d == digest {
		// It changes what is served if the old site has another.
		if w.hasOld && w.last[path] == d {
			w.unchanged.Add(1)
		} else {
			w.written.Add(1)
		}
		return true, nil
	}
	if w.last[path] == digest {
		return w.reuse(path)
	}
	return false, nil
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

// contentDigest identifies what output (p, tag) is made of but for the
// locales p is published in: the program, the page's source and IDs, and
// every message it shows as resolved for tag. With those locales it makes
// the output's digest (outputDigest): equal digests give equal bytes.
func (b *Builder) contentDigest(p *content.Page, tag language.Tag, version string) string {
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

// outputDigest returns the digest of an output whose content digest is
// content, of a page published in the locales published.
func outputDigest(content string, published []language.Tag) string {
	h := sha256.New()
	io.WriteString(h, content)
	for _, t := range published {
		io.WriteString(h, " "+t.String())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// digestBuffers holds the buffers of contentDigest.
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
