package editdist

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"title", "title", 0}, {"titel", "title", 2}, {"kitten", "sitting", 3}, {"", "abc", 3},
	} {
		if got := Distance([]byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if got := Distance([]string{"a", "b", "c"}, []string{"a", "x", "c", "d"}); got != 2 {
		t.Errorf("Distance of tokens = %d, want 2", got)
	}
}
