package catalog_test

import (
	"regexp"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

func TestHashIsStable(t *testing.T) {
	t.Parallel()
	// This is the hash of chrome.skip in the shipped catalogs: if it
	// changes, every translation in every catalog becomes stale.
	forms := map[string]string{"other": "Skip to main content"}
	if got, want := catalog.Hash(forms), "sha256:71c7487db66d5429"; got != want {
		t.Errorf("Hash(%q) = %s, want %s", forms, got, want)
	}
	if !regexp.MustCompile(`^sha256:[0-9a-f]{16}$`).MatchString(catalog.Hash(nil)) {
		t.Errorf("Hash(nil) = %q, want sha256: and 16 hex digits", catalog.Hash(nil))
	}
	// Map iteration order must not matter.
	all := map[string]string{"zero": "0", "one": "1", "two": "2", "few": "f", "many": "m", "other": "o"}
	first := catalog.Hash(all)
	for range 50 {
		if got := catalog.Hash(all); got != first {
			t.Fatalf("Hash of the same forms gave %s, then %s", first, got)
		}
	}
}

// TestHashOtherIsHash: the hash of a block's English made without a map
// is the hash of its forms.
func TestHashOtherIsHash(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"", "Skip to main content", "a\x00b", "other", "Ñandú 🦤\n"} {
		if got, want := catalog.HashOther(text), catalog.Hash(map[string]string{"other": text}); got != want {
			t.Errorf("HashOther(%q) = %s, Hash = %s", text, got, want)
		}
	}
}

func TestHashDiffersWhenAnyFormDiffers(t *testing.T) {
	t.Parallel()
	base := map[string]string{"one": "One case", "other": "{{.Count}} cases"}
	with := func(k, v string) map[string]string {
		m := map[string]string{"one": base["one"], "other": base["other"]}
		m[k] = v
		return m
	}
	without := func(k string) map[string]string {
		m := with(k, "")
		delete(m, k)
		return m
	}
	tests := []struct {
		name  string
		forms map[string]string
	}{
		{"other changed", with("other", "{{.Count}} case")},
		{"one changed", with("one", "One Case")},
		{"trailing space", with("other", "{{.Count}} cases ")},
		{"zero added", with("zero", "No cases")},
		{"two added", with("two", "Two cases")},
		{"few added", with("few", "A few cases")},
		{"many added", with("many", "Many cases")},
		{"empty form added", with("zero", "")},
		{"one removed", without("one")},
		{"texts swapped between forms", map[string]string{"one": base["other"], "other": base["one"]}},
		{"text moved to another form", map[string]string{"few": "One case", "other": "{{.Count}} cases"}},
	}
	h := catalog.Hash(base)
	seen := map[string]string{h: "base"}
	for _, tt := range tests {
		got := catalog.Hash(tt.forms)
		if got == h {
			t.Errorf("%s: Hash(%q) = Hash(%q) = %s, want different", tt.name, tt.forms, base, h)
		}
		if prev, ok := seen[got]; ok && prev != "base" {
			t.Errorf("%s and %s have the same hash %s", tt.name, prev, got)
		}
		seen[got] = tt.name
	}
}

func TestHashIgnoresDescriptionAndHash(t *testing.T) {
	t.Parallel()
	// A message's hash covers its forms only, so fixing a description
	// never makes a translation stale.
	a := &catalog.Message{ID: "x", Description: "Page title", Forms: map[string]string{"other": "Narcotics Smuggling"}}
	b := &catalog.Message{ID: "x", Description: "Title of the page, shown in the browser tab", Hash: "sha256:0000000000000000", Forms: map[string]string{"other": "Narcotics Smuggling"}}
	if catalog.Hash(a.Forms) != catalog.Hash(b.Forms) {
		t.Errorf("messages that differ only in description and hash have different hashes")
	}
}

func TestMessageTranslated(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		forms map[string]string
		want  bool
	}{
		{"no forms", nil, false},
		{"empty other", map[string]string{"other": ""}, false},
		{"other", map[string]string{"other": "Hola"}, true},
		{"only one", map[string]string{"one": "Uno", "other": ""}, true},
	}
	for _, tt := range tests {
		m := &catalog.Message{ID: "x", Forms: tt.forms}
		if got := m.Translated(); got != tt.want {
			t.Errorf("%s: Translated() = %v, want %v", tt.name, got, tt.want)
		}
	}
	m := &catalog.Message{Forms: map[string]string{"one": "Uno", "other": "Otros"}}
	if m.Other() != "Otros" {
		t.Errorf("Other() = %q, want %q", m.Other(), "Otros")
	}
}
