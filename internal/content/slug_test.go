package content_test

import (
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ file, want string }{
		{"content/narcotics-smuggling.md", "narcotics-smuggling"},
		{"content/What We Do/drugs.md", "what-we-do/drugs"},
		{"content/HSI's Response.md", "hsis-response"},
		{"content/HSI’s Response.md", "hsis-response"},
		{"content/Ñandú.md", "nandu"},
		{"content/a.b.md", "a-b"},
		{"content/  spaced  out .md", "spaced-out"},
		{"content/日本.md", "page"}, // no ASCII letters left
		{"content/index", "index"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			if got := content.Slug(tt.file); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

// TestAddressFollowsHugo checks a page's folder in the built site: its
// slug, the url or slug of its front matter, and the home page's. See
// issue 12.
func TestAddressFollowsHugo(t *testing.T) {
	t.Parallel()
	tests := []struct{ file, fm, want string }{
		{"content/docs/install/index.md", "", "docs/install"},
		{"content/docs/_index.md", "", "docs"},
		{"content/_index.md", "", ""},
		{"content/docs/troubleshooting.md", "slug = \"Troubleshoot\"\n", "docs/troubleshoot"},
		{"content/travel.md", "url = \"/travel/documents/\"\n", "travel/documents"},
		{"content/docs/_index.md", "slug = \"reference\"\n", "reference"},
		{"content/docs/_TEMPLATE.md", "", "docs/_template"},
		{"content/news/v1.2.md", "", "news/v1.2"},
		{"content/Q&A (old).md", "", "qa-old"},
		{"content/My  Page.md", "", "my-page"},
	}
	for _, tt := range tests {
		p, err := content.Parse(tt.file, []byte("+++\ntitle = \"T\"\n"+tt.fm+"+++\n"), content.Options{})
		if err != nil {
			t.Errorf("Parse(%s, %q): %v", tt.file, tt.fm, err)
			continue
		}
		if p.Address != tt.want {
			t.Errorf("Parse(%s, %q).Address = %q, want %q", tt.file, tt.fm, p.Address, tt.want)
		}
	}
	for _, fm := range []string{"url = \"../../etc\"\n", "slug = \"a b\"\n", "url = \"/x//y/\"\n"} {
		_, err := content.Parse("content/page.md", []byte("+++\ntitle = \"T\"\n"+fm+"+++\n"), content.Options{})
		if err == nil || !strings.Contains(err.Error(), "is not a path of plain folder names inside the site") {
			t.Errorf("Parse(%q) error = %v, want it refused", fm, err)
		}
	}
}

// TestAliasesArePlainPaths checks that the aliases of a page are the
// addresses the HTML build redirects, and that one that would leave the
// site is a warning. See issue 12.
func TestAliasesArePlainPaths(t *testing.T) {
	t.Parallel()
	p, err := content.Parse("content/page.md", []byte("---\ntitle: T\naliases: [/old/, /Older/Page/, ../../etc]\n---\n"), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Aliases, " "); got != "old older/page" {
		t.Errorf("Aliases = %q, want %q", got, "old older/page")
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Error(), `alias "../../etc" is not a path of plain folder names`) {
		t.Errorf("Warnings = %v, want one for ../../etc", p.Warnings)
	}
}

// TestRelativeAliasesAreBesideThePage checks that an alias without a
// leading slash is taken from the page's folder, as Hugo takes it.
func TestRelativeAliasesAreBesideThePage(t *testing.T) {
	t.Parallel()
	p, err := content.Parse("content/docs/faq.md", []byte("---\ntitle: T\naliases: [old, ../legacy/, ../../../etc]\n---\n"), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Aliases, " "); got != "docs/old legacy" {
		t.Errorf("Aliases = %q, want %q", got, "docs/old legacy")
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Error(), `alias "../../../etc"`) {
		t.Errorf("Warnings = %v, want one for ../../../etc", p.Warnings)
	}
}
