package tomldepth_test

import (
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/tomldepth"
)

func TestExceeds(t *testing.T) {
	t.Parallel()
	deep := func(open, close string, n int) string {
		return "a = " + strings.Repeat(open, n) + strings.Repeat(close, n) + "\n"
	}
	tests := []struct {
		name string
		src  string
		off  int // -1: within the limit
	}{
		{"catalog", "[a.b]\nother = \"x\"\n", -1},
		{"front matter", "breadcrumbs = [\n  { title = \"A\", url = \"https://a\" },\n]\n", -1},
		{"arrays at the limit", deep("[", "]", 32), -1},
		{"arrays one deeper", deep("[", "]", 33), 4 + 32},
		{"inline tables", "a = " + strings.Repeat("{b=", 40) + "1" + strings.Repeat("}", 40), 4 + 32*3},
		{"brackets in a basic string", "a = \"" + strings.Repeat("[{", 50) + "\"\n", -1},
		{"escaped quote in a basic string", "a = \"\\\"" + strings.Repeat("[", 50) + "\"\n", -1},
		{"brackets in a literal string", "a = '" + strings.Repeat("[", 50) + "'\n", -1},
		{"brackets in a multi-line string", "a = \"\"\"\n" + strings.Repeat("[\n", 50) + "\"\"\"\"\"\n", -1},
		{"brackets in a multi-line literal", "a = '''" + strings.Repeat("{", 50) + "'''\n", -1},
		{"brackets in a comment", "# " + strings.Repeat("[", 50) + "\na = 1\n", -1},
		{"closed levels do not add up", strings.Repeat("a = [[1]]\n", 50), -1},
		{"unclosed string", "a = \"" + strings.Repeat("[", 50), -1},
		{"after an unclosed one-line string", "a = \"x\n" + strings.Repeat("[", 33), 7 + 32},
	}
	for _, tt := range tests {
		off, ok := tomldepth.Exceeds([]byte(tt.src), tomldepth.Max)
		switch {
		case tt.off < 0 && ok:
			t.Errorf("%s: Exceeds = %d, true; want false", tt.name, off)
		case tt.off >= 0 && (!ok || off != tt.off):
			t.Errorf("%s: Exceeds = %d, %v; want %d, true", tt.name, off, ok, tt.off)
		}
	}
}
