package atomicfile_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
)

func TestSaveReplacesAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "es.toml")
	for _, content := range []string{"old\n", "new\n"} {
		if err := atomicfile.Save(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("after Save(%q): %q, %v", content, got, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries after two saves, want only es.toml", len(entries))
	}
}

func TestSaveIfChangedSkipsEqualContent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.toml")
	if wrote, err := atomicfile.SaveIfChanged(path, []byte("x"), 0o644); err != nil || !wrote {
		t.Fatalf("first SaveIfChanged = %v, %v; want a write", wrote, err)
	}
	if wrote, err := atomicfile.SaveIfChanged(path, []byte("x"), 0o644); err != nil || wrote {
		t.Errorf("SaveIfChanged with equal content = %v, %v; want no write", wrote, err)
	}
}

func TestRemoveTempDeletesOnlyLeftovers(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"es.toml", ".es.toml123456", ".l10n.lock", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	removed, err := atomicfile.RemoveTemp(dir)
	if err != nil || !slices.Equal(removed, []string{".es.toml123456"}) {
		t.Errorf("RemoveTemp = %q, %v; want only the leftover", removed, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "es.toml")); err != nil {
		t.Error("RemoveTemp deleted a catalog")
	}
}
