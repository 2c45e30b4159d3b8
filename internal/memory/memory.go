// Package memory is a locale's translation memory: the current
// translations of its catalog, looked up by the English they translate,
// so that a message still missing (or stale) is offered the site's own
// translation of the same English (an exact match), of the same English
// but for its numbers, links or code (mapped into the suggestion), or of
// similar English (a fuzzy match, with a score), as po4a's compendium and
// the translation memories of CAT tools do. See issue 14.
//
// A suggestion is for a translator: l10n tm writes exact and mapped ones
// into the catalog to await review (current only where the config says
// so) and the others as comments; l10n export gives them to CAT tools.
package memory

import (
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// Suggestion is a translation the memory offers for a message.
type Suggestion struct {
	// Origin is the ID of the message whose translation it is.
	Origin string `json:"origin"`
	// English is the English that translation was made from.
	English string `json:"english"`
	// Text is the suggested translation: the origin's, with the numbers,
	// links and code that differ between the two English texts changed
	// to the message's where Mapped.
	Text string `json:"text"`
	// Score is the similarity of English to the message's English, in
	// percent: 100 for the same English.
	Score  int  `json:"score"`
	Mapped bool `json:"mapped,omitempty"`
}

// Exact reports whether s translates the same English.
func (s Suggestion) Exact() bool { return s.Score == 100 }

// MinScore is the lowest similarity a fuzzy suggestion is offered at, as
// in most CAT tools.
const MinScore = 70

// mappedScore is the score of a suggestion whose English differs only in
// numbers, links or code, mapped into it.
const mappedScore = 99

// Memory holds a locale's current translations.
type Memory struct {
	entries []entry
	byHash  map[string][]int // English hash → entries
	byWord  map[string][]int // a word of the English → entries, each once
}

// entry is one current translation.
type entry struct {
	id, hash, english, text string
	tokens                  []string
}

// New returns the memory of loc, a locale catalog, against source, the
// English catalog: its current translations of messages with one form
// (a plural message's forms do not carry over to other English).
func New(source []*catalog.Message, loc *catalog.File) *Memory {
	english := make(map[string]*catalog.Message, len(source))
	for _, m := range source {
		english[m.ID] = m
	}
	mem := &Memory{byHash: map[string][]int{}, byWord: map[string][]int{}}
	for _, m := range loc.Messages {
		en := english[m.ID]
		if en == nil || m.Hash != en.Hash || len(en.Forms) != 1 || m.Other() == "" || en.Other() == "" {
			continue
		}
		k := len(mem.entries)
		e := entry{id: m.ID, hash: en.Hash, english: en.Other(), text: m.Other(), tokens: tokenize(en.Other())}
		mem.entries = append(mem.entries, e)
		mem.byHash[e.hash] = append(mem.byHash[e.hash], k)
		for _, w := range distinct(words(e.tokens)) {
			mem.byWord[w] = append(mem.byWord[w], k)
		}
	}
	// A word in more than one entry in twenty ("the", "and") finds
	// everything and tells nothing: the index keeps the others, so a
	// lookup reads few entries at any size of site.
	limit := max(50, len(mem.entries)/20)
	for w, ks := range mem.byWord {
		if len(ks) > limit {
			delete(mem.byWord, w)
		}
	}
	return mem
}

// Len is the number of translations in the memory.
func (m *Memory) Len() int { return len(m.entries) }

// Suggest returns at most max suggestions for en, an English message,
// best first (by score, then origin ID): never its own translation, never
// for a plural message, and none scoring under MinScore.
func (m *Memory) Suggest(en *catalog.Message, max int) []Suggestion {
	if len(en.Forms) != 1 || en.Other() == "" || max <= 0 {
		return nil
	}
	var out []Suggestion
	seen := map[string]bool{} // suggested texts: one suggestion per text
	add := func(s Suggestion) {
		if !seen[s.Text] {
			seen[s.Text] = true
			out = append(out, s)
		}
	}
	for _, k := range m.byHash[en.Hash] {
		if e := m.entries[k]; e.id != en.ID {
			add(Suggestion{Origin: e.id, English: e.english, Text: e.text, Score: 100})
		}
	}
	tokens := tokenize(en.Other())
	for _, k := range m.candidates(en, tokens) {
		e := m.entries[k]
		if e.hash == en.Hash {
			continue
		}
		if text, ok := mapAnchors(e.tokens, tokens, e.text); ok {
			add(Suggestion{Origin: e.id, English: e.english, Text: text, Score: mappedScore, Mapped: true})
			continue
		}
		if s := similarity(e.tokens, tokens); s >= MinScore {
			// Below a mapped match: the same tokens but not the same
			// English differ in spacing or markup the tokens leave out.
			add(Suggestion{Origin: e.id, English: e.english, Text: e.text, Score: min(s, mappedScore-1)})
		}
	}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return strings.Compare(a.Origin, b.Origin)
	})
	return out[:min(len(out), max)]
}

// candidates lists the entries that may score MinScore against tokens:
// those that share at least half of its words the index keeps, of a
// length within reach, in entry order.
func (m *Memory) candidates(en *catalog.Message, tokens []string) []int {
	var ws []string // the words of tokens that the index keeps
	for _, w := range distinct(words(tokens)) {
		if _, ok := m.byWord[w]; ok {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return nil
	}
	shared := make([]int32, len(m.entries)) // by entry: words shared
	var touched []int
	for _, w := range ws {
		for _, k := range m.byWord[w] {
			if shared[k] == 0 {
				touched = append(touched, k)
			}
			shared[k]++
		}
	}
	var out []int
	for _, k := range touched {
		n := shared[k]
		e := m.entries[k]
		lo, hi := min(len(e.tokens), len(tokens)), max(len(e.tokens), len(tokens))
		// An edit distance of at most 30% needs lengths within 30%, and
		// most of the words shared.
		if e.id != en.ID && float64(lo) >= 0.7*float64(hi) && float64(n) >= 0.5*float64(len(ws)) {
			out = append(out, k)
		}
	}
	// The most words shared first (then entry order); the edit distance,
	// which costs, is taken of the first few only.
	slices.SortFunc(out, func(a, b int) int {
		if shared[a] != shared[b] {
			return int(shared[b] - shared[a])
		}
		return a - b
	})
	return out[:min(len(out), maxCandidates)]
}

// maxCandidates is how many entries a lookup scores by edit distance.
const maxCandidates = 64
