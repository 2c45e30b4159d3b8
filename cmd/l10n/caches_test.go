package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitetree"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// knownCaches are the caches and state files of a site, by slash path
// from its root, a folder ending in "/": the table "Caches and state" of
// docs/architecture.md, and the lock file. Besides them, the check cache
// holds one file per locale, checkCache/<tag>. A file in .l10n-cache/
// or at the site root that is none of them fails
// TestDeletingAnyCacheGivesTheSameSite: a new cache is added here, with a
// set-up that gives it content, so that deleting it is tested.
var knownCaches = []string{
	buildStamp,
	buildManifest,
	standbyDir + "/",
	standbyManifest,
	checkCache + "/",
	buildPlans,
	snapshotpkg.IndexCache + "/",
	snapshotpkg.IDsCache,
	extractStamp,
	extractIndex,
	site.PageCache,
	site.LockFile,
}

// siteEntries are the entries of a site root that are not caches: the
// inputs and the built site.
var siteEntries = []string{site.ConfigFile, site.ContentDir, site.LocalesDir, site.PublicDir}

// cacheScenario is a state a site is in when a cache is deleted: what
// changed since its last extract and build.
type cacheScenario struct {
	name   string
	change func(t *testing.T, dir string) // nil: nothing
}

var cacheScenarios = []cacheScenario{
	// The stamps vouch for every input: extract and build stop at once.
	{name: "nothing changed"},
	// One English paragraph of the tip line page changes: its
	// translations are stale, zh-Hans no longer publishes the page, and
	// extract lays out only its entries. In locales/es.toml, the title of
	// the narcotics page goes back to what the standby site shows, and a
	// tip line paragraph loses its link, which check rejects: the build
	// shows the English there and warns.
	{name: "English and Spanish edited", change: func(t *testing.T, dir string) {
		editFile(t, dir, "content/tip-line.md", "we do not need your name", "we never need your name")
		editFile(t, dir, "locales/es.toml", `other = "El contrabando de narcóticos"`, `other = "Contrabando de narcóticos"`)
		editFile(t, dir, "locales/es.toml", "Llame a la [Línea de Denuncias de HSI](https://www.ice.gov/tips) al", "Llame a la Línea de Denuncias de HSI al")
	}},
}

// cacheCommands are run on a site in a scenario's state, with a cache
// deleted and without.
var cacheCommands = [][]string{{"extract"}, {"build"}, {"check"}}

// TestDeletingAnyCacheGivesTheSameSite: every cache and state file is
// only a cache. From the same state, the same commands (extract, build,
// check) run with any one of them deleted, or all of them, leave the same
// site, byte for byte (content/, locales/, public/ and l10n.toml; the
// caches aside) and say the same: the same exit status, the same
// warnings and errors, the same summary but for how many files were
// written and how long it took. The site is the partly translated one
// with a second page that es and zh-Hans translate, built twice, so that
// every cache has content: a standby site, one check cache file per
// locale, stamps that vouch for the inputs. See issue 17.
func TestDeletingAnyCacheGivesTheSameSite(t *testing.T) {
	t.Parallel()
	for _, sc := range cacheScenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			dir := cacheSite(t, sc)
			caches := cachesOf(t, dir)
			requireEveryCache(t, dir, caches)
			want := runCached(t, dir)
			cachesOf(t, dir) // the commands added none the test does not know
			t.Logf("%d caches and state files; with every cache, %d files and folders in the site and the commands said:\n%s", len(caches), len(want.site), strings.Join(want.said, ""))
			if sc.change == nil && !strings.Contains(want.stdout, "nothing changed since the last build") {
				t.Errorf("with nothing changed, the build did not stop at once, so its stamp is not tested:\n%s", want.stdout)
			}

			cases := map[string][]string{"every cache": append(slices.Clone(caches), site.CacheDir+"/")}
			for _, c := range caches {
				cases[cacheName(c)] = []string{c}
			}
			cases["the standby site and its manifest"] = []string{standbyDir + "/", standbyManifest}
			for _, name := range slices.Sorted(maps.Keys(cases)) {
				deleted := cases[name]
				t.Run("without "+name, func(t *testing.T) {
					t.Parallel()
					dir := cacheSite(t, sc)
					for _, c := range deleted {
						if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(c))); err != nil {
							t.Fatal(err)
						}
					}
					got := runCached(t, dir)
					got.compare(t, want)
					t.Logf("build with every cache: %s", want.built)
					t.Logf("build without %s: %s", name, got.built)
				})
			}
		})
	}
}

// tipLine is the second page of the site of the cache test.
const tipLine = `+++
title = "HSI Tip Line"
description = "How to report suspicious activity to Homeland Security Investigations."
updated = 2024-05-02
+++

Anyone can report suspected smuggling to HSI, day or night, in any language.

Call the [HSI Tip Line](https://www.ice.gov/tips) at 1-877-4-HSI-TIP, or use the online form.

You may stay anonymous: we do not need your name to act on a tip.
`

// cacheSite makes the site of the cache test in sc's state: the partly
// translated site with the tip line page, which es translates and zh-Hans
// in part, extracted and built; then a Spanish title changed, extracted
// and built again (the standby site holds the first build); then sc's
// change.
func cacheSite(t *testing.T, sc cacheScenario) string {
	t.Helper()
	dir := copyPartialSite(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "tip-line.md"), []byte(tipLine), 0o644); err != nil {
		t.Fatal(err)
	}
	setUpRun(t, dir, "extract")
	translateCatalog(t, dir, "es", map[string]string{
		"tip-line.title":       "Línea de Denuncias de HSI",
		"tip-line.description": "Cómo denunciar actividades sospechosas ante la Oficina de Investigaciones de Seguridad Nacional.",
		"tip-line.intro.p1":    "Cualquier persona puede denunciar a HSI un presunto contrabando, de día o de noche, en cualquier idioma.",
		"tip-line.intro.p2":    "Llame a la [Línea de Denuncias de HSI](https://www.ice.gov/tips) al 1-877-4-HSI-TIP, o use el formulario en línea.",
		"tip-line.intro.p3":    "Puede permanecer en el anonimato: no necesitamos su nombre para actuar ante una denuncia.",
	})
	// Three of five: published, until the English of p3 changes.
	translateCatalog(t, dir, "zh-Hans", map[string]string{
		"tip-line.title":    "HSI 举报热线",
		"tip-line.intro.p1": "任何人都可以随时以任何语言向 HSI 举报可疑的走私活动。",
		"tip-line.intro.p3": "您可以匿名举报：我们无需您的姓名即可处理举报。",
	})
	setUpRun(t, dir, "extract")
	setUpRun(t, dir, "build", "-q")
	editFile(t, dir, "locales/es.toml", `other = "Contrabando de narcóticos"`, `other = "El contrabando de narcóticos"`)
	setUpRun(t, dir, "extract")
	// The index cache keeps only the index of a catalog its file state
	// proves, one not changed within stamp.RacyWindow.
	time.Sleep(stamp.RacyWindow + 100*time.Millisecond)
	setUpRun(t, dir, "build", "-q")
	if sc.change != nil {
		sc.change(t, dir)
	}
	return dir
}

// setUpRun runs l10n args on the site in dir, and fails t unless it
// succeeds without a word on stderr.
func setUpRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	if code, _, stderr := l10n(t, append([]string{"-C", dir}, args...)...); code != 0 || stderr != "" {
		t.Fatalf("set-up: l10n %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
}

// translateCatalog sets the translation of each message ID of texts in
// the catalog locales/<tag>.toml of the site in dir. The next extract
// puts the catalog in its canonical layout.
func translateCatalog(t *testing.T, dir, tag string, texts map[string]string) {
	t.Helper()
	rel := "locales/" + tag + ".toml"
	p := filepath.Join(dir, filepath.FromSlash(rel))
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := catalog.Parse(rel, language.MustParse(tag), src)
	if err != nil {
		t.Fatal(err)
	}
	var entries []catalog.Entry
	done := 0
	for _, m := range f.Messages {
		if text, ok := texts[m.ID]; ok {
			m.Forms["other"] = text
			done++
		}
		entries = append(entries, catalog.Entry{Message: m, Comment: m.Comment})
	}
	if done != len(texts) {
		t.Fatalf("%s has %d of the %d messages to translate", rel, done, len(texts))
	}
	var b bytes.Buffer
	if err := catalog.Write(&b, nil, entries); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// cachesOf lists, sorted, the caches and state files of the site in dir
// that are there, each as the test deletes it: each of knownCaches, and
// each locale's file of the check cache. Anything else in .l10n-cache/
// or at the site root fails t.
func cachesOf(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			name += "/"
		}
		switch {
		case slices.Contains(knownCaches, name):
			out = append(out, name)
		case name == site.CacheDir+"/" || slices.Contains(siteEntries, strings.TrimSuffix(name, "/")):
		default:
			t.Errorf("the site root holds %s, which this test does not know: if it is a cache, add it to knownCaches", name)
		}
	}
	err = filepath.WalkDir(filepath.Join(dir, site.CacheDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			rel += "/"
		}
		switch {
		case rel == site.CacheDir+"/":
		case slices.Contains(knownCaches, rel):
			out = append(out, rel)
		case (path.Dir(rel) == checkCache || path.Dir(rel) == snapshotpkg.IndexCache) && d.Type().IsRegular() && isCatalogTag(dir, path.Base(rel)):
			out = append(out, rel)
		default:
			t.Errorf("%s holds %s, which this test does not know: add it to knownCaches, with a set-up that gives it content", site.CacheDir, rel)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// cacheName names the cache at path c for a subtest, without slashes.
func cacheName(c string) string {
	switch {
	case c == checkCache+"/":
		return "check cache"
	case strings.HasPrefix(c, checkCache+"/"):
		return "check cache of " + path.Base(c)
	case c == snapshotpkg.IndexCache+"/":
		return "index cache"
	case strings.HasPrefix(c, snapshotpkg.IndexCache+"/"):
		return "index cache of " + path.Base(c)
	}
	return strings.TrimSuffix(strings.TrimPrefix(c, site.CacheDir+"/"), "/")
}

// isCatalogTag reports whether name is the canonical tag of a locale
// catalog of the site in dir.
func isCatalogTag(dir, name string) bool {
	tag, err := language.Parse(name)
	if err != nil || tag.String() != name {
		return false
	}
	_, err = os.Stat(filepath.Join(dir, site.LocalesDir, name+".toml"))
	return err == nil
}

// requireEveryCache fails t unless caches, those of the site in dir,
// hold every one of knownCaches and a check cache file for every locale
// but English: a cache the set-up does not make is a cache not tested.
func requireEveryCache(t *testing.T, dir string, caches []string) {
	t.Helper()
	want := slices.Clone(knownCaches)
	catalogs, err := filepath.Glob(filepath.Join(dir, site.LocalesDir, "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range catalogs {
		if tag := strings.TrimSuffix(filepath.Base(c), ".toml"); tag != "en" {
			want = append(want, checkCache+"/"+tag)
		}
	}
	for _, w := range want {
		if !slices.Contains(caches, w) {
			t.Errorf("the set-up left no %s, so deleting it is not tested", w)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// cacheRun is what the commands of the cache test left and said.
type cacheRun struct {
	site   sitetree.Tree // the site but for its caches and state files
	said   []string      // per command: its exit status, summary and stderr
	stdout string        // everything they printed on stdout, as printed
	built  string        // the build's summary, as printed
}

// runCached runs cacheCommands on the site in dir.
func runCached(t *testing.T, dir string) cacheRun {
	t.Helper()
	var r cacheRun
	for _, args := range cacheCommands {
		code, stdout, stderr := l10n(t, append([]string{"-C", dir}, args...)...)
		r.said = append(r.said, fmt.Sprintf("l10n %s: exit %d\n%s%s", strings.Join(args, " "), code, summary(stdout), stderr))
		r.stdout += stdout
		if args[0] == "build" {
			r.built = strings.TrimSpace(stdout)
		}
	}
	r.site = siteTree(t, dir)
	for p := range r.site {
		if isCache(p) {
			delete(r.site, p)
		}
	}
	return r
}

// isCache reports whether p, a path of a sitetree.Tree, is a cache or
// state file, or in one.
func isCache(p string) bool {
	for _, c := range append(knownCaches, site.CacheDir+"/") {
		if p == c || strings.HasSuffix(c, "/") && strings.HasPrefix(p, c) {
			return true
		}
	}
	return false
}

var (
	// elapsed is how long a command took, at the end of its summary.
	elapsed = regexp.MustCompile(`(?m), in [0-9.]+s$`)
	// buildSummary is the summary of a build, whole or stopped at once:
	// how many files it wrote depends on the caches; what it built does
	// not.
	buildSummary = regexp.MustCompile(`(?m)^(?:built (.*): \d+ files written, \d+ unchanged|nothing changed since the last build: (.*), \d+ files written, \d+ unchanged)$`)
)

// summary is stdout of a command without what the caches change: how
// long it took and how many files it wrote.
func summary(stdout string) string {
	s := elapsed.ReplaceAllString(stdout, "")
	return buildSummary.ReplaceAllString(s, "built $1$2")
}

// compare fails t unless r, a run with a cache deleted, left and said
// what want, the run with every cache, did.
func (r cacheRun) compare(t *testing.T, want cacheRun) {
	t.Helper()
	for i := range want.said {
		if r.said[i] != want.said[i] {
			t.Errorf("the commands said otherwise (-want +got):\n%s", lineDiff(want.said[i], r.said[i]))
		}
	}
	diff := sitetree.Diff(r.site, want.site)
	for _, d := range diff {
		what, p, _ := strings.Cut(d, " ")
		if what == "differs" {
			d += ": " + firstDifference(want.site[p], r.site[p])
		}
		t.Errorf("the site is not the same: %s", d)
	}
}

// firstDifference shows where got first differs from want, with some
// bytes either side.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(i-40, 0)
	return fmt.Sprintf("at byte %d, want …%q…, got …%q…", i, want[from:min(i+40, len(want))], got[from:min(i+40, len(got))])
}
