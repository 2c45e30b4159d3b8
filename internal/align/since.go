package align

import (
	"fmt"

	"github.com/hsi-l10n/l10n/internal/content"
)

// PagesSince pairs the blocks of tr, a translation made from old (the
// English page as it was when it was translated: OpenTelemetry's sites
// record that commit as default_lang_commit), with those of en, the
// English page today: tr is aligned with old, old with en, and each pair
// goes through. A pair whose English has changed since carries the old
// English in Was, so that it is imported as stale, with what the English
// was; the blocks added to the English since, and those removed, are
// left unpaired, saying so. at names old in the reasons ("commit 3f2a9c1").
func PagesSince(en, old, tr *content.Page, at string) Result {
	byOld := map[*content.Block]Pair{}
	translated := Pages(old, tr)
	for _, p := range translated.Pairs {
		byOld[p.En] = p
	}
	oldLeft := map[*content.Block]string{}
	for _, l := range translated.En {
		oldLeft[l.Block] = l.Why
	}
	var r Result
	r.Tr = translated.Tr
	english := pages(en, old, true)
	used := map[*content.Block]bool{}
	for _, e := range english.Pairs {
		t, ok := byOld[e.Tr]
		if !ok {
			r.En = append(r.En, Left{e.En, oldLeft[e.Tr]})
			continue
		}
		used[e.Tr] = true
		// The pairing of the two English versions vouches for itself
		// where they share most words; the translation's confidence
		// is then its own.
		p := Pair{En: e.En, Tr: t.Tr, Confidence: min(t.Confidence, 0.2+e.Confidence), Why: t.Why}
		if e.Tr.Text != e.En.Text {
			p.Was = e.Tr.Text
			p.Why += fmt.Sprintf("; the English changed since %s", at)
		}
		r.Pairs = append(r.Pairs, p)
	}
	for _, l := range english.En {
		r.En = append(r.En, Left{l.Block, "added to the English since " + at})
	}
	for _, p := range translated.Pairs {
		if !used[p.En] {
			r.Tr = append(r.Tr, Left{p.Tr, fmt.Sprintf("its English (line %d at %s) is no longer on the page", p.En.Pos.Line, at)})
		}
	}
	sortLeft(r.En)
	sortLeft(r.Tr)
	return r
}
