package site_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/site"
)

// copySite copies l10n.toml and content/ of the site at dir into a new
// folder and loads it.
func copySite(t *testing.T, dir string) *site.Site {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, site.ContentDir), os.DirFS(filepath.Join(dir, site.ContentDir))); err != nil {
		t.Fatal(err)
	}
	config, err := os.ReadFile(filepath.Join(dir, site.ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, site.ConfigFile), string(config))
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// parsed returns the pages of s as LoadPages gives them, each parsed.
func parsed(t *testing.T, s *site.Site) []*content.Page {
	t.Helper()
	files, err := s.Pages()
	if err != nil {
		t.Fatal(err)
	}
	var out []*content.Page
	for _, f := range files {
		src, err := s.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := content.Parse(f, src, s.ContentOptions())
		if err != nil {
			t.Fatal(err)
		}
		if !p.Draft {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s has no pages", s.Root)
	}
	return out
}

// load is LoadPages with the site lock held if locked, failing the test
// on an error.
func load(t *testing.T, s *site.Site, locked bool) []*content.Page {
	t.Helper()
	if locked {
		unlock, err := s.Lock(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
	}
	pages, err := s.LoadPages()
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// samePages fails the test if got differs from want in any page.
func samePages(t *testing.T, what string, got, want []*content.Page) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d pages, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s: %s differs from the page parsed:\n%+v\nwant\n%+v", what, want[i].File, got[i], want[i])
		}
	}
}

// cacheState returns the size, modification time and inode of the page
// cache of s, as a string; "" if there is none.
func cacheState(t *testing.T, s *site.Site) string {
	t.Helper()
	fi, err := os.Stat(s.Path(site.PageCache))
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d %d %d", fi.Size(), fi.ModTime().UnixNano(), fi.Sys().(*syscall.Stat_t).Ino)
}

// TestPageCacheGivesThePagesParsed checks, on the shipped site and the
// Hugo site of internal/hugo, that the pages LoadPages takes from the
// page cache equal the pages parsed, and that a second run with nothing
// changed does not write the cache again.
func TestPageCacheGivesThePagesParsed(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"../..", "../hugo/testdata/site"} {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			s := copySite(t, dir)
			want := parsed(t, s)
			samePages(t, "parsed, no cache", load(t, s, true), want)
			written := cacheState(t, s)
			if written == "" {
				t.Fatal("LoadPages with the site lock wrote no page cache")
			}
			samePages(t, "from the cache", load(t, s, true), want)
			samePages(t, "from the cache, without the lock", load(t, s, false), want)
			if now := cacheState(t, s); now != written {
				t.Errorf("the page cache was written again with no page changed")
			}
		})
	}
}

// TestPageCacheIsWrittenOnlyUnderTheLock checks that LoadPages without
// the site lock (l10n serve, status, check, export) writes no page cache,
// and with it keeps an edited page, which it gives as parsed.
func TestPageCacheIsWrittenOnlyUnderTheLock(t *testing.T) {
	t.Parallel()
	s := copySite(t, "../..")
	load(t, s, false)
	if cacheState(t, s) != "" {
		t.Fatal("LoadPages without the site lock wrote the page cache")
	}
	load(t, s, true)
	written := cacheState(t, s)
	file := s.Path("content/narcotics-smuggling.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "\n\n", "\n\nA new first paragraph.\n\n", 2)
	writeFile(t, file, edited)
	samePages(t, "edited, without the lock", load(t, s, false), parsed(t, s))
	if cacheState(t, s) != written {
		t.Error("LoadPages without the site lock wrote the page cache")
	}
	samePages(t, "edited", load(t, s, true), parsed(t, s))
	if cacheState(t, s) == written {
		t.Error("LoadPages with the site lock kept the page cache as it was, with a page edited")
	}
	samePages(t, "edited, from the cache", load(t, s, false), parsed(t, s))
}

// TestDamagedPageCacheGivesThePagesParsed checks that a page cache cut
// short, with a byte changed, or of other bytes, is no cache: the pages
// are parsed, and the cache is written anew.
func TestDamagedPageCacheGivesThePagesParsed(t *testing.T) {
	t.Parallel()
	s := copySite(t, "../hugo/testdata/site")
	want := parsed(t, s)
	load(t, s, true)
	good, err := os.ReadFile(s.Path(site.PageCache))
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string][]byte{
		"empty":    {},
		"magic":    good[:10],
		"half":     good[:len(good)/2],
		"no crc":   good[:len(good)-4],
		"last":     good[:len(good)-1],
		"flipped":  flip(good, len(good)/3),
		"crc":      flip(good, len(good)-2),
		"text":     []byte(strings.Repeat("not a cache\n", 100)),
		"appended": append(append([]byte(nil), good...), 0),
	}
	for name, data := range damage {
		writeFile(t, s.Path(site.PageCache), string(data))
		samePages(t, name, load(t, s, false), want)
		samePages(t, name+", with the lock", load(t, s, true), want)
		again, err := os.ReadFile(s.Path(site.PageCache))
		if err != nil || string(again) != string(good) {
			t.Errorf("%s: the page cache written anew differs from the one written first", name)
		}
	}
}

// flip returns data with the byte at i changed.
func flip(data []byte, i int) []byte {
	out := append([]byte(nil), data...)
	out[i] ^= 0x40
	return out
}

// TestPageCacheIsKeyedByTheContentOptions checks that a page cache written
// with some content options gives nothing to a run with others: the
// pages are parsed with the options of the config.
func TestPageCacheIsKeyedByTheContentOptions(t *testing.T) {
	t.Parallel()
	s := copySite(t, "../hugo/testdata/site")
	load(t, s, true)
	config, err := os.ReadFile(s.Path(site.ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	// Without params.subtitle, the pages that set one have a block less.
	changed := strings.Replace(string(config), `, "params.subtitle"]`, "]", 1)
	if changed == string(config) {
		t.Fatal("the config of the Hugo site does not translate params.subtitle")
	}
	writeFile(t, s.Path(site.ConfigFile), changed)
	other, err := site.Load(s.Root)
	if err != nil {
		t.Fatal(err)
	}
	before, want := parsed(t, s), parsed(t, other)
	if reflect.DeepEqual(before, want) {
		t.Fatal("the pages parsed with either config are the same: the test proves nothing")
	}
	written := cacheState(t, s)
	samePages(t, "other options", load(t, other, true), want)
	if cacheState(t, other) == written {
		t.Error("the page cache was not written anew for other options")
	}
}

// TestPageCacheGivesAPageOfItsOwnEachTime checks that two runs from the
// cache share no block: IDs given to one (as package snapshot gives
// them) are not those of the other.
func TestPageCacheGivesAPageOfItsOwnEachTime(t *testing.T) {
	t.Parallel()
	s := copySite(t, "../..")
	load(t, s, true)
	a, b := load(t, s, false), load(t, s, false)
	for _, p := range a {
		for _, blk := range p.Blocks {
			blk.ID = "given"
		}
	}
	samePages(t, "second run", b, parsed(t, s))
}
