// Package editdist measures how far apart two sequences are: the
// Levenshtein distance, the fewest insertions, deletions and
// substitutions that turn one into the other. Front matter keys are
// compared byte by byte (a misspelled "titel"), English texts token by
// token (a translation memory's fuzzy match).
package editdist

// Distance is the Levenshtein distance of a and b.
func Distance[T comparable](a, b []T) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
