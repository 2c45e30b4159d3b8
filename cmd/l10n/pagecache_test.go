package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hsi-l10n/l10n/internal/site"
)

// TestOnlyCommandsThatLockWriteThePageCache checks that the commands that
// only read the site (status, check, export) leave no page cache, and
// that extract and build, which hold the site lock, keep one.
func TestOnlyCommandsThatLockWriteThePageCache(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	cache := filepath.Join(dir, filepath.FromSlash(site.PageCache))
	for _, args := range [][]string{{"status"}, {"check"}, {"export", "-locale", "es", "-format", "po", "-o", "es.po"}} {
		if code, _, stderr := l10n(t, append([]string{"-C", dir}, args...)...); code != 0 {
			t.Fatalf("l10n %s: exit %d: %s", args[0], code, stderr)
		}
		if _, err := os.Stat(cache); !os.IsNotExist(err) {
			t.Fatalf("after l10n %s, %s is there (%v): a command that only reads wrote it", args[0], site.PageCache, err)
		}
	}
	for _, cmd := range []string{"extract", "build"} {
		if code, _, stderr := l10n(t, "-C", dir, cmd, "-q"); code != 0 {
			t.Fatalf("l10n %s: exit %d: %s", cmd, code, stderr)
		}
		if _, err := os.Stat(cache); err != nil {
			t.Fatalf("after l10n %s: %v", cmd, err)
		}
		if err := os.Remove(cache); err != nil {
			t.Fatal(err)
		}
	}
}
