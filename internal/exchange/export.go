package exchange

import (
	"maps"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/memory"
)

// Export returns the exchange file of locale catalog loc against source,
// the English catalog: one unit per English message, in the English
// catalog's order (page order, then block order), so the same catalogs
// always give the same file. Obsolete entries of loc (IDs the English no
// longer has) are left out: there is nothing to translate.
//
// A current translation is a Translated unit; one that awaits review
// (catalog.ReviewPrefix) for today's English is NeedsReview; a stale one
// is NeedsReview and Stale, with the English it was made from when the catalog recorded
// it; an empty or missing one is Untranslated. Every unit's Hash is the
// current English hash. A unit that is not Translated carries the
// locale's translation memory's matches for its English (see package
// memory).
func Export(source, loc *catalog.File) *File {
	have := loc.Index()
	categories := locale.PluralCategories(loc.Tag)
	f := &File{Source: source.Tag, Target: loc.Tag}
	mem := memory.New(source.Messages, loc)
	for _, en := range source.Messages {
		u := &Unit{ID: en.ID, Note: en.Description, Hash: en.Hash, Plural: plural(en.Forms), Source: maps.Clone(en.Forms)}
		if m := have[en.ID]; m != nil && m.Translated() {
			u.Target = targetForms(m, u.Plural, categories)
			u.State = Translated
			if proposed, review := m.InReview(); review && proposed == en.Hash {
				u.State = NeedsReview // proposed for this English, not yet reviewed
			} else if m.Hash != en.Hash {
				u.State, u.Stale, u.Previous = NeedsReview, true, extract.Previous(m)
			}
		}
		if u.State != Translated {
			for _, s := range mem.Suggest(en, 3) {
				u.Matches = append(u.Matches, Match{Similarity: s.Score, Source: s.English, Target: s.Text, Origin: s.Origin})
			}
		}
		f.Units = append(f.Units, u)
	}
	return f
}

// plural reports whether forms has a form besides "other".
func plural(forms map[string]string) bool {
	for c := range forms {
		if c != "other" {
			return true
		}
	}
	return false
}

// targetForms returns the forms of m a file carries: "other" for a
// message without plural forms; one form per category of the locale for a
// plural one ("" where m lacks it).
func targetForms(m *catalog.Message, plural bool, categories []string) map[string]string {
	if !plural {
		return map[string]string{"other": m.Forms["other"]}
	}
	t := make(map[string]string, len(categories))
	for _, c := range categories {
		t[c] = m.Forms[c]
	}
	return t
}

// Counts returns how many units of f are Translated, Stale and
// Untranslated, for a summary of the file.
func (f *File) Counts() (translated, stale, untranslated int) {
	for _, u := range f.Units {
		switch u.State {
		case Translated:
			translated++
		case Untranslated:
			untranslated++
		}
		if u.Stale {
			stale++
		}
	}
	return translated, stale, untranslated
}
