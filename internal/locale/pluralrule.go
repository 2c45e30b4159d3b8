package locale

import (
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// PluralRule returns the function that gives the CLDR cardinal plural
// category of the whole number n in tag, as go-i18n's rules give it: the
// rule [PluralCategories] reads its categories from. In a language
// go-i18n has no rules for (ht, hmn, prs, …) every number is "other".
//
// Formats that select a plural form by a whole number, such as gettext's
// Plural-Forms, are checked against it.
func PluralRule(tag language.Tag) func(n int) string {
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return func(int) string { return "other" }
	}
	loc := i18n.NewLocalizer(b, tag.String())
	return func(n int) string {
		s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n, TemplateParser: template.IdentityParser{}})
		if err != nil {
			return "other"
		}
		return s
	}
}
