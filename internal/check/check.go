// Package check validates what translators write: every catalog in
// locales/ against the English catalog, the site config and the pages.
// It is the stage a translator runs before sending work, and a site's CI
// runs before a build.
//
// Every problem is a [diag.Error] at the file:line:col of the value at
// fault, saying what is wrong and what to do. Errors are what would break
// a page or mislead a reader (broken syntax, a lost link, an injected
// template action, a do-not-translate term changed); warnings are what a
// reviewer should look at (an obsolete entry, a translation identical to
// the English, unbalanced brackets).
package check

import (
	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// Input is what check validates.
type Input struct {
	// Source is the English catalog (locales/en.toml).
	Source *catalog.File
	// Locales are the other catalogs.
	Locales []*catalog.File
	// Glossary is the config's glossary: "*" lists terms every language
	// keeps as they are; a locale's entry maps English terms to the
	// agreed translation (equal to the term: kept as it is).
	Glossary map[string]map[string]string
}

// Run checks every locale catalog against the English and returns every
// problem found, sorted.
func Run(in *Input) diag.List {
	var list diag.List
	english := in.Source.Index()
	ids := catalog.NewIDs(in.Source.Messages)
	for _, f := range in.Locales {
		categories := locale.PluralCategories(f.Tag)
		terms := keepTerms(in.Glossary, f.Tag)
		agreed := agreedTerms(in.Glossary, f.Tag)
		for _, m := range f.Messages {
			en, ok := english[m.ID]
			if !ok {
				if other, key := ids.Clash(m.ID); other != "" {
					// extract could not write such a file back: an error.
					list.Add(catalog.ClashError(m, other, key))
					continue
				}
				list.Add(diag.Warningf(m.Pos, "[%s] is obsolete: the English pages no longer have it; run l10n extract to move it to the end, l10n prune to remove it", m.ID))
				continue
			}
			c := &msgCheck{list: &list, en: en, m: m, tag: f.Tag, categories: categories, keep: terms, agreed: agreed}
			c.run()
		}
	}
	list.Sort()
	return list
}
