// Package atomicfile writes files so that a reader, or the file system after
// a crash, sees either the old contents or the new, never a mix: the bytes go
// to a temporary file in the same folder, are synced, and renamed into place.
// Every file l10n writes goes through this package.
package atomicfile

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// Save atomically replaces path with data. The folder is created if needed.
func Save(path string, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return renameio.WriteFile(path, data, perm)
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
