package extract_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/site"
)

// editPage changes the paragraphs of the i-th page of s with edit, which
// is given the lines of the page and the index of each line after the
// front matter that is a paragraph.
func editPage(t testing.TB, s *site.Site, i int, edit func(lines []string, paras []int) []string) {
	t.Helper()
	page := pagePath(t, s, i)
	lines := strings.Split(string(mustRead(t, s, page)), "\n")
	var paras []int
	fences := 0
	for n, l := range lines {
		if l == "+++" {
			fences++
		} else if fences == 2 && l != "" && !strings.ContainsAny(l[:1], "#-|>*{0123456789") {
			paras = append(paras, n)
		}
	}
	if len(paras) < 2 {
		t.Fatalf("%s has %d paragraphs, not 2", page, len(paras))
	}
	writeFile(t, s, page, strings.Join(edit(lines, paras), "\n"))
}

// appendTo appends text to paragraph n.
func appendTo(n int, text string) func([]string, []int) []string {
	return func(lines []string, paras []int) []string {
		lines[paras[n]] += text
		return lines
	}
}

// removeParagraph removes paragraph n.
func removeParagraph(n int) func([]string, []int) []string {
	return func(lines []string, paras []int) []string {
		return slices.Delete(lines, paras[n], paras[n]+1)
	}
}

// swapParagraphs swaps paragraphs n and m.
func swapParagraphs(n, m int) func([]string, []int) []string {
	return func(lines []string, paras []int) []string {
		lines[paras[n]], lines[paras[m]] = lines[paras[m]], lines[paras[n]]
		return lines
	}
}

// editTranslation changes the last translation of catalog path in s, as
// a translator would, and returns the line it wrote.
func editTranslation(t testing.TB, s *site.Site, path string) string {
	t.Helper()
	lines := strings.Split(string(mustRead(t, s, path)), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if rest, ok := strings.CutPrefix(lines[i], `other = "`); ok && rest != `"` {
			lines[i] = `other = "¡Editado! ` + rest
			writeFile(t, s, path, strings.Join(lines, "\n"))
			return lines[i]
		}
	}
	t.Fatalf("%s has no translation", path)
	return ""
}

// pagePath returns the path of the i-th page of s.
func pagePath(t testing.TB, s *site.Site, i int) string {
	t.Helper()
	pages, err := s.Pages()
	if err != nil {
		t.Fatal(err)
	}
	return pages[i]
}

func mustRead(t testing.TB, s *site.Site, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(s.Path(path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t testing.TB, s *site.Site, path, data string) {
	t.Helper()
	if err := os.WriteFile(s.Path(path), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendFile(t testing.TB, s *site.Site, path, data string) {
	t.Helper()
	writeFile(t, s, path, string(mustRead(t, s, path))+data)
}

func removeFile(t testing.TB, s *site.Site, path string) {
	t.Helper()
	if err := os.Remove(s.Path(path)); err != nil {
		t.Fatal(err)
	}
}
