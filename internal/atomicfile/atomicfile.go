// Package atomicfile writes files so that a reader, or the file system after
// a crash, sees either the old contents or the new, never a mix: the bytes go
// to a temporary file in the same folder, are synced, and renamed into place;
// then the folder is synced so the rename itself survives a crash. Every
// file l10n writes goes through this package.
package atomicfile

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"github.com/google/renameio/v2"
)

// Save atomically replaces path with data. The folder is created if needed.
func Save(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// renameio would put the temporary file in $TMPDIR when that is on the
	// same file system; keep it beside the file, where a killed write
	// leaves it for RemoveTemp to find.
	if err := renameio.WriteFile(path, data, perm, renameio.WithTempDir(dir)); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
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
			removed = append(removed, e.Name())
		}
	}
	return removed, nil
}

// SaveFunc is [Save] for data that write streams to the file, so that a
// large file need not be held in memory first.
func SaveFunc(path string, perm os.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := renameio.NewPendingFile(path, renameio.WithTempDir(dir), renameio.WithPermissions(perm))
	if err != nil {
		return err
	}
	defer f.Cleanup()
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		return err
	}
	return syncDir(dir)
}
