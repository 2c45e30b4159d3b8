package check

import (
	"slices"
	"strings"

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

// agreedTerm is an English term and its agreed translation, with both
// in lower case as the rule compares them.
type agreedTerm struct {
	term, tr, lowerTerm, lowerTr string
}

// agreedList returns agreedTerms in term order, lowered once per locale
// rather than once per message.
func agreedList(g map[string]map[string]string, tag language.Tag) []agreedTerm {
	m := agreedTerms(g, tag)
	out := make([]agreedTerm, 0, len(m))
	for _, term := range sortedKeys(m) {
		out = append(out, agreedTerm{term, m[term], strings.ToLower(term), strings.ToLower(m[term])})
	}
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
