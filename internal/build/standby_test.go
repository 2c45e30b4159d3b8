package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
)

// fresh builds s from nothing into a new folder and returns its files:
// what every incremental build must equal.
func fresh(t *testing.T, sdir string) map[string]string {
	t.Helper()
	in, err := build.Load(loadSite(t, sdir))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := build.Write(context.Background(), in, dir, build.Options{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	return tree(t, dir)
}

func sameFiles(t *testing.T, step string, got, want map[string]string) {
	t.Helper()
	for p, w := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s: %s missing", step, p)
		} else if g != w {
			t.Errorf("%s: %s differs from a build from nothing", step, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s is served but a build from nothing has no such file", step, p)
		}
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s lacks %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStandbyBuildsEqualBuildsFromNothing: a sequence of builds through
// the standby site (translations changed back and forth, a title, an
// alias added, a page removed, a locale removed, a stray folder in the
// served site) serves after each
// build exactly what a build from nothing writes, and a build touches in
// the standby only what changed. See issue 5.
func TestStandbyBuildsEqualBuildsFromNothing(t *testing.T) {
	s := multiSite(t, 3)
	dir := filepath.Join(t.TempDir(), "public")
	standby := filepath.Join(filepath.Dir(dir), ".public.standby")
	es := s.Path("locales/es.toml")
	const a, b = `other = "Saltar al contenido principal"`, `other = "Ir al contenido principal"`
	steps := []struct {
		name   string
		change func()
	}{
		{"first build", func() {}},
		{"es chrome changed", func() { edit(t, es, a, b) }},
		{"es chrome changed back", func() { edit(t, es, b, a) }},
		{"es chrome changed again", func() { edit(t, es, a, b) }},
		// The files of the whole site: the chooser shows each page's
		// title, the aliases are the pages', the sitemaps list them.
		{"es title changed", func() {
			edit(t, es, `other = "Contrabando de narcóticos"`, `other = "El contrabando de narcóticos"`)
		}},
		{"alias added", func() { edit(t, s.Path("content/topics/a.md"), "+++\ntitle", "+++\naliases = [\"/old/a/\"]\ntitle") }},
		{"stray folder in the served site", func() {
			if err := os.MkdirAll(filepath.Join(dir, "_status"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "_status", "index.html"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"page removed", func() {
			if err := os.Remove(s.Path("content/topics/b.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"locale removed", func() {
			if err := os.Remove(s.Path("locales/vi.toml")); err != nil {
				t.Fatal(err)
			}
		}},
		{"nothing changed", func() {}},
	}
	for i, step := range steps {
		step.change()
		sum := writeSite(t, s, dir, 2)
		got := tree(t, dir)
		if step.name == "stray folder in the served site" {
			// The served site is not touched by a no-op; the stray folder
			// goes with the next build that swaps.
			delete(got, "_status/index.html")
		}
		sameFiles(t, step.name, got, fresh(t, s.Root))
		if step.name == "es chrome changed again" && sum.Written != 8 {
			// es and es-MX of four pages.
			t.Errorf("%s: %+v; want 8 files written", step.name, sum)
		}
		if i > 0 {
			if _, err := os.Stat(standby); err != nil {
				t.Errorf("%s: no standby site after the build: %v", step.name, err)
			}
		}
	}
}

// TestUntrustedStandbyIsEmptied: a standby without its manifest (a build
// was killed while updating it) holds nothing that reaches the served
// site.
func TestUntrustedStandbyIsEmptied(t *testing.T) {
	s := multiSite(t, 1)
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, s, dir, 2)
	edit(t, s.Path("locales/es.toml"), `other = "Saltar al contenido principal"`, `other = "Ir al contenido principal"`)
	writeSite(t, s, dir, 2)
	standby := filepath.Join(filepath.Dir(dir), ".public.standby")
	// Half updated by a killed build: a page damaged, a file added, the
	// manifest gone.
	page := filepath.Join(standby, "es", "narcotics-smuggling", "index.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("<p>half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(standby, "stray.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.Path(".l10n-cache/build.manifest.standby")); err != nil {
		t.Fatal(err)
	}
	edit(t, s.Path("locales/es.toml"), `other = "Ir al contenido principal"`, `other = "Saltar al contenido principal"`)
	writeSite(t, s, dir, 2)
	sameFiles(t, "after a killed build", tree(t, dir), fresh(t, s.Root))
}

func loadSite(t *testing.T, dir string) *site.Site {
	t.Helper()
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestExtrasAreSwappedInWithTheSite: the files given as Options.Extras
// (the status dashboard) are in the standby before the swap, so the site
// served, or left by a killed build, is never without them; an unchanged
// one is no change; a stray file beside one goes, and so does one no
// longer given, with the next build that changes the site (like any
// stray file, see TestStandbyBuildsEqualBuildsFromNothing). See issue 3.
func TestExtrasAreSwappedInWithTheSite(t *testing.T) {
	s := multiSite(t, 1)
	dir := filepath.Join(t.TempDir(), "public")
	standby := filepath.Join(filepath.Dir(dir), ".public.standby")
	const dashboard = "_status/index.html"
	write := func(step string, extras []build.File) build.Summary {
		t.Helper()
		in, err := build.Load(s)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, f := range extras {
			want[f.Path] = string(f.Data)
		}
		progress := func(done, total int) {
			if done != total {
				return
			}
			// The last page is rendered after the extras are put, and
			// before the swap.
			got := tree(t, standby)
			for p, data := range want {
				if got[p] != data {
					t.Errorf("%s: the standby holds %s = %q while pages are rendered; want %q", step, p, got[p], data)
				}
			}
		}
		sum, err := build.Write(context.Background(), in, dir, build.Options{Workers: 2, Manifest: s.Path(".l10n-cache/build.manifest"), Progress: progress, Extras: extras})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		got := tree(t, dir)
		for p, data := range want {
			if got[p] != data {
				t.Errorf("%s: %s = %q after the build; want %q", step, p, got[p], data)
			}
		}
		return sum
	}
	status := func(text string) []build.File { return []build.File{{Path: dashboard, Data: []byte(text)}} }

	write("first build", nil)
	write("dashboard added", status("a"))
	if sum := write("nothing changed", status("a")); sum.Written != 0 {
		t.Errorf("nothing changed: %+v; want 0 files written", sum)
	}
	// A stray file beside the dashboard, such as a killed write left.
	if err := os.WriteFile(filepath.Join(dir, "_status", ".index.html123"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	write("dashboard changed", status("b"))
	write("dashboard changed again", status("c")) // in the standby that has the stray file
	want := fresh(t, s.Root)
	want[dashboard] = "c"
	sameFiles(t, "dashboard changed again", tree(t, dir), want)
	edit(t, s.Path("locales/es.toml"), `other = "Saltar al contenido principal"`, `other = "Ir al contenido principal"`)
	write("dashboard dropped, es changed", nil)
	sameFiles(t, "dashboard dropped, es changed", tree(t, dir), fresh(t, s.Root))
}
