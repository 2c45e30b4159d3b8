package snapshot_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// TestRegionsGiveWhatAssignGives: after an extract and an edit, the IDs
// fromRegions gives every block, and whether it finds locales/en.toml out
// of date, are those of the whole work (Read without the extract index),
// and it declines (changing no page) where it cannot prove them: blocks
// added, removed, moved or pinned, a page added, en.toml edited by hand.
// Read with the index gives what Read without it gives, for every edit.
func TestRegionsGiveWhatAssignGives(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		fast bool // fromRegions gives the IDs
		edit func(t *testing.T, s *site.Site, page string)
	}{
		{"nothing changed", true, nil},
		{"a paragraph's text", true, editParagraph},
		{"a heading's text", true, body(func(b []string) []string {
			b[heading(b, 0)] += " Today"
			return b
		})},
		{"the title", true, func(t *testing.T, s *site.Site, page string) {
			rewrite(t, s, page, func(text string) string { return strings.Replace(text, `title = "`, `title = "New `, 1) })
		}},
		{"a paragraph added", false, addParagraph},
		{"a paragraph removed", false, body(func(b []string) []string {
			return slices.Delete(b, paragraph(b, 0), paragraph(b, 0)+1)
		})},
		{"two paragraphs swapped", false, swapParagraphs},
		// Pinned unchanged, a heading keeps its ID (Assign's moved rule
		// pairs it with its old message); rewritten, it takes the pin.
		{"a heading pinned", true, body(func(b []string) []string {
			b[heading(b, 0)] += " {#pinned}"
			return b
		})},
		{"a heading rewritten and pinned", false, body(func(b []string) []string {
			b[heading(b, 0)] += " Today {#pinned}"
			return b
		})},
		{"a page added", false, addPage},
		{"en.toml edited", false, noteInEnglish},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := extractedSite(t)
			pages, err := s.Pages()
			if err != nil {
				t.Fatal(err)
			}
			if c.edit != nil {
				c.edit(t, s, pages[0])
			}
			whole, err := snapshot.Read(s, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer whole.Close()
			last := disk.ReadIndex(s, "p")
			if last == nil {
				t.Fatal("no extract index")
			}
			loaded, err := s.LoadPages()
			if err != nil {
				t.Fatal(err)
			}
			before := ids(loaded)
			stale, fast, err := snapshot.FromRegions(s, site.LocaleFile{Tag: site.Source, Path: site.SourceCatalog}, last, loaded)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case fast != c.fast:
				t.Errorf("fromRegions gives the IDs: %t, want %t", fast, c.fast)
			case fast && !slices.Equal(ids(loaded), ids(whole.Pages)):
				t.Errorf("fromRegions gives IDs\n%v\nthe whole work gives\n%v", ids(loaded), ids(whole.Pages))
			case fast && stale != whole.Stale:
				t.Errorf("fromRegions finds en.toml stale: %t, the whole work: %t", stale, whole.Stale)
			case !fast && !slices.Equal(ids(loaded), before):
				t.Error("fromRegions declined, and changed IDs")
			}
			with, err := snapshot.Read(s, last)
			if err != nil {
				t.Fatal(err)
			}
			defer with.Close()
			if !slices.Equal(ids(with.Pages), ids(whole.Pages)) || with.Stale != whole.Stale {
				t.Error("Read with the extract index differs from Read without it")
			}
		})
	}
}

// extractedSite returns a generated site, extracted by program "p" with
// its extract index kept, as l10n extract leaves it.
func extractedSite(t *testing.T) *site.Site {
	t.Helper()
	dir := t.TempDir()
	err := sitegen.Generate(dir, sitegen.Options{Pages: 6, Locales: []string{"es", "vi"}, Coverage: []int{90, 40}, Stale: 10, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := disk.Site(s, "p", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	if _, err := disk.Save(s, res.Outputs); err != nil {
		t.Fatal(err)
	}
	if err := disk.SaveIndex(s, "p", res.Pages, res.Outputs); err != nil {
		t.Fatal(err)
	}
	return s
}

// ids returns the ID of every block of pages, in order.
func ids(pages []*content.Page) []string {
	var out []string
	for _, p := range pages {
		for _, b := range p.Blocks {
			out = append(out, b.ID)
		}
	}
	return out
}

// The edits both tests of the IDs make, to the page page of s.
var (
	editParagraph = body(func(b []string) []string {
		b[paragraph(b, 0)] += " Updated."
		return b
	})
	addParagraph = body(func(b []string) []string {
		return slices.Insert(b, heading(b, 0), "A new paragraph.", "")
	})
	swapParagraphs = body(func(b []string) []string {
		i, j := paragraph(b, 1), paragraph(b, 2)
		b[i], b[j] = b[j], b[i]
		return b
	})
)

// addPage adds a page to s.
func addPage(t *testing.T, s *site.Site, _ string) {
	t.Helper()
	if err := os.WriteFile(s.Path("content/added.md"), []byte("+++\ntitle = \"Added\"\n+++\n\nA page.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// noteInEnglish adds a comment to locales/en.toml of s.
func noteInEnglish(t *testing.T, s *site.Site, _ string) {
	t.Helper()
	rewrite(t, s, site.SourceCatalog, func(text string) string { return text + "\n# A note.\n" })
}

// rewrite replaces the file at path in s by what edit makes of it.
func rewrite(t *testing.T, s *site.Site, path string, edit func(string) string) {
	t.Helper()
	data, err := os.ReadFile(s.Path(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(path), []byte(edit(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// body returns an edit of a page's lines after its front matter.
func body(edit func([]string) []string) func(*testing.T, *site.Site, string) {
	return func(t *testing.T, s *site.Site, page string) {
		rewrite(t, s, page, func(text string) string {
			lines := strings.Split(text, "\n")
			end := slices.Index(lines[1:], "+++") + 2
			return strings.Join(append(lines[:end:end], edit(lines[end:])...), "\n")
		})
	}
}

// paragraph returns the index of the n-th paragraph line of lines (one
// that starts with a letter), heading the index of the n-th H2.
func paragraph(lines []string, n int) int {
	return nth(lines, n, func(l string) bool { return l != "" && strings.ContainsAny(l[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") })
}

func heading(lines []string, n int) int {
	return nth(lines, n, func(l string) bool { return strings.HasPrefix(l, "## ") })
}

func nth(lines []string, n int, is func(string) bool) int {
	for i, l := range lines {
		if is(l) {
			if n == 0 {
				return i
			}
			n--
		}
	}
	panic("no such line")
}
