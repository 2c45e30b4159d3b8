package locale_test

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

func tags(t *testing.T, names ...string) []language.Tag {
	t.Helper()
	out := make([]language.Tag, len(names))
	for i, n := range names {
		tag, err := language.Parse(n)
		if err != nil {
			t.Fatalf("language.Parse(%q): %v", n, err)
		}
		out[i] = tag
	}
	return out
}

func TestFormatDateUsesCLDRLongFormat(t *testing.T) {
	t.Parallel()
	d := time.Date(2024, time.April, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		chain   []string
		wantTag string
		// want lists substrings the date must hold, wantNot ones it must
		// not: CLDR data decides the exact wording, these are its
		// properties that matter to a reader.
		want    []string
		wantNot []string
	}{
		{
			name:    "Spanish",
			chain:   []string{"es"},
			wantTag: "es",
			want:    []string{"22", "abril", "2024"},
			wantNot: []string{"April", "04"},
		},
		{
			name:    "Mexican Spanish uses its own data",
			chain:   []string{"es-MX"},
			wantTag: "es-MX",
			want:    []string{"22", "abril", "2024"},
		},
		{
			name:    "Simplified Chinese",
			chain:   []string{"zh-Hans"},
			wantTag: "zh-Hans",
			want:    []string{"2024年", "4月", "22日"},
		},
		{
			name:    "Arabic month name",
			chain:   []string{"ar"},
			wantTag: "ar",
			want:    []string{"أبريل"},
			wantNot: []string{"April", "abril"},
		},
		{
			name:    "English",
			chain:   []string{"en"},
			wantTag: "en",
			want:    []string{"April", "22", "2024"},
		},
		{
			name:    "language without CLDR data falls to the next in chain",
			chain:   []string{"hmn", "en"},
			wantTag: "en",
			want:    []string{"April", "22", "2024"},
		},
		{
			name:    "Dari falls back to Persian",
			chain:   []string{"prs", "fa", "en"},
			wantTag: "fa",
			want:    []string{"آوریل"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, tag := locale.FormatDate(d, tags(t, tt.chain...))
			if tag.String() != tt.wantTag {
				t.Errorf("FormatDate(2024-04-22, %v) used %s, want %s", tt.chain, tag, tt.wantTag)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("FormatDate(2024-04-22, %v) = %q, want it to contain %q", tt.chain, got, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("FormatDate(2024-04-22, %v) = %q, want it not to contain %q", tt.chain, got, w)
				}
			}
		})
	}
}

func TestFormatDateWithoutCLDRDataIsISO(t *testing.T) {
	t.Parallel()
	d := time.Date(2024, time.April, 22, 0, 0, 0, 0, time.UTC)
	for _, chain := range [][]string{nil, {"hmn"}} {
		got, tag := locale.FormatDate(d, tags(t, chain...))
		if got != "2024-04-22" || tag != language.Und {
			t.Errorf("FormatDate(2024-04-22, %v) = %q from %s, want %q from und", chain, got, tag, "2024-04-22")
		}
	}
}

func TestFormatDateDiffersByDay(t *testing.T) {
	t.Parallel()
	// Guards against a formatter that ignores its input.
	chain := tags(t, "es")
	a, _ := locale.FormatDate(time.Date(2024, time.April, 22, 0, 0, 0, 0, time.UTC), chain)
	b, _ := locale.FormatDate(time.Date(2025, time.December, 3, 0, 0, 0, 0, time.UTC), chain)
	if a == b {
		t.Fatalf("FormatDate gives %q for two different dates", a)
	}
	for _, w := range []string{"3", "diciembre", "2025"} {
		if !strings.Contains(b, w) {
			t.Errorf("FormatDate(2025-12-03, [es]) = %q, want it to contain %q", b, w)
		}
	}
}
