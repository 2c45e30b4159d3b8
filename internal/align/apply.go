package align

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
)

// Outcome is what became of a pair in the catalog.
type Outcome string

// The outcomes of a pair.
const (
	Current  Outcome = "current"  // imported as a current translation
	Review   Outcome = "review"   // imported to await review (catalog.ReviewPrefix)
	Stale    Outcome = "stale"    // imported as stale: made from English that has changed since
	Kept     Outcome = "kept"     // the catalog already had this translation
	Conflict Outcome = "conflict" // the catalog already had another translation, which is kept
	Rejected Outcome = "rejected" // the translation fails l10n check; not imported
	// English: the translated page shows the English as it is (Hugo
	// sites publish untranslated blocks so); not imported.
	English Outcome = "english"
)

// PageResult is the pairing of one English page with its translation.
type PageResult struct {
	English, Translation *content.Page
	Result
}

// Entry is a pair as a catalog entry: its message and what became of it.
type Entry struct {
	Pair
	ID      string
	Outcome Outcome
	// Existing is the translation the catalog already had (Kept,
	// Conflict).
	Existing string
	// Problem is why a Rejected translation was not imported.
	Problem string
}

// Apply fills loc, a locale catalog laid out against source (the English
// catalog), with the pairs of pages, whose blocks have their message IDs:
// a pair at or above minConfidence becomes a current translation, one
// below it a translation awaiting review. An entry loc already translates
// is never changed: the pair is Kept if it says the same, else a
// Conflict. reject is given every new translation at once and returns,
// for each, a problem (one that l10n check rejects) or ""; one with a
// problem is not imported. It returns loc's messages with the new
// translations, and, per page, one Entry per pair in page order.
func Apply(source []*catalog.Message, loc *catalog.File, pages []PageResult, minConfidence float64, reject func([]*catalog.Message) []string) (*catalog.File, [][]Entry) {
	english := make(map[string]*catalog.Message, len(source))
	for _, m := range source {
		english[m.ID] = m
	}
	have := loc.Index()
	entries := make([][]Entry, len(pages))
	var proposed []*catalog.Message
	var at [][2]int // where each proposal's entry is in entries
	for k, p := range pages {
		for _, pair := range p.Pairs {
			en := english[pair.En.ID]
			if en == nil || pair.Tr.Text == "" {
				continue // a block without an ID (verbatim) holds no message
			}
			e := Entry{Pair: pair, ID: en.ID}
			old := have[en.ID]
			switch {
			case pair.Tr.Text == en.Other():
				e.Outcome = English
			case old != nil && old.Translated() && old.Other() == pair.Tr.Text:
				e.Outcome, e.Existing = Kept, old.Other()
			case old != nil && old.Translated():
				e.Outcome, e.Existing = Conflict, old.Other()
			default:
				m := proposal(en, p.Translation.File, pair, minConfidence)
				e.Outcome = Current
				if _, review := m.InReview(); review {
					e.Outcome = Review
				} else if pair.Was != "" {
					e.Outcome = Stale
				}
				proposed = append(proposed, m)
				at = append(at, [2]int{k, len(entries[k])})
			}
			entries[k] = append(entries[k], e)
		}
	}
	var problems []string
	if len(proposed) > 0 {
		problems = reject(proposed)
	}
	for n, problem := range problems {
		if problem != "" {
			e := &entries[at[n][0]][at[n][1]]
			e.Outcome, e.Problem = Rejected, problem
		}
	}
	return adopt(loc, proposed, problems), entries
}

// adopt returns loc with each proposed message that has no problem (its
// problems[n] is ""): in place of loc's entry of its ID, or after loc's
// messages.
func adopt(loc *catalog.File, proposed []*catalog.Message, problems []string) *catalog.File {
	out := &catalog.File{Path: loc.Path, Tag: loc.Tag, Messages: slices.Clone(loc.Messages)}
	index := map[string]int{}
	for i, m := range out.Messages {
		index[m.ID] = i
	}
	for n, m := range proposed {
		if problems[n] != "" {
			continue
		}
		if i, ok := index[m.ID]; ok {
			out.Messages[i] = m
		} else {
			index[m.ID] = len(out.Messages)
			out.Messages = append(out.Messages, m)
		}
	}
	return out
}

// proposal is the catalog message a pair makes: current, or awaiting
// review with a comment that says where it came from and how sure the
// pairing was (extract keeps it until the translation is reviewed).
func proposal(en *catalog.Message, file string, p Pair, minConfidence float64) *catalog.Message {
	m := &catalog.Message{ID: en.ID, Hash: en.Hash, Forms: map[string]string{"other": p.Tr.Text}}
	if p.Was != "" {
		// Made from older English: stale, with what it was, as extract
		// marks a translation whose English changed.
		m.Hash = catalog.Hash(map[string]string{"other": p.Was})
		m.Comment = []string{"was: " + strings.ReplaceAll(p.Was, "\n", `\n`)}
	}
	if p.Confidence < minConfidence {
		m.Comment = append(m.Comment, fmt.Sprintf("proposed by l10n align from %s:%d, confidence %.2f (%s)", file, p.Tr.Pos.Line, p.Confidence, p.Why))
		m.Hash = catalog.ReviewPrefix + m.Hash
	}
	return m
}
