package align

import (
	"fmt"
	"math"
	"slices"

	"github.com/hsi-l10n/l10n/internal/content"
)

// reorder finds stretches of the alignment where every block, paired
// or not, is of one kind (list items, paragraphs), and pairs each
// stretch's blocks again by their anchors, crossing if need be: a
// translator who sorted a list alphabetically in their language keeps
// each item's numbers and links. A stretch is re-paired only where that
// pairs more of its blocks by equal anchors than page order does.
func (a *aligner) reorder() {
	var out []op
	for start := 0; start < len(a.ops); {
		kind := a.kindOf(a.ops[start])
		end := start + 1
		for end < len(a.ops) && a.kindOf(a.ops[end]) == kind && a.ops[end].n+a.ops[end].m <= 2 {
			end++
		}
		if a.ops[start].n+a.ops[start].m > 2 || end-start < 2 {
			out = append(out, a.ops[start:end]...)
		} else {
			out = append(out, a.repair(a.ops[start:end])...)
		}
		start = end
	}
	a.ops = out
}

// kindOf is the kind of the blocks of o.
func (a *aligner) kindOf(o op) content.Kind {
	if o.n > 0 {
		return a.en[o.i].b.Kind
	}
	return a.tr[o.j].b.Kind
}

// repair pairs the blocks of a stretch by equal anchors, each English
// block with the one translated block of the stretch that has exactly its
// anchors, and keeps the stretch's own pairs between the blocks that
// anchors leave, and pairs what is left by length (see pairRest); it
// returns the stretch as it was unless that pairs more blocks.
func (a *aligner) repair(run []op) []op {
	var ens, trs []int
	before := 0
	for _, o := range run {
		if o.n == 1 {
			ens = append(ens, o.i)
		}
		if o.m == 1 {
			trs = append(trs, o.j)
		}
		if o.n == 1 && o.m == 1 && covers(a.en[o.i].anchors, a.tr[o.j].anchors) {
			before++
		}
	}
	partner := map[int]int{} // English block → translated block
	taken := map[int]bool{}
	for _, i := range ens {
		var match []int
		for _, j := range trs {
			if covers(a.en[i].anchors, a.tr[j].anchors) {
				match = append(match, j)
			}
		}
		if len(match) == 1 && !taken[match[0]] {
			partner[i] = match[0]
			taken[match[0]] = true
		}
	}
	if len(partner) < before {
		return run
	}
	anchored := len(partner)
	for _, o := range run { // the stretch's pairs anchors say nothing against
		if _, ok := partner[o.i]; o.n == 1 && o.m == 1 && !ok && !taken[o.j] {
			partner[o.i] = o.j
			taken[o.j] = true
		}
	}
	guessed := a.pairRest(ens, trs, partner, taken)
	if anchored == before && len(guessed) == 0 {
		return run // nothing gained
	}
	var out []op
	for _, i := range ens {
		if j, ok := partner[i]; ok {
			out = append(out, op{i: i, j: j, n: 1, m: 1, score: a.sim(a.en[i], a.tr[j]), guess: guessed[i]})
		} else {
			out = append(out, op{i: i, j: -1, n: 1})
		}
	}
	for _, j := range trs {
		if !taken[j] {
			out = append(out, op{i: -1, j: j, m: 1})
		}
	}
	return out
}

// pairRest pairs the blocks of a re-paired stretch that anchors left, if
// as many are left on each side (at most six): in the order that fits
// their lengths and shared cognates best. Such pairs rest on length alone, so they are for
// review (see confidence).
func (a *aligner) pairRest(ens, trs []int, partner map[int]int, taken map[int]bool) (guessed map[int]bool) {
	var le, lt []int
	for _, i := range ens {
		if _, ok := partner[i]; !ok {
			le = append(le, i)
		}
	}
	for _, j := range trs {
		if !taken[j] {
			lt = append(lt, j)
		}
	}
	if len(le) != len(lt) || len(le) == 0 || len(le) > 6 {
		return nil
	}
	best, bestFit := []int(nil), -1.0
	permute(len(lt), func(p []int) {
		fit := 0.0
		for k, l := range p {
			e, t := a.en[le[k]], a.tr[lt[l]]
			fit += math.Log(max(a.lengthFit(e, t), 1e-9)) + 3*cognateShare(e.cognates, t.cognates)
		}
		if best == nil || fit > bestFit {
			best, bestFit = slices.Clone(p), fit
		}
	})
	guessed = map[int]bool{}
	for k, l := range best {
		partner[le[k]] = lt[l]
		taken[lt[l]] = true
		guessed[le[k]] = true
	}
	return guessed
}

// permute calls f with every permutation of 0…n-1, in lexical order.
func permute(n int, f func([]int)) {
	p := make([]int, n)
	used := make([]bool, n)
	var rec func(k int)
	rec = func(k int) {
		if k == n {
			f(p)
			return
		}
		for v := range n {
			if !used[v] {
				used[v], p[k] = true, v
				rec(k + 1)
				used[v] = false
			}
		}
	}
	rec(0)
}

// result turns the ops into pairs, with their confidence, and blocks left
// unpaired, with why.
func (a *aligner) result(r *Result) {
	for k, o := range a.ops {
		switch {
		case o.n == 1 && o.m == 1:
			c, why := a.confidence(k)
			r.Pairs = append(r.Pairs, Pair{En: a.en[o.i].b, Tr: a.tr[o.j].b, Confidence: c, Why: why})
		case o.n == 2:
			at := a.tr[o.j].b.Pos.Line
			r.En = append(r.En, Left{a.en[o.i].b, fmt.Sprintf("the translation merged it with the next paragraph, into the one at line %d", at)},
				Left{a.en[o.i+1].b, fmt.Sprintf("the translation merged it with the previous paragraph, into the one at line %d", at)})
			r.Tr = append(r.Tr, Left{a.tr[o.j].b, fmt.Sprintf("translates two English paragraphs in one (lines %d and %d)", a.en[o.i].b.Pos.Line, a.en[o.i+1].b.Pos.Line)})
		case o.m == 2:
			r.En = append(r.En, Left{a.en[o.i].b, fmt.Sprintf("the translation split it in two (lines %d and %d)", a.tr[o.j].b.Pos.Line, a.tr[o.j+1].b.Pos.Line)})
			for _, t := range a.tr[o.j : o.j+2] {
				r.Tr = append(r.Tr, Left{t.b, fmt.Sprintf("half of the English paragraph at line %d, split in two", a.en[o.i].b.Pos.Line)})
			}
		case o.n == 1:
			r.En = append(r.En, Left{a.en[o.i].b, "no translated block of its kind and length here: added since the translation, or left untranslated"})
		default:
			r.Tr = append(r.Tr, Left{a.tr[o.j].b, "no English block of its kind and length here: the English was removed since, or the translator added it"})
		}
	}
	slices.SortStableFunc(r.Pairs, func(x, y Pair) int { return x.En.Pos.Line*1000 + x.En.Pos.Col - (y.En.Pos.Line*1000 + y.En.Pos.Col) })
}

// confidence rates the k-th op, a pair: its similarity, raised where the
// pairs around it follow on from it on both sides (the structure agrees),
// or its anchors are all shared; lowered where their numbers differ.
func (a *aligner) confidence(k int) (float64, string) {
	o := a.ops[k]
	e, t := a.en[o.i], a.tr[o.j]
	if a.same {
		return dice(e.b.Text, t.b.Text), "the words the two versions share"
	}
	if e.b.Pin != "" && e.b.Pin == t.b.Pin {
		return 1, "same heading ID {#" + e.b.Pin + "}"
	}
	ls := a.lengthFit(e, t)
	if o.guess {
		return min(ls, 0.6), fmt.Sprintf("length fits %.2f; paired by length and cognates among blocks the translation reordered", ls)
	}
	share, hasAnchors := overlap(e.anchors, t.anchors)
	before := k == 0 && o.i == 0 && o.j == 0 || k > 0 && a.follows(a.ops[k-1], o)
	after := k == len(a.ops)-1 && o.i == len(a.en)-1 && o.j == len(a.tr)-1 || k+1 < len(a.ops) && a.follows(o, a.ops[k+1])
	context := 0.6
	switch {
	case before && after:
		context = 1
	case before || after:
		context = 0.85
	}
	c := ls * context
	why := fmt.Sprintf("length fits %.2f", ls)
	if a.sameShape() {
		// Every block pairs with the one in its place, as po4a's
		// gettextize requires: the structure vouches for the pair
		// unless its length says otherwise.
		c = max(c, 0.6+0.4*ls)
		why += ", same structure on both pages"
	}
	if hasAnchors {
		why += fmt.Sprintf(", %.0f%% of its numbers, links and names carried over", 100*share)
		switch {
		case covers(e.anchors, t.anchors):
			c = max(c, 0.9*context+0.1*ls, 0.85)
		case share < 0.5:
			c = min(c, 0.5+0.4*share)
		}
	}
	if conflict(e.anchors, t.anchors) {
		c = min(c, 0.5)
		why += ", numbers differ"
	}
	switch {
	case before && after:
		why += ", between pairs that follow on"
	case !before && !after:
		why += ", between gaps"
	}
	return c, why
}

// follows reports whether op y comes right after pair x on both pages.
func (a *aligner) follows(x, y op) bool {
	return x.n == 1 && x.m == 1 && y.n == 1 && y.m == 1 && y.i == x.i+1 && y.j == x.j+1
}

// sameShape reports whether the alignment pairs every block of both
// bodies with the block in its place.
func (a *aligner) sameShape() bool {
	if len(a.en) != len(a.tr) {
		return false
	}
	for k, o := range a.ops {
		if o.n != 1 || o.m != 1 || o.i != k || o.j != k {
			return false
		}
	}
	return true
}
