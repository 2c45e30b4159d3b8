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
	"golang.org/x/text/language"
	"runtime"
	"sync"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
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
	// Passed holds, per locale, keys that Rejected returned: the
	// translations it found no error in, which it need not check again.
	Passed map[language.Tag]*KeySet
	// ShortcodeArgs are the named shortcode arguments that are text to
	// translate (see content.Options.Args); nil means content.DefaultArgs.
	// A translation may give them other values inside a message.
	ShortcodeArgs []string
}

// args returns the translated shortcode arguments.
func (in *Input) args() []string {
	if in.ShortcodeArgs == nil {
		return content.DefaultArgs
	}
	return in.ShortcodeArgs
}

// Run checks every locale catalog against the English and returns every
// problem found, sorted.
func Run(in *Input) diag.List {
	var list diag.List
	visit(in, &list, nil)
	list.Sort()
	return list
}

// Rejected returns, per locale, the IDs of the translations that have an
// error: what a build must not show (it falls back past them), with the
// errors themselves, sorted, to report as warnings of the build.
//
// It also returns, per locale, the keys of the translations without an
// error: given as Passed to a later Rejected, they are not checked again.
func Rejected(in *Input) (map[language.Tag]map[string]bool, diag.List, map[language.Tag]*KeySet) {
	var list diag.List
	out := map[language.Tag]map[string]bool{}
	keys := visit(in, &list, func(tag language.Tag, id string) {
		if out[tag] == nil {
			out[tag] = map[string]bool{}
		}
		out[tag][id] = true
	})
	passed := map[language.Tag]*KeySet{}
	for i, f := range in.Locales {
		passed[f.Tag] = newKeySet(keys[i])
	}
	var errs diag.List
	for _, e := range list {
		if !e.Warning {
			errs = append(errs, e)
		}
	}
	errs.Sort()
	return out, errs, passed
}

// visit checks every message of every locale, adding problems to list
// and calling rejected (if not nil) for each translation with an error.
// With rejected, it checks only the translations whose key in.Passed
// lacks (warnings, which it is not for, are then not all found), and
// returns per locale the keys of the translations without an error.
func visit(in *Input, list *diag.List, rejected func(language.Tag, string)) [][]Key {
	source := in.Source.Index()
	ids := catalog.NewIDs(in.Source.Messages)
	// Locales are checked on every core, each into its own result, merged
	// in locale order afterwards, so the result does not depend on
	// scheduling.
	// The structure of each English text is found once, for every
	// locale: a call holds them, not the caller between calls (a build
	// checks one page at a time, and would hold every page's).
	english := &structures{}
	results := make([]localeResult, len(in.Locales))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range in.Locales {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = checkLocale(in, f, source, ids, english, rejected != nil)
		})
	}
	wg.Wait()
	passed := make([][]Key, len(in.Locales))
	for i, f := range in.Locales {
		*list = append(*list, results[i].list...)
		passed[i] = results[i].passed
		if rejected != nil {
			for _, id := range results[i].bad {
				rejected(f.Tag, id)
			}
		}
	}
	return passed
}

// localeResult is what checking one locale's catalog found.
type localeResult struct {
	list   diag.List
	bad    []string // IDs of the messages with an error, in catalog order
	passed []Key    // keys of the translations without an error (withKeys only)
}

// checkLocale checks every message of one locale's catalog f against the
// English: source is the English catalog by ID, ids its IDs. With
// withKeys, it skips the translations whose key in.Passed has and returns
// the keys of the translations without an error.
func checkLocale(in *Input, f *catalog.File, source map[string]*catalog.Message, ids *catalog.IDs, english *structures, withKeys bool) (r localeResult) {
	categories := locale.PluralCategories(f.Tag)
	terms := keepTerms(in.Glossary, f.Tag)
	agreed := agreedList(in.Glossary, f.Tag)
	var keys *keyer
	if withKeys {
		keys = newKeyer(f.Tag, terms, agreed, in.args())
	}
	for _, m := range f.Messages {
		en, ok := source[m.ID]
		if !ok {
			if other, key := ids.Clash(m.ID); other != "" {
				// extract could not write such a file back: an error.
				r.list.Add(catalog.ClashError(m, other, key))
				r.bad = append(r.bad, m.ID)
				continue
			}
			r.list.Add(diag.Warningf(m.Pos, "[%s] is obsolete: the English pages no longer have it; run l10n extract to move it to the end, l10n prune to remove it", m.ID))
			continue
		}
		var key Key
		if keys != nil && m.Translated() {
			if key = keys.key(en, m); in.Passed[f.Tag].Has(key) {
				r.passed = append(r.passed, key)
				continue
			}
		}
		before := len(r.list)
		c := &msgCheck{list: &r.list, en: en, m: m, tag: f.Tag, categories: categories, keep: terms, agreed: agreed, english: english, args: in.args()}
		c.run()
		switch {
		case r.list[before:].HasErrors():
			r.bad = append(r.bad, m.ID)
		case keys != nil && m.Translated():
			r.passed = append(r.passed, key)
		}
	}
	return r
}
