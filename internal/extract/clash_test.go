package extract_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
)

// TestRunRefusesObsoleteMessageInsideCurrentOne checks that extract
// writes no catalog that it could not read back: a translator's misspelt
// key ([page.intro.p1] othr = "…", which go-i18n reads as message
// page.intro.p1.othr) would be kept as obsolete beside the current
// [page.intro.p1], a message holding a table. prune drops it. See issue 6.
func TestRunRefusesObsoleteMessageInsideCurrentOne(t *testing.T) {
	t.Parallel()
	page, err := content.Parse("content/page.md", []byte("+++\ntitle = \"Page\"\n+++\n\nOne.\n"), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := []byte("[page.intro.p1]\nothr = \"Uno.\"\n")
	es := extract.Catalog{Path: "locales/es.toml", Tag: language.Spanish, Read: func() ([]byte, error) { return src, nil }}
	in := extract.Input{Pages: []*content.Page{page}, Catalogs: []extract.Catalog{es}}
	_, err = extract.Run(in, extract.Options{})
	want := `locales/es.toml:2:1: unknown key "othr" in [page.intro.p1]; go-i18n keys are`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Run = %v, want %s…", err, want)
	}
	out, err := extract.Run(in, extract.Options{Prune: true})
	if err != nil {
		t.Fatalf("Run with Prune = %v", err)
	}
	for _, o := range out {
		if _, err := catalog.Parse(o.Path, language.Spanish, o.Data); err != nil {
			t.Errorf("Run with Prune wrote %s, which does not read back: %v", o.Path, err)
		}
	}
}
