package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/sys/unix"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"

	"github.com/hsi-l10n/l10n/internal/crashpoint"
)

// The standby site is the folder beside dir (".public.standby") where a
// build assembles the new site before it is swapped in. After the swap it
// holds the site that was served until then, and the next build updates
// it in place: it rewrites only the files whose inputs changed since that
// site was built, instead of linking every unchanged file into a new
// folder and deleting the old one (on a site of 22,000 pages that linking
// and deleting took longer than rendering what had changed).
//
// Its manifest (the build manifest's path + ".standby") says what it
// holds; it is removed before the standby is touched and written again
// only once the standby is the served site's predecessor, whole. Without
// it the standby is emptied first, so a killed build can never leave a
// half-updated standby that a later build would trust.
type standby struct {
	dir      string
	manifest string            // path of its manifest; "" without a build manifest
	kept     map[string]string // page output path → digest of its inputs, as it holds them; nil: nothing
}

// openStandby prepares the standby site of dir for a build whose
// manifest is at manifest ("" for none).
func openStandby(dir, manifest string) (*standby, error) {
	sb := &standby{dir: filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".standby")}
	if manifest != "" {
		sb.manifest = manifest + ".standby"
		if kept, ok := loadManifestFile(sb.manifest); ok {
			sb.kept = kept.outputs
		}
		if err := os.Remove(sb.manifest); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		crashpoint.Done("remove", sb.manifest)
	}
	if sb.kept != nil {
		if fi, err := os.Lstat(sb.dir); err == nil && fi.IsDir() {
			return sb, nil
		}
		sb.kept = nil
	}
	if err := os.RemoveAll(sb.dir); err != nil {
		return nil, err
	}
	crashpoint.Done("remove", sb.dir)
	if err := os.Mkdir(sb.dir, 0o755); err != nil {
		return nil, err
	}
	crashpoint.Done("mkdir", sb.dir)
	return sb, nil
}

// explain adds to err, a failure to write the standby site, what the
// folder is and what to do.
func (sb *standby) explain(err error) error {
	var perr *fs.PathError
	if sb == nil || !errors.As(err, &perr) || !within(perr.Path, sb.dir) {
		return err
	}
	return fmt.Errorf("%w; %s holds the site served before the last build, which this build updates: make it writable, or delete it", err, sb.dir)
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// finish removes from the standby what this build does not have (pages
// gone or no longer published, sitemaps of locales gone, anything else at
// its top level) and makes it durable. extras are the files beside the
// pages.
func (sb *standby) finish(pages []*content.Page, published map[*content.Page][]language.Tag, extras []File) error {
	want := map[string]bool{}
	for _, f := range extras {
		for p := f.Path; p != "."; p = path.Dir(p) {
			want[p] = true // the file and its folders
		}
	}
	for _, p := range pages {
		for _, tag := range published[p] {
			want[PagePath(tag, p)] = true
			want[tag.String()] = true
		}
	}
	for p := range sb.kept {
		if !want[p] {
			file := filepath.Join(sb.dir, filepath.FromSlash(p))
			if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			crashpoint.Done("remove", file)
			// Its folder goes too once empty; one that is not stays.
			for d := path.Dir(p); d != "." && !want[d]; d = path.Dir(d) {
				if os.Remove(filepath.Join(sb.dir, filepath.FromSlash(d))) != nil {
					break
				}
			}
		}
	}
	// Anything else at the top level, or in the folders of the extras:
	// among the sitemaps, those of a locale gone or of a part no longer
	// needed. Folders in the order of the extras, for a fixed order.
	dirs := []string{".", SitemapDir}
	for _, f := range extras {
		if d := path.Dir(f.Path); !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	for _, dir := range dirs {
		entries, err := os.ReadDir(filepath.Join(sb.dir, dir))
		if err != nil && !(dir != "." && errors.Is(err, fs.ErrNotExist)) {
			return err
		}
		for _, e := range entries {
			if name := path.Join(dir, e.Name()); !want[name] {
				if err := os.RemoveAll(filepath.Join(sb.dir, filepath.FromSlash(name))); err != nil {
					return err
				}
				crashpoint.Done("remove", filepath.Join(sb.dir, filepath.FromSlash(name)))
			}
		}
	}
	return syncTree(sb.dir)
}

// swap makes the standby the served site dir, in one atomic exchange, and
// keeps the site served until then as the next standby with its
// manifest, last (if lastKnown: it was read from a manifest). save writes
// the build manifest of the new site. The build manifest is removed
// first: until save, nothing is known of the served site.
func (sb *standby) swap(dir string, last *manifest, lastKnown bool, buildManifest string, save func() error) error {
	if buildManifest != "" {
		if err := os.Remove(buildManifest); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		crashpoint.Done("remove", buildManifest)
	}
	served, err := exchange(sb.dir, dir)
	if err != nil {
		return err
	}
	crashpoint.Done("rename", dir)
	// The exchange is durable once the folder holding both is synced.
	if err := syncDir(filepath.Dir(dir)); err != nil {
		return err
	}
	switch {
	case !served:
		// There was no site: nothing stands by.
	case sb.manifest == "" || !lastKnown:
		if err := os.RemoveAll(sb.dir); err != nil {
			return err
		}
		crashpoint.Done("remove", sb.dir)
	default:
		// Its pages only: the locale and file records are the build's.
		if err := saveManifestFile(sb.manifest, &manifest{outputs: last.outputs}); err != nil {
			return err
		}
	}
	if buildManifest == "" {
		return nil
	}
	return save()
}

// exchange swaps the folders a and b atomically (renameat2 with
// RENAME_EXCHANGE), or renames a to b when b does not exist, and reports
// whether b existed. On a file system without the exchange, it falls
// back to three renames, which leave b missing for a moment.
func exchange(a, b string) (bool, error) {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.ENOENT):
		if _, serr := os.Lstat(b); errors.Is(serr, fs.ErrNotExist) {
			return false, os.Rename(a, b)
		}
		return false, err
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		aside := a + ".swap"
		if err := os.Rename(b, aside); err != nil {
			return false, err
		}
		if err := os.Rename(a, b); err != nil {
			return false, err
		}
		return true, os.Rename(aside, a)
	}
	return false, err
}
