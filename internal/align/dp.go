package align

import (
	"math"
	"strings"
	"unicode"

	"github.com/hsi-l10n/l10n/internal/content"
)

// op is one step of an alignment: n English blocks from i against m
// translated blocks from j. 1:1 is a pair; 1:0 and 0:1 leave a block
// unpaired; 2:1 is two English blocks a translator merged, 1:2 one a
// translator split.
type op struct {
	i, j, n, m int
	score      float64 // the similarity of a 1:1 or of a merge or split
	guess      bool    // a 1:1 of a reordered stretch that rests on length alone
}

// aligner aligns two bodies.
type aligner struct {
	en, tr []block
	mu     float64 // expected log length ratio, translated over English
	same   bool    // both bodies are in one language: see pages
	ops    []op
}

func newAligner(en, tr []*content.Block) *aligner {
	a := &aligner{en: blocks(en), tr: blocks(tr)}
	a.mu = ratio(a.en, a.tr)
	return a
}

// cut is the similarity below which pairing two blocks scores worse than
// leaving both unpaired.
const cut = 0.35

// mergePenalty makes a merge or a split cost more than a pair of the same
// similarity, so it is chosen only where it fits clearly better.
const mergePenalty = 0.15

// align finds the sequence of ops of highest total score, by dynamic
// programming over both bodies in page order.
func (a *aligner) align() {
	n, m := len(a.en), len(a.tr)
	best := make([][]float64, n+1)
	from := make([][]op, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
		from[i] = make([]op, m+1)
		for j := range best[i] {
			best[i][j] = math.Inf(-1)
		}
	}
	best[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if math.IsInf(best[i][j], -1) {
				continue
			}
			for _, o := range a.moves(i, j) {
				gain := 0.0
				if o.n > 0 && o.m > 0 {
					gain = o.score - cut
					if o.n+o.m > 2 {
						gain -= mergePenalty
					}
				}
				if v := best[i][j] + gain; v > best[i+o.n][j+o.m] {
					best[i+o.n][j+o.m] = v
					from[i+o.n][j+o.m] = o
				}
			}
		}
	}
	for i, j := n, m; i > 0 || j > 0; {
		o := from[i][j]
		a.ops = append(a.ops, o)
		i, j = o.i, o.j
	}
	for l, r := 0, len(a.ops)-1; l < r; l, r = l+1, r-1 {
		a.ops[l], a.ops[r] = a.ops[r], a.ops[l]
	}
}

// moves lists the ops that can start at English block i and translated
// block j.
func (a *aligner) moves(i, j int) []op {
	n, m := len(a.en), len(a.tr)
	var out []op
	if i < n {
		out = append(out, op{i: i, j: j, n: 1})
	}
	if j < m {
		out = append(out, op{i: i, j: j, m: 1})
	}
	if i < n && j < m {
		if s := a.sim(a.en[i], a.tr[j]); s > 0 {
			out = append(out, op{i: i, j: j, n: 1, m: 1, score: s})
		}
	}
	if a.same {
		return out // no merges or splits between versions of one page
	}
	if i+1 < n && j < m && mergeable(a.en[i], a.en[i+1], a.tr[j]) {
		if s := a.sim(joined(a.en[i], a.en[i+1]), a.tr[j]); s > 0 {
			out = append(out, op{i: i, j: j, n: 2, m: 1, score: s})
		}
	}
	if i < n && j+1 < m && mergeable(a.tr[j], a.tr[j+1], a.en[i]) {
		if s := a.sim(a.en[i], joined(a.tr[j], a.tr[j+1])); s > 0 {
			out = append(out, op{i: i, j: j, n: 1, m: 2, score: s})
		}
	}
	return out
}

// mergeable reports whether blocks x and y, next to each other on one
// page, may be what one block z of the other page holds: paragraphs (or
// quotes) of one section, and z of their kind.
func mergeable(x, y, z block) bool {
	k := x.b.Kind
	return (k == content.Paragraph || k == content.Quote) && y.b.Kind == k && z.b.Kind == k && x.b.Section == y.b.Section
}

// joined is x and y as one block.
func joined(x, y block) block {
	as := append(append(anchors{}, x.anchors...), y.anchors...)
	return block{b: x.b, anchors: compact(as), size: x.size + y.size}
}

// sim is how much t looks like the translation of e, from 0 to 1; 0 if
// it cannot be (another kind of block, or another heading ID).
func (a *aligner) sim(e, t block) float64 {
	if e.b.Kind != t.b.Kind || e.b.Key != t.b.Key && e.b.Kind == content.Heading {
		return 0
	}
	if e.b.Pin != "" && t.b.Pin != "" {
		if e.b.Pin == t.b.Pin {
			return 1
		}
		return 0
	}
	if a.same {
		return dice(e.b.Text, t.b.Text)
	}
	ls := a.lengthFit(e, t)
	share, ok := overlap(e.anchors, t.anchors)
	if !ok {
		return 0.9 * ls
	}
	return 0.4*ls + 0.6*share
}

// dice is how many words two texts of one language share: twice the
// distinct words (folded to lowercase, numbers left out) they have in
// common over the sum of each one's, from 0 to 1; 1 for texts equal.
func dice(x, y string) float64 {
	if x == y {
		return 1
	}
	wx, wy := wordSet(x), wordSet(y)
	if len(wx)+len(wy) == 0 {
		return 0
	}
	n := 0
	for w := range wx {
		if wy[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(wx)+len(wy))
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(linkDest.ReplaceAllString(s, "](")), func(r rune) bool { return !unicode.IsLetter(r) }) {
		out[w] = true
	}
	return out
}

// lengthFit is how well the length of t fits that of a translation of e,
// from 0 to 1: a normal curve over the log ratio of their lengths around
// the page's own, wider for short blocks, whose ratio varies more.
func (a *aligner) lengthFit(e, t block) float64 {
	sigma := 0.15 + 2/math.Sqrt(float64(min(e.size, t.size)))
	z := (math.Log(float64(t.size)/float64(e.size)) - a.mu) / sigma
	return math.Exp(-z * z / 2)
}
