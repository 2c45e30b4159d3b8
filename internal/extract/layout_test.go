package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
)

// TestLocaleLaysOutShippedCatalogsAsTheyAre: the shipped catalogs are
// extract's output, so laying each out against locales/en.toml gives its
// bytes back.
func TestLocaleLaysOutShippedCatalogsAsTheyAre(t *testing.T) {
	read := func(path string, tag language.Tag) (*catalog.File, string) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := catalog.Parse(path, tag, src)
		if err != nil {
			t.Fatal(err)
		}
		return f, string(src)
	}
	en, _ := read("../../locales/en.toml", language.English)
	files, err := filepath.Glob("../../locales/*.toml")
	if err != nil || len(files) < 2 {
		t.Fatalf("no locale catalogs in locales/ (%v)", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		if name == "en" {
			continue
		}
		f, src := read(path, language.MustParse(name))
		if got := string(extract.Locale(en.Messages, f)); got != src {
			t.Errorf("Locale(en, %s) differs from locales/%s.toml", name, name)
		}
	}
}

func TestPrevious(t *testing.T) {
	m := &catalog.Message{Comment: []string{"Paragraph…", "en: New.", "STALE: the English changed…", "was: Old\\nline."}}
	if got := extract.Previous(m); got != `Old\nline.` {
		t.Errorf("Previous = %q, want %q", got, `Old\nline.`)
	}
	if got := extract.Previous(&catalog.Message{}); got != "" {
		t.Errorf("Previous of a message without comment = %q, want \"\"", got)
	}
}
