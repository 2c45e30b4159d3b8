package render

import (
	_ "embed"
	"strconv"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/fallback"
)

// Review mode is how l10n serve shows translators and editors where each
// block of a page comes from: every block is outlined in the colour of
// its state and carries a badge with its message ID, a click shows its
// English, and a panel sums up the page. The overlay uses outlines,
// absolutely positioned badges, popovers and a fixed panel only, so the
// page lays out exactly as it does without it. A build never turns it on:
// with [View.Review] nil and no [Text.Review], the template writes what it
// always wrote.

//go:embed review.css
var reviewCSS string

// The classes of [TextReview.Class]: the colour of a block's overlay.
const (
	ReviewTranslated = "translated" // a current translation in the page's locale
	ReviewFallback   = "fallback"   // missing here; readers see another locale than English
	ReviewStale      = "stale"      // stale here: shown with a notice, or fallen back
	ReviewMissing    = "missing"    // missing here; readers see English
	ReviewSource     = "en"         // the English page itself
)

// TextReview is what review mode shows of one message on a page.
type TextReview struct {
	ID string
	// State is the message's state in the page locale's own catalog:
	// "translated", "stale" or "missing"; "source" on the English page.
	State string
	// From is the locale the text shown comes from, when it is not the
	// page's own: the message fell back.
	From string
	// Shown is true for a stale translation shown, with a notice, because
	// the locale's policy says so.
	Shown bool
	// Class is one of the Review* classes.
	Class string
	// Source is the English, as plain text.
	Source string
	// Key is unique on the page; it ties a block to its popover.
	Key string
	// Proposal says where a translation awaiting review came from, and
	// how sure l10n align was of it (fallback.Resolver.Proposal).
	Proposal string
}

// Label says in a few words what readers see: "translated", "missing →
// es", "stale → en", "stale, shown with notice", "source".
func (r *TextReview) Label() string {
	switch {
	case r.Shown:
		return r.State + ", shown with notice"
	case r.From != "":
		return r.State + " → " + r.From
	}
	return r.State
}

// review describes message id as resolved into res; ok is false when the
// English has no such message.
func (l *Localizer) review(id string, res fallback.Result, ok bool) *TextReview {
	l.reviewed++
	r := &TextReview{ID: id, Key: "rv" + strconv.Itoa(l.reviewed)}
	if en, _, found := l.Resolver.Resolve(fallback.Chain{language.English}, id); found {
		r.Source = l.Cache.plainText(en)
	}
	if res.From != l.Tag {
		r.From = res.From.String()
	}
	r.Shown = res.Stale
	switch {
	case !ok:
		r.State, r.Class = "missing", ReviewMissing
	case l.Tag == language.English:
		r.State, r.Class = "source", ReviewSource
	default:
		switch l.Resolver.State(l.Tag, id) {
		case fallback.Translated:
			r.State, r.Class = "translated", ReviewTranslated
		case fallback.Stale:
			r.State, r.Class = "stale", ReviewStale
		case fallback.Review:
			r.State, r.Class = "awaiting review", ReviewStale
			r.Proposal = l.Resolver.Proposal(l.Tag, id)
		default:
			r.State, r.Class = "missing", ReviewMissing
			if res.From != language.English {
				r.Class = ReviewFallback
			}
		}
	}
	return r
}

// PageReview is the summary review mode shows of a page in one locale.
// Its figures are those of package status for the page.
type PageReview struct {
	Locale string // BCP 47 tag
	Name   string // the locale's name in its own language
	// Source is true on the English page: nothing there is translated.
	Source                            bool
	Total, Translated, Stale, Missing int
	VisiblePercent                    string // share readers see in their language: "87.5"
	Chain                             string // "es-MX → es-419 → es → en"
	Published                         bool
	Reason                            string // why not published
	Dashboard                         string // URL of the status dashboard
	Work                              []ReviewWork
	Warnings                          []string
}

// ReviewWork is a message of the page that needs work in the locale.
type ReviewWork struct {
	ID, State, Shown string
}
