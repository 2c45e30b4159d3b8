package catalog

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHasControlIsControlIn: the eight-bytes-at-a-time hasControl finds
// what a look at each byte finds, for every byte at every offset of
// strings of every length up to 40, among other bytes of every kind.
func TestHasControlIsControlIn(t *testing.T) {
	fill := []string{"a", "é", "\t", "~", "\x80", "\xff"}
	for n := 0; n <= 40; n++ {
		for _, f := range fill {
			base := strings.Repeat(f, n)
			if got, want := hasControl(base), controlIn(base); got != want {
				t.Fatalf("hasControl(%q) = %t, want %t", base, got, want)
			}
			for at := 0; at < len(base); at++ {
				for c := 0; c < 256; c++ {
					s := base[:at] + string([]byte{byte(c)}) + base[at+1:]
					if got, want := hasControl(s), controlIn(s); got != want {
						t.Fatalf("hasControl(%q) = %t, want %t", s, got, want)
					}
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		if got, want := hasControl(string(b)), controlIn(string(b)); got != want {
			t.Fatalf("hasControl(%q) = %t, want %t", b, got, want)
		}
	}
}
