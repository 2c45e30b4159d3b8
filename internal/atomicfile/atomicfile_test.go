package atomicfile_test

import (
	"errors"
	"io"
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

// TestSaveFuncStreamsOrLeavesTheFile: what write streams replaces the
// file; a write that fails leaves the old file and no temporary file.
func TestSaveFuncStreamsOrLeavesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "es.toml")
	if err := atomicfile.Save(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("disk full")
	err := atomicfile.SaveFunc(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("SaveFunc returned %v; want the write's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Errorf("after a failed write the file holds %q", got)
	}
	if err := atomicfile.SaveFunc(path, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, "new\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("after SaveFunc the file holds %q", got)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only es.toml", len(entries))
	}
}
