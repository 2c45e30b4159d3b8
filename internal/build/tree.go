package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"

	"golang.org/x/sys/unix"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/crashpoint"
	"github.com/hsi-l10n/l10n/internal/render"
)

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
