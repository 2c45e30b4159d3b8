package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/site"
)

// TestIndexWithinATinyBudget: with room for one byte of catalogs at
// once, every catalog, each larger, is indexed (alone): each index reads
// what Parse reads, whether read by range or held (CRLF), and a bad
// catalog is reported with its position.
func TestIndexWithinATinyBudget(t *testing.T) {
	t.Parallel()
	lean := "# c\n[p.a]\nhash = \"h\"\nother = \"Uno.\"\n\n[p.b]\nother = \"Dos.\"\n"
	files := map[string]string{
		"l10n.toml":       "",
		"locales/es.toml": lean,
		"locales/fr.toml": strings.ReplaceAll(lean, "\n", "\r\n"),
		"locales/de.toml": lean + "\n[p.c]\nother = \"Drei.\"\n",
	}
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	locales, err := s.Locales()
	if err != nil || len(locales) != 3 {
		t.Fatalf("Locales() = %v, %v; want 3", locales, err)
	}
	xs, err := indexWithin(s, locales, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range xs {
		defer x.Close()
		f := locales[i]
		want, err := catalog.Parse(f.Path, f.Tag, []byte(files[f.Path]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := x.ReadAll()
		if err != nil || !reflect.DeepEqual(got.Messages, want.Messages) {
			t.Errorf("index of %s reads %v, %v; Parse reads %v", f.Path, got, err, want)
		}
	}

	if err := os.WriteFile(filepath.Join(dir, "locales", "it.toml"), []byte(lean+"[p.c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	locales, _ = s.Locales()
	if _, err := indexWithin(s, locales, 1); err == nil || !strings.Contains(err.Error(), "locales/it.toml:8:") {
		t.Errorf("indexWithin with a bad locales/it.toml: %v; want its error at line 8", err)
	}
}
