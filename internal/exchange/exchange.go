// Package exchange is the stage between a locale catalog and the files
// that CAT tools (computer-assisted translation: Weblate, Poedit, memoQ,
// Trados, OmegaT…) read and write. It turns a catalog into a neutral
// [File] of [Unit]s, one per English message, that the format packages
// exchange/xliff (XLIFF 2.0) and exchange/po (gettext PO) write; and it
// merges a File those packages read back into the catalog ([Apply]).
//
// # What a unit carries
//
// A unit has the message's ID, its description for translators, the
// English source (every plural form), the translation if there is one, and
// the hash of the English the file was made from ([catalog.Hash]). Its
// [State] says whether the translation is current (Translated), a draft
// that must not reach readers (NeedsReview: a stale translation on export;
// a PO fuzzy entry or an XLIFF target in state initial on import), or
// absent (Untranslated).
//
// # What import changes
//
// [Apply] only fills in existing entries, and only with work made from
// today's English:
//
//   - a unit whose ID neither the English nor the catalog has, a
//     translation of a message the catalog lacks (it needs l10n extract),
//     and a unit given twice are errors; a translation of a message the
//     English has dropped since the export is not applied (a warning);
//   - a Translated unit whose hash equals the current English hash sets the
//     entry's forms to its target and the entry's hash to that hash, so it
//     becomes current;
//   - a Translated unit made from English that has changed since the export
//     is not applied: the entry stays as it was (stale or missing), with a
//     warning, when its target differs from the catalog;
//   - a NeedsReview unit is never applied, so a fuzzy or unreviewed draft
//     never becomes current; a warning names it when its target differs
//     from the catalog;
//   - an Untranslated unit changes nothing: import never deletes a
//     translation.
//
// A unit whose target and hash already equal the catalog's changes
// nothing, so exporting and importing again without edits changes no
// entry. Apply returns the changed messages with the positions of their
// units in the imported file, so that the caller validates them with
// check.Run and every problem points into the file the translator sent;
// [Import] does the whole of it, as l10n import does.
package exchange

import (
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// State is how far a unit's translation is.
type State int

// The states of a unit.
const (
	// Untranslated: no target, or an empty one that is not marked done.
	Untranslated State = iota
	// NeedsReview: a target that must not reach readers yet: a stale
	// translation (made from older English), a PO entry marked fuzzy, an
	// XLIFF segment in state initial.
	NeedsReview
	// Translated: a target made from the unit's English and marked done:
	// XLIFF state translated, reviewed or final; a PO entry not fuzzy.
	Translated
)

func (s State) String() string {
	switch s {
	case Untranslated:
		return "untranslated"
	case NeedsReview:
		return "needs review"
	case Translated:
		return "translated"
	}
	return "unknown"
}

// Unit is one message in an exchange file.
type Unit struct {
	ID string
	// Note is the English message's description, for translators.
	Note string
	// Hash is the catalog.Hash of the English the file was made from; ""
	// when the file does not record it.
	Hash string
	// Plural is true when the English has plural forms: Source and Target
	// are keyed by plural category. Otherwise both hold "other" only.
	Plural bool
	// Source is the English text by plural category. For a plural unit
	// read from XLIFF, it holds the source shown with each of the target
	// language's categories.
	Source map[string]string
	// Target is the translation by plural category: for a plural unit,
	// one form per category the target language uses. nil when there is
	// none.
	Target map[string]string
	State  State
	// Stale is true when the target was made from English that has
	// changed since: on export, a translation whose hash is not current.
	Stale bool
	// Previous is the English a stale target was made from, when the
	// catalog recorded it (its "was:" comment; newlines shown as \n).
	Previous string
	// Matches are translation memory suggestions for a unit with no
	// current translation, best first: the site's translations of the
	// same or similar English (see package memory). Files carry them for
	// the translator (XLIFF <mtc:match>, a PO fuzzy entry); they are never
	// imported.
	Matches []Match
	// Pos is where the unit starts in the file it was read from.
	Pos diag.Pos
	// TargetPos is where each target form starts in that file.
	TargetPos map[string]diag.Pos
}

// Match is a translation memory suggestion for a unit.
type Match struct {
	// Similarity of Source to the unit's English, in percent: 100 for
	// the same English, less for similar English.
	Similarity int
	// Source is the English the suggestion translates (plain "other"
	// form); Target is its translation, with numbers, links and code
	// changed to the unit's where the two English texts differ only in
	// those.
	Source, Target string
	// Origin is the ID of the message the suggestion comes from.
	Origin string
}

// File is an exchange file: the units of one locale catalog.
type File struct {
	Source, Target language.Tag
	// TargetPos is where the file names its target language (XLIFF
	// trgLang, PO Language), for errors about it.
	TargetPos diag.Pos
	Units     []*Unit
}
