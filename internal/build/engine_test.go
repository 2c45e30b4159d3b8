package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
)

// appendFile adds text at the end of file name.
func appendFile(t *testing.T, name, text string) {
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

// multiSite copies the shipped site into a temporary folder with the
// narcotics-smuggling page under n more names, extracted.
func multiSite(t *testing.T, n int) *site.Site {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(src, dst string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("../../l10n.toml", filepath.Join(dir, "l10n.toml"))
	// The copies are untranslated: publish every page in every locale,
	// so that each build writes all of them.
	appendFile(t, filepath.Join(dir, "l10n.toml"), "\n[publish.\"*\"]\nmin_percent = 0\n")
	locales, _ := filepath.Glob("../../locales/*.toml")
	for _, l := range locales {
		copyFile(l, filepath.Join(dir, "locales", filepath.Base(l)))
	}
	page := "../../content/narcotics-smuggling.md"
	copyFile(page, filepath.Join(dir, "content", "narcotics-smuggling.md"))
	for i := range n {
		copyFile(page, filepath.Join(dir, "content", "topics", string(rune('a'+i))+".md"))
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := disk.Site(s, "test", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	if _, err := disk.Save(s, res.Outputs); err != nil {
		t.Fatal(err)
	}
	return s
}

func writeSite(t *testing.T, s *site.Site, dir string, workers int) build.Summary {
	t.Helper()
	in, err := build.Load(s)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := build.Write(context.Background(), in, dir, build.Options{Workers: workers, Manifest: s.Path(".l10n-cache/build.manifest"), Plans: s.Path(".l10n-cache/build.plans")})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOneWorkerAndEightGiveIdenticalBytes(t *testing.T) {
	s := multiSite(t, 6)
	one, eight := filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "eight")
	writeSite(t, s, one, 1)
	if err := os.Remove(s.Path(".l10n-cache/build.manifest")); err != nil {
		t.Fatal(err)
	}
	writeSite(t, s, eight, 8)
	a, b := tree(t, one), tree(t, eight)
	if len(a) != 7*7+9 || len(a) != len(b) {
		t.Fatalf("one worker wrote %d files, eight %d; want %d (7 pages in 7 locales, the chooser, sitemap.xml and 7 sitemaps)", len(a), len(b), 7*7+9)
	}
	for p, data := range a {
		if b[p] != data {
			t.Errorf("%s differs between 1 and 8 workers", p)
		}
	}
}

func TestWriteMatchesSite(t *testing.T) {
	s := multiSite(t, 1)
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, s, dir, 2)
	in, err := build.Load(s)
	if err != nil {
		t.Fatal(err)
	}
	files, err := build.Site(in)
	if err != nil {
		t.Fatal(err)
	}
	got := tree(t, dir)
	for _, f := range files {
		if got[f.Path] != string(f.Data) {
			t.Errorf("Write and Site disagree on %s", f.Path)
		}
	}
	if len(got) != len(files) {
		t.Errorf("Write wrote %d files, Site returns %d", len(got), len(files))
	}
}

func TestNoOpRebuildWritesNothing(t *testing.T) {
	s := multiSite(t, 3)
	dir := filepath.Join(t.TempDir(), "public")
	first := writeSite(t, s, dir, 2)
	if first.Written != first.Files || first.Files != 4*7+9 {
		t.Fatalf("first build: %+v; want all %d files written", first, 4*7+9)
	}
	before := tree(t, dir)
	second := writeSite(t, s, dir, 2)
	if second.Written != 0 || second.Unchanged != first.Files {
		t.Errorf("no-op rebuild: %+v; want 0 written, %d unchanged", second, first.Files)
	}
	// Without the manifest every page is rendered again, and still none
	// is written: equal bytes are linked.
	if err := os.Remove(s.Path(".l10n-cache/build.manifest")); err != nil {
		t.Fatal(err)
	}
	if third := writeSite(t, s, dir, 2); third.Written != 0 {
		t.Errorf("rebuild without manifest wrote %d files; want 0", third.Written)
	}
	after := tree(t, dir)
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed in a no-op rebuild", p)
		}
	}
}

// TestOneMessageChangedRewritesOnlyPagesShowingIt: a Spanish paragraph of
// one page changes; the es page and the es-MX page (which shows es there)
// of that page are written, nothing else. See issue 5.
func TestOneMessageChangedRewritesOnlyPagesShowingIt(t *testing.T) {
	s := multiSite(t, 3)
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, s, dir, 2)
	es := s.Path("locales/es.toml")
	data, err := os.ReadFile(es)
	if err != nil {
		t.Fatal(err)
	}
	old := `other = "El contrabando de narcóticos es un delito de alcance mundial con repercusiones locales."`
	const id = "[narcotics-smuggling.the-impact-of-narcotics-smuggling.p1]"
	i := strings.Index(string(data), id)
	j := strings.Index(string(data)[i:], old)
	if i < 0 || j < 0 {
		t.Fatal("es.toml lacks the paragraph to change")
	}
	changed := string(data)[:i+j] + `other = "El contrabando de narcóticos es un delito mundial con efectos locales."` + string(data)[i+j+len(old):]
	if err := os.WriteFile(es, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := writeSite(t, s, dir, 2)
	if sum.Written != 2 {
		t.Errorf("after one es message changed: %+v; want 2 files written (es and es-MX of narcotics-smuggling)", sum)
	}
	page := tree(t, dir)["es-MX/narcotics-smuggling/index.html"]
	if !strings.Contains(page, "un delito mundial con efectos locales") {
		t.Error("es-MX page of narcotics-smuggling does not show the changed es text")
	}
}
