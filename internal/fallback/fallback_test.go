package fallback_test

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/fallback"
)

var (
	en    = language.English
	es    = language.MustParse("es")
	es419 = language.MustParse("es-419")
	esMX  = language.MustParse("es-MX")
	ar    = language.MustParse("ar")
	fa    = language.MustParse("fa")
	prs   = language.MustParse("prs")
	ps    = language.MustParse("ps")
	pt    = language.MustParse("pt")
	fr    = language.MustParse("fr")
	frCA  = language.MustParse("fr-CA")
	ht    = language.MustParse("ht")
	vi    = language.MustParse("vi")
)

func TestChainFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		tag        string
		configured map[language.Tag][]language.Tag
		want       string // the chain's String()
	}{
		{name: "regional Spanish goes through Latin American Spanish", tag: "es-MX", want: "[es-MX es-419 es en]"},
		{name: "Latin American Spanish goes to Spanish", tag: "es-419", want: "[es-419 es en]"},
		{name: "Simplified Chinese goes to Chinese", tag: "zh-Hans", want: "[zh-Hans zh en]"},
		{name: "Hong Kong Traditional Chinese never reaches Simplified", tag: "zh-Hant-HK", want: "[zh-Hant-HK zh-Hant en]"},
		{name: "British English goes through international English", tag: "en-GB", want: "[en-GB en-001 en]"},
		{name: "language without parents goes straight to English", tag: "ar", want: "[ar en]"},
		{name: "English is its own chain", tag: "en", want: "[en]"},
		{
			name:       "configured fallback comes before English",
			tag:        "prs",
			configured: map[language.Tag][]language.Tag{prs: {fa}},
			want:       "[prs fa en]",
		},
		{
			name:       "configured fallback is followed by its own parents",
			tag:        "ht",
			configured: map[language.Tag][]language.Tag{ht: {frCA}},
			want:       "[ht fr-CA fr en]",
		},
		{
			name:       "configured fallback of a parent applies to the child",
			tag:        "es-MX",
			configured: map[language.Tag][]language.Tag{es: {pt}},
			want:       "[es-MX es-419 es pt en]",
		},
		{
			name:       "configured fallbacks come after all CLDR parents",
			tag:        "es-MX",
			configured: map[language.Tag][]language.Tag{esMX: {pt}},
			want:       "[es-MX es-419 es pt en]",
		},
		{
			name:       "several configured fallbacks keep their order",
			tag:        "prs",
			configured: map[language.Tag][]language.Tag{prs: {fa, ps}},
			want:       "[prs fa ps en]",
		},
		{
			name:       "configured fallbacks are not followed transitively",
			tag:        "prs",
			configured: map[language.Tag][]language.Tag{prs: {fa}, fa: {ps}},
			want:       "[prs fa en]",
		},
		{
			name:       "fallback already in the chain is not repeated",
			tag:        "es-MX",
			configured: map[language.Tag][]language.Tag{esMX: {es}, es419: {es, en}},
			want:       "[es-MX es-419 es en]",
		},
		{
			name:       "configured English is not repeated at the end",
			tag:        "ar",
			configured: map[language.Tag][]language.Tag{ar: {en}},
			want:       "[ar en]",
		},
		{
			name:       "fallbacks configured for other locales are ignored",
			tag:        "vi",
			configured: map[language.Tag][]language.Tag{prs: {fa}, es: {pt}},
			want:       "[vi en]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tag := language.MustParse(tt.tag)
			got := fallback.ChainFor(tag, tt.configured, en)
			if s := chainString(got); s != tt.want {
				t.Errorf("ChainFor(%s, %v, en) = %s, want %s", tt.tag, tt.configured, s, tt.want)
			}
			if len(got) == 0 || got[0] != tag {
				t.Errorf("ChainFor(%s) does not start with %s: %s", tt.tag, tt.tag, chainString(got))
			}
			if len(got) == 0 || got[len(got)-1] != en {
				t.Errorf("ChainFor(%s) does not end with en: %s", tt.tag, chainString(got))
			}
			seen := map[language.Tag]bool{}
			for _, c := range got {
				if seen[c] {
					t.Errorf("ChainFor(%s) = %s lists %s twice", tt.tag, chainString(got), c)
				}
				seen[c] = true
			}
		})
	}
}

func chainString(c fallback.Chain) string { return fmt.Sprint(c) }

// The messages of the tests: each English text, and an older English text
// whose hash a stale translation still carries.
const (
	idIntro    = "narcotics-smuggling.intro.p1"
	idImpact   = "narcotics-smuggling.impact.p1"
	idReport   = "narcotics-smuggling.report.p1"
	idTipLine  = "narcotics-smuggling.report.li1"
	textIntro  = "Narcotics smuggling is a global crime with local impacts."
	textImpact = "Smuggled fentanyl kills."
	textReport = "Report suspicious activity."
	textTip    = "Call the HSI Tip Line."
	oldIntro   = "Narcotics smuggling is a global crime."
)

func hash(text string) string { return catalog.Hash(map[string]string{"other": text}) }

// msg returns a catalog entry for id with the given text, translated from
// the English fromEnglish.
func msg(id, text, fromEnglish string) *catalog.Message {
	return &catalog.Message{ID: id, Hash: hash(fromEnglish), Forms: map[string]string{"other": text}}
}

func english() []*catalog.Message {
	return []*catalog.Message{
		msg(idIntro, textIntro, textIntro),
		msg(idImpact, textImpact, textImpact),
		msg(idReport, textReport, textReport),
		msg(idTipLine, textTip, textTip),
	}
}

func file(tag language.Tag, msgs ...*catalog.Message) *catalog.File {
	return &catalog.File{Path: "locales/" + tag.String() + ".toml", Tag: tag, Messages: msgs}
}

func TestResolvePicksFirstCurrentTranslation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		page     language.Tag
		config   map[language.Tag][]language.Tag
		locales  []*catalog.File
		id       string
		wantText string
		wantFrom language.Tag
		wantOK   bool
	}{
		{
			name: "own current translation wins",
			page: esMX,
			locales: []*catalog.File{
				file(esMX, msg(idIntro, "mx", textIntro)),
				file(es, msg(idIntro, "es", textIntro)),
			},
			id: idIntro, wantText: "mx", wantFrom: esMX, wantOK: true,
		},
		{
			name: "missing entry falls back to parent",
			page: esMX,
			locales: []*catalog.File{
				file(esMX, msg(idImpact, "otro", textImpact)),
				file(es, msg(idIntro, "es", textIntro)),
			},
			id: idIntro, wantText: "es", wantFrom: es, wantOK: true,
		},
		{
			name: "empty other falls back to parent",
			page: esMX,
			locales: []*catalog.File{
				file(esMX, msg(idIntro, "", textIntro)),
				file(es, msg(idIntro, "es", textIntro)),
			},
			id: idIntro, wantText: "es", wantFrom: es, wantOK: true,
		},
		{
			name: "stale translation is skipped for a current parent",
			page: esMX,
			locales: []*catalog.File{
				file(esMX, msg(idIntro, "mx viejo", oldIntro)),
				file(es, msg(idIntro, "es", textIntro)),
			},
			id: idIntro, wantText: "es", wantFrom: es, wantOK: true,
		},
		{
			name: "stale parent falls back to English",
			page: esMX,
			locales: []*catalog.File{
				file(esMX),
				file(es, msg(idIntro, "es viejo", oldIntro)),
			},
			id: idIntro, wantText: textIntro, wantFrom: en, wantOK: true,
		},
		{
			name: "translation without a hash is treated as stale",
			page: es,
			locales: []*catalog.File{
				file(es, &catalog.Message{ID: idIntro, Forms: map[string]string{"other": "es sin hash"}}),
			},
			id: idIntro, wantText: textIntro, wantFrom: en, wantOK: true,
		},
		{
			name: "Latin American Spanish comes before Spanish",
			page: esMX,
			locales: []*catalog.File{
				file(es, msg(idIntro, "es", textIntro)),
				file(es419, msg(idIntro, "419", textIntro)),
			},
			id: idIntro, wantText: "419", wantFrom: es419, wantOK: true,
		},
		{
			name: "stale Latin American Spanish is skipped for Spanish",
			page: esMX,
			locales: []*catalog.File{
				file(es, msg(idIntro, "es", textIntro)),
				file(es419, msg(idIntro, "419 viejo", oldIntro)),
			},
			id: idIntro, wantText: "es", wantFrom: es, wantOK: true,
		},
		{
			name:    "locale without a catalog falls back to English",
			page:    vi,
			locales: []*catalog.File{file(es, msg(idIntro, "es", textIntro))},
			id:      idIntro, wantText: textIntro, wantFrom: en, wantOK: true,
		},
		{
			name:   "configured fallback is used before English",
			page:   prs,
			config: map[language.Tag][]language.Tag{prs: {fa}},
			locales: []*catalog.File{
				file(prs, msg(idImpact, "prs", textImpact)),
				file(fa, msg(idIntro, "fa", textIntro)),
			},
			id: idIntro, wantText: "fa", wantFrom: fa, wantOK: true,
		},
		{
			name: "catalog of a locale outside the chain is never used",
			page: ar,
			locales: []*catalog.File{
				file(ar),
				file(fa, msg(idIntro, "fa", textIntro)),
			},
			id: idIntro, wantText: textIntro, wantFrom: en, wantOK: true,
		},
		{
			name: "English page shows the source even if an en catalog differs",
			page: en,
			locales: []*catalog.File{
				file(en, msg(idIntro, "edited by hand", textIntro)),
				file(es, msg(idIntro, "es", textIntro)),
			},
			id: idIntro, wantText: textIntro, wantFrom: en, wantOK: true,
		},
		{
			name:    "message the English lacks is not found",
			page:    es,
			locales: []*catalog.File{file(es, msg("narcotics-smuggling.gone.p1", "obsoleto", "Gone."))},
			id:      "narcotics-smuggling.gone.p1", wantText: "", wantFrom: language.Und, wantOK: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := fallback.NewResolver(en, english(), tt.locales)
			chain := fallback.ChainFor(tt.page, tt.config, en)
			text, from, ok := r.Resolve(chain, tt.id)
			if text != tt.wantText || from != tt.wantFrom || ok != tt.wantOK {
				t.Errorf("Resolve(%s, %q) = %q from %s (ok=%t), want %q from %s (ok=%t)",
					tt.page, tt.id, text, from, ok, tt.wantText, tt.wantFrom, tt.wantOK)
			}
		})
	}
}

// TestResolveHalfTranslatedPageMixesLanguages resolves every message of a
// page whose Arabic catalog is half done: each block is Arabic where the
// translation is current and English, reported as from en, elsewhere.
func TestResolveHalfTranslatedPageMixesLanguages(t *testing.T) {
	t.Parallel()
	r := fallback.NewResolver(en, english(), []*catalog.File{file(ar,
		msg(idIntro, "تهريب المخدرات جريمة عالمية ذات آثار محلية.", textIntro),
		msg(idImpact, "", textImpact),
		msg(idReport, "أبلغ عن النشاط المشبوه.", textReport),
		msg(idTipLine, "اتصل بخط HSI القديم.", "Call the old HSI Tip Line."),
	)})
	chain := fallback.ChainFor(ar, nil, en)
	tests := []struct {
		id       string
		wantText string
		wantFrom language.Tag
	}{
		{idIntro, "تهريب المخدرات جريمة عالمية ذات آثار محلية.", ar},
		{idImpact, textImpact, en},
		{idReport, "أبلغ عن النشاط المشبوه.", ar},
		{idTipLine, textTip, en},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			text, from, ok := r.Resolve(chain, tt.id)
			if text != tt.wantText || from != tt.wantFrom || !ok {
				t.Errorf("Resolve(ar, %q) = %q from %s (ok=%t), want %q from %s", tt.id, text, from, ok, tt.wantText, tt.wantFrom)
			}
		})
	}
}

func TestState(t *testing.T) {
	t.Parallel()
	r := fallback.NewResolver(en, english(), []*catalog.File{
		file(es,
			msg(idIntro, "es", textIntro),
			msg(idImpact, "es viejo", "Smuggled drugs kill."),
			msg(idReport, "", textReport),
			msg("narcotics-smuggling.gone.p1", "obsoleto", "Gone."),
		),
		file(esMX, msg(idIntro, "mx viejo", oldIntro)),
	})
	tests := []struct {
		tag  language.Tag
		id   string
		want fallback.State
	}{
		{es, idIntro, fallback.Translated},
		{es, idImpact, fallback.Stale},
		{es, idReport, fallback.Missing},                      // empty other
		{es, idTipLine, fallback.Missing},                     // no entry
		{es, "narcotics-smuggling.gone.p1", fallback.Missing}, // the English lacks it
		{esMX, idIntro, fallback.Stale},
		{esMX, idImpact, fallback.Missing},
		{es419, idIntro, fallback.Missing}, // no catalog at all
		{vi, idIntro, fallback.Missing},
		{en, idIntro, fallback.Translated}, // the source is always current
		{en, idTipLine, fallback.Translated},
	}
	for _, tt := range tests {
		t.Run(tt.tag.String()+"/"+tt.id, func(t *testing.T) {
			t.Parallel()
			if got := r.State(tt.tag, tt.id); got != tt.want {
				t.Errorf("State(%s, %q) = %s, want %s", tt.tag, tt.id, stateName(got), stateName(tt.want))
			}
		})
	}
}

// TestStateOfSourceForMessageItLacks pins what State says of a message the
// English does not have, asked of the English itself.
func TestStateOfSourceForMessageItLacks(t *testing.T) {
	t.Parallel()
	r := fallback.NewResolver(en, english(), nil)
	if got := r.State(en, "narcotics-smuggling.gone.p1"); got != fallback.Missing {
		t.Errorf("State(en, %q) = %s, want Missing: the English has no such entry", "narcotics-smuggling.gone.p1", stateName(got))
	}
}

func stateName(s fallback.State) string {
	switch s {
	case fallback.Missing:
		return "Missing"
	case fallback.Stale:
		return "Stale"
	case fallback.Translated:
		return "Translated"
	case fallback.Review:
		return "Review"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// TestTranslationAwaitingReviewIsNeverShown: a translation l10n align
// proposed (hash "review:…") is in state Review, and readers see the next
// locale of the chain, even where the policy shows stale translations.
// See issue 14.
func TestTranslationAwaitingReviewIsNeverShown(t *testing.T) {
	t.Parallel()
	proposed := msg(idIntro, "es propuesto", textIntro)
	proposed.Hash = catalog.ReviewPrefix + proposed.Hash
	stale := msg(idImpact, "es viejo", "Smuggled drugs kill.")
	stale.Hash = catalog.ReviewPrefix + stale.Hash // proposed for older English
	r := fallback.NewResolver(en, english(), []*catalog.File{file(es, proposed, stale)})
	for _, id := range []string{idIntro, idImpact} {
		if got := r.State(es, id); got != fallback.Review {
			t.Errorf("State(es, %q) = %s, want Review", id, stateName(got))
		}
		res, _ := r.ResolveShowingStale(fallback.Chain{esMX, es, en}, id, func(language.Tag) bool { return true })
		if res.From != en || res.Stale {
			t.Errorf("ResolveShowingStale(%q), stale shown = %q from %s (stale %v), want the English", id, res.Text, res.From, res.Stale)
		}
	}
}

func TestHasCatalogs(t *testing.T) {
	t.Parallel()
	r := fallback.NewResolver(en, english(), []*catalog.File{file(es), file(ar, msg(idIntro, "x", textIntro))})
	tests := []struct {
		tag  language.Tag
		want bool
	}{
		{en, true}, // the source needs no catalog
		{es, true}, // an empty catalog still counts
		{ar, true},
		{esMX, false},
		{fr, false},
	}
	for _, tt := range tests {
		if got := r.Has(tt.tag); got != tt.want {
			t.Errorf("Has(%s) = %t, want %t", tt.tag, got, tt.want)
		}
	}
}
