package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The test in this file runs the whole way an existing Hugo site takes:
// l10n extract and l10n build --markdown on the example site of
// internal/hugo/testdata/site, then the pinned Hugo builds every language
// from what l10n wrote, with no error and no warning. .ci/run installs
// Hugo v0.165.0 and sets L10N_HUGO to it and L10N_REQUIRE_HUGO=1, so that
// in CI a missing Hugo fails the test; elsewhere it is skipped, saying
// how to install it. See issue 12.

// hugoVersion is the Hugo the example site is built with.
const hugoVersion = "v0.165.0"

// hugoBinary returns the Hugo to run, or skips (or fails) the test.
func hugoBinary(t *testing.T) string {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("L10N_REQUIRE_HUGO") == "1" {
			t.Fatalf(format+" (L10N_REQUIRE_HUGO=1)", args...)
		}
		t.Skipf(format+"; install it with go install github.com/gohugoio/hugo@"+hugoVersion+" and set L10N_HUGO", args...)
	}
	bin := os.Getenv("L10N_HUGO")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("hugo"); err != nil {
			missing("hugo %s not found", hugoVersion)
		}
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.Contains(string(out), hugoVersion+" ") {
		missing("%s is not hugo %s: %s %v", bin, hugoVersion, out, err)
	}
	return bin
}

func TestHugoBuildsTheLocalizedMarkdown(t *testing.T) {
	t.Parallel()
	hugo := hugoBinary(t)
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "internal", "hugo", "testdata", "site"), dir, false, map[uint64]string{})

	// The catalogs shipped with the example site are up to date.
	if code, stdout, stderr := l10n(t, "-C", dir, "extract"); code != 0 || !strings.Contains(stdout, "catalogs are up to date") {
		t.Fatalf("extract: exit %d, want the catalogs up to date:\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := l10n(t, "-C", dir, "check"); code != 0 {
		t.Fatalf("check: exit %d:\n%s", code, stderr)
	}
	if code, _, stderr := l10n(t, "-C", dir, "build", "-q", "--markdown", "content-l10n"); code != 0 {
		t.Fatalf("build --markdown: exit %d:\n%s", code, stderr)
	}

	cmd := exec.Command(hugo, "--panicOnWarning", "--logLevel", "warn", "--source", dir, "--destination", filepath.Join(dir, "public"))
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	if m := regexp.MustCompile(`(?m)^(WARN|ERROR).*$`).FindAllString(string(out), -1); len(m) > 0 {
		t.Errorf("hugo warned:\n%s", strings.Join(m, "\n"))
	}

	read := func(page string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	fellBack := regexp.MustCompile(`<(p|h[1-6]|ul|ol|table|dl)[^>]* lang="en" dir="ltr"`)
	tests := []struct {
		page, html string
		translated string // a translation the page must show
		fallback   bool   // the page has blocks that fell back to English
	}{
		{page: "es/report-a-tip/index.html", html: `<html lang="es" dir="ltr">`, translated: "Línea"},
		{page: "ar/report-a-tip/index.html", html: `<html lang="ar" dir="rtl">`, translated: "الإبلاغ"},
		{page: "ar/docs/install/index.html", html: `<html lang="ar" dir="rtl">`, fallback: true},
	}
	for _, tt := range tests {
		got := read(tt.page)
		if !strings.Contains(got, tt.html) {
			t.Errorf("%s lacks %s", tt.page, tt.html)
		}
		if tt.translated != "" && !strings.Contains(got, tt.translated) {
			t.Errorf("%s lacks its translation %q", tt.page, tt.translated)
		}
		if marked := fellBack.MatchString(got); marked != tt.fallback {
			t.Errorf("%s: blocks marked lang=\"en\" dir=\"ltr\": %v, want %v", tt.page, marked, tt.fallback)
		}
		for _, raw := range []string{"{{<", "{{%", "{lang="} {
			if strings.Contains(got, raw) {
				t.Errorf("%s shows %q as text", tt.page, raw)
			}
		}
	}
	// No attribute list shows as text anywhere, code samples included.
	err = filepath.WalkDir(filepath.Join(dir, "public"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		b, err := os.ReadFile(path)
		if err == nil && strings.Contains(string(b), "{lang=") {
			t.Errorf("%s shows an attribute list {lang=…} as text", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// A page below es's min_percent is not published in es, and the es
	// pages that link to it with ref link to the English page.
	if _, err := os.Stat(filepath.Join(dir, "public", "es", "docs", "reference", "statistics")); err == nil {
		t.Error("docs/reference/statistics, untranslated, was published in es")
	}
	if got := read("es/docs/reference/index.html"); !strings.Contains(got, `href="https://l10n.example.gov/docs/reference/statistics/"`) {
		t.Error("es/docs/reference/ does not link to the English statistics page")
	}
	// A draft is not published in any language.
	if _, err := os.Stat(filepath.Join(dir, "public", "es", "docs", "upcoming-v3")); err == nil {
		t.Error("the draft page was published in es")
	}
}
