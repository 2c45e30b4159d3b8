package memory

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// SuggestionPrefix starts the comment lines of a catalog entry that show
// a translator the memory's suggestions (see Apply); extract keeps them
// until the entry is translated and current.
const SuggestionPrefix = "tm "

// Offered is what Apply did for one message.
type Offered struct {
	ID string
	// Applied is the suggestion written as the entry's translation (to
	// await review, or current), if any.
	Applied *Suggestion
	Current bool // Applied was written as current
	// Shown are the suggestions written as comments.
	Shown []Suggestion
}

// Apply offers, for every message of source that loc has not translated
// or whose translation is not current (stale, or awaiting review), the
// memory's suggestions. An entry with no translation takes the best exact
// or mapped suggestion as its translation, to await review
// (catalog.ReviewPrefix), or as current if exactCurrent and the match is
// exact. Every other suggestion, up to three an entry, is written as a
// pair of comment lines:
//
//	tm 88% [page.intro.p3]: Las organizaciones de contrabando …
//	tm 88% [page.intro.p3] en: Smuggling organizations exploit our …
//
// A translation is never changed. Apply returns loc's messages with the
// suggestions, and what it offered, in source order.
func Apply(source []*catalog.Message, loc *catalog.File, mem *Memory, exactCurrent bool) (*catalog.File, []Offered) {
	have := loc.Index()
	out := &catalog.File{Path: loc.Path, Tag: loc.Tag}
	var offered []Offered
	for _, m := range loc.Messages {
		out.Messages = append(out.Messages, withoutSuggestions(m))
	}
	index := map[string]int{}
	for i, m := range out.Messages {
		index[m.ID] = i
	}
	for _, en := range source {
		old := have[en.ID]
		if old != nil && old.Translated() && old.Hash == en.Hash {
			continue // current
		}
		ss := mem.Suggest(en, 3)
		if old != nil && old.Translated() {
			// Not what the entry says already (what an earlier run
			// wrote for review).
			ss = slices.DeleteFunc(ss, func(s Suggestion) bool { return s.Text == old.Other() })
		}
		if len(ss) == 0 {
			continue
		}
		o := Offered{ID: en.ID}
		m := &catalog.Message{ID: en.ID, Hash: en.Hash, Forms: map[string]string{"other": ""}}
		if old != nil {
			m = withoutSuggestions(old)
		}
		if !m.Translated() && (ss[0].Exact() || ss[0].Mapped) {
			o.Applied, ss = &ss[0], ss[1:]
			m.Forms = map[string]string{"other": o.Applied.Text}
			m.Comment = append(m.Comment, proposedBy(*o.Applied))
			m.Hash = catalog.ReviewPrefix + en.Hash
			if exactCurrent && o.Applied.Exact() {
				m.Hash, o.Current = en.Hash, true
			}
		}
		for _, s := range ss {
			m.Comment = append(m.Comment, fmt.Sprintf("%s%d%% [%s]: %s", SuggestionPrefix, s.Score, s.Origin, oneLine(s.Text)),
				fmt.Sprintf("%s%d%% [%s] en: %s", SuggestionPrefix, s.Score, s.Origin, oneLine(s.English)))
		}
		o.Shown = ss
		offered = append(offered, o)
		if i, ok := index[en.ID]; ok {
			out.Messages[i] = m
		} else {
			index[en.ID] = len(out.Messages)
			out.Messages = append(out.Messages, m)
		}
	}
	return out, offered
}

// proposedBy is the comment line of a translation the memory wrote.
func proposedBy(s Suggestion) string {
	if s.Mapped {
		return fmt.Sprintf("proposed by l10n tm: the translation of [%s], with the numbers, links and code of this English", s.Origin)
	}
	return fmt.Sprintf("proposed by l10n tm: the translation of [%s], the same English", s.Origin)
}

// withoutSuggestions is a copy of m without the comment lines of an
// earlier Apply, so suggestions are replaced, never piled up.
func withoutSuggestions(m *catalog.Message) *catalog.Message {
	c := *m
	c.Comment = slices.DeleteFunc(slices.Clone(m.Comment), func(line string) bool { return strings.HasPrefix(line, SuggestionPrefix) })
	return &c
}

// oneLine keeps a comment on one line: a hard line break shows as "\n".
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }
