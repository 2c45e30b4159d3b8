package render

import (
	"testing"
	"unicode/utf8"
)

// FuzzFastPath: for markup-free text, the fast path gives what goldmark
// gives.
func FuzzFastPath(f *testing.F) {
	for _, s := range []string{
		"Narcotics smuggling is a global crime with local impacts.",
		`He said "stop" — 1-877-4-HSI-TIP.`,
		"El contrabando de narcóticos (CN) es un delito: 100 % seguro; ¿sí?",
		"毒品走私是一种具有地方影响的全球性犯罪。",
		"تهريب المخدرات جريمة عالمية ذات آثار محلية.",
		"a  b", "x\u00a0", "#1 hash", "1. Item", "- dash", "+ plus", "= equals", "http://example.gov/x",
		"www.example.gov", "a ~~b~~", "{{.Date}}", "'single' quotes", "\u200b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || !markupFree(s) {
			return
		}
		if got, want := string(Inline(s)), string(renderGoldmark(s)); got != want {
			t.Errorf("Inline(%q) = %q by the fast path, %q by goldmark", s, got, want)
		}
		if got, want := Plain(s), plainGoldmark(s); got != want {
			t.Errorf("Plain(%q) = %q by the fast path, %q by goldmark", s, got, want)
		}
	})
}

// FuzzBlankNotBare: blankNotBare replaces what notBare matches, as the
// regexp does.
func FuzzBlankNotBare(f *testing.F) {
	for _, s := range []string{
		"see https://www.ice.gov/tips or call",
		"[the tip form](https://www.ice.gov/tip) and https://x.gov",
		"`https://code.example` then <https://auto.example> then https://bare.example",
		"a ]( b ) c ](d", "``x` y`", "<a\nb> <c>", "]](x)", "<<>>", "]()", "``",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := blankNotBare(s), notBare.ReplaceAllString(s, " "); got != want {
			t.Errorf("blankNotBare(%q) = %q, the regexp gives %q", s, got, want)
		}
	})
}
