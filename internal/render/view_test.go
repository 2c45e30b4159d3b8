package render

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/fallback"
)

// Page messages the tests use besides the chrome.
const (
	idTitle = "narcotics-smuggling.title"
	idP1    = "narcotics-smuggling.intro.p1"
	idP2    = "narcotics-smuggling.intro.p2"
	idItem  = "narcotics-smuggling.intro.li1"
)

var pageEnglish = map[string]string{
	idTitle: "Narcotics Smuggling",
	idP1:    "Narcotics smuggling is a global crime with local impacts.",
	idP2:    "**HSI** investigates it.",
	idItem:  "Report it to the [HSI Tip Line](https://www.ice.gov/webform/hsi-tip-form).",
}

// englishMessages returns the English source: every chrome string, as
// content.Chrome gives it, and the page messages above.
func englishMessages() []*catalog.Message {
	var msgs []*catalog.Message
	for _, c := range content.Chrome {
		msgs = append(msgs, current(c.ID, c.Text))
	}
	for _, id := range []string{idTitle, idP1, idP2, idItem} {
		msgs = append(msgs, current(id, pageEnglish[id]))
	}
	return msgs
}

func forms(text string) map[string]string { return map[string]string{"other": text} }

// current returns the English source message id with text.
func current(id, text string) *catalog.Message {
	return &catalog.Message{ID: id, Hash: catalog.Hash(forms(text)), Forms: forms(text)}
}

// translated returns a current translation of message id.
func translated(id, text string) *catalog.Message {
	return &catalog.Message{ID: id, Hash: catalog.Hash(forms(englishText(id))), Forms: forms(text)}
}

func englishText(id string) string {
	if s, ok := pageEnglish[id]; ok {
		return s
	}
	return EnglishChrome(id)
}

// localizer returns a Localizer for a page in tag over the given catalogs,
// with the chain the build uses.
func localizer(t *testing.T, tag string, files ...*catalog.File) *Localizer {
	t.Helper()
	lt := language.MustParse(tag)
	return &Localizer{
		Tag:      lt,
		Chain:    fallback.ChainFor(lt, nil, language.English),
		Resolver: fallback.NewResolver(language.English, englishMessages(), files),
	}
}

func catalogFile(tag string, msgs ...*catalog.Message) *catalog.File {
	return &catalog.File{Path: "locales/" + tag + ".toml", Tag: language.MustParse(tag), Messages: msgs}
}

func TestTextMarksLanguageOnlyWhenFallenBack(t *testing.T) {
	t.Parallel()
	arabic := catalogFile("ar",
		translated("chrome.skip", "انتقل إلى المحتوى الرئيسي"),
		translated(idP1, "تهريب المخدرات جريمة عالمية ذات آثار محلية."),
	)
	spanish := catalogFile("es", translated("chrome.helpful", "¿Le resultó útil esta página?"))
	tests := []struct {
		name     string
		l        *Localizer
		id       string
		wantHTML template.HTML
		wantLang string
		wantDir  string
	}{
		{"translated on an Arabic page", localizer(t, "ar", arabic), "chrome.skip", "انتقل إلى المحتوى الرئيسي", "", ""},
		{"translated page text", localizer(t, "ar", arabic), idP1, "تهريب المخدرات جريمة عالمية ذات آثار محلية.", "", ""},
		{"English on an Arabic page", localizer(t, "ar", arabic), "chrome.languages", "Languages", "en", "ltr"},
		{"English markup on an Arabic page", localizer(t, "ar", arabic), idP2, "<strong>HSI</strong> investigates it.", "en", "ltr"},
		{"Spanish on a Mexican Spanish page", localizer(t, "es-MX", spanish), "chrome.helpful", "¿Le resultó útil esta página?", "es", "ltr"},
		{"English page", localizer(t, "en", arabic), "chrome.skip", "Skip to main content", "", ""},
		{"message the English lacks shows its ID", localizer(t, "ar", arabic), "chrome.nonexistent", "chrome.nonexistent", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.l.Text(tt.id)
			if got.HTML != tt.wantHTML || got.Lang != tt.wantLang || got.Dir != tt.wantDir {
				t.Errorf("Text(%q) on a %s page = %q lang=%q dir=%q, want %q lang=%q dir=%q",
					tt.id, tt.l.Tag, got.HTML, got.Lang, got.Dir, tt.wantHTML, tt.wantLang, tt.wantDir)
			}
		})
	}
}

// TestTextMarksRightToLeftFallback: a Dari page that falls back to Persian
// (configured in l10n.toml) marks the block as Persian, right to left.
func TestTextMarksRightToLeftFallback(t *testing.T) {
	t.Parallel()
	prs, fa := language.MustParse("prs"), language.MustParse("fa")
	l := &Localizer{
		Tag:   prs,
		Chain: fallback.ChainFor(prs, map[language.Tag][]language.Tag{prs: {fa}}, language.English),
		Resolver: fallback.NewResolver(language.English, englishMessages(), []*catalog.File{
			catalogFile("prs"),
			catalogFile("fa", translated("chrome.languages", "زبان‌ها")),
		}),
	}
	got := l.Text("chrome.languages")
	if got.Plain != "زبان‌ها" || got.Lang != "fa" || got.Dir != "rtl" {
		t.Errorf("Text(%q) on a prs page = %q lang=%q dir=%q, want %q lang=%q dir=%q",
			"chrome.languages", got.Plain, got.Lang, got.Dir, "زبان‌ها", "fa", "rtl")
	}
}

func TestChromeDrawsLockWithTranslatedTitleAndDescription(t *testing.T) {
	t.Parallel()
	const httpsES = "Un **candado** ({{.LockIcon}}) o **https://** significa que usted se conectó de forma segura a un sitio web .gov."
	tests := []struct {
		name      string
		l         *Localizer
		wantTitle string // the <title> element of the SVG
		wantDesc  string // its <desc>
	}{
		{
			name: "translation is escaped",
			l: localizer(t, "es", catalogFile("es",
				translated("chrome.banner.https_text", httpsES),
				translated("chrome.banner.lock_title", `Candado <b>"cerrado"</b>`),
				translated("chrome.banner.lock_desc", `Un candado & "cerrado" <script>alert(1)</script>`),
			)),
			wantTitle: `<title id="banner-lock-title">Candado &lt;b&gt;&#34;cerrado&#34;&lt;/b&gt;</title>`,
			wantDesc:  `<desc id="banner-lock-description">Un candado &amp; &#34;cerrado&#34; &lt;script&gt;alert(1)&lt;/script&gt;</desc>`,
		},
		{
			// The banner text fell back to English: the Spanish names in it
			// say they are Spanish.
			name: "Markdown in a title is stripped",
			l: localizer(t, "es", catalogFile("es",
				translated("chrome.banner.lock_title", "**Candado**"),
				translated("chrome.banner.lock_desc", "Un *candado* cerrado"),
			)),
			wantTitle: `<title id="banner-lock-title" lang="es">Candado</title>`,
			wantDesc:  `<desc id="banner-lock-description" lang="es">Un candado cerrado</desc>`,
		},
		{
			name:      "fallen-back title is marked English, without dir (not an SVG attribute)",
			l:         localizer(t, "ar", catalogFile("ar", translated("chrome.banner.lock_desc", "قفل مغلق"))),
			wantTitle: `<title id="banner-lock-title" lang="en">Lock</title>`,
			wantDesc:  `<desc id="banner-lock-description" lang="ar">قفل مغلق</desc>`,
		},
		{
			name:      "English page",
			l:         localizer(t, "en"),
			wantTitle: `<title id="banner-lock-title">Lock</title>`,
			wantDesc:  `<desc id="banner-lock-description">A locked padlock</desc>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := string(tt.l.Chrome(time.Time{})["chrome.banner.https_text"].HTML)
			if strings.Contains(got, "{{.LockIcon}}") {
				t.Errorf("https_text still holds the placeholder: %s", got)
			}
			if n := strings.Count(got, "<svg"); n != 1 {
				t.Errorf("https_text has %d <svg> elements, want 1: %s", n, got)
			}
			if !strings.Contains(got, tt.wantTitle) {
				t.Errorf("https_text lacks %s:\n%s", tt.wantTitle, got)
			}
			if !strings.Contains(got, tt.wantDesc) {
				t.Errorf("https_text lacks %s:\n%s", tt.wantDesc, got)
			}
			if strings.Contains(got, "<b>") || strings.Contains(got, "<script") {
				t.Errorf("https_text has markup from a translation: %s", got)
			}
		})
	}
}

func TestChromeResolvesEveryChromeMessage(t *testing.T) {
	t.Parallel()
	m := localizer(t, "vi").Chrome(time.Time{})
	for _, c := range content.Chrome {
		got, ok := m[c.ID]
		if !ok {
			t.Errorf("Chrome() lacks %q", c.ID)
			continue
		}
		if got.Lang != "en" || got.Dir != "ltr" {
			t.Errorf("Chrome()[%q] on a vi page without a catalog: lang=%q dir=%q, want lang=\"en\" dir=\"ltr\"", c.ID, got.Lang, got.Dir)
		}
	}
	if len(m) != len(content.Chrome) {
		t.Errorf("Chrome() has %d messages, want %d", len(m), len(content.Chrome))
	}
}

func TestUpdatedWritesDateInLanguageOfSentence(t *testing.T) {
	t.Parallel()
	date := time.Date(2024, 4, 22, 0, 0, 0, 0, time.UTC)
	es := catalogFile("es", translated("chrome.last_updated", "Última actualización: {{.Date}}"))
	tests := []struct {
		name      string
		l         *Localizer
		wantHTML  template.HTML
		wantPlain string
		wantLang  string
		wantDir   string
	}{
		{
			name:     "Spanish page",
			l:        localizer(t, "es", es),
			wantHTML: "Última actualización: 22 de abril de 2024", wantPlain: "Última actualización: 22 de abril de 2024",
		},
		{
			name:     "Spanish sentence on a Mexican Spanish page",
			l:        localizer(t, "es-MX", es),
			wantHTML: "Última actualización: 22 de abril de 2024", wantPlain: "Última actualización: 22 de abril de 2024",
			wantLang: "es", wantDir: "ltr",
		},
		{
			name:     "Vietnamese page",
			l:        localizer(t, "vi", catalogFile("vi", translated("chrome.last_updated", "Cập nhật lần cuối: {{.Date}}"))),
			wantHTML: "Cập nhật lần cuối: 22 tháng 4, 2024", wantPlain: "Cập nhật lần cuối: 22 tháng 4, 2024",
		},
		{
			name:     "English sentence on a Vietnamese page",
			l:        localizer(t, "vi", catalogFile("vi", translated("chrome.skip", "Chuyển đến nội dung chính"))),
			wantHTML: "Last Updated: April 22, 2024", wantPlain: "Last Updated: April 22, 2024",
			wantLang: "en", wantDir: "ltr",
		},
		{
			name:     "English sentence on an Arabic page",
			l:        localizer(t, "ar"),
			wantHTML: "Last Updated: April 22, 2024", wantPlain: "Last Updated: April 22, 2024",
			wantLang: "en", wantDir: "ltr",
		},
		{
			name:     "markup around the date",
			l:        localizer(t, "es", catalogFile("es", translated("chrome.last_updated", "**Actualizado:** {{.Date}}"))),
			wantHTML: "<strong>Actualizado:</strong> 22 de abril de 2024", wantPlain: "Actualizado: 22 de abril de 2024",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.l.Updated(date)
			if got.HTML != tt.wantHTML || got.Plain != tt.wantPlain || got.Lang != tt.wantLang || got.Dir != tt.wantDir {
				t.Errorf("Updated(2024-04-22) on a %s page = %q (plain %q) lang=%q dir=%q, want %q (plain %q) lang=%q dir=%q",
					tt.l.Tag, got.HTML, got.Plain, got.Lang, got.Dir, tt.wantHTML, tt.wantPlain, tt.wantLang, tt.wantDir)
			}
		})
	}
}

func TestUpdatedIsEmptyWithoutDate(t *testing.T) {
	t.Parallel()
	if got := localizer(t, "es").Updated(time.Time{}); got != (Text{}) {
		t.Errorf("Updated(zero time) = %+v, want an empty Text", got)
	}
}

// TestChromeLockIconStaysOutOfAttributes: a translation that puts
// {{.LockIcon}} in a link title must not get the trusted SVG pasted into
// the attribute, where its quotes end the attribute early.
func TestChromeLockIconStaysOutOfAttributes(t *testing.T) {
	t.Parallel()
	const msg = `Un [candado](https://www.ice.gov "{{.LockIcon}}") o **https://**`
	l := localizer(t, "es", catalogFile("es", translated("chrome.banner.https_text", msg)))
	got := string(l.Chrome(time.Time{})["chrome.banner.https_text"].HTML)
	if strings.Contains(got, `title="<span`) {
		t.Errorf("Chrome() with https_text %q pastes the lock SVG into the title attribute: %s", msg, got)
	}
}
