package frontmatter_test

import (
	"testing"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
)

// FuzzReplace checks properties of any page: Parse never panics; its
// strings lie inside the front matter, in order; and replacing any one of
// them either writes front matter that reads back with only that value
// changed (Replace checks it) or is refused, never a panic.
func FuzzReplace(f *testing.F) {
	for _, src := range pages {
		f.Add([]byte(src), tricky)
	}
	f.Add([]byte("{\"a\": [\"x\", {\"b\": \"y\"}]}\n"), "z")
	f.Add([]byte("---\na: |\n  x\n\n  y\nb: 'q''r'\n---\n"), "\"")
	f.Fuzz(func(t *testing.T, src []byte, value string) {
		m, err := frontmatter.Parse(src, diag.NewLines("p.md", src))
		if err != nil {
			return
		}
		last := m.Start
		for _, s := range m.Strings {
			if s.Start < last || s.End < s.Start || s.End > m.End {
				t.Fatalf("string %s at %d:%d, outside the front matter %d:%d or out of order", s.Key(), s.Start, s.End, m.Start, m.End)
			}
			last = s.Start
		}
		for _, s := range m.Strings {
			_, _ = m.Replace(src, map[string]string{s.Key(): value})
		}
	})
}
