package content_test

import (
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
