package po_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// TestPluralForms derives Plural-Forms for the shipped locales and the
// common families, and has gettext check each in a file with a plural
// entry.
func TestPluralForms(t *testing.T) {
	for _, tc := range []struct{ tag, want string }{
		{"en", "nplurals=2; plural=(n != 1);"},
		{"es", "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"},
		{"es-MX", "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"},
		{"zh-Hans", "nplurals=1; plural=0;"},
		{"ar", "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);"},
		// go-i18n gives Vietnamese "one" for 0 and 1; the catalogs follow it.
		{"vi", "nplurals=2; plural=(n > 1);"},
		{"ht", "nplurals=1; plural=0;"}, // go-i18n has no rules: other only
		{"fr", "nplurals=3; plural=(n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"},
		{"pt", "nplurals=3; plural=(n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"},
		{"de", "nplurals=2; plural=(n != 1);"},
		{"hi", "nplurals=2; plural=(n > 1);"},
		{"ru", "nplurals=4; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);"},
		{"uk", "nplurals=4; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);"},
		{"pl", "nplurals=4; plural=(n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);"},
		{"cs", "nplurals=4; plural=(n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 3);"},
		{"lt", "nplurals=4; plural=(n % 10 == 1 && (n % 100 < 11 || n % 100 > 19) ? 0 : n % 10 >= 2 && (n % 100 < 11 || n % 100 > 19) ? 1 : 3);"},
		{"he", "nplurals=3; plural=(n == 1 ? 0 : n == 2 ? 1 : 2);"},
		{"hr", "nplurals=3; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);"},
		{"ro", "nplurals=3; plural=(n == 1 ? 0 : n == 0 || n % 100 >= 1 && n % 100 <= 19 ? 1 : 2);"},
		{"lv", "nplurals=3; plural=(n % 10 == 0 || n % 100 >= 11 && n % 100 <= 19 ? 0 : n % 10 == 1 && n % 100 != 11 ? 1 : 2);"},
		{"sl", "nplurals=4; plural=(n % 100 == 1 ? 0 : n % 100 == 2 ? 1 : n % 100 == 3 || n % 100 == 4 ? 2 : 3);"},
		{"ga", "nplurals=5; plural=(n == 1 ? 0 : n == 2 ? 1 : n >= 3 && n <= 6 ? 2 : n >= 7 && n <= 10 ? 3 : 4);"},
		{"cy", "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n == 3 ? 3 : n == 6 ? 4 : 5);"},
		{"is", "nplurals=2; plural=(n % 10 != 1 || n % 100 == 11);"},
		{"fil", "nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);"},
		{"ja", "nplurals=1; plural=0;"},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			tag := language.MustParse(tc.tag)
			got, err := po.PluralForms(tag)
			if err != nil || got != tc.want {
				t.Fatalf("PluralForms(%s) = %q, %v; want %q", tc.tag, got, err, tc.want)
			}
			// A file with a plural entry in tag: gettext accepts it, and
			// Parse reads its forms back in category order.
			forms := map[string]string{}
			for _, c := range locale.PluralCategories(tag) {
				forms[c] = "{{.Count}} " + c
			}
			f := &exchange.File{Source: language.English, Target: tag, Units: []*exchange.Unit{{
				ID: "page.count", Hash: "sha256:1", Plural: true, State: exchange.Translated,
				Source: map[string]string{"one": "{{.Count}} item", "other": "{{.Count}} items"}, Target: forms,
			}}}
			var b bytes.Buffer
			if err := po.Write(&b, f); err != nil {
				t.Fatal(err)
			}
			msgfmt(t, b.Bytes())
			back, err := po.Parse("f.po", b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !equal(back.Units[0].Target, forms) {
				t.Errorf("read back %v, want %v", back.Units[0].Target, forms)
			}
		})
	}
}

// TestPluralFormsUnknownShape: a rule no shape in the table matches
// cannot be exported as PO, and says so.
func TestPluralFormsUnknownShape(t *testing.T) {
	_, err := po.PluralForms(language.MustParse("br")) // Breton: one, two, few, many, other
	if err == nil || !strings.Contains(err.Error(), "export --format xliff") {
		t.Errorf("PluralForms(br) = %v, want an error that suggests XLIFF", err)
	}
}
