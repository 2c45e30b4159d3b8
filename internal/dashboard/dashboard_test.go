package dashboard_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/dashboard"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/status"
)

// report is a status report as status.Compute returns it: Spanish done,
// Mexican Spanish falling back to it, Arabic half done and unpublished.
func report() *status.Report {
	counts := func(t, s, m, v int) status.Counts {
		total := t + s + m
		return status.Counts{Total: total, Translated: t, Stale: s, Missing: m, Visible: v, VisiblePercent: status.Share(v, total)}
	}
	loc := func(tag string, chain []string, c status.Counts, published bool, reason string, work ...status.Work) *status.Locale {
		var ch fallback.Chain
		for _, t := range chain {
			ch = append(ch, language.MustParse(t))
		}
		return &status.Locale{Tag: language.MustParse(tag), Chain: ch, Counts: c, Work: work,
			Pages: []*status.Page{{Slug: "drugs", Address: "drugs", File: "content/drugs.md", Counts: c, Published: published, Reason: reason}}}
	}
	return &status.Report{Locales: []*status.Locale{
		loc("ar", []string{"ar", "en"}, counts(5, 1, 4, 5), false, "visible 50% < min_percent 60",
			status.Work{ID: "drugs.intro.p1", State: status.StateStale, Shown: language.English}),
		loc("es", []string{"es", "en"}, counts(10, 0, 0, 10), true, ""),
		loc("es-MX", []string{"es-MX", "es-419", "es", "en"}, counts(2, 0, 8, 10), true, ""),
	}}
}

func TestWriteShowsBarsChainsAndReviewLinks(t *testing.T) {
	var b bytes.Buffer
	if err := dashboard.Write(&b, report(), "/"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`<div class="bar" role="img" aria-label="5 translated, 1 stale, 4 missing of 10"><span class="t" style="flex-grow: 5"></span><span class="s" style="flex-grow: 1"></span><span class="m" style="flex-grow: 4"></span></div>`,
		`Fallback chain: <code>es-MX → es-419 → es → en</code>`,
		`<a href="/es-MX/drugs/?review=1" hreflang="es-MX">review</a>`,
		`<span class="no">not published: visible 50% &lt; min_percent 60</span>`,
		`<li><code>drugs.intro.p1</code> stale, readers see en</li>`,
		`<span lang="ar" dir="rtl">العربية</span>`,
		`<td class="n">50.0%</td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dashboard lacks %s", want)
		}
	}
	if strings.Contains(out, "<script") || regexp.MustCompile(`(src|href)="https?:`).MatchString(out) {
		t.Error("dashboard has a script or fetches from the network")
	}
	if t.Failed() {
		t.Logf("dashboard:\n%s", out)
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := dashboard.Write(&a, report(), "../"); err != nil {
		t.Fatal(err)
	}
	if err := dashboard.Write(&b, report(), "../"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two dashboards of one report differ")
	}
	if !strings.Contains(a.String(), `href="../es/drugs/?review=1"`) {
		t.Error("links do not start with the link prefix ../")
	}
}

func TestWriteEscapesNames(t *testing.T) {
	rep := report()
	rep.Locales[0].Pages[0].Slug = `x"><script>alert(1)</script>`
	rep.Locales[0].Pages[0].Address = rep.Locales[0].Pages[0].Slug
	var b bytes.Buffer
	if err := dashboard.Write(&b, rep, "/"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") {
		t.Error("a page slug is written unescaped")
	}
}

func TestWriteWithoutLocales(t *testing.T) {
	var b bytes.Buffer
	if err := dashboard.Write(&b, &status.Report{}, "/"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No locales yet") {
		t.Errorf("a site without locales does not say so:\n%s", b.String())
	}
}

func ExampleWrite() {
	var b bytes.Buffer
	if err := dashboard.Write(&b, report(), "/"); err != nil {
		fmt.Println(err)
		return
	}
	// Each page of each locale links into its review view.
	for _, m := range regexp.MustCompile(`<a href="([^"]+)" hreflang`).FindAllStringSubmatch(b.String(), -1) {
		fmt.Fprintln(os.Stdout, m[1])
	}
	// Output:
	// /ar/drugs/?review=1
	// /es/drugs/?review=1
	// /es-MX/drugs/?review=1
}
