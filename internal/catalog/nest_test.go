package catalog_test

import (
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

func TestIDsClash(t *testing.T) {
	t.Parallel()
	ids := catalog.NewIDs([]*catalog.Message{{ID: "page.intro.p1"}, {ID: "page.intro.p2"}, {ID: "chrome.skip"}})
	tests := []struct{ id, other, key string }{
		{"page.intro.p3", "", ""},
		{"page.intro.p1.othr", "page.intro.p1", "othr"},
		{"page.intro.p1.a.b", "page.intro.p1", "a.b"},
		{"page.intro", "page.intro.p1", ""},
		{"page", "page.intro.p1", ""},
		{"chrome.skip2", "", ""},
		{"pag", "", ""},
	}
	for _, tt := range tests {
		if other, key := ids.Clash(tt.id); other != tt.other || key != tt.key {
			t.Errorf("Clash(%q) = %q, %q; want %q, %q", tt.id, other, key, tt.other, tt.key)
		}
	}
}
