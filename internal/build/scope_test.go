package build_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
)

// scopedBuild builds s into dir as l10n build does: loading with a Scope
// and, when Write says the frozen locales changed, loading everything.
// It returns the locales the first load froze and whether it had to load
// again. lean is Scope.Lean.
func scopedBuild(t *testing.T, s *site.Site, dir string, lean bool) (frozen []string, rescoped bool) {
	t.Helper()
	manifest := s.Path(".l10n-cache/build.manifest")
	scope := build.Scope{Manifest: manifest, Program: "test", Note: "pseudo=false", Checked: s.Path(".l10n-cache/check"), Lean: lean}
	in, err := build.LoadScoped(s, scope)
	if err != nil {
		t.Fatal(err)
	}
	for tag := range in.Frozen {
		frozen = append(frozen, tag.String())
	}
	slices.Sort(frozen)
	_, err = build.Write(context.Background(), in, dir, build.Options{Workers: 2, Manifest: manifest, Program: "test"})
	if errors.Is(err, build.ErrRescope) {
		rescoped = true
		scope.ReadAll = true
		if in, err = build.LoadScoped(s, scope); err != nil {
			t.Fatal(err)
		}
		_, err = build.Write(context.Background(), in, dir, build.Options{Workers: 2, Manifest: manifest, Program: "test"})
	}
	if err != nil {
		t.Fatal(err)
	}
	return frozen, rescoped
}

// TestScopedBuildsEqualBuildsFromNothing: a build that leaves the
// catalogs of unchanged locale groups unread serves exactly what a build
// from nothing writes, through a sequence of changes; it freezes only
// the groups whose inputs are as the last build left them, and loads
// everything when the pages a locale publishes changed. Lean loads
// (Scope.Lean), which read the catalogs as a stream, give the same. See
// issue 5.
func TestScopedBuildsEqualBuildsFromNothing(t *testing.T) {
	for _, lean := range []bool{false, true} {
		t.Run(fmt.Sprintf("lean=%t", lean), func(t *testing.T) { testScopedBuilds(t, lean) })
	}
}

func testScopedBuilds(t *testing.T, lean bool) {
	s := multiSite(t, 3)
	dir := filepath.Join(t.TempDir(), "public")
	es := s.Path("locales/es.toml")
	all := []string{"ar", "es", "es-MX", "ht", "vi", "zh-Hans"}
	notES := []string{"ar", "ht", "vi", "zh-Hans"}
	const a, b = `other = "Saltar al contenido principal"`, `other = "Ir al contenido principal"`
	steps := []struct {
		name     string
		change   func()
		frozen   []string
		rescoped bool
	}{
		{"first build", func() {}, nil, false},
		{"nothing changed", func() {}, all, false},
		{"es chrome changed", func() { edit(t, es, a, b) }, notES, false},
		{"es chrome changed back", func() { edit(t, es, b, a) }, notES, false},
		{"es-MX changed", func() {
			edit(t, s.Path("locales/es-MX.toml"), "[chrome.skip]\nhash = \"sha256:71c7487db66d5429\"\nother = \"\"", "[chrome.skip]\nhash = \"sha256:71c7487db66d5429\"\nother = \"Saltar al contenido\"")
		}, notES, false},
		{"a translation rejected", func() {
			edit(t, es, a, `other = "Saltar <b>al</b> contenido principal"`)
		}, notES, false},
		{"the rejected translation is read again", func() {}, notES, false},
		{"the rejected translation fixed", func() {
			edit(t, es, `other = "Saltar <b>al</b> contenido principal"`, a)
		}, notES, false},
		{"a page of a frozen locale deleted from the served site", func() {
			// And the standby site untrusted (a build was killed), so
			// that only the served site could have had it.
			for _, f := range []string{filepath.Join(dir, "vi", "topics", "a", "index.html"), s.Path(".l10n-cache/build.manifest.standby")} {
				if err := os.Remove(f); err != nil {
					t.Fatal(err)
				}
			}
			edit(t, es, a, b)
		}, notES, true},
		{"a locale removed", func() {
			if err := os.Remove(s.Path("locales/ht.toml")); err != nil {
				t.Fatal(err)
			}
		}, []string{"ar", "es", "es-MX", "vi", "zh-Hans"}, true},
		{"the config changed", func() {
			edit(t, s.Path("l10n.toml"), `base_url = "https://l10n.example.gov"`, `base_url = "https://www.example.gov"`)
		}, nil, false},
		{"nothing changed again", func() {}, []string{"ar", "es", "es-MX", "vi", "zh-Hans"}, false},
		{"a page changed", func() {
			edit(t, s.Path("content/topics/b.md"), "HSI", "Homeland Security Investigations (HSI)")
		}, nil, false},
		// Until extract is run, the IDs of the changed page's blocks
		// depend on every catalog.
		{"nothing changed, locales/en.toml out of date", func() {}, nil, false},
	}
	for _, step := range steps {
		step.change()
		frozen, rescoped := scopedBuild(t, loadSite(t, s.Root), dir, lean)
		if !slices.Equal(frozen, step.frozen) {
			t.Errorf("%s: froze %v; want %v", step.name, frozen, step.frozen)
		}
		if rescoped != step.rescoped {
			t.Errorf("%s: loaded everything again: %t; want %t", step.name, rescoped, step.rescoped)
		}
		sameFiles(t, step.name, tree(t, dir), fresh(t, s.Root))
	}
}

// TestScopedBuildRecordsOnlyCleanGroups: the manifest records the key of
// a group only when its catalogs had no rejected translation, so that
// the next build reads them again and warns again.
func TestScopedBuildRecordsOnlyCleanGroups(t *testing.T) {
	s := multiSite(t, 1)
	dir := filepath.Join(t.TempDir(), "public")
	edit(t, s.Path("locales/vi.toml"), "[chrome.skip]\nhash = \"sha256:71c7487db66d5429\"\nother = \"Chuyển đến nội dung chính\"", "[chrome.skip]\nhash = \"sha256:71c7487db66d5429\"\nother = \"{{.Secret}}\"")
	scopedBuild(t, s, dir, false)
	in, err := build.LoadScoped(s, build.Scope{Manifest: s.Path(".l10n-cache/build.manifest"), Program: "test", Note: "pseudo=false"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tag := range in.Frozen {
		names = append(names, tag.String())
	}
	slices.Sort(names)
	if want := []string{"ar", "es", "es-MX", "ht", "zh-Hans"}; !slices.Equal(names, want) {
		t.Errorf("froze %v; want %v (vi has a rejected translation)", names, want)
	}
	if !strings.Contains(in.Warnings.Error(), "vi.toml") {
		t.Errorf("warnings %q do not name locales/vi.toml", in.Warnings.Error())
	}
}

// TestLeanLoadWarnsAsFullLoad: a lean load (Scope.Lean) reads the
// catalogs as a stream and keeps none of their messages, yet warns of the
// same rejected translations as a full load; with locales/en.toml out of
// date it is a full load, since new blocks' IDs depend on every catalog.
// See issue 5.
func TestLeanLoadWarnsAsFullLoad(t *testing.T) {
	s := multiSite(t, 2)
	edit(t, s.Path("locales/vi.toml"), "[chrome.skip]\nhash = \"sha256:71c7487db66d5429\"\nother = \"Chuyển đến nội dung chính\"", "[chrome.skip]\nhash = \"sha256:71c7487db66d5429\"\nother = \"{{.Secret}}\"")
	load := func(lean bool) *build.Input {
		t.Helper()
		in, err := build.LoadScoped(loadSite(t, s.Root), build.Scope{Lean: lean})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	messages := func(in *build.Input) (n int) {
		for _, f := range in.Locales {
			n += len(f.Messages)
		}
		return n
	}
	for _, step := range []struct {
		name     string
		change   func()
		keepsAll bool // the lean load kept the messages: it was a full load
	}{
		{"en.toml up to date", func() {}, false},
		{"en.toml out of date", func() { edit(t, s.Path("content/topics/b.md"), "HSI", "Homeland Security Investigations (HSI)") }, true},
	} {
		step.change()
		full, lean := load(false), load(true)
		if got, want := lean.Warnings.Error(), full.Warnings.Error(); got != want {
			t.Errorf("%s: lean load warns\n%s\nwant\n%s", step.name, got, want)
		}
		if !strings.Contains(lean.Warnings.Error(), "locales/vi.toml") {
			t.Errorf("%s: lean load's warnings %q do not name locales/vi.toml", step.name, lean.Warnings.Error())
		}
		if n := messages(lean); (n > 0) != step.keepsAll {
			t.Errorf("%s: lean load kept %d messages; want them kept: %t", step.name, n, step.keepsAll)
		}
		if messages(full) == 0 {
			t.Errorf("%s: full load kept no messages", step.name)
		}
		dirFull, dirLean := filepath.Join(t.TempDir(), "full"), filepath.Join(t.TempDir(), "lean")
		for dir, in := range map[string]*build.Input{dirFull: full, dirLean: lean} {
			if _, err := build.Write(context.Background(), in, dir, build.Options{Program: "test"}); err != nil {
				t.Fatal(err)
			}
		}
		sameFiles(t, step.name, tree(t, dirLean), tree(t, dirFull))
	}
}
