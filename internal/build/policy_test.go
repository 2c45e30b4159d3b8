package build_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
)

func shippedInput(t *testing.T) *build.Input {
	t.Helper()
	s, err := site.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	in, err := build.Load(s)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func buildFiles(t *testing.T, in *build.Input) map[string]string {
	t.Helper()
	files, err := build.Site(in)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Path] = string(f.Data)
	}
	return out
}

// TestPageBelowMinPercentIsNotPublished: with min_percent 100, a page
// with one of its own messages in English is not published in that
// locale, and nothing links to it; a locale whose policy is 0 publishes
// every page. See issue 3.
func TestPageBelowMinPercentIsNotPublished(t *testing.T) {
	in := shippedInput(t)
	ht := language.MustParse("ht")
	for _, f := range in.Locales {
		if f.Tag == ht {
			for _, m := range f.Messages {
				if m.ID == "narcotics-smuggling.intro.p1" {
					m.Forms = map[string]string{"other": ""}
				}
			}
		}
	}
	in.Policies[ht] = site.Policy{MinPercent: 100}
	in.Policies[language.Arabic] = site.Policy{MinPercent: 0}
	files := buildFiles(t, in)
	if _, ok := files["ht/narcotics-smuggling/index.html"]; ok {
		t.Error("ht page was written although below min_percent")
	}
	for _, p := range []string{"en/narcotics-smuggling/index.html", "es/narcotics-smuggling/index.html", "sitemap.xml", "index.html"} {
		if strings.Contains(files[p], "/ht/") || strings.Contains(files[p], `hreflang="ht"`) {
			t.Errorf("%s still links to the unpublished ht page", p)
		}
	}
	if _, ok := files["ar/narcotics-smuggling/index.html"]; !ok {
		t.Error("ar page missing: its policy publishes every page")
	}
}

// staleSpanish makes one Spanish translation stale.
func staleSpanish(t *testing.T, in *build.Input, id string) {
	t.Helper()
	for _, f := range in.Locales {
		if f.Tag == language.Spanish {
			for _, m := range f.Messages {
				if m.ID == id {
					m.Hash = "sha256:0000000000000000"
					return
				}
			}
		}
	}
	t.Fatalf("no es message %s", id)
}

const impactP1 = "narcotics-smuggling.the-impact-of-narcotics-smuggling.p1"

func TestStaleTranslationFallsBackByDefault(t *testing.T) {
	in := shippedInput(t)
	staleSpanish(t, in, impactP1)
	page := buildFiles(t, in)["es/narcotics-smuggling/index.html"]
	if !strings.Contains(page, `<p lang="en" dir="ltr">Narcotics smuggling is a global crime with local impacts.</p>`) {
		t.Error("stale es paragraph did not fall back to English marked lang=\"en\"")
	}
	if strings.Contains(page, "repercusiones locales") {
		t.Error("stale es translation is shown although the policy falls back")
	}
}

func TestStaleTranslationShownWithNoticeWhenPolicySaysSo(t *testing.T) {
	in := shippedInput(t)
	staleSpanish(t, in, impactP1)
	in.Policies[language.Spanish] = site.Policy{Stale: site.StaleNotice}
	files := buildFiles(t, in)
	for _, tag := range []string{"es", "es-MX"} {
		page := files[tag+"/narcotics-smuggling/index.html"]
		i := strings.Index(page, "repercusiones locales.")
		if i < 0 {
			t.Fatalf("%s: stale translation not shown under the notice policy", tag)
		}
		rest := page[i:]
		end := strings.Index(rest, "</p>")
		if !strings.Contains(rest[:end], `class="stale-notice"`) || !strings.Contains(rest[:end], "El texto original en inglés cambió") {
			t.Errorf("%s: stale translation lacks the Spanish notice: %s", tag, rest[:end])
		}
	}
}
