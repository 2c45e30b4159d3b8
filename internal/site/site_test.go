package site_test

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/hsi-l10n/l10n/internal/site"
)

// newSite writes files (path → contents) into a new site folder.
func newSite(t *testing.T, files map[string]string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	files["l10n.toml"] = "base_url = \"https://example.gov\"\n"
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const page = "+++\ntitle = \"Page\"\n+++\n\nText.\n"

// TestPagesSkipsLinksAndSpecialFiles: a link is not followed and a named
// pipe not read (it would block); both are skipped, and Skipped says so.
// See issue 6.
func TestPagesSkipsLinksAndSpecialFiles(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("named pipes and symbolic links work otherwise on Windows")
	}
	s := newSite(t, map[string]string{"content/page.md": page, "outside/secret.md": page})
	for link, target := range map[string]string{"out.md": "../outside/secret.md", "dir": "../outside", "loop": "."} {
		if err := os.Symlink(target, s.Path("content/"+link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(s.Path("content/pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, err := s.Pages()
	if err != nil || !slices.Equal(pages, []string{"content/page.md"}) {
		t.Errorf("Pages = %q, %v; want [content/page.md]", pages, err)
	}
	skipped, err := s.Warnings()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range skipped {
		if !w.Warning {
			t.Errorf("%v is an error, want a warning", w)
		}
		got = append(got, w.Pos.File+": "+strings.SplitN(w.Msg, ";", 2)[0])
	}
	want := []string{
		"content/dir: skipped: a symbolic link to a folder",
		"content/loop: skipped: a symbolic link to a folder",
		"content/out.md: skipped: a symbolic link",
		"content/pipe.md: skipped: not a regular file",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Skipped =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := s.LoadPages(); err != nil {
		t.Errorf("LoadPages = %v, want the one page", err)
	}
}

// TestLoadPagesRefusesOneAddressForTwoPages. See issue 6.
func TestLoadPagesRefusesOneAddressForTwoPages(t *testing.T) {
	t.Parallel()
	s := newSite(t, map[string]string{"content/About Us.md": page, "content/about-us.md": page, "content/a/b.md": page, "content/a.md": page})
	_, err := s.LoadPages()
	want := "content/about-us.md: has the address about-us/ of content/About Us.md too"
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("LoadPages = %v, want one error: %s…", err, want)
	}
}

// TestPagesRefusesOverlappingFolders: build replaces public/ as a whole,
// so content/ inside it would be deleted. See issue 6.
func TestPagesRefusesOverlappingFolders(t *testing.T) {
	t.Parallel()
	s := newSite(t, map[string]string{"public/src/page.md": page, "locales/es.toml": ""})
	if err := os.Symlink("public/src", s.Path("content")); err != nil {
		t.Fatal(err)
	}
	_, err := s.Pages()
	if want := "content: is inside public/ (it is public/src)"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Pages = %v, want %s…", err, want)
	}
}

// TestLocalesNamesTheRightFile: each bad catalog name gets the name it
// should have, and a second file for one locale is not renamed onto the
// first. See issue 6.
func TestLocalesNamesTheRightFile(t *testing.T) {
	t.Parallel()
	s := newSite(t, map[string]string{
		"locales/es.toml": "", "locales/ES.toml": "", "locales/es_MX.toml": "",
		"locales/vietnamese.toml": "", "locales/qaa.toml": "", "locales/.es.toml123": "",
	})
	files, err := s.Locales()
	if len(files) != 1 || files[0].Path != "locales/es.toml" {
		t.Errorf("Locales = %v, want locales/es.toml only", files)
	}
	for _, want := range []string{
		`locales/ES.toml: "ES" is not a canonical BCP 47 tag, and locales/es.toml is the catalog of that locale; move its translations there and delete this file`,
		`locales/es_MX.toml: "es_MX" is not a canonical BCP 47 tag; rename the file es-MX.toml`,
		`locales/qaa.toml: "qaa" is a private-use tag`,
		`locales/vietnamese.toml: "vietnamese" is the name of a language, not its BCP 47 tag; rename the file vi.toml`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Locales error = %v, want it to say %s", err, want)
		}
	}
}

// TestLeafBundleMarkdownIsAResource checks that Markdown inside a leaf
// bundle (a folder with an index.md), other than the index itself, is a
// resource of the bundle's page, as Hugo takes it, not a page. See
// issue 12.
func TestLeafBundleMarkdownIsAResource(t *testing.T) {
	t.Parallel()
	s := newSite(t, map[string]string{
		"content/docs/_index.md":            page,
		"content/docs/guide.md":             page,
		"content/docs/install/index.md":     page,
		"content/docs/install/notes.md":     page,
		"content/docs/install/sub/more.md":  page,
		"content/docs/install/sub/index.md": page,
		"content/docs/install/diagram.png":  "png",
	})
	pages, err := s.Pages()
	if want := []string{"content/docs/_index.md", "content/docs/guide.md", "content/docs/install/index.md"}; err != nil || !slices.Equal(pages, want) {
		t.Errorf("Pages = %q, %v; want %q", pages, err, want)
	}
	res, err := s.Resources()
	if want := []string{"content/docs/install/diagram.png", "content/docs/install/notes.md", "content/docs/install/sub/index.md", "content/docs/install/sub/more.md"}; err != nil || !slices.Equal(res, want) {
		t.Errorf("Resources = %q, %v; want %q", res, err, want)
	}
}
