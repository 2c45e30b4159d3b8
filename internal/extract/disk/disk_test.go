package disk_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// TestSiteAfterAnEditWritesWhatAWholeLayOutWrites: once an extract is
// saved with its index, an edit of a paragraph has every catalog spliced
// (only that page's entries laid out), and Save writes every catalog as
// a lay-out of each whole writes it: as Site does for another program,
// whose index it does not use.
func TestSiteAfterAnEditWritesWhatAWholeLayOutWrites(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	saveAll(t, s, "p1")
	editParagraph(t, s, " Updated.")
	res := layOut(t, s, "p1")
	defer res.Close()
	whole := layOut(t, s, "p2")
	defer whole.Close()
	want := whole.Outputs
	if len(res.Outputs) != len(want) {
		t.Fatalf("Site gives %d catalogs, %d for another program", len(res.Outputs), len(want))
	}
	before := map[string][]byte{}
	for i, o := range res.Outputs {
		if o.Splice == nil {
			t.Errorf("%s: laid out whole after an edit of a paragraph", o.Path)
		}
		if want[i].Splice != nil {
			t.Errorf("%s: spliced from the index of another program", o.Path)
		}
		before[o.Path] = read(t, s, o.Path)
		if w := bytesOf(t, s, want[i]); o.Path != want[i].Path || !bytes.Equal(o.Bytes(), w) {
			t.Errorf("%s differs from %s laid out whole", o.Path, want[i].Path)
		}
	}
	changed, err := disk.Save(s, res.Outputs)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range res.Outputs {
		got := read(t, s, o.Path)
		if !bytes.Equal(got, bytesOf(t, s, want[i])) {
			t.Errorf("%s as saved differs from the whole lay-out", o.Path)
		}
		if wrote := !bytes.Equal(got, before[o.Path]); changed[i] != wrote {
			t.Errorf("Save says %s changed: %t; its bytes changed: %t", o.Path, changed[i], wrote)
		}
	}
}

// TestSiteAfterAContentOptionChangeWritesWhatAWholeLayOutWrites: the
// content options shape the blocks of pages whose bytes did not change
// (here, which front matter keys are translated), so an index an extract
// kept under other options proves nothing: the catalogs are laid out as
// a first extract lays them out, without the descriptions' messages.
func TestSiteAfterAContentOptionChangeWritesWhatAWholeLayOutWrites(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	saveAll(t, s, "p1")
	s.Config.Content.FrontMatter = []string{"title"}
	res := layOut(t, s, "p1")
	defer res.Close()
	whole := layOut(t, s, "p2")
	defer whole.Close()
	if !bytes.Contains(read(t, s, "locales/en.toml"), []byte(".description]")) {
		t.Fatal("the first extract wrote no description's message: the test tests nothing")
	}
	for i, o := range res.Outputs {
		got, want := bytesOf(t, s, o), bytesOf(t, s, whole.Outputs[i])
		if !bytes.Equal(got, want) {
			t.Errorf("%s after the options changed differs from a first extract's", o.Path)
		}
		if o.Path == "locales/en.toml" && bytes.Contains(got, []byte(".description]")) {
			t.Errorf("%s keeps the descriptions' messages, which are no longer translated", o.Path)
		}
	}
}

// TestSiteReportsEveryBadCatalog: two catalogs that do not parse are
// both reported, in one error, though the English could be spliced; the
// site is left as it was. See issue 5.
func TestSiteReportsEveryBadCatalog(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	saveAll(t, s, "p1")
	editParagraph(t, s, " Updated.")
	for _, path := range []string{"locales/es.toml", "locales/vi.toml"} {
		if err := os.WriteFile(s.Path(path), []byte("[x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	en := read(t, s, "locales/en.toml")
	for _, opts := range []extract.Options{{}, {Prune: true}} {
		res, err := disk.Site(s, "p1", opts)
		if res != nil {
			t.Errorf("Prune %t: Site returned catalogs with its error", opts.Prune)
		}
		for _, want := range []string{"locales/es.toml:1:3: ", "locales/vi.toml:1:3: "} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Prune %t: Site = %v; want an error at %s", opts.Prune, err, want)
			}
		}
	}
	if !bytes.Equal(read(t, s, "locales/en.toml"), en) {
		t.Error("locales/en.toml changed")
	}
}

// TestSaveRemovesTheIndex: until the catalogs are written, no index may
// say what they hold; a catalog that would not change is not written.
func TestSaveRemovesTheIndex(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	saveAll(t, s, "p1")
	res := layOut(t, s, "p1") // nothing changed: every catalog as it is
	defer res.Close()
	changed, err := disk.Save(s, res.Outputs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.Path(disk.IndexPath)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after Save, %s: %v; want it removed", disk.IndexPath, err)
	}
	for i, o := range res.Outputs {
		if changed[i] {
			t.Errorf("Save wrote %s, which did not change", o.Path)
		}
	}
}

// newSite returns a generated site of 6 pages in two locales, never
// extracted.
func newSite(t *testing.T) *site.Site {
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
	return s
}

// saveAll extracts s, by program, as l10n extract does: the catalogs,
// then the index.
func saveAll(t *testing.T, s *site.Site, program string) {
	t.Helper()
	res := layOut(t, s, program)
	defer res.Close()
	if _, err := disk.Save(s, res.Outputs); err != nil {
		t.Fatal(err)
	}
	if err := disk.SaveIndex(s, program, res.Pages, res.Outputs); err != nil {
		t.Fatal(err)
	}
}

func layOut(t *testing.T, s *site.Site, program string) *disk.Result {
	t.Helper()
	res, err := disk.Site(s, program, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// bytesOf returns the catalog o holds, or the file's if it is Unchanged.
func bytesOf(t *testing.T, s *site.Site, o extract.Output) []byte {
	t.Helper()
	if o.Unchanged {
		return read(t, s, o.Path)
	}
	return o.Bytes()
}

// editParagraph appends text to the first paragraph of the first page of
// s, after its front matter.
func editParagraph(t *testing.T, s *site.Site, text string) {
	t.Helper()
	pages, err := s.Pages()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(read(t, s, pages[0])), "\n")
	fences := 0
	for i, l := range lines {
		if l == "+++" {
			fences++
			continue
		}
		if fences == 2 && l != "" && !strings.ContainsAny(l[:1], "#-|>*") {
			lines[i] += text
			if err := os.WriteFile(s.Path(pages[0]), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("%s has no paragraph", pages[0])
}

func read(t *testing.T, s *site.Site, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(s.Path(path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
