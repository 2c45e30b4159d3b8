package serve

import (
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestRootRedirectsToReadersLanguage(t *testing.T) {
	t.Parallel()
	h := New(copySite(t), Options{Pseudo: true})
	tests := []struct {
		name       string
		target     string
		header     []string
		want       string
		wantCookie string // the l10n_lang cookie set, if any
	}{
		{"Argentine Spanish reads Spanish", "/", []string{"Accept-Language: es-AR,es;q=0.9"}, "/es" + page, ""},
		{"Mexican Spanish", "/", []string{"Accept-Language: es-MX"}, "/es-MX" + page, ""},
		{"no zh-Hant: English", "/", []string{"Accept-Language: zh-TW"}, "/en" + page, ""},
		{"Simplified Chinese", "/", []string{"Accept-Language: zh-CN,zh;q=0.8"}, "/zh-Hans" + page, ""},
		{"British English is not the pseudo-locale", "/", []string{"Accept-Language: en-GB"}, "/en" + page, ""},
		{"no header", "/", nil, "/en" + page, ""},
		{"the cookie wins", "/", []string{"Accept-Language: es", "Cookie: l10n_lang=vi"}, "/vi" + page, ""},
		{"a cookie of no locale is ignored", "/", []string{"Accept-Language: es", "Cookie: l10n_lang=../../etc"}, "/es" + page, ""},
		{"?lang= chooses and remembers", "/?lang=ar", []string{"Accept-Language: es"}, "/ar" + page, "ar"},
		{"?lang= of no locale is ignored", "/?lang=xx-evil", []string{"Accept-Language: es"}, "/es" + page, ""},
		{"review mode carries over", "/?review=1", []string{"Accept-Language: vi"}, "/vi" + page + "?review=1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target, tt.header...)
			if rec.Code != http.StatusFound || rec.Header().Get("Location") != tt.want {
				t.Errorf("GET %s %q = %d to %q, want 302 to %q", tt.target, tt.header, rec.Code, rec.Header().Get("Location"), tt.want)
			}
			cookie := ""
			for _, c := range rec.Result().Cookies() {
				if c.Name == languageCookie {
					cookie = c.Value
				}
			}
			if cookie != tt.wantCookie {
				t.Errorf("GET %s sets cookie %q, want %q", tt.target, cookie, tt.wantCookie)
			}
		})
	}
}

// TestHostileAcceptLanguageGivesDefault sends headers no browser sends:
// the reader gets English, never an error. See issue 6.
func TestHostileAcceptLanguageGivesDefault(t *testing.T) {
	t.Parallel()
	h := New(copySite(t), Options{})
	for _, header := range []string{
		"*", ";;;,,,", "es;q=0", "es;q=abc", "es;q=-1", "es;q=1e309", "es-", "\x00es", "es\xff\xfe", "q=0.5",
		strings.Repeat("es-AR-", 5000), strings.Repeat("x,", 2000), strings.Repeat("a-", 100) + "es",
		"zh-Hant-TW-u-co-pinyin-x-" + strings.Repeat("abcdefgh-", 50), "en;q=0.9;q=0.8",
	} {
		rec := get(t, h, "/", "Accept-Language: "+header)
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != "/en"+page {
			t.Errorf("Accept-Language %.40q: %d to %q, want 302 to /en%s", header, rec.Code, rec.Header().Get("Location"), page)
		}
	}
}

func TestNegotiate(t *testing.T) {
	t.Parallel()
	tags := func(names ...string) []language.Tag {
		var out []language.Tag
		for _, n := range names {
			out = append(out, language.MustParse(n))
		}
		return out
	}
	shipped := tags("en", "ar", "es", "es-MX", "ht", "vi", "zh-Hans", "en-XA", "ar-XB")
	hant := tags("en", "es", "zh-Hant", "zh-Hans")
	onlyMX := tags("en", "es-MX")
	tests := []struct {
		name           string
		tags           []language.Tag
		cookie, accept string
		want           string
	}{
		{"es-AR reads es", shipped, "", "es-AR,es;q=0.9", "es"},
		{"es-AR alone reads es, not es-MX", shipped, "", "es-AR", "es"},
		{"es-419 reads es", shipped, "", "es-419", "es"},
		{"es-MX reads es-MX", shipped, "", "es-MX", "es-MX"},
		{"es-AR reads es-MX rather than English", onlyMX, "", "es-AR", "es-MX"},
		{"zh-TW reads zh-Hant", hant, "", "zh-TW", "zh-Hant"},
		{"zh-HK reads zh-Hant", hant, "", "zh-HK", "zh-Hant"},
		{"zh-TW without zh-Hant reads the default", shipped, "", "zh-TW", "en"},
		{"zh-CN reads zh-Hans", shipped, "", "zh-CN", "zh-Hans"},
		{"zh reads zh-Hans", hant, "", "zh", "zh-Hans"},
		{"ar-EG reads ar", shipped, "", "ar-EG", "ar"},
		{"ht-HT reads ht", shipped, "", "ht-HT", "ht"},
		{"first choice missing, second taken", shipped, "", "fr-CA, fr;q=0.9, vi;q=0.5", "vi"},
		{"higher q wins whatever the order", shipped, "", "es;q=0.2, vi;q=0.8", "vi"},
		{"q=0 is never chosen", shipped, "", "es;q=0", "en"},
		{"q=0 is skipped", shipped, "", "es;q=0, vi;q=0.5", "vi"},
		{"star", shipped, "", "*", "en"},
		{"star after an unknown", shipped, "", "de, *;q=0.5", "en"},
		{"en-GB reads en, not en-XA", shipped, "", "en-GB", "en"},
		{"a pseudo-locale by name", shipped, "", "en-XA", "en-XA"},
		{"empty", shipped, "", "", "en"},
		{"garbage", shipped, "", "garbage!!", "en"},
		{"private use", shipped, "", "x-klingon", "en"},
		{"too long", shipped, "", strings.Repeat("es,", 1000), "en"},
		{"the cookie wins", shipped, "vi", "es", "vi"},
		{"a cookie of no locale of the site", shipped, "fr", "es", "es"},
		{"a cookie not canonical", shipped, "ES", "vi", "vi"},
		{"a hostile cookie", shipped, "../../etc/passwd", "", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Negotiate(tt.tags, tt.cookie, tt.accept); got.String() != tt.want {
				t.Errorf("Negotiate(%v, cookie %q, %q) = %s, want %s", tt.tags, tt.cookie, tt.accept, got, tt.want)
			}
		})
	}
}
