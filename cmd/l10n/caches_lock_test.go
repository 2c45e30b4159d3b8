package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// TestOnlyCommandsThatLockWriteTheCaches checks that the commands that
// only read the site (status, check, export) write nothing under
// .l10n-cache/, neither the page cache nor the index cache nor any other,
// and that extract and build, which hold the site lock, keep the page
// cache, and build the index cache.
func TestOnlyCommandsThatLockWriteTheCaches(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	// Catalogs that did not change within stamp.RacyWindow may have their
	// index kept.
	time.Sleep(stamp.RacyWindow + 100*time.Millisecond)
	cacheDir := filepath.Join(dir, filepath.FromSlash(site.CacheDir))
	for _, args := range [][]string{{"status"}, {"check"}, {"export", "-locale", "es", "-format", "po", "-o", "es.po"}} {
		if code, _, stderr := l10n(t, append([]string{"-C", dir}, args...)...); code != 0 {
			t.Fatalf("l10n %s: exit %d: %s", args[0], code, stderr)
		}
		_ = filepath.WalkDir(cacheDir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				t.Errorf("after l10n %s, %s is there: a command that only reads wrote it", args[0], path)
			}
			return nil
		})
	}
	for _, c := range []struct{ cmd, cache string }{
		{"extract", site.PageCache},
		{"build", site.PageCache},
		{"build", snapshotpkg.IndexCache + "/es"},
	} {
		if code, _, stderr := l10n(t, "-C", dir, c.cmd, "-q"); code != 0 {
			t.Fatalf("l10n %s: exit %d: %s", c.cmd, code, stderr)
		}
		path := filepath.Join(dir, filepath.FromSlash(c.cache))
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("after l10n %s: %v", c.cmd, err)
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}
