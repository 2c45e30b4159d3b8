// Package align pairs the blocks of a translated page with the blocks of
// the English page it was translated from, so that a site's existing
// translations fill its catalogs (l10n align). See issue 14.
//
// Pairing follows the structure first, as po4a's gettextize and the
// sentence aligners of translation memories (Gale–Church, hunalign) do,
// and goes further where real sites drift: front matter values pair by
// key; body blocks are aligned in page order by dynamic programming over
// blocks of the same kind, scored by their length ratio (against the
// page's own ratio of translated to English text) and by what a
// translator carries over unchanged (numbers, links, code, acronyms,
// heading IDs: see anchors); a translated block that holds two English
// blocks (merged) or half of one (split) is recognised as such and left
// unpaired, since a catalog has one message per English block; and a run
// of list items or paragraphs the translator reordered is paired by its
// anchors.
//
// Every pair has a confidence from 0 to 1: how sure the pairing is, from
// its score and its neighbours (a pair between two pairs that follow on
// from it, with the same structure on both sides, is surer than one
// beside a gap). Pairs below a threshold are for a translator to review,
// never published unseen (see package cmd/l10n's align).
package align

import (
	"math"
	"slices"

	"github.com/hsi-l10n/l10n/internal/content"
)

// Pair is an English block and the translated block that translates it.
type Pair struct {
	En, Tr     *content.Block
	Confidence float64 // from 0 (a guess) to 1 (certain)
	// Why says what the confidence rests on, for the report.
	Why string
	// Was is the English Tr was translated from, where it is known and
	// differs from En's (see PagesSince): the pair is stale.
	Was string
}

// Left is a block of one page that no block of the other page translates
// one to one, and why.
type Left struct {
	Block *content.Block
	Why   string
}

// Result is the pairing of one page.
type Result struct {
	Pairs []Pair // in English page order
	En    []Left // English blocks left unpaired, in page order
	Tr    []Left // translated blocks left unpaired, in page order
}

// Pages pairs the blocks of tr, a translation, with those of en, its
// English original.
func Pages(en, tr *content.Page) Result { return pages(en, tr, false) }

// pages is Pages; same says that both pages are in one language (two
// versions of an English page), so blocks are scored by the words they
// share rather than by length and anchors.
func pages(en, tr *content.Page, same bool) Result {
	var r Result
	enBody, trBody := r.frontMatter(en.Blocks, tr.Blocks)
	a := newAligner(enBody, trBody)
	a.same = same
	a.align()
	if !same {
		// Versions of one page keep their order; lengths alone would
		// only pair what an edit replaced.
		a.reorder()
	}
	a.result(&r)
	return r
}

// frontMatter pairs the blocks of the front matter by their key (title
// with title, breadcrumbs.1.title with breadcrumbs.1.title), adding them
// to r, and returns the blocks of each body.
func (r *Result) frontMatter(en, tr []*content.Block) (enBody, trBody []*content.Block) {
	byField := map[string]*content.Block{}
	for _, b := range tr {
		if k := fieldKey(b); k != "" {
			byField[k] = b
		} else {
			trBody = append(trBody, b)
		}
	}
	paired := map[*content.Block]bool{}
	for _, b := range en {
		k := fieldKey(b)
		if k == "" {
			enBody = append(enBody, b)
			continue
		}
		t, ok := byField[k]
		if !ok {
			r.En = append(r.En, Left{b, "the translated page has no " + k})
			continue
		}
		paired[t] = true
		c, why := 0.95, "front matter "+k+" of both pages"
		if conflict(anchorsOf(b.Text), anchorsOf(t.Text)) {
			c, why = 0.5, why+", but their numbers differ"
		}
		r.Pairs = append(r.Pairs, Pair{En: b, Tr: t, Confidence: c, Why: why})
	}
	for _, b := range tr {
		if k := fieldKey(b); k != "" && !paired[b] {
			r.Tr = append(r.Tr, Left{b, "the English page has no " + k})
		}
	}
	return enBody, trBody
}

// sortLeft sorts blocks left unpaired by where they are on their page.
func sortLeft(ls []Left) {
	slices.SortStableFunc(ls, func(a, b Left) int {
		if a.Block.Pos.Line != b.Block.Pos.Line {
			return a.Block.Pos.Line - b.Block.Pos.Line
		}
		return a.Block.Pos.Col - b.Block.Pos.Col
	})
}

// fieldKey names a block of the front matter by what it is; "" for a
// block of the body.
func fieldKey(b *content.Block) string {
	switch {
	case b.Field != "":
		return b.Field
	case b.Kind == content.Title:
		return "title"
	}
	return ""
}

// conflict reports whether the translated block has a number in place of
// one of the English block's: a number of the English is missing from it
// and it has one the English lacks. The English changed since the
// translation (2023 became 2024), or they are not a pair.
func conflict(e, t anchors) bool {
	missing, extra := false, false
	for _, n := range e.numbers() {
		if _, in := slices.BinarySearch(t, n); !in {
			missing = true
		}
	}
	for _, n := range t.numbers() {
		if _, in := slices.BinarySearch(e, n); !in {
			extra = true
		}
	}
	return missing && extra
}

// block is a body block as the aligner sees it.
type block struct {
	b        *content.Block
	anchors  anchors
	cognates []string
	size     int
}

func blocks(bs []*content.Block) []block {
	out := make([]block, len(bs))
	for i, b := range bs {
		out[i] = block{b: b, anchors: anchorsOf(b.Text), cognates: cognates(b.Text), size: size(b.Text)}
	}
	return out
}

// ratio is the natural log of the ratio of translated to English text of
// the two bodies: the length a translation of an English block is
// expected to have, in this language and by this translator.
func ratio(en, tr []block) float64 {
	se, st := 0, 0
	for _, b := range en {
		se += b.size
	}
	for _, b := range tr {
		st += b.size
	}
	if se == 0 || st == 0 {
		return 0
	}
	return math.Log(float64(st) / float64(se))
}

// MinConfidence is the confidence at or above which l10n align imports
// a pair as a current translation, unless told otherwise; a pair below
// it is imported to await review.
const MinConfidence = 0.8
