package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
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

// TestAlignAgainstTheEnglishATranslationWasMadeFrom: a translated page
// that names the English commit it was made from (default_lang_commit, as
// OpenTelemetry's sites write it) is aligned with the English of that
// commit, read through git: a pair whose English changed since is stale,
// with the English it was made from in its was: line, and a paragraph
// added since is left unpaired, saying so. See issue 14.
func TestAlignAgainstTheEnglishATranslationWasMadeFrom(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("needs git, as default_lang_commit does")
	}
	dir := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.gov", "-c", "commit.gpgsign=false"}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	write := func(rel, data string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("l10n.toml", "base_url = \"https://example.gov\"\n")
	write("locales/es.toml", "")
	write("content/tips.md", "+++\ntitle = \"Report a Tip\"\n+++\n\nIn 2023, HSI received 50,000 tips.\n\nCall the HSI Tip Line at 1-866-347-2423.\n")
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "English")
	commit := git("rev-parse", "HEAD")
	// The English changes after the translation: a number, and a
	// paragraph added.
	write("content/tips.md", "+++\ntitle = \"Report a Tip\"\n+++\n\nIn 2024, HSI received 61,000 tips.\n\nTips can be anonymous.\n\nCall the HSI Tip Line at 1-866-347-2423.\n")
	write("content/es/tips.md", "+++\ntitle = \"Denuncie\"\ndefault_lang_commit = \""+commit+"\"\n+++\n\nEn 2023, HSI recibió 50 000 denuncias.\n\nLlame a la Línea de Denuncias de HSI al 1-866-347-2423.\n")
	if code, _, stderr := l10n(t, "-C", dir, "extract", "-q"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := l10n(t, "-C", dir, "align", "-locale", "es")
	if code != 0 {
		t.Fatalf("align: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"3 pairs (2 current, 0 for review, 1 stale)",
		"stale [tips.intro.p1] (was \"In 2023, HSI received 50,000 tips.\")",
		"unpaired English [tips.intro.p2] \"Tips can be anonymous.\": added to the English since commit " + commit[:7],
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("align said:\n%s\nwant it to say %q", stdout, want)
		}
	}
	es, err := os.ReadFile(filepath.Join(dir, "locales", "es.toml"))
	if err != nil {
		t.Fatal(err)
	}
	oldHash := catalog.Hash(map[string]string{"other": "In 2023, HSI received 50,000 tips."})
	for _, want := range []string{
		"# was: In 2023, HSI received 50,000 tips.\n[tips.intro.p1]\nhash = \"" + oldHash + "\"\nother = \"En 2023, HSI recibió 50 000 denuncias.\"",
		"other = \"Llame a la Línea de Denuncias de HSI al 1-866-347-2423.\"",
	} {
		if !strings.Contains(string(es), want) {
			t.Errorf("locales/es.toml lacks %q:\n%s", want, es)
		}
	}

	// A commit git does not know: a warning, and the English of today.
	write("content/es/tips.md", "+++\ntitle = \"Denuncie\"\ndefault_lang_commit = \"0123456789abcdef\"\n+++\n\nEn 2023, HSI recibió 50 000 denuncias.\n")
	code, _, stderr = l10n(t, "-C", dir, "align", "-locale", "es", "-n")
	if want := "content/es/tips.md: warning: default_lang_commit 0123456789abcdef: git cannot show content/tips.md at it"; code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("align with an unknown commit: exit %d, stderr %q; want 0 and %q", code, stderr, want)
	}
}
