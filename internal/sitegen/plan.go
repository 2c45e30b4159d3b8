package sitegen

import (
	"math"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// state is what a locale's catalog holds for one message.
type state uint8

const (
	missing state = iota // an entry with an empty "other"
	current              // translated from today's English
	stale                // translated from an older English
)

// plan decides which of the n messages of one unit (the chrome is unit 0,
// page i is unit i+1) locale tag has translated, and which of those are
// stale: coverage percent of them, chosen at random, and stalePct percent
// of those. Counts are rounded up or down at random, in proportion, so a
// locale's share over many pages is the one asked for, not one rounded
// the same way on every page.
func plan(seed uint64, tag string, unit, n, coverage, stalePct int) []state {
	r := rng(seed, "plan "+tag, uint64(unit))
	k := min(int(math.Floor(float64(n*coverage)/100+r.Float64())), n)
	s := min(int(math.Floor(float64(k*stalePct)/100+r.Float64())), k)
	states := make([]state, n)
	for i, m := range r.Perm(n)[:k] {
		states[m] = current
		if i < s {
			states[m] = stale
		}
	}
	return states
}

// translation returns the catalog entry of locale t for English message en
// in state st, nil for missing: the translation of the English, or for a
// stale one the translation of an older English, with that English's hash
// and the "was:" comment extract keeps for it.
func translation(t *translator, en *catalog.Message, st state) *catalog.Message {
	switch st {
	case current:
		return &catalog.Message{ID: en.ID, Hash: en.Hash, Forms: map[string]string{"other": t.Translate(en.Other())}}
	case stale:
		old := older(en.Other())
		return &catalog.Message{ID: en.ID, Hash: catalog.Hash(map[string]string{"other": old}),
			Forms: map[string]string{"other": t.Translate(old)}, Comment: []string{"was: " + old}}
	}
	return nil
}

// older returns an earlier version of English text: without its last
// sentence (the English has gained one since), or with words since
// removed. Links and bold spans stay, so a stale translation keeps the
// current English's structure.
func older(text string) string {
	if i := strings.LastIndex(text, ". "); i > 0 && !strings.ContainsAny(text[i:], "[*`{") {
		return text[:i+1]
	}
	if strings.HasSuffix(text, ".") {
		return text + " Details will follow."
	}
	return text + " (draft)"
}
