package check

import (
	"slices"

	"golang.org/x/text/language"
)

// keepTerms returns the terms tag keeps as they are: the "*" list, and the
// locale's (or its parents') entries whose translation is the term itself.
func keepTerms(g map[string]map[string]string, tag language.Tag) []string {
	var out []string
	for term := range g["*"] {
		out = append(out, term)
	}
	for t := tag; t != language.Und; t = t.Parent() {
		for term, tr := range g[t.String()] {
			if term == tr && !slices.Contains(out, term) {
				out = append(out, term)
			}
		}
	}
	slices.Sort(out)
	return out
}

// agreedTerms returns the agreed translations of tag: its own entries
// over those of its parents (es-MX over es), without the kept terms.
func agreedTerms(g map[string]map[string]string, tag language.Tag) map[string]string {
	var chain []language.Tag
	for t := tag; t != language.Und; t = t.Parent() {
		chain = append(chain, t)
	}
	out := map[string]string{}
	for i := len(chain) - 1; i >= 0; i-- {
		for term, tr := range g[chain[i].String()] {
			if term != tr {
				out[term] = tr
			}
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
