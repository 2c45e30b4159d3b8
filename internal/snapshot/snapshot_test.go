package snapshot_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// write makes a site in a new folder with the files given by path.
func write(t *testing.T, files map[string]string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// extracted returns locales/en.toml as l10n extract writes it for pages.
func extracted(t *testing.T, content map[string]string) string {
	t.Helper()
	files := map[string]string{"l10n.toml": "", "locales/.keep": ""}
	for name, data := range content {
		files[name] = data
	}
	// extract gives IDs itself, to pages as parsed.
	pages, err := write(t, files).LoadPages()
	if err != nil {
		t.Fatal(err)
	}
	out, err := extract.Run(extract.Input{Pages: pages}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return string(out[0].Bytes())
}

func blockIDs(sn *snapshot.Snapshot) []string {
	var ids []string
	for _, p := range sn.Pages {
		for _, b := range p.Blocks {
			ids = append(ids, b.ID)
		}
	}
	return ids
}

// TestSnapshotGivesIDsAsExtractDoes checks the two rules the snapshot
// owns: a block keeps the ID locales/en.toml has for it, a new block gets
// an ID no catalog holds a translation of (not the p2 es.toml still
// translates), and the snapshot says when en.toml is out of date.
func TestSnapshotGivesIDsAsExtractDoes(t *testing.T) {
	const v1 = "+++\ntitle = \"Page\"\n+++\n\n## Facts\n\nOne.\n"
	en := extracted(t, map[string]string{"content/page.md": v1})
	files := map[string]string{
		"l10n.toml":       "",
		"content/page.md": v1,
		"locales/en.toml": en,
		"locales/es.toml": "[page.facts.p2]\nhash = \"sha256:0000000000000000\"\nother = \"Dos (de un párrafo borrado).\"\n",
	}
	sn, err := snapshot.Read(write(t, files), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sn.Stale {
		t.Errorf("en.toml as extract wrote it is out of date")
	}
	if f, err := catalog.Parse("locales/en.toml", site.Source, []byte(en)); err != nil || !catalog.SameEnglish(f.Messages, sn.English()) {
		t.Errorf("English() is not en.toml as extract wrote it (%v)", err)
	}
	want := blockIDs(sn)
	sn.Close()
	if !slices.Contains(want, "page.facts.p1") {
		t.Fatalf("IDs %q lack page.facts.p1", want)
	}

	files["content/page.md"] = v1 + "\nTwo.\n"
	sn, err = snapshot.Read(write(t, files), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	if !sn.Stale {
		t.Errorf("en.toml without the new paragraph is not out of date")
	}
	got := blockIDs(sn)
	if !slices.Contains(got, "page.facts.p1") || slices.Contains(got, "page.facts.p2") || !slices.Contains(got, "page.facts.p3") {
		t.Errorf("IDs %q: want page.facts.p1 kept and the new paragraph page.facts.p3 (p2 has a translation)", got)
	}
	if !catalog.SameEnglish(sn.English(), extract.Source(sn.Pages)) {
		t.Errorf("English is not the pages' English")
	}
	if locales, err := sn.Locales(); err != nil || len(locales) != 1 || locales[0].Path != "locales/es.toml" {
		t.Errorf("Locales() = %v, %v; want the index of locales/es.toml", locales, err)
	}
}

// TestSnapshotReportsEveryBadCatalog: two broken catalogs give two errors
// at once, each naming its file.
func TestSnapshotReportsEveryBadCatalog(t *testing.T) {
	s := write(t, map[string]string{
		"l10n.toml":       "",
		"content/page.md": "+++\ntitle = \"Page\"\n+++\n\nOne.\n",
		"locales/es.toml": "[page.p1\n",
		"locales/fr.toml": "\xef\xbb\xbf[page.p1]\nother = \"Un.\"\n",
	})
	// Without locales/en.toml, the page's blocks are new: giving them
	// IDs needs the catalogs' indexes, so Read reports the problems.
	_, err := snapshot.Read(s, nil)
	if err == nil {
		t.Fatal("no error")
	}
	for _, name := range []string{"locales/es.toml:1", "locales/fr.toml:1:1"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

// TestSnapshotFreesEmptyLocaleEntries: a new block may take an ID a
// locale catalog holds with no translation (nothing to inherit: what an
// extract killed before it wrote the English leaves), never one a locale
// holds a translation of. See issue 18.
func TestSnapshotFreesEmptyLocaleEntries(t *testing.T) {
	const head = "+++\ntitle = \"Page\"\n+++\n\n"
	en := extracted(t, map[string]string{"content/page.md": head + "One.\n\nTwo.\n"})
	for _, c := range []struct {
		text, want string
	}{
		{"", "page.intro.p3"},      // empty: free
		{"Tres.", "page.intro.p4"}, // translated: taken
	} {
		sn, err := snapshot.Read(write(t, map[string]string{
			"l10n.toml":       "",
			"content/page.md": head + "One.\n\nTwo.\n\nThree.\n",
			"locales/en.toml": en,
			"locales/es.toml": "[page.intro.p3]\nhash = \"sha256:0000000000000000\"\nother = \"" + c.text + "\"\n",
		}), nil)
		if err != nil {
			t.Fatal(err)
		}
		blocks := sn.Pages[0].Blocks
		if got := blocks[len(blocks)-1].ID; got != c.want {
			t.Errorf("es holds page.intro.p3 as %q: the new block is %s, want %s", c.text, got, c.want)
		}
		sn.Close()
	}
}
