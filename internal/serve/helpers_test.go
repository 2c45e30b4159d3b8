package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// page is the shipped site's one page.
const page = "/narcotics-smuggling/"

// copySite copies the shipped site (l10n.toml, content/, locales/) into a
// temporary folder, so a test can change it, with the partly translated
// ar, vi and ht catalogs of testdata/partial in place of the shipped ones:
// pages that mix languages, as they do while a translation is under way.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	for _, pattern := range []string{"l10n.toml", "content/*.md", "locales/*.toml", "testdata/partial/locales/*.toml"} {
		matches, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil || len(matches) == 0 {
			t.Fatalf("no files match %s in the shipped site", pattern)
		}
		for _, m := range matches {
			rel, _ := filepath.Rel(root, m)
			rel = strings.TrimPrefix(rel, filepath.Join("testdata", "partial")+string(filepath.Separator))
			data, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join(dir, rel)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// get sends GET target to h with the given header lines ("Name: value").
func get(t *testing.T, h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for _, line := range header {
		name, value, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("header %q has no \": \"", line)
		}
		req.Header.Set(name, value)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// edit replaces old with new in the file rel of the site dir; old must be
// there.
func edit(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// appendTo adds text at the end of file name.
func appendTo(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
