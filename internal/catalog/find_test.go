package catalog

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFindHashIsBinarySearch: findHash finds what a binary search finds,
// present or not, in lists of hashes spread evenly (as FNV-1a spreads
// IDs) and in lists where they crowd together, which defeat its guesses.
func TestFindHashIsBinarySearch(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	spreads := map[string]func() uint64{
		"even":      r.Uint64,
		"crowded":   func() uint64 { return r.Uint64N(1000) },
		"two heaps": func() uint64 { return r.Uint64N(1000) << (63 * r.Uint64N(2)) },
	}
	for name, draw := range spreads {
		for _, n := range []int{0, 1, 2, 3, 10, 1000} {
			seen := map[uint64]bool{}
			var list []hashedSpan
			for len(list) < n {
				if h := draw(); !seen[h] {
					seen[h] = true
					list = append(list, hashedSpan{hash: h})
				}
			}
			sortByHash(list)
			probes := []uint64{0, ^uint64(0)}
			for _, e := range list {
				probes = append(probes, e.hash, e.hash-1, e.hash+1)
			}
			for _, h := range probes {
				want, wantOK := slices.BinarySearchFunc(list, h, func(e hashedSpan, h uint64) int { return cmp.Compare(e.hash, h) })
				got, ok := findHash(list, h)
				if ok != wantOK || ok && got != want {
					t.Fatalf("%s, %d hashes: findHash(%d) = %d, %t; want %d, %t", name, n, h, got, ok, want, wantOK)
				}
			}
		}
	}
}
