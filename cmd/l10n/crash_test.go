package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// The generated site of the crash test: genPages pages of genSections
// sections of genParagraphs paragraphs each, on top of the shipped site,
// make seven catalogs of about 5 MB in all, so that a kill can land in the
// middle of writing one.
const (
	genPages      = 60
	genSections   = 4
	genParagraphs = 5 // per section
	killRuns      = 30
	killRunsShort = 3 // with -short
)

var genWords = strings.Fields(`agents border cargo cartel container customs
	evidence federal financial investigation laboratory network officers
	partners port precursor seizure shipment smuggling task force trade
	transnational warrant analysts community courts data intelligence
	routes vessels tunnels packages overdose prevention training tips`)

// genText returns n words chosen from seed, as a sentence.
func genText(seed, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = genWords[(seed*7919+i*104729+i*i*31)%len(genWords)]
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// genPage returns generated page n. rev changes the English of the first
// paragraph of page 0 only, so each revision makes extract rewrite every
// catalog (the English comment above that entry changes in all of them).
func genPage(n, rev int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"Generated page %d\"\ndescription = %q\nupdated = 2024-04-22\n+++\n\n", n, genText(n, 12))
	for s := range genSections {
		if s > 0 {
			fmt.Fprintf(&b, "## Section %d of page %d\n\n", s, n)
		}
		for p := range genParagraphs {
			if n == 0 && s == 0 && p == 0 {
				fmt.Fprintf(&b, "Revision %d of this paragraph. ", rev)
			}
			b.WriteString(genText(n*100+s*10+p, 40) + "\n\n")
		}
	}
	return b.String()
}

// largeSite copies the shipped site, adds pages generated pages, extracts,
// and fills in a Spanish translation for every generated message. It
// returns the site folder and the Spanish translations (ID → other).
func largeSite(t *testing.T, pages int) (dir string, es map[string]string) {
	t.Helper()
	dir = copySite(t)
	for n := range pages {
		writePage(t, dir, n, 0)
	}
	if code, _, stderr := l10n(t, "-C", dir, "extract"); code != 0 {
		t.Fatalf("extract of the generated site: exit %d: %s", code, stderr)
	}
	es = editSpanish(t, dir, func(i int, m *catalog.Message) {
		if strings.HasPrefix(m.ID, "generated-page-") {
			m.Forms["other"] = "ES " + m.ID + ": " + genText(i, 30)
		}
	})
	if len(es) < pages*genSections*genParagraphs {
		t.Fatalf("locales/es.toml has %d translations after filling, want at least %d", len(es), pages*genSections*genParagraphs)
	}
	return dir, es
}

// editSpanish calls edit on each message of locales/es.toml, the i-th
// in the file, writes the catalog back, and extracts to put it in its
// canonical layout. It returns the Spanish translations then (ID → other).
func editSpanish(t *testing.T, dir string, edit func(i int, m *catalog.Message)) map[string]string {
	t.Helper()
	path := filepath.Join(dir, "locales", "es.toml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := catalog.Parse("locales/es.toml", language.Spanish, src)
	if err != nil {
		t.Fatal(err)
	}
	var entries []catalog.Entry
	for i, m := range f.Messages {
		edit(i, m)
		entries = append(entries, catalog.Entry{Message: m, Comment: m.Comment})
	}
	var b bytes.Buffer
	if err := catalog.Write(&b, nil, entries); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := l10n(t, "-C", dir, "extract"); code != 0 {
		t.Fatalf("extract of the edited catalog: exit %d: %s", code, stderr)
	}
	src, err = os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return translations(t, src)
}

func writePage(t *testing.T, dir string, n, rev int) {
	t.Helper()
	p := filepath.Join(dir, "content", fmt.Sprintf("generated-page-%03d.md", n))
	if err := os.WriteFile(p, []byte(genPage(n, rev)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// translations returns the Spanish translations in src, the contents of
// locales/es.toml: current, stale and obsolete entries alike.
func translations(t *testing.T, src []byte) map[string]string {
	t.Helper()
	f, err := catalog.Parse("locales/es.toml", language.Spanish, src)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range f.Messages {
		if m.Other() != "" {
			out[m.ID] = m.Other()
		}
	}
	return out
}

// checkTranslations fails t unless src, the contents of locales/es.toml,
// holds every translation of es (ID → other).
func checkTranslations(t *testing.T, when string, src []byte, es map[string]string) {
	t.Helper()
	got := translations(t, src)
	lost := 0
	for _, id := range slices.Sorted(maps.Keys(es)) {
		if got[id] != es[id] {
			if lost < 5 {
				t.Errorf("%s: translation of %s = %q, want %q", when, id, got[id], es[id])
			}
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%s: %d of %d Spanish translations lost", when, lost, len(es))
	}
}

// l10nBinary builds the l10n command into a temporary folder.
func l10nBinary(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("crash test: needs the go command on PATH to build l10n as a child process")
	}
	bin := filepath.Join(t.TempDir(), "l10n")
	out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// snapshot reads every file in locales/.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "locales"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, "locales", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

// wantExtract returns what an extract of the site in dir writes, by file
// name in locales/, computed in-process from the catalogs in old. It runs
// beside the child, so it reports errors instead of failing the test.
func wantExtract(dir string, old map[string][]byte) (map[string][]byte, error) {
	s, err := site.Load(dir)
	if err != nil {
		return nil, err
	}
	pages, err := snapshotPages(s)
	if err != nil {
		return nil, err
	}
	files, err := s.Locales()
	if err != nil {
		return nil, err
	}
	in := extract.Input{Pages: pages}
	for _, lf := range files {
		src := old[strings.TrimPrefix(lf.Path, "locales/")]
		in.Catalogs = append(in.Catalogs, extract.Catalog{Path: lf.Path, Tag: lf.Tag, Read: func() ([]byte, error) { return src, nil }})
	}
	outputs, err := extract.Run(in, extract.Options{})
	if err != nil {
		return nil, err
	}
	want := map[string][]byte{}
	for _, o := range outputs {
		name := strings.TrimPrefix(o.Path, "locales/")
		want[name] = o.Data
		if o.Unchanged {
			want[name] = old[name]
		}
	}
	return want, nil
}

// checkCatalog fails t unless src, the file locales/name, is read by our
// parser and by go-i18n's.
func checkCatalog(t *testing.T, name string, src []byte) {
	t.Helper()
	tag, ok := strings.CutSuffix(name, ".toml")
	if !ok {
		t.Fatalf("%s is not a catalog", name)
	}
	if _, err := catalog.Parse("locales/"+name, language.MustParse(tag), src); err != nil {
		t.Errorf("locales/%s does not parse: %v", name, err)
	}
	if _, err := i18n.ParseMessageFileBytes(src, tag+".toml", map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}); err != nil {
		t.Errorf("go-i18n cannot parse locales/%s: %v", name, err)
	}
}

// outcome is where a kill landed.
type outcome int

const (
	finished     outcome = iota // the child exited before the kill
	beforeWrites                // killed with every catalog old
	midWrite                    // killed with some catalogs new, or a temporary file left
	afterWrites                 // killed with every catalog new
)

func (o outcome) String() string {
	return [...]string{"finished", "killed before writing", "killed mid-write", "killed after writing"}[o]
}

// killPoint says when to kill a child extract: delay after it has
// printed its wrotes-th "wrote" line (after its start when wrotes is 0).
type killPoint struct {
	wrotes int
	delay  time.Duration
}

// child is a run of "l10n extract" as a child process.
type child struct {
	killed bool
	err    error
	output []string
	// at is when each "wrote" line came, from the start.
	at []time.Duration
}

// runChild runs bin extract on dir and kills it at kp, if kp is not nil
// and it has not finished by then. It waits for the child to end.
func runChild(bin, dir string, env []string, kp *killPoint) child {
	cmd := exec.Command(bin, "-C", dir, "extract")
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return child{err: err}
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return child{err: err}
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var c child
	var timer <-chan time.Time
	if kp != nil && kp.wrotes == 0 {
		timer = time.After(kp.delay)
	}
	for lines != nil {
		select {
		case l, ok := <-lines:
			if !ok {
				lines = nil
				continue
			}
			c.output = append(c.output, l)
			if strings.HasPrefix(l, "wrote ") {
				c.at = append(c.at, time.Since(start))
				if kp != nil && len(c.at) == kp.wrotes {
					timer = time.After(kp.delay)
				}
			}
		case <-timer:
			_ = cmd.Process.Kill()
			timer = nil
		}
	}
	c.err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		c.killed, c.err = true, nil
	}
	if c.err != nil {
		c.output = append(c.output, stderr.String())
	}
	return c
}

// TestKillDuringExtractLosesNothing kills "l10n extract" at many points
// while it rewrites the catalogs of a large site, and checks that every
// catalog is then either as it was or as extract would write it, byte for
// byte; that each parses, with our parser and go-i18n's; that no
// temporary file could be taken for a catalog; and that no Spanish
// translation is lost. See issue 3.
//
// Kill points are taken from the child's progress: after its k-th "wrote"
// line (k = 0 … catalogs-1, 0 meaning from its start), plus a delay
// spread evenly over the time one catalog takes to write (over the time
// to the first write, for k = 0), measured once at setup. The delays only
// choose where kills land; the test asserts the same things wherever they
// land, and the same whether the child was killed or finished first.
func TestKillDuringExtractLosesNothing(t *testing.T) {
	runs := killCount(t, killRuns, killRunsShort)
	bin := l10nBinary(t)
	dir, es := largeSite(t, genPages)
	// The child's temporary files go to a folder of the test, so leftovers
	// of killed writes can be counted there as well as in locales/;
	// leftovers counts both.
	tmp := t.TempDir()
	env := append(os.Environ(), "TMPDIR="+tmp)
	catalogs := snapshot(t, dir)
	var size int
	for _, data := range catalogs {
		size += len(data)
	}

	// iteration makes an edit, then runs one child extract, killed at kp,
	// while the same extract is computed in-process, and checks the
	// catalogs it leaves.
	leftovers := 0
	iteration := func(rev int, kp *killPoint) (child, outcome) {
		t.Helper()
		writePage(t, dir, 0, rev)
		old := snapshot(t, dir)
		type result struct {
			want map[string][]byte
			err  error
		}
		wantc := make(chan result, 1)
		go func() {
			w, err := wantExtract(dir, old)
			wantc <- result{w, err}
		}()
		c := runChild(bin, dir, env, kp)
		if c.err != nil {
			t.Fatalf("edit %d: l10n extract: %v\n%s", rev, c.err, strings.Join(c.output, "\n"))
		}
		r := <-wantc
		if r.err != nil {
			t.Fatalf("edit %d: in-process extract: %v", rev, r.err)
		}
		nOld, nNew, temps := 0, 0, 0 // temps: files that are not catalogs
		after := snapshot(t, dir)
		for name, data := range after {
			if !strings.HasSuffix(name, ".toml") || strings.HasPrefix(name, ".") {
				temps++ // site.Locales skips it: not a catalog
				continue
			}
			if _, ok := old[name]; !ok {
				t.Errorf("edit %d: locales/%s appeared; it would be read as a catalog", rev, name)
				continue
			}
			switch {
			case bytes.Equal(data, old[name]):
				nOld++
			case bytes.Equal(data, r.want[name]):
				nNew++
				checkCatalog(t, name, data)
			default:
				t.Errorf("edit %d: locales/%s is neither the old file nor the new one (%d bytes; old %d, new %d)", rev, name, len(data), len(old[name]), len(r.want[name]))
			}
		}
		if nOld+nNew != len(catalogs) {
			t.Errorf("edit %d: %d of %d catalogs are left", rev, nOld+nNew, len(catalogs))
		}
		if !bytes.Equal(after["es.toml"], old["es.toml"]) {
			checkTranslations(t, fmt.Sprintf("edit %d", rev), after["es.toml"], es)
		}
		if !c.killed && nNew != len(catalogs) {
			t.Errorf("edit %d: extract finished but left %d catalogs unchanged", rev, nOld)
		}
		tmpEntries, err := os.ReadDir(tmp)
		if err != nil {
			t.Fatal(err)
		}
		temps += len(tmpEntries)
		left := temps - leftovers // left by this run
		leftovers = temps
		var o outcome
		switch {
		case !c.killed:
			o = finished
		case left > 0 || nOld > 0 && nNew > 0:
			o = midWrite
		case nNew == 0:
			o = beforeWrites
		default:
			o = afterWrites
		}
		if t.Failed() {
			t.FailNow()
		}
		return c, o
	}

	// One extract to completion, to see how long its parts take.
	c, _ := iteration(1, nil)
	if len(c.at) != len(catalogs) {
		t.Fatalf("extract wrote %d catalogs, want %d: %q", len(c.at), len(catalogs), c.output)
	}
	toFirst := c.at[0]
	perFile := (c.at[len(c.at)-1] - c.at[0]) / time.Duration(len(c.at)-1)

	counts := map[outcome]int{}
	for i := range runs {
		// The golden ratio spreads the delays evenly over [0, 1.2·span).
		frac := math.Mod(float64(i+1)*0.6180339887, 1)
		kp := &killPoint{wrotes: i % len(catalogs)}
		span := perFile
		if kp.wrotes == 0 {
			span = toFirst
		}
		kp.delay = time.Duration(frac * 1.2 * float64(span))
		_, o := iteration(i+2, kp)
		counts[o]++
		after := "its start"
		if kp.wrotes > 0 {
			after = fmt.Sprintf("\"wrote\" line %d", kp.wrotes)
		}
		t.Logf("run %d: kill %v after %s: %v", i, kp.delay.Round(time.Microsecond), after, o)
	}

	// A last extract finishes what the killed ones left, and then nothing
	// is left to do.
	if code, _, stderr := l10n(t, "-C", dir, "extract"); code != 0 {
		t.Fatalf("extract after the kills: exit %d: %s", code, stderr)
	}
	if code, stdout, stderr := l10n(t, "-C", dir, "extract"); code != 0 || !strings.Contains(stdout, "up to date") {
		t.Errorf("second extract after the kills: exit %d: %s%s", code, stdout, stderr)
	}
	for name, data := range snapshot(t, dir) {
		if strings.HasSuffix(name, ".toml") && !strings.HasPrefix(name, ".") {
			checkCatalog(t, name, data)
		}
	}
	final := snapshot(t, dir)
	checkTranslations(t, "after the kills", final["es.toml"], es)
	inLocales := 0
	for name := range final {
		if _, ok := catalogs[name]; !ok {
			inLocales++
		}
	}
	t.Logf("%d catalogs, %.1f MB in all, %d Spanish translations; an extract runs %v to its first write, then %v per catalog",
		len(catalogs), float64(size)/(1<<20), len(es), toFirst.Round(time.Millisecond), perFile.Round(time.Microsecond))
	t.Logf("%d runs: %d %v, %d %v, %d %v, %d %v; %d temporary files left by kills, %d of them in locales/",
		runs, counts[finished], finished, counts[beforeWrites], beforeWrites, counts[midWrite], midWrite, counts[afterWrites], afterWrites, leftovers, inLocales)
}

// signalWriter signals on first write, so a test knows a command has
// started to wait without polling its output.
type signalWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	once sync.Once
	c    chan struct{}
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.once.Do(func() { close(w.c) })
	return w.buf.Write(p)
}

func (w *signalWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestConcurrentExtractsTakeTurns starts two extracts on one site while
// the site lock is held, so both must wait; once it is released, one
// writes the catalogs and the other finds them up to date, and the
// catalogs are those a single extract writes. See issue 3.
func TestConcurrentExtractsTakeTurns(t *testing.T) {
	t.Parallel()
	dir, single := copySite(t), copySite(t)
	for _, d := range []string{dir, single} {
		p := filepath.Join(d, "content", "narcotics-smuggling.md")
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src = bytes.Replace(src, []byte("Narcotics smuggling is a global crime"), []byte("Narcotics smuggling is a worldwide crime"), 1)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := l10n(t, "-C", single, "extract"); code != 0 {
		t.Fatalf("single extract: exit %d: %s", code, stderr)
	}

	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := s.Lock(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		code   int
		stdout string
		stderr *signalWriter
	}
	results := make([]result, 2)
	var wg sync.WaitGroup
	for i := range results {
		results[i].stderr = &signalWriter{c: make(chan struct{})}
		wg.Go(func() {
			var stdout bytes.Buffer
			results[i].code = run(context.Background(), []string{"-C", dir, "extract"}, &stdout, results[i].stderr)
			results[i].stdout = stdout.String()
		})
	}
	for i := range results {
		<-results[i].stderr.c // each has found the site locked
	}
	unlock()
	wg.Wait()

	wrote := 0
	for i, r := range results {
		if r.code != 0 {
			t.Fatalf("extract %d: exit %d: %s", i, r.code, r.stderr)
		}
		if want := "l10n extract: waiting for another l10n command on this site…\n"; r.stderr.String() != want {
			t.Errorf("extract %d stderr = %q, want %q", i, r.stderr, want)
		}
		if strings.Contains(r.stdout, "wrote ") {
			wrote++
		} else if !strings.Contains(r.stdout, "up to date") {
			t.Errorf("extract %d stdout = %q, want files written or up to date", i, r.stdout)
		}
	}
	if wrote != 1 {
		t.Errorf("%d extracts wrote catalogs, want 1: the second must see the first's output", wrote)
	}
	got, want := readDir(t, filepath.Join(dir, "locales")), readDir(t, filepath.Join(single, "locales"))
	for name, data := range want {
		if got[name] != data {
			t.Errorf("locales/%s after two concurrent extracts differs from a single extract's", name)
		}
		checkCatalog(t, name, []byte(got[name]))
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("two concurrent extracts left locales/%s", name)
		}
	}
}

// TestLockGivesUpWhenContextEnds checks that a command waiting for the
// site lock stops when its context is done, with a message that says why.
func TestLockGivesUpWhenContextEnds(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := s.Lock(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"-C", dir, "build"}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "waiting for another l10n command") || !strings.Contains(stderr.String(), "gave up waiting") {
		t.Errorf("build on a locked site with a canceled context = exit %d, stderr %q; want 1, waiting, then gave up", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("build wrote public/ without the lock")
	}
}

// TestBuildRemovesLeftoversOfKilledBuild checks that build removes the
// folders a killed build leaves beside public/ (the new site it was
// assembling, the old one it had moved aside) and the temporary files of
// its killed writes in .l10n-cache/, which would pile up otherwise. See
// issue 3.
func TestBuildRemovesLeftoversOfKilledBuild(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	for _, name := range []string{".public.new-123", ".public.new-456.old"} {
		if err := os.MkdirAll(filepath.Join(dir, name, "es"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "es", "index.html"), []byte("<p>half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	temps := []string{".l10n-cache/.build.manifest123", ".l10n-cache/check/.es456"}
	for _, name := range temps {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := l10n(t, "-C", dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("build kept the leftovers of a killed build: %v", leftovers)
	}
	for _, name := range temps {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("build kept %s, left by a killed write", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("build did not write public/index.html: %v", err)
	}
}

// TestExtractRemovesLeftoversOfKilledWrites checks that extract removes
// the temporary files of killed writes in locales/, saying so, and in
// .l10n-cache/. See issue 3.
func TestExtractRemovesLeftoversOfKilledWrites(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	temps := []string{"locales/.es.toml123", ".l10n-cache/.extract.index456"}
	for _, name := range temps {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := l10n(t, "-C", dir, "extract")
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	if want := "removed locales/.es.toml123, left by an interrupted write\n"; !strings.Contains(stdout, want) {
		t.Errorf("extract stdout = %q; want it to say %q", stdout, want)
	}
	for _, name := range temps {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("extract kept %s, left by a killed write", name)
		}
	}
}
