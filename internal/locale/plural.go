package locale

import (
	"fmt"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// categories are the CLDR plural categories in CLDR order.
var categories = []string{"zero", "one", "two", "few", "many", "other"}

// PluralCategories returns the CLDR cardinal plural categories that
// go-i18n's plural rules use for tag, in CLDR order: "one", "other" for
// English; "one", "many", "other" for Spanish; all six for Arabic;
// "other" alone for Chinese. go-i18n keeps its rules internal, so they are
// read through its public API: a message whose every form is its own
// category name is localized for a spread of integers and decimals that
// reaches every category CLDR defines. A language go-i18n has no rules
// for (ht, hmn, prs, …) has "other" only.
//
// The answer for a tag is worked out once per process and kept: it takes
// some 600 localizations, and a build checks each page's translations on
// their own. The kept slices are shared; callers must not change them.
func PluralCategories(tag language.Tag) []string {
	if c, ok := known.Load(tag); ok {
		return c.([]string)
	}
	c, _ := known.LoadOrStore(tag, pluralCategories(tag))
	return c.([]string)
}

// known holds the categories of each tag PluralCategories was asked for:
// a cache of a pure function, which no caller can tell from none.
var known sync.Map

// pluralCategories is PluralCategories without the cache.
func pluralCategories(tag language.Tag) []string {
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return []string{"other"}
	}
	loc := i18n.NewLocalizer(b, tag.String())
	seen := map[string]bool{}
	ask := func(n any) {
		s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n, TemplateParser: template.IdentityParser{}})
		if err == nil {
			seen[s] = true
		}
	}
	for i := 0; i <= 200; i++ {
		ask(i)
		ask(fmt.Sprintf("%d.%d", i/10, i%10))
		ask(fmt.Sprintf("%d.%02d", i/100, i%100))
	}
	for _, n := range []int{1000, 10000, 100000, 1000000, 2000000, 10000000} {
		ask(n)
	}
	var out []string
	for _, c := range categories {
		if seen[c] {
			out = append(out, c)
		}
	}
	return out
}
