package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitetree"
)

const (
	buildPages      = 12  // generated pages of the site of the build kill test
	buildKills      = 150 // kills of a child l10n build
	buildKillsShort = 10  // with -short
	standbyDir      = "." + site.PublicDir + ".standby"
	buildManifest   = site.CacheDir + "/build.manifest"
	standbyManifest = buildManifest + ".standby"
)

// TestKillDuringBuildLeavesWholeSite kills "l10n build" at many points
// while it turns one site (the old) into another (the new), and checks
// that public/ is then the old site or the new one, whole (every file,
// byte for byte, none missing, none extra); that catalogs and pages are
// unchanged; that each manifest left in .l10n-cache/ tells the truth
// about the folder it describes, since the next build trusts it; and that
// the next build, whatever the kill left (a half-updated standby, no
// manifest, a swapped site without its manifests), makes the new site
// exactly. Kills alternate between "l10n build" and "l10n build
// --status", which also writes public/_status/. See issue 3.
//
// The old site is the second of two builds, so a standby site with its
// manifest is there, as it is on a site built before; the new inputs take
// some pages back to the first build (the standby holds them), keep some
// of the second (public/ holds them), change others, remove one page and
// add one. Before each kill the state the second build left (public/,
// .public.standby/, .l10n-cache/) is restored. Kill points are drawn by
// killPlan from three builds to completion, the events being the changes
// to the site folder and to .l10n-cache/. The test does not run in
// parallel with others: they would change the timings the kill points
// are drawn from.
func TestKillDuringBuildLeavesWholeSite(t *testing.T) {
	kills := killCount(t, buildKills, buildKillsShort)
	bin := l10nBinary(t)
	base, _ := largeSite(t, buildPages)
	rng := newKillRand(t)
	variants := []*buildVariant{{args: []string{"build", "-q"}}, {args: []string{"build", "-q", "--status"}}}
	for _, v := range variants {
		v.setUp(t, bin, base, rng)
	}
	counts := map[string]int{}
	leftovers := 0
	for i := range kills {
		v := variants[i%len(variants)]
		o, left := v.kill(t, bin, i)
		counts["l10n "+strings.Join(v.args, " ")+": "+o]++
		leftovers += left
	}
	t.Logf("%d kills of l10n build, by what public/ and .l10n-cache/ held after the kill; each time the next build made the new site:", kills)
	for _, o := range slices.Sorted(maps.Keys(counts)) {
		t.Logf("%4d  %s", counts[o], o)
	}
	t.Logf("%d temporary files left in %s/ by kills", leftovers, site.CacheDir)
}

// buildVariant is one way to run l10n build in the kill test, on a site
// of its own.
type buildVariant struct {
	args      []string // "build" and its flags
	dir       string   // the site
	state     string   // what the build of the old site left (see saveState)
	inputs    map[string]string
	old, want map[string]string // public/ of the old site and of the new
	known     map[string]string // digest of a page's inputs → its bytes
	plan      *killPlan
}

func (v *buildVariant) command() []string { return append([]string{"-C", v.dir}, v.args...) }

// watched returns the folders of the site whose changes are the events of
// a build's kill points.
func (v *buildVariant) watched() []string { return []string{".", site.CacheDir} }

// inputsNow reads locales/ and content/ of v's site.
func (v *buildVariant) inputsNow(t *testing.T) map[string]string {
	t.Helper()
	in := readTree(t, filepath.Join(v.dir, "locales"))
	for p, data := range readTree(t, filepath.Join(v.dir, "content")) {
		in["content/"+p] = data
	}
	return in
}

// setUp makes v's site from base, builds the first site and the old one,
// changes the inputs to the new one, saves the state, and times three
// builds of the new site from it.
func (v *buildVariant) setUp(t *testing.T, bin, base string, rng *rand.Rand) {
	t.Helper()
	v.dir = copyInputs(t, base)
	build := func(what string, watched []string) childRun {
		t.Helper()
		c := runKilled(bin, v.dir, watched, nil, v.command()...)
		if c.err != nil {
			t.Fatalf("%s: l10n %s: %v\n%s", what, strings.Join(v.args, " "), c.err, c.out)
		}
		return c
	}
	retranslate := func(from, to int, prefix string) {
		t.Helper()
		editSpanish(t, v.dir, func(_ int, m *catalog.Message) {
			if n, ok := generatedPage(m.ID); ok && n >= from && n <= to {
				if _, text, ok := strings.Cut(m.Other(), " generated-page-"); ok {
					m.Forms["other"] = prefix + " generated-page-" + text
				}
			}
		})
	}

	// The first site, then the old one: pages 0–5 translated otherwise.
	build("first site", nil)
	retranslate(0, 5, "ES-old")
	build("old site", nil)
	// The new inputs.
	retranslate(1, 3, "ES")     // as in the first site: the standby has them
	retranslate(6, 9, "ES-new") // pages 4 and 5 stay as public/ has them
	writePage(t, v.dir, 0, 1)   // the English of page 0 changes
	writePage(t, v.dir, buildPages, 0)
	if err := os.Remove(filepath.Join(v.dir, "content", fmt.Sprintf("generated-page-%03d.md", buildPages-1))); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := l10n(t, "-C", v.dir, "extract"); code != 0 {
		t.Fatalf("extract of the new pages: exit %d: %s", code, stderr)
	}
	v.inputs = v.inputsNow(t)

	v.state = t.TempDir()
	saveState(t, v.dir, v.state)
	v.old = siteTree(t, filepath.Join(v.state, site.PublicDir))
	v.known = map[string]string{}
	for _, m := range []struct{ manifest, folder string }{{buildManifest, site.PublicDir}, {standbyManifest, standbyDir}} {
		digests, ok := pageDigests(t, filepath.Join(v.state, m.manifest))
		if !ok {
			t.Fatalf("the old site's build left no %s", m.manifest)
		}
		learnDigests(t, v.known, digests, siteTree(t, filepath.Join(v.state, m.folder)))
	}

	// The new site, built from nothing in-process; then by the child from
	// the old one, which must give the same bytes, three times to time it.
	scratch := copyInputs(t, v.dir)
	if code, _, stderr := l10n(t, append([]string{"-C", scratch}, v.args...)...); code != 0 {
		t.Fatalf("build of the new site from nothing: exit %d: %s", code, stderr)
	}
	v.want = siteTree(t, filepath.Join(scratch, site.PublicDir))
	if maps.Equal(v.old, v.want) {
		t.Fatal("the new inputs give the old site")
	}
	v.plan = &killPlan{rng: rng}
	for range 3 {
		restoreState(t, v.state, v.dir)
		c := build("new site", v.watched())
		got := siteTree(t, filepath.Join(v.dir, site.PublicDir))
		sameTree(t, "public/ built from the old site against a build from nothing", got, v.want)
		digests, ok := pageDigests(t, filepath.Join(v.dir, buildManifest))
		if !ok {
			t.Fatalf("the new site's build left no %s", buildManifest)
		}
		learnDigests(t, v.known, digests, got)
		if err := v.plan.learn(c); err != nil {
			t.Logf("l10n %s from the old site to the new: left out of the timings: %v", strings.Join(v.args, " "), err)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	t.Logf("l10n %s: %d pages in %d files; from the old site to the new one, with the changes to the site folder and %s/:%s",
		strings.Join(v.args, " "), buildPages, len(v.want), site.CacheDir, v.plan.timeline())
}

// kill restores the old state of v's site, runs a build killed at a point
// the plan draws, and checks what it leaves; then runs a build to
// completion and checks that it makes the new site. It returns what the
// killed build left, and how many temporary files of it are in
// .l10n-cache/.
func (v *buildVariant) kill(t *testing.T, bin string, i int) (string, int) {
	t.Helper()
	restoreState(t, v.state, v.dir)
	kp := v.plan.next()
	c := runKilled(bin, v.dir, v.watched(), kp, v.command()...)
	when := fmt.Sprintf("kill %d of l10n %s, %s", i, strings.Join(v.args, " "), v.plan.describe(kp))
	if c.err != nil {
		t.Fatalf("%s: the build failed first: %v\n%s", when, c.err, c.out)
	}
	got := siteTree(t, filepath.Join(v.dir, site.PublicDir))
	var o string
	switch {
	case maps.Equal(got, v.old):
		o = "old site"
	case maps.Equal(got, v.want):
		o = "new site"
	default:
		t.Errorf("%s: public/ is neither the old site nor the new one", when)
		sameTree(t, when+": public/ against the new site", got, v.want)
	}
	if !maps.Equal(v.inputsNow(t), v.inputs) {
		t.Errorf("%s: the build changed locales/ or content/", when)
	}
	o += checkManifests(t, when, v.dir, got, v.known)
	left := cacheTemps(t, v.dir)
	if left > 0 {
		o += fmt.Sprintf(", %d temporary files in %s/", left, site.CacheDir)
	}
	if !c.killed {
		if !maps.Equal(got, v.want) {
			t.Errorf("%s: the build finished first, but public/ is not the new site", when)
		}
		o = "finished: " + o
	}
	t.Logf("%s: %s", when, o)

	// The next build makes the new site, whatever the kill left.
	next := runKilled(bin, v.dir, nil, nil, v.command()...)
	if next.err != nil {
		t.Fatalf("%s: the next build: %v\n%s", when, next.err, next.out)
	}
	sameTree(t, when+": public/ after the next build", siteTree(t, filepath.Join(v.dir, site.PublicDir)), v.want)
	checkManifests(t, when+": after the next build", v.dir, v.want, v.known)
	for _, name := range strayFolders(t, v.dir) {
		t.Errorf("%s: the next build left %s", when, name)
	}
	if n := cacheTemps(t, v.dir); n > 0 {
		t.Errorf("%s: the next build left %d temporary files in %s/", when, n, site.CacheDir)
	}
	if t.Failed() {
		t.Logf("the killed build: %s\nthe next build: %s", c.out, next.out)
		t.FailNow()
	}
	return o, left
}

// generatedPage returns the number of the generated page message id is
// on, and whether it is on one.
func generatedPage(id string) (int, bool) {
	var n int
	_, err := fmt.Sscanf(id, "generated-page-%03d.", &n)
	return n, err == nil
}

// siteTree reads the site in dir: every file by slash-separated path →
// its bytes, and every folder below dir by its path and "/" → "", so that
// an extra or a missing folder is a difference too. A link or any other
// kind of file fails t.
func siteTree(t *testing.T, dir string) sitetree.Tree {
	t.Helper()
	tree, err := sitetree.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// copyInputs copies l10n.toml, content/ and locales/ of the site in dir
// to a new folder, and returns it.
func copyInputs(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	for _, name := range []string{"l10n.toml", "content", "locales"} {
		copyTree(t, filepath.Join(dir, name), filepath.Join(to, name), false, map[uint64]string{})
	}
	return to
}

// saveState copies into to what builds leave in the site in dir:
// public/, .public.standby/ and .l10n-cache/. Files that are hard links
// of each other (a build links unchanged pages between the served site
// and the standby) are links in the copy too.
func saveState(t *testing.T, dir, to string) {
	t.Helper()
	inodes := map[uint64]string{}
	for _, name := range []string{site.PublicDir, standbyDir, site.CacheDir} {
		copyTree(t, filepath.Join(dir, name), filepath.Join(to, name), false, inodes)
	}
}

// restoreState removes what builds left in the site in dir (public/,
// .l10n-cache/, every folder .public*) and puts back the state saved in
// from by saveState, as hard links of its files. A build replaces files
// and never writes into one, so the saved state does not change; were a
// build to write into one, the sites the test compares with are held in
// memory, and the next comparison would fail.
func restoreState(t *testing.T, from, dir string) {
	t.Helper()
	for _, name := range append(strayFolders(t, dir), site.PublicDir, standbyDir, site.CacheDir) {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{site.PublicDir, standbyDir, site.CacheDir} {
		copyTree(t, filepath.Join(from, name), filepath.Join(dir, name), true, nil)
	}
}

// strayFolders lists what is in the site folder dir beside public/ and
// .public.standby/ whose name starts with ".public": what a build has
// left.
func strayFolders(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+site.PublicDir) && e.Name() != standbyDir {
			out = append(out, e.Name())
		}
	}
	return out
}

// copyTree copies the folder src, if there is one, to dst: by hard links
// to src's files if link, else by copying bytes, a file whose inode is in
// inodes being linked to the copy made before.
func copyTree(t *testing.T, src, dst string, link bool, inodes map[uint64]string) {
	t.Helper()
	if _, err := os.Lstat(src); errors.Is(err, fs.ErrNotExist) {
		return
	}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case !d.Type().IsRegular():
			return fmt.Errorf("%s is neither a file nor a folder", p)
		case link:
			return os.Link(p, to)
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if ok {
			if first, ok := inodes[st.Ino]; ok {
				return os.Link(first, to)
			}
			inodes[st.Ino] = to
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, fi.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// pageDigests reads the page lines of the build manifest at path
// ("digest path", see internal/build/manifest.go): page output path →
// digest of its inputs. It reports whether there is a manifest.
func pageDigests(t *testing.T, path string) (map[string]string, bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		digest, file, _ := strings.Cut(sc.Text(), " ")
		if len(digest) == 64 { // not a "locale" or "file" line
			out[file] = digest
		}
	}
	return out, true
}

// learnDigests adds to known the bytes of each page digests lists, as
// tree (a site: path → bytes) holds it; a digest standing for other bytes
// than before fails t, since equal digests must give equal pages.
func learnDigests(t *testing.T, known, digests, tree map[string]string) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(digests)) {
		d := digests[p]
		data, ok := tree[p]
		if !ok {
			t.Fatalf("a manifest lists %s, which its site lacks", p)
		}
		if k, ok := known[d]; ok && k != data {
			t.Fatalf("digest %s stands for two different pages (now %s)", d, p)
		}
		known[d] = data
	}
}

// checkManifests fails t unless each manifest in dir's .l10n-cache/ lists
// only pages its folder holds with the bytes known for their digest: the
// build manifest those of public/ (given as served), the standby's those
// of .public.standby/. It returns which manifests there are, for the
// tally of kills.
func checkManifests(t *testing.T, when, dir string, served, known map[string]string) string {
	t.Helper()
	var out string
	for _, m := range []struct{ manifest, folder string }{{buildManifest, site.PublicDir}, {standbyManifest, standbyDir}} {
		digests, ok := pageDigests(t, filepath.Join(dir, m.manifest))
		if !ok {
			out += ", no " + filepath.Base(m.manifest)
			continue
		}
		out += ", " + filepath.Base(m.manifest)
		tree := served
		if m.folder != site.PublicDir {
			tree = siteTree(t, filepath.Join(dir, m.folder))
		}
		bad := 0
		for _, p := range slices.Sorted(maps.Keys(digests)) {
			data, ok := known[digests[p]]
			switch {
			case !ok:
				t.Errorf("%s: %s lists %s with a digest of no site built", when, m.manifest, p)
			case tree[p] != data:
				if bad < 3 {
					t.Errorf("%s: %s lists %s, but %s/ holds another page there", when, m.manifest, p, m.folder)
				}
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("%s: %s is wrong about %d of its %d pages", when, m.manifest, bad, len(digests))
		}
	}
	return out
}

// cacheTemps returns how many temporary files of atomicfile writes (".",
// a name, digits) the site in dir has in .l10n-cache/ and its check
// cache.
func cacheTemps(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	for _, folder := range []string{site.CacheDir, checkCache} {
		entries, err := os.ReadDir(filepath.Join(dir, folder))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		for _, e := range entries {
			if name := e.Name(); strings.HasPrefix(name, ".") && strings.TrimRight(name, "0123456789") != name {
				n++
			}
		}
	}
	return n
}
