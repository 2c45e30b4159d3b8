package stamp

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// site writes files (path → content) under a new folder, with
// modification times an hour ago unless recent is set (their change times
// are now: no call can set them), and returns the folder.
func site(t *testing.T, files map[string]string, recent bool) string {
	t.Helper()
	root := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for p, data := range files {
		path := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if !recent {
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	return root
}

func paths(files map[string]string) []string {
	var ps []string
	for p := range files {
		ps = append(ps, p)
	}
	return ps
}

// roundTrip saves s and loads it back, as the next run sees it.
func roundTrip(t *testing.T, s *Stamp) *Stamp {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache", "x.stamp")
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	l := Load(path)
	if l == nil {
		t.Fatalf("Load(%s) = nil after Save", path)
	}
	return l
}

func take(t *testing.T, root string, ps []string) *Stamp {
	t.Helper()
	s, err := Take(root, ps)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestUnchangedWhenNothingChanged(t *testing.T) {
	files := map[string]string{"l10n.toml": "x", "locales/es.toml": "es", "content/a.md": "# A"}
	for _, recent := range []bool{false, true} {
		root := site(t, files, recent)
		last := roundTrip(t, take(t, root, paths(files)))
		last.Notes["summary"] = "kept"
		if now := take(t, root, paths(files)); !now.Unchanged(root, last) {
			t.Errorf("recent=%v: Unchanged = false with no file changed", recent)
		}
	}
}

func TestChangedFilesAreSeen(t *testing.T) {
	files := map[string]string{"locales/es.toml": "hola", "content/a.md": "# A"}
	tests := []struct {
		name   string
		recent bool
		change func(root string) error
		paths  []string
	}{
		{"content edited", false, func(root string) error {
			return os.WriteFile(filepath.Join(root, "content/a.md"), []byte("# B, longer"), 0o644)
		}, nil},
		{"recent same-size edit, modification time put back", true, func(root string) error {
			p := filepath.Join(root, "locales/es.toml")
			fi, err := os.Stat(p)
			if err != nil {
				return err
			}
			if err := os.WriteFile(p, []byte("HOLA"), 0o644); err != nil {
				return err
			}
			return os.Chtimes(p, fi.ModTime(), fi.ModTime())
		}, nil},
		{"file removed", false, func(root string) error { return os.Remove(filepath.Join(root, "content/a.md")) }, nil},
		{"file added to the list", false, func(root string) error {
			return os.WriteFile(filepath.Join(root, "content/b.md"), []byte("# B"), 0o644)
		}, []string{"locales/es.toml", "content/a.md", "content/b.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, files, tt.recent)
			last := roundTrip(t, take(t, root, paths(files)))
			if err := tt.change(root); err != nil {
				t.Fatal(err)
			}
			ps := tt.paths
			if ps == nil {
				ps = paths(files)
			}
			if take(t, root, ps).Unchanged(root, last) {
				t.Error("Unchanged = true after the change")
			}
		})
	}
}

func TestWroteRecordsTheCommandsOwnWrite(t *testing.T) {
	files := map[string]string{"locales/es.toml": "old"}
	root := site(t, files, false)
	s := take(t, root, paths(files))
	data := []byte("new catalog")
	if err := os.WriteFile(filepath.Join(root, "locales/es.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Wrote(root, "locales/es.toml", data); err != nil {
		t.Fatal(err)
	}
	last := roundTrip(t, s)
	if !take(t, root, paths(files)).Unchanged(root, last) {
		t.Error("Unchanged = false after the command's own write")
	}
	// Another write of the same size in the same tick: the digest differs.
	p := filepath.Join(root, "locales/es.toml")
	fi, _ := os.Stat(p)
	if err := os.WriteFile(p, []byte("NEW CATALOG"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if take(t, root, paths(files)).Unchanged(root, last) {
		t.Error("Unchanged = true after another write of the same size")
	}
}

func TestRecordComparesOutputsAsTheyAre(t *testing.T) {
	root := site(t, map[string]string{"public/index.html": "x"}, true)
	s := take(t, root, nil)
	if err := s.Record(root, "public"); err != nil {
		t.Fatal(err)
	}
	last := roundTrip(t, s)
	now := take(t, root, nil)
	if err := now.Record(root, "public"); err != nil {
		t.Fatal(err)
	}
	if !now.Unchanged(root, last) {
		t.Error("Unchanged = false for a recent output left as it was")
	}
	if err := os.RemoveAll(filepath.Join(root, "public")); err != nil {
		t.Fatal(err)
	}
	gone := take(t, root, nil)
	if err := gone.Record(root, "public"); err != nil {
		t.Fatal(err)
	}
	if gone.Unchanged(root, last) {
		t.Error("Unchanged = true after the output was removed")
	}
}

func TestLoadRefusesDamagedStamps(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"empty":       "",
		"other":       "l10n stamp 0\n",
		"bad line":    header + "\nfile \"1 2 3 4\" - \n",
		"bad quoting": header + "\nfile \"1 2 - \"a\"\n",
		"bad note":    header + "\nnote nokey\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if Load(path) != nil {
			t.Errorf("Load(%q) != nil", name)
		}
	}
	if Load(filepath.Join(dir, "missing")) != nil {
		t.Error("Load of a missing file != nil")
	}
	var none *Stamp
	if (&Stamp{}).Unchanged(dir, none) {
		t.Error("Unchanged(nil) = true")
	}
}

// A file changed within the clock tick of the stamp can keep its size and
// every time; the kernel's coarse clock cannot be reproduced here, so the
// stamp's record is made to match the file's state while its bytes do not.
func TestRacyFileIsCheckedByItsBytes(t *testing.T) {
	files := map[string]string{"locales/es.toml": "hola"}
	root := site(t, files, true)
	last := roundTrip(t, take(t, root, paths(files)))
	e := last.files["locales/es.toml"]
	if e.digest == "" {
		t.Fatal("a file changed just now was recorded without its digest")
	}
	now := take(t, root, paths(files))
	if !now.Unchanged(root, last) {
		t.Fatal("Unchanged = false with the same bytes")
	}
	e.digest = strings.Repeat("0", 64)
	last.files["locales/es.toml"] = e
	if now.Unchanged(root, last) {
		t.Error("Unchanged = true though the recorded digest is not that of the bytes")
	}
	// A file's change time cannot be set back, so a later clock stands for
	// a file last changed long ago.
	later, err := read(filepath.Join(root, "locales/es.toml"), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if later.digest != "" || later.state == "" {
		t.Errorf("a file unchanged for an hour was recorded as %+v; its state alone proves it", later)
	}
}

// TestSumTrustsOnlyAProvenState: Sum takes a recorded sum only for a file
// whose times prove it unchanged, and offers a racy file's sum for no
// state at all.
func TestSumTrustsOnlyAProvenState(t *testing.T) {
	files := map[string]string{"locales/es.toml": "hola"}
	root := site(t, files, true)
	path := filepath.Join(root, "locales/es.toml")
	want := sha256.Sum256([]byte("hola"))
	recorded := strings.Repeat("1", 64)
	var asked string
	cached := func(st string) string {
		asked = st
		return recorded
	}
	sum, st, err := Sum(path, cached)
	if err != nil {
		t.Fatal(err)
	}
	if sum != hex.EncodeToString(want[:]) || st != "" || asked != "" {
		t.Errorf("a file changed just now: sum %s, state %q, cache asked for %q; want its bytes' sum, no state, no cache", sum, st, asked)
	}
	// A file's change time cannot be set back, so a later clock stands for
	// a file last changed long ago.
	later := time.Now().Add(time.Hour)
	sum, st, err = sumAt(path, func(string) string { return "" }, later)
	if err != nil {
		t.Fatal(err)
	}
	if sum != hex.EncodeToString(want[:]) || st == "" {
		t.Errorf("an old file without a recorded sum: sum %s, state %q; want its bytes' sum and its state", sum, st)
	}
	if sum, _, _ = sumAt(path, cached, later); sum != recorded || asked != st {
		t.Errorf("an old file in the recorded state: sum %s (cache asked for %q); want the recorded sum for state %q", sum, asked, st)
	}
}
