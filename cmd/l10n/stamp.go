package main

import (
	"errors"
	"io/fs"
	"os"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/crashpoint"
	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// takeStamp records the state of s's inputs and of the command's outputs
// (paths it writes besides the inputs) now, before the command reads
// them, with the program and note (what in the command's flags shapes its
// output); and loads the stamp the last run saved at path, nil if none.
// When fresh.Unchanged(s.Root, last), the command has nothing to do.
func takeStamp(s *site.Site, path, note string, outputs ...string) (fresh, last *stamp.Stamp, err error) {
	inputs, err := s.Inputs()
	if err != nil {
		return nil, nil, err
	}
	fresh, err = stamp.Take(s.Root, inputs)
	if err != nil {
		return nil, nil, err
	}
	// Outputs are the command's own: their state, however recent, is
	// compared as it is.
	for _, o := range outputs {
		if err := fresh.Record(s.Root, o); err != nil {
			return nil, nil, err
		}
	}
	program, err := stamp.Program()
	if err != nil {
		return nil, nil, err
	}
	fresh.Notes["program"] = program
	fresh.Notes["flags"] = note
	last = stamp.Load(s.Path(path))
	if last != nil && (last.Notes["program"] != program || last.Notes["flags"] != note) {
		last = nil
	}
	return fresh, last, nil
}

// removeStamp removes the stamp at path, before a command that found its
// inputs changed does its work: a run that ends in an error or a warning
// saves none, and the last one must not vouch for what it leaves.
func removeStamp(s *site.Site, path string) error {
	err := os.Remove(s.Path(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil {
		crashpoint.Done("remove", s.Path(path))
	}
	return err
}

// removeCacheTemp deletes what writes killed midway left in .l10n-cache/
// and its check and index caches (a manifest, stamp, index or list half
// written).
// Nothing reads them, but each killed write would leave one more. The
// caller holds the site lock.
func removeCacheTemp(s *site.Site) error {
	for _, dir := range []string{site.CacheDir, checkCache, snapshotpkg.IndexCache} {
		if _, err := atomicfile.RemoveTemp(s.Path(dir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
