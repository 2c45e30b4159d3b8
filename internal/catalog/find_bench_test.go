package catalog

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// benchList returns 66,000 random hashes, sorted, and hashes of them to
// look up.
func benchList() ([]hashedSpan, []uint64) {
	r := rand.New(rand.NewPCG(1, 2))
	list := make([]hashedSpan, 66000)
	for i := range list {
		list[i].hash = r.Uint64()
	}
	sortByHash(list)
	probes := make([]uint64, 4096)
	for i := range probes {
		probes[i] = list[r.IntN(len(list))].hash
	}
	return list, probes
}

// BenchmarkFindHash and BenchmarkBinarySearch look up the same hashes in
// a catalog's worth of them: findHash against the binary search it
// replaced.
func BenchmarkFindHash(b *testing.B) {
	list, probes := benchList()
	found := 0
	for i := 0; b.Loop(); i++ {
		if _, ok := findHash(list, probes[i%len(probes)]); ok {
			found++
		}
	}
	if found == 0 {
		b.Fatal("nothing found")
	}
}

func BenchmarkBinarySearch(b *testing.B) {
	list, probes := benchList()
	found := 0
	for i := 0; b.Loop(); i++ {
		if _, ok := slices.BinarySearchFunc(list, probes[i%len(probes)], func(e hashedSpan, h uint64) int { return cmp.Compare(e.hash, h) }); ok {
			found++
		}
	}
	if found == 0 {
		b.Fatal("nothing found")
	}
}
