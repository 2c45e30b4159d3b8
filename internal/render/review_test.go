package render

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// stale returns a translation of id made from English that has changed.
func stale(id, text string) *catalog.Message {
	return &catalog.Message{ID: id, Hash: catalog.Hash(forms("older English")), Forms: forms(text)}
}

func TestReviewGivesStateAndSourceOfEachMessage(t *testing.T) {
	t.Parallel()
	proposed := translated(idP2, "HSI lo investiga.")
	proposed.Hash = catalog.ReviewPrefix + proposed.Hash
	proposed.Comment = []string{"proposed by l10n align from content/es/page.md:9, confidence 0.62 (length fits 0.70)"}
	es := catalogFile("es", translated(idTitle, "Contrabando de narcóticos"), stale(idP1, "Texto viejo."), proposed)
	esMX := catalogFile("es-MX", stale(idTitle, "Contrabando (viejo)"))
	tests := []struct {
		name, tag string
		id        string
		notice    bool // the locale's policy shows stale translations
		want      TextReview
		label     string
	}{
		{"translated", "es", idTitle, false,
			TextReview{ID: idTitle, State: "translated", Class: ReviewTranslated, Source: "Narcotics Smuggling"}, "translated"},
		{"stale falls back to English", "es", idP1, false,
			TextReview{ID: idP1, State: "stale", From: "en", Class: ReviewStale, Source: pageEnglish[idP1]}, "stale → en"},
		{"stale shown by policy", "es", idP1, true,
			TextReview{ID: idP1, State: "stale", Shown: true, Class: ReviewStale, Source: pageEnglish[idP1]}, "stale, shown with notice"},
		{"awaiting review, English shown even where stale ones are", "es", idP2, true,
			TextReview{ID: idP2, State: "awaiting review", From: "en", Class: ReviewStale, Source: "HSI investigates it.",
				Proposal: "proposed by l10n align from content/es/page.md:9, confidence 0.62 (length fits 0.70)"}, "awaiting review → en"},
		{"stale here, parent shown", "es-MX", idTitle, false,
			TextReview{ID: idTitle, State: "stale", From: "es", Class: ReviewStale, Source: "Narcotics Smuggling"}, "stale → es"},
		{"missing here, parent shown", "es-MX", idP2, false,
			TextReview{ID: idP2, State: "missing", From: "en", Class: ReviewMissing, Source: "HSI investigates it."}, "missing → en"},
		{"English page", "en", idTitle, false,
			TextReview{ID: idTitle, State: "source", Class: ReviewSource, Source: "Narcotics Smuggling"}, "source"},
		{"unknown message", "es", "no.such.id", false,
			TextReview{ID: "no.such.id", State: "missing", Class: ReviewMissing}, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := localizer(t, tt.tag, es, esMX)
			l.Review = true
			if tt.notice {
				l.ShowStale = func(language.Tag) bool { return true }
			}
			got := l.Text(tt.id).Review
			if got == nil {
				t.Fatalf("Text(%s) in %s has no review", tt.id, tt.tag)
			}
			tt.want.Key = "rv1"
			if *got != tt.want {
				t.Errorf("Text(%s) in %s: review = %+v, want %+v", tt.id, tt.tag, *got, tt.want)
			}
			if got.Label() != tt.label {
				t.Errorf("Label() = %q, want %q", got.Label(), tt.label)
			}
		})
	}
}

func TestReviewKeysAreUniqueOnAPage(t *testing.T) {
	t.Parallel()
	l := localizer(t, "es")
	l.Review = true
	seen := map[string]bool{}
	for _, id := range []string{idTitle, idP1, idTitle} {
		k := l.Text(id).Review.Key
		if seen[k] {
			t.Errorf("key %s given twice", k)
		}
		seen[k] = true
	}
}

// TestReviewOverlayOnlyWhenAsked renders the test page with and without
// review mode: without, nothing of the overlay is written (the build's
// pages stay as they were); with, every block carries its ID and state.
func TestReviewOverlayOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	es := catalogFile("es", translated(idTitle, "Contrabando de narcóticos"), translated(idP1, "El contrabando es un delito."))
	plain := writePage(t, "es", "ltr", es)
	for _, absent := range []string{"rv-", "data-rv", "popover", "EventSource", "<script"} {
		if strings.Contains(plain, absent) {
			t.Errorf("page without review or live reload contains %q", absent)
		}
	}

	l := localizer(t, "es", es)
	l.Review = true
	v := &View{Lang: "es", Dir: "ltr", Title: l.Text(idTitle), Body: l.Body(body()), Chrome: l.Chrome(time.Time{}),
		Review: &PageReview{Locale: "es", Total: 4, Translated: 2, Missing: 2, VisiblePercent: "50", Published: true, Chain: "es → en", Dashboard: "/_status"}, LiveReload: "/_events?v=1"}
	var b strings.Builder
	if err := WritePage(&b, v); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`<h1 class="rv rv-translated" data-rv="rv1">Contrabando de narcóticos<button type="button" class="rv-badge" popovertarget="rv1" lang="en" dir="ltr">narcotics-smuggling.title · translated</button>`,
		`<p class="rv rv-translated" data-rv="rv2">El contrabando es un delito.<button`,
		`<p lang="en" dir="ltr" class="rv rv-missing" data-rv="rv3"><strong>HSI</strong> investigates it.<button type="button" class="rv-badge" popovertarget="rv3" lang="en" dir="ltr">narcotics-smuggling.intro.p2 · missing → en</button>`,
		// the tight list's text gets a span to carry its overlay
		`<li lang="en" dir="ltr"><span class="rv rv-missing" data-rv="rv4">Report it`,
		`English: HSI investigates it.</span>`,
		`<summary>Review · es: 2 translated, 0 stale, 2 missing of 4</summary>`,
		`Fallback chain: es → en`,
		`new EventSource("/_events?v=1")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("review page lacks %s", want)
		}
	}
	if t.Failed() {
		t.Logf("page:\n%s", out)
	}
}

// TestBadgeSaysWhereATranslationAwaitingReviewCameFrom: the popover of a
// block awaiting review shows, escaped, where l10n align or l10n tm took
// it from. See issue 14.
func TestBadgeSaysWhereATranslationAwaitingReviewCameFrom(t *testing.T) {
	var b strings.Builder
	writeBadge(&b, &TextReview{ID: "p.intro.p2", State: "awaiting review", From: "en", Class: ReviewStale, Source: "HSI investigates it.", Key: "rv1",
		Proposal: "proposed by l10n align from content/es/p.md:9, confidence 0.62 (<b>length</b> fits 0.70)"})
	want := "<br>proposed by l10n align from content/es/p.md:9, confidence 0.62 (&lt;b&gt;length&lt;/b&gt; fits 0.70)</span>"
	if !strings.Contains(b.String(), want) {
		t.Errorf("badge = %s\nwant it to end with %s", b.String(), want)
	}
}
