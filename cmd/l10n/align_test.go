package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAlignRoundTrip turns the shipped site, with the partly translated
// ar, vi and ht catalogs, into a Hugo site that keeps its translations as
// pages (build --markdown, each locale's tree moved to content/<tag>/),
// empties every locale catalog, and aligns each locale back: built again,
// every page that came only from current pairs renders the same Markdown,
// byte for byte, as the translated page it came from (but for the marks
// of blocks a page showed from a parent locale, which are its own now).
// See issue 14.
func TestAlignRoundTrip(t *testing.T) {
	t.Parallel()
	dir := copyPartialSite(t)
	publishAll(t, dir)
	if code, _, stderr := l10n(t, "-C", dir, "build", "-q", "--markdown", "before"); code != 0 {
		t.Fatalf("build --markdown: exit %d: %s", code, stderr)
	}
	locales, err := filepath.Glob(filepath.Join(dir, "locales", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, path := range locales {
		tag := strings.TrimSuffix(filepath.Base(path), ".toml")
		if tag == "en" {
			continue
		}
		tags = append(tags, tag)
		if err := os.Rename(filepath.Join(dir, "before", tag), filepath.Join(dir, "content", tag)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := l10n(t, "-C", dir, "extract", "-q"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	clean := regexp.MustCompile(`, 0 kept, 0 conflicts, 0 rejected, \d+ still in English; 0 English and 0 translated blocks unpaired`)
	imported := 0
	for _, tag := range tags {
		code, stdout, stderr := l10n(t, "-C", dir, "align", "-locale", tag)
		if code != 0 {
			t.Fatalf("align -locale %s: exit %d: %s", tag, code, stderr)
		}
		if !clean.MatchString(stdout) {
			t.Errorf("align -locale %s left blocks unpaired, or found conflicts, in pages l10n wrote itself:\n%s", tag, stdout)
		}
		if !strings.Contains(stdout, "(0 current,") {
			imported++
		}
	}
	if imported < len(tags)-1 {
		t.Errorf("%d of %d locales imported translations; only ht's page is all English", imported, len(tags))
	}
	if code, _, stderr := l10n(t, "-C", dir, "build", "-q", "--markdown", "after"); code != 0 {
		t.Fatalf("build --markdown: exit %d: %s", code, stderr)
	}
	compared := 0
	for _, tag := range tags {
		_, stdout, _ := l10n(t, "-C", dir, "align", "-locale", tag, "-n")
		if !strings.Contains(stdout, ", 0 for review") {
			continue // a pair awaits review: readers see the English there
		}
		want, err := os.ReadFile(filepath.Join(dir, "content", tag, "narcotics-smuggling.md"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, "after", tag, "narcotics-smuggling.md"))
		if err != nil {
			t.Fatal(err)
		}
		// A block es-MX showed from es was marked {lang="es"}; aligned,
		// it is es-MX's own. Marks of English stay, and are compared.
		want = langMark.ReplaceAllFunc(want, func(m []byte) []byte {
			if strings.Contains(string(m), `lang="en"`) {
				return m
			}
			return nil
		})
		if string(got) != string(want) {
			t.Errorf("%s: the page built from the aligned catalog differs from the translated page it came from:\n%s", tag, lineDiff(string(want), string(got)))
		}
		compared++
	}
	if compared < len(tags)-1 {
		t.Errorf("compared %d of %d locales' pages; want all but one at most", compared, len(tags))
	}
	t.Logf("%d of %d locales round-tripped byte for byte, but for the marks of blocks shown from a parent locale", compared, len(tags))
}

// langMark matches the mark --markdown writes after a block shown from
// another locale: on a heading's line, or on a line of its own.
var langMark = regexp.MustCompile(`( \{lang="[^"]+" dir="(ltr|rtl)"\}|\n\{lang="[^"]+" dir="(ltr|rtl)"\})`)

// lineDiff lists the lines of got that differ from want's, by number.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			out = append(out, "-"+a, "+"+b)
		}
	}
	return strings.Join(out, "\n")
}
