package main

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hsi-l10n/l10n/internal/browsertest"
	"github.com/hsi-l10n/l10n/internal/site"
)

// The tests in this file check the pages l10n build writes for the
// shipped site (content/, locales/, l10n.toml) with tools that are not
// ours: the Nu Html Checker (npm package vnu-jar, run with java) validates
// their HTML, and axe-core checks their accessibility in headless
// Chromium. .ci/run installs both and sets L10N_REQUIRE_VALIDATORS=1, so
// that in CI a missing checker fails the test; elsewhere the test is
// skipped, saying how to install it. The hreflang check needs no tool and
// always runs. See issue 6.

// missingValidator skips the test, or fails it where the checkers are
// required.
func missingValidator(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("L10N_REQUIRE_VALIDATORS") == "1" {
		t.Fatalf(format+" (L10N_REQUIRE_VALIDATORS=1)", args...)
	}
	t.Skipf(format, args...)
}

// builtSite builds the shipped site in a temporary folder and returns the
// site's folder and the HTML files of public/, relative to public/ with
// "/" separators, sorted. With partial, the site has the partly
// translated catalogs of testdata/partial: pages that mix languages.
func builtSite(t *testing.T, partial bool) (dir string, pages []string) {
	t.Helper()
	if partial {
		dir = copyPartialSite(t)
	} else {
		dir = copySite(t)
	}
	if code, _, stderr := l10n(t, "-C", dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	public := filepath.Join(dir, "public")
	err := filepath.WalkDir(public, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(public, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("build wrote %d HTML files, want the chooser and the pages: %v", len(pages), pages)
	}
	slices.Sort(pages)
	return dir, pages
}

// vnuMessage is one message of the Nu Html Checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`
	URL       string `json:"url"`
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	FirstCol  int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// TestBuiltPagesPassNuHtmlChecker has the Nu Html Checker validate every
// HTML file build writes for the shipped site, in one run of the checker:
// it must report no error. Warnings are not errors and are not shown.
func TestBuiltPagesPassNuHtmlChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("the Nu Html Checker starts a Java VM; -short skips it")
	}
	t.Parallel()
	java, err := exec.LookPath("java")
	if err != nil {
		missingValidator(t, "java not found, so no built page was checked by the Nu Html Checker; install it with apt-get install default-jre-headless (.ci/run does)")
	}
	jar := filepath.Join(nodeModules(), "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		missingValidator(t, "the npm package vnu-jar is not in %s, so no built page was checked by the Nu Html Checker; run npm ci --prefix .ci/node --ignore-scripts (.ci/run does), or set L10N_NODE_MODULES", nodeModules())
	}
	for _, partial := range []bool{false, true} {
		dir, pages := builtSite(t, partial)
		public := filepath.Join(dir, "public")
		args := append([]string{"-jar", jar, "--errors-only", "--format", "json", "--stdout"}, pages...)
		cmd := exec.Command(java, args...)
		cmd.Dir = public
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		// The checker exits 1 when it reports an error: its JSON says which.
		var report struct {
			Messages []vnuMessage `json:"messages"`
		}
		if jerr := json.Unmarshal(out, &report); jerr != nil {
			t.Fatalf("java -jar vnu.jar: %v, output not JSON (%v):\n%s%s", err, jerr, out, stderr.Bytes())
		}
		for _, m := range report.Messages {
			line := m.FirstLine
			if line == 0 {
				line = m.LastLine
			}
			t.Errorf("public/%s:%d:%d: %s: %s\n\t%s", vnuFile(public, m.URL), line, m.FirstCol, m.Type, m.Message, m.Extract)
		}
		if err != nil && len(report.Messages) == 0 {
			t.Errorf("java -jar vnu.jar: %v, and no message:\n%s", err, stderr.Bytes())
		}
		t.Logf("the Nu Html Checker checked %d pages (partial catalogs: %v): %s", len(pages), partial, strings.Join(pages, " "))
	}
}

// vnuFile returns the file that a checker message's URL (file:/…) names,
// relative to public, or the URL itself where it names no file in public.
func vnuFile(public, url string) string {
	rel, err := filepath.Rel(public, filepath.Clean(strings.TrimPrefix(url, "file:")))
	if err != nil || strings.HasPrefix(rel, "..") {
		return url
	}
	return filepath.ToSlash(rel)
}

// axeRun runs axe-core on the page with the WCAG 2.0 and 2.1 A and AA
// rules and the best practices, and returns, as JSON, the violations, the
// results axe could not decide, and the IDs of the rules that passed and
// of all that ran. html-has-lang, html-lang-valid (wcag2a) and valid-lang
// (wcag2aa) are among them.
const axeRun = `axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
  resultTypes: ['violations', 'incomplete'],
}).then(r => {
  const results = list => list.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}));
  return JSON.stringify({
    version: r.testEngine.version,
    dir: document.documentElement.dir,
    violations: results(r.violations),
    incomplete: results(r.incomplete),
    passes: r.passes.map(v => v.id),
    ran: [].concat(r.passes, r.violations, r.incomplete, r.inapplicable).map(v => v.id),
  });
})`

// axeRule is a rule's result in axeRun's output.
type axeRule struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target  json.RawMessage `json:"target"`
		Summary string          `json:"summary"`
	} `json:"nodes"`
}

// axeResult is what axeRun returns.
type axeResult struct {
	Version    string    `json:"version"`
	Dir        string    `json:"dir"`
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"`
	Passes     []string  `json:"passes"`
	Ran        []string  `json:"ran"`
}

// TestBuiltPagesPassAxe loads every HTML file build writes for the
// shipped site in headless Chromium, with every <details> open (the .gov
// banner's text is then shown too), and runs axe-core on it: it must find
// no violation. The page's language rules must have run and passed.
func TestBuiltPagesPassAxe(t *testing.T) {
	if testing.Short() {
		t.Skip("axe runs in Chromium; -short skips it")
	}
	t.Parallel()
	axeJS, err := os.ReadFile(filepath.Join(nodeModules(), "axe-core", "axe.min.js"))
	if err != nil {
		missingValidator(t, "the npm package axe-core is not in %s, so no built page was checked by axe; run npm ci --prefix .ci/node --ignore-scripts (.ci/run does), or set L10N_NODE_MODULES", nodeModules())
	}
	ctx := validatorBrowser(t)
	for _, partial := range []bool{false, true} {
		dir, pages := builtSite(t, partial)
		ts := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
		for _, page := range pages {
			url := ts.URL + "/" + strings.TrimSuffix(page, "index.html")
			err := chromedp.Do(ctx,
				chromedp.Navigate(url),
				chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true)`),
				chromedp.Evaluate[chromedp.Void](string(axeJS)),
			)
			if err != nil {
				t.Fatalf("loading %s with axe: %v", page, err)
			}
			out, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("axe.run on %s: %v", page, err)
			}
			var r axeResult
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("axe.run on %s: %v\n%s", page, err, out)
			}
			for _, v := range r.Violations {
				for _, n := range v.Nodes {
					t.Errorf("public/%s: axe %s %s (%s) at %s\n\t%s", page, v.Impact, v.ID, v.Help, n.Target, strings.ReplaceAll(n.Summary, "\n", "\n\t"))
				}
			}
			// What axe could not decide is no violation, but a reader of the
			// test's output should look at it.
			for _, v := range r.Incomplete {
				for _, n := range v.Nodes {
					t.Logf("public/%s: axe needs review: %s (%s) at %s\n\t%s", page, v.ID, v.Help, n.Target, strings.ReplaceAll(n.Summary, "\n", "\n\t"))
				}
			}
			// axe-core measures the contrast of no text on a right-to-left
			// page: its icon-font heuristic (isIconLigature) draws a text's
			// first character alone and the whole text left to right on a
			// canvas; Arabic's letters join and run right to left, so the two
			// differ, and after three such texts axe takes the page's font for
			// an icon font and skips every text in it, English blocks too. The
			// colours are those of the one stylesheet, measured on the
			// left-to-right pages; elsewhere the rule must have measured text.
			if r.Dir != "rtl" && !slices.Contains(r.Passes, "color-contrast") {
				t.Errorf("public/%s: axe rule color-contrast found no text to measure", page)
			}
			for _, rule := range []string{"html-has-lang", "html-lang-valid"} {
				if !slices.Contains(r.Passes, rule) {
					t.Errorf("public/%s: axe rule %s did not pass (rules run: %s)", page, rule, strings.Join(r.Ran, " "))
				}
			}
			if !slices.Contains(r.Ran, "valid-lang") {
				t.Errorf("public/%s: axe rule valid-lang did not run (rules run: %s)", page, strings.Join(r.Ran, " "))
			}
			if page == pages[len(pages)-1] {
				t.Logf("axe-core %s checked %d pages", r.Version, len(pages))
			}
		}
		ts.Close()
	}
}

// validatorBrowser starts headless Chromium (see package browsertest)
// and returns a context for its first tab, or skips the test where there
// is none.
func validatorBrowser(t *testing.T) context.Context {
	t.Helper()
	bin, err := browsertest.Find()
	if err != nil {
		missingValidator(t, "%v, so no built page was checked by axe", err)
	}
	return browsertest.Start(t, bin)
}

// alternateLink matches the hreflang links build writes in a page's
// <head>, in the one form it writes them (internal/render/page.html):
// rel, hreflang, href, in that order.
var alternateLink = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">`)

// TestBuiltPagesHreflangReciprocal follows the hreflang links of every
// page build writes for the shipped site: a page's set names every locale
// the page is published in (each locale folder that holds it) and
// x-default, each link leads to a page of the build, and that page links
// back to the first under the first's locale. It needs no tool, so it
// always runs. The chooser, index.html, is in no locale and has no set.
func TestBuiltPagesHreflangReciprocal(t *testing.T) {
	t.Parallel()
	dir, files := builtSite(t, false)
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := s.Config.BaseURL + "/"
	// published maps a page's folder name to the locales it is built in;
	// links maps a file to its links, hreflang → file.
	published := map[string][]string{}
	links := map[string]map[string]string{}
	for _, f := range files {
		parts := strings.Split(f, "/")
		if len(parts) != 3 || parts[2] != "index.html" {
			if f != "index.html" {
				t.Errorf("public/%s: build wrote an HTML file outside <locale>/<page>/index.html", f)
			}
			continue
		}
		published[parts[1]] = append(published[parts[1]], parts[0])
		src, err := os.ReadFile(filepath.Join(dir, "public", f))
		if err != nil {
			t.Fatal(err)
		}
		set := map[string]string{}
		for _, m := range alternateLink.FindAllStringSubmatch(string(src), -1) {
			lang, href := m[1], m[2]
			if _, dup := set[lang]; dup {
				t.Errorf("public/%s: two hreflang=%q links", f, lang)
			}
			target, ok := strings.CutPrefix(href, base)
			if !ok || !strings.HasSuffix(target, "/") {
				t.Errorf("public/%s: hreflang=%q href %q is not a folder under base_url %s", f, lang, href, base)
				continue
			}
			set[lang] = target + "index.html"
		}
		links[f] = set
	}
	if len(links) == 0 {
		t.Fatal("build wrote no page under <locale>/<page>/index.html")
	}
	for _, f := range slices.Sorted(maps.Keys(links)) {
		parts := strings.Split(f, "/")
		self, page := parts[0], parts[1]
		want := append(slices.Clone(published[page]), "x-default")
		got := slices.Sorted(maps.Keys(links[f]))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("public/%s: hreflang set %v, want the locales it is published in and x-default: %v", f, got, want)
		}
		if links[f][self] != f {
			t.Errorf("public/%s: hreflang=%q leads to %s, not to the page itself", f, self, links[f][self])
		}
		for _, lang := range got {
			target := links[f][lang]
			back, ok := links[target]
			switch {
			case !ok:
				t.Errorf("public/%s: hreflang=%q leads to %s, which the build did not write", f, lang, target)
			case back[self] != f:
				t.Errorf("public/%s: hreflang=%q leads to %s, whose hreflang=%q leads to %q, not back", f, lang, target, self, back[self])
			case lang != "x-default" && !strings.HasPrefix(target, lang+"/"):
				t.Errorf("public/%s: hreflang=%q leads to %s, a page of another locale", f, lang, target)
			}
		}
	}
	t.Logf("followed the hreflang links of %d pages", len(links))
}
