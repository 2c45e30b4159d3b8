package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// noPluralRules are languages US agencies serve for which go-i18n has no
// CLDR plural rules; its Bundle refuses them, and l10n handles them with
// "other" only.
var noPluralRules = []string{"ht", "hmn", "prs", "mh", "chk", "sm"}

// TestShippedCatalogsLoadInGoI18n checks every file in locales/ with
// go-i18n's own parser, and loads every locale go-i18n has plural rules
// for into an i18n.Bundle, where each translation localizes (with the
// identity parser, so text is never run as a template) to its own text.
func TestShippedCatalogsLoadInGoI18n(t *testing.T) {
	files, err := filepath.Glob("../../locales/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogs in locales/ (%v)", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			mf, err := i18n.ParseMessageFileBytes(src, path, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
			if err != nil {
				t.Fatalf("go-i18n cannot parse %s: %v", path, err)
			}
			if len(mf.Messages) == 0 {
				t.Fatalf("%s has no messages", path)
			}
			tag := language.MustParse(name)
			bundle := i18n.NewBundle(language.English)
			err = bundle.AddMessages(tag, mf.Messages...)
			if slices.Contains(noPluralRules, name) {
				if err == nil {
					t.Errorf("go-i18n now has plural rules for %s: update noPluralRules and docs/reference.md", name)
				}
				return
			}
			if err != nil {
				t.Fatalf("Bundle.AddMessages(%s): %v", name, err)
			}
			loc := i18n.NewLocalizer(bundle, name)
			for _, m := range mf.Messages {
				if m.Other == "" {
					continue
				}
				got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: m.ID, TemplateParser: template.IdentityParser{}})
				if err != nil || got != m.Other {
					t.Errorf("Localize(%s, %s) = %q, %v; want %q", name, m.ID, got, err, m.Other)
				}
			}
		})
	}
}
