// Package atomicfile writes files so that a reader, or the file system after
// a crash, sees either the old contents or the new, never a mix: the bytes go
// to a temporary file in the same folder, are synced, and renamed into place;
// then the folder is synced so the rename itself survives a crash. Every
// file l10n writes goes through this package.
package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/google/renameio/v2"

	"github.com/hsi-l10n/l10n/internal/crashpoint"
)

// Save atomically replaces path with data. The folder is created if needed.
func Save(path string, data []byte, perm os.FileMode) error {
	return SaveFunc(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return err
	}
	crashpoint.Done("sync", dir)
	return nil
}

// SaveIfChanged is like [Save] but leaves path untouched when it already
// holds data, so an unchanged file keeps its modification time. It reports
// whether it wrote.
func SaveIfChanged(path string, data []byte, perm os.FileMode) (bool, error) {
	old, err := os.ReadFile(path)
	if err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	return true, Save(path, data, perm)
}

// tempName is the name renameio gives a temporary file: "." + the target's
// name + random digits.
var tempName = regexp.MustCompile(`^\..+[0-9]+$`)

// IsTemp reports whether name, a file's base name, is that of the
// temporary file of a write: one left where a write was killed midway.
func IsTemp(name string) bool { return tempName.MatchString(name) }

// RemoveTemp deletes the temporary files that writes killed midway left
// in dir, and returns their names. Call it only while holding the site
// lock, so no write of another process is under way.
func RemoveTemp(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		if e.Type().IsRegular() && tempName.MatchString(e.Name()) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return removed, err
			}
			crashpoint.Done("remove", filepath.Join(dir, e.Name()))
			removed = append(removed, e.Name())
		}
	}
	return removed, nil
}

// RemoveTempTree is [RemoveTemp] in root and every folder below it; it
// returns the paths it removed, relative to root. A root that does not
// exist holds nothing to remove.
func RemoveTempTree(root string) ([]string, error) {
	var removed []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		names, err := RemoveTemp(path)
		for _, name := range names {
			rel, _ := filepath.Rel(root, filepath.Join(path, name))
			removed = append(removed, rel)
		}
		return err
	})
	if errors.Is(err, fs.ErrNotExist) && len(removed) == 0 {
		if _, serr := os.Stat(root); errors.Is(serr, fs.ErrNotExist) {
			return nil, nil
		}
	}
	return removed, err
}

// SaveFunc is [Save] for data that write streams to the file, so that a
// large file need not be held in memory first.
func SaveFunc(path string, perm os.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// renameio would put the temporary file in $TMPDIR when that is on the
	// same file system; keep it beside the file, where a killed write
	// leaves it for RemoveTemp to find.
	f, err := renameio.NewPendingFile(path, renameio.WithTempDir(dir), renameio.WithPermissions(perm))
	if err != nil {
		return err
	}
	defer f.Cleanup()
	crashpoint.Done("create", f.Name())
	w := bufio.NewWriterSize(marked{f}, 64<<10)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	// Syncs the temporary file, then renames it over path.
	if err := f.CloseAtomicallyReplace(); err != nil {
		return err
	}
	crashpoint.Done("rename", path)
	return syncDir(dir)
}

// marked writes to a pending file, marking each write as a crash point.
type marked struct{ f *renameio.PendingFile }

func (m marked) Write(p []byte) (int, error) {
	n, err := m.f.Write(p)
	if n > 0 {
		crashpoint.Done("write", m.f.Name())
	}
	return n, err
}
