package locale_test

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

func TestPluralRule(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		n    int
		want string
	}{
		{"en", 1, "one"}, {"en", 0, "other"}, {"en", 2, "other"},
		{"es", 1, "one"}, {"es", 1000000, "many"}, {"es", 1000001, "other"},
		{"ar", 0, "zero"}, {"ar", 2, "two"}, {"ar", 103, "few"}, {"ar", 111, "many"}, {"ar", 100, "other"},
		{"ru", 21, "one"}, {"ru", 22, "few"}, {"ru", 25, "many"},
		{"zh-Hans", 1, "other"},
		{"ht", 1, "other"}, // go-i18n has no rules for Haitian Creole
	} {
		if got := locale.PluralRule(language.MustParse(tc.tag))(tc.n); got != tc.want {
			t.Errorf("PluralRule(%s)(%d) = %s, want %s", tc.tag, tc.n, got, tc.want)
		}
	}
}
