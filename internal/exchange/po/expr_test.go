package po

import "testing"

func TestParseExpr(t *testing.T) {
	for _, tc := range []struct {
		expr string
		n    uint64
		want uint64
	}{
		{"n != 1", 1, 0},
		{"n != 1", 2, 1},
		{"1 + 2 * 3", 0, 7},
		{"(1 + 2) * 3", 0, 9},
		{"10 - 4 - 3", 0, 3},
		{"n % 10 == 1 && n % 100 != 11", 21, 1},
		{"n % 10 == 1 && n % 100 != 11", 11, 0},
		{"0 || 0 && 1", 0, 0},
		{"1 || 0 && 0", 0, 1},
		{"!n", 0, 1},
		{"!!n", 7, 1},
		{"n < 2 ? n == 0 ? 10 : 11 : 12", 0, 10},
		{"n < 2 ? n == 0 ? 10 : 11 : 12", 1, 11},
		{"n < 2 ? n == 0 ? 10 : 11 : 12", 5, 12},
		{"n <= 2 && n >= 2", 2, 1},
		{"n > 1", 1, 0},
		{"0 - 1 > 5", 0, 1}, // unsigned, as in gettext
		{"n / 2", 7, 3},
		{"1 || 1 / 0", 0, 1}, // short-circuit
	} {
		e, _, err := parseExpr(tc.expr)
		if err != nil {
			t.Errorf("parseExpr(%q): %v", tc.expr, err)
			continue
		}
		if got, ok := e(tc.n); !ok || got != tc.want {
			t.Errorf("%s with n = %d = %d, %v; want %d", tc.expr, tc.n, got, ok, tc.want)
		}
	}
}

func TestParseExprErrors(t *testing.T) {
	for _, tc := range []struct {
		expr string
		off  int
	}{
		{"n = 1", 2},
		{"n ==", 4},
		{"(n", 2},
		{"n ? 1", 5},
		{"x", 0},
		{"99999999999999999999", 18},
	} {
		if _, off, err := parseExpr(tc.expr); err == nil || off != tc.off {
			t.Errorf("parseExpr(%q) = error %v at %d, want an error at %d", tc.expr, err, off, tc.off)
		}
	}
	e, _, _ := parseExpr("n % 0")
	if _, ok := e(1); ok {
		t.Error("n % 0 evaluated; want it to fail")
	}
}
