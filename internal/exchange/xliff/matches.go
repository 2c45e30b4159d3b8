package xliff

import (
	"math"
	"strconv"
	"strings"

	"github.com/hsi-l10n/l10n/internal/exchange"
)

// matches reads the translation candidates of an <mtc:matches>, in
// order. They only inform the translator and are never imported, so a
// candidate that has no source or target, or whose text is not plain
// (inline codes), is left out without an error: it must not stop an
// import. A similarity that is not a number from 0 to 100 reads as 0.
func (p *parser) matches(n *node) []exchange.Match {
	var out []exchange.Match
	for _, it := range n.items {
		el := it.el
		if el == nil || el.name.Space != MatchesNamespace || el.name.Local != "match" {
			continue
		}
		var source, target *node
		for _, c := range el.items {
			switch {
			case c.el == nil || c.el.name.Space != Namespace:
			case c.el.name.Local == "source" && source == nil:
				source = c.el
			case c.el.name.Local == "target" && target == nil:
				target = c.el
			}
		}
		if source == nil || target == nil {
			continue
		}
		quiet := &parser{lines: p.lines} // its errors are dropped
		src, okSource := quiet.content(source, "source of a match", true)
		tgt, okTarget := quiet.content(target, "target of a match", true)
		if !okSource || !okTarget {
			continue
		}
		m := exchange.Match{Source: src, Target: tgt}
		m.Origin, _ = el.get("origin")
		if s, ok := el.get("similarity"); ok {
			m.Similarity = similarity(s)
		}
		out = append(out, m)
	}
	return out
}

// similarity reads an mtc similarity, a decimal from 0 to 100, as a whole
// percent (rounded down, so a match never looks closer than it is).
func similarity(s string) int {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) {
		return 0
	}
	return int(math.Floor(min(max(v, 0), 100)))
}
