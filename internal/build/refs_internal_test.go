package build

import (
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
)

// TestRefFindsPagesAsHugoDoes: a ref names a page from the content root
// ("/…"), beside the page, from the root, or by a base name no other
// page has; ".md", a bundle's index and anchors do not matter.
func TestRefFindsPagesAsHugoDoes(t *testing.T) {
	files := []string{
		"content/_index.md",
		"content/about.md",
		"content/docs/_index.md",
		"content/docs/install/index.md",
		"content/docs/reference/_index.md",
		"content/docs/reference/statistics.md",
		"content/docs/reference/about.md",
		"content/news/_index.md",
	}
	pages := map[string]*content.Page{}
	var list []*content.Page
	for _, f := range files {
		p := &content.Page{File: f}
		pages[f] = p
		list = append(list, p)
	}
	x := indexRefs(list)
	home, reference := pages["content/_index.md"], pages["content/docs/reference/_index.md"]
	for _, c := range []struct {
		from *content.Page
		ref  string
		want string // "" for no page
	}{
		{home, "docs", "content/docs/_index.md"},
		{home, "/news", "content/news/_index.md"},
		{home, "about.md", "content/about.md"},
		{home, "statistics", "content/docs/reference/statistics.md"},
		{home, "docs/install", "content/docs/install/index.md"},
		{home, "docs/install/index.md", "content/docs/install/index.md"},
		{home, "/docs/reference/statistics.md#rates", "content/docs/reference/statistics.md"},
		{reference, "statistics", "content/docs/reference/statistics.md"},
		// beside the page first: docs/reference/about.md, not about.md
		{reference, "about", "content/docs/reference/about.md"},
		{reference, "/about", "content/about.md"},
		{home, "missing", ""},
		{home, "#top", ""},
		{home, "/statistics", ""}, // from the root, a base name does not do
	} {
		got := x.find(c.ref, c.from)
		switch {
		case c.want == "" && got != nil:
			t.Errorf("ref %q from %s = %s, want no page", c.ref, c.from.File, got.File)
		case c.want != "" && got != pages[c.want]:
			name := "no page"
			if got != nil {
				name = got.File
			}
			t.Errorf("ref %q from %s = %s, want %s", c.ref, c.from.File, name, c.want)
		}
	}
}
