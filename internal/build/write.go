package build

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Save writes files into the folder dir, replacing it as a whole: the new
// site is assembled in a sibling folder and swapped in by rename, so a web
// server serving dir sees the old site or the new one, never a mix.
//
// Every file and folder of the new site is synced to disk before the swap,
// and the parent folder after it, so that after a crash dir holds the old
// site or the whole new one, never a new site with empty or missing files.
// A build killed part way leaves its sibling folder (.public.new-*) behind;
// Save removes such leftovers before it starts. It must therefore not run
// while another Save writes the same dir: the caller holds the site lock
// (see site.Site.Lock).
//
// The swap is two renames (dir aside, the new site in): a crash between
// them leaves no dir, the old site in .public.new-*.old and the new one in
// .public.new-*, until the next build.
func Save(dir string, files []File) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	prefix := "." + filepath.Base(dir) + ".new-"
	if err := removeLeftovers(parent, prefix); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // nothing left behind on error; gone after the swap
	if err := writeTree(tmp, files); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := syncDir(tmp); err != nil {
		return err
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	// The renames are durable once the folder holding them is synced.
	if err := syncDir(parent); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// removeLeftovers removes what killed builds left in parent: the folders
// whose name starts with prefix, holding the new sites they were
// assembling or the old sites they had moved aside (prefix….old).
func removeLeftovers(parent, prefix string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			if err := os.RemoveAll(filepath.Join(parent, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeTree writes files under root, each synced to disk, then syncs every
// folder it created, so that their entries are on disk too; root itself
// is left to the caller.
func writeTree(root string, files []File) error {
	dirs := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		for d := filepath.Dir(p); d != root && !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
		if err := writeSynced(p, f.Data); err != nil {
			return err
		}
	}
	// Any order is correct; sorted, it is the same every time.
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// writeSynced creates the file path, which must not exist, with data, and
// syncs it to disk before closing it.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir syncs the folder dir, making the names in it durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
