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

// TestLocaleKeepsWhereATranslationAwaitingReviewCameFrom: extract lays out
// a translation l10n align proposed with a REVIEW note naming the hash to
// set, keeps its "proposed by" line, and adds what the English was once
// it changes. See issue 14.
func TestLocaleKeepsWhereATranslationAwaitingReviewCameFrom(t *testing.T) {
	old := map[string]string{"other": "Call us."}
	now := map[string]string{"other": "Call us today."}
	proposed := &catalog.Message{ID: "p.intro.p1", Hash: catalog.ReviewPrefix + catalog.Hash(old), Forms: map[string]string{"other": "Llámenos."},
		Comment: []string{"en: Call us.", "proposed by l10n align from content/es/p.md:6, confidence 0.62 (length fits 0.70)"}}
	es := &catalog.File{Path: "locales/es.toml", Tag: language.Spanish, Messages: []*catalog.Message{proposed}}
	for _, tc := range []struct {
		name    string
		english map[string]string
		was     bool
	}{{"same English", old, false}, {"English changed", now, true}} {
		source := []*catalog.Message{{ID: "p.intro.p1", Description: "Paragraph", Hash: catalog.Hash(tc.english), Forms: tc.english}}
		previous := map[string]*catalog.Message{"p.intro.p1": {ID: "p.intro.p1", Hash: catalog.Hash(old), Forms: old}}
		entries := extract.Merge(source, previous, es)
		c := strings.Join(entries[0].Comment, "\n")
		for _, want := range []string{"REVIEW: proposed, not yet reviewed", `set hash = "` + catalog.Hash(tc.english) + `"`, "proposed by l10n align from content/es/p.md:6"} {
			if !strings.Contains(c, want) {
				t.Errorf("%s: comment %q lacks %q", tc.name, c, want)
			}
		}
		if got := strings.Contains(c, "was: Call us."); got != tc.was {
			t.Errorf("%s: comment %q has the was: line = %v, want %v", tc.name, c, got, tc.was)
		}
		if entries[0].Message.Hash != proposed.Hash || entries[0].Message.Other() != "Llámenos." {
			t.Errorf("%s: Merge changed the entry to %q %q", tc.name, entries[0].Message.Hash, entries[0].Message.Other())
		}
	}
}
