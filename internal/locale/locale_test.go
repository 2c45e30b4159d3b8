package locale_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

func TestParseAcceptsCanonicalTags(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"es", "es-MX", "es-419", "zh-Hans", "zh-Hant-HK", "ht", "prs", "hmn", "en-US", "fil", "he", "en-XA", "ar-XB",
		// Tagalog as US government sites tag it, kept as written though
		// CLDR aliases it to fil (issue 13).
		"tl", "tl-PH"} {
		t.Run(s, func(t *testing.T) {
			t.Parallel()
			tag, err := locale.Parse(s)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", s, err)
			}
			if got := tag.String(); got != s {
				t.Errorf("Parse(%q) = %s, want %s", s, got, s)
			}
		})
	}
}

func TestParseRejectsNonCanonicalNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		in         string
		suggest    string // the canonical tag the error must name, if any
		notCanonic bool   // the error wraps ErrNotCanonical
	}{
		{"underscore", "es_MX", "es-MX", true},
		{"wrong case", "ES-mx", "es-MX", true},
		{"parent directory", "..", "", false},
		{"path", "a/b", "", false},
		{"backslash path", `a\b`, "", false},
		{"empty", "", "", false},
		{"English name of a language", "english", "", false},
		{"undetermined", "und", "", false},
		{"trailing dot", "es.", "", false},
		{"private use only", "x-private", "", false},
		{"private-use language", "qaa", "", false},
		{"private-use subtag", "en-x-test", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tag, err := locale.Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %s, want an error", tt.in, tag)
			}
			if tag != language.Und {
				t.Errorf("Parse(%q) returned tag %s with its error, want und", tt.in, tag)
			}
			if got := errors.Is(err, locale.ErrNotCanonical); got != tt.notCanonic {
				t.Errorf("Parse(%q): errors.Is(err, ErrNotCanonical) = %v, want %v (err: %v)", tt.in, got, tt.notCanonic, err)
			}
			if tt.suggest != "" && !strings.Contains(err.Error(), `use "`+tt.suggest+`"`) {
				t.Errorf("Parse(%q) error = %q, want it to suggest %q", tt.in, err, tt.suggest)
			}
			if !strings.Contains(err.Error(), strconv.Quote(tt.in)) {
				t.Errorf("Parse(%q) error = %q, want it to quote the name it rejects", tt.in, err)
			}
		})
	}
}

// TestParseKeepsDeprecatedCodesAndNamesTheirCurrentForm: a deprecated
// code is a valid tag, accepted as written (never rewritten into
// another), and Current names the tag that replaces it so that callers
// can warn.
func TestParseKeepsDeprecatedCodesAndNamesTheirCurrentForm(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, current, dir string }{
		{"iw", "he", "rtl"},
		{"in", "id", "ltr"},
		{"mo", "ro-MD", "ltr"},
		{"he", "", "rtl"},
		{"tl", "", "ltr"},
		{"es-MX", "", "ltr"},
	} {
		tag, err := locale.Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if tag.String() != c.in {
			t.Errorf("Parse(%q) = %s, want the tag as written", c.in, tag)
		}
		if got := locale.Current(tag); got != c.current {
			t.Errorf("Current(%s) = %q, want %q", tag, got, c.current)
		}
		if got := locale.Dir(tag); got != c.dir {
			t.Errorf("Dir(%s) = %q, want %q", tag, got, c.dir)
		}
	}
}

func TestCanonical(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"es-MX", "es-MX"},
		{"es_MX", "es-MX"},
		{"ES-mx", "es-MX"},
		{"iw", "he"},
		{"tl", "tl"},
		{"TL", "tl"},
		{"zh-hans", "zh-Hans"},
		{"english", ""},
		{"", ""},
		{"und", ""},
		{"a/b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := locale.Canonical(tt.in); got != tt.want {
				t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanonicalIsAcceptedByParse(t *testing.T) {
	t.Parallel()
	// The fix Canonical suggests must itself be a name Parse accepts.
	for _, in := range []string{"es_MX", "ES-mx", "iw", "tl", "in", "zh-hant-hk", "mo"} {
		c := locale.Canonical(in)
		if _, err := locale.Parse(c); err != nil {
			t.Errorf("Canonical(%q) = %q, which Parse rejects: %v", in, c, err)
		}
	}
}

func TestNameIsTheNativeName(t *testing.T) {
	t.Parallel()
	tests := []struct{ tag, want string }{
		{"es", "español"},
		{"es-MX", "español de México"},
		{"zh-Hans", "简体中文"},
		{"ar", "العربية"},
		{"vi", "Tiếng Việt"},
		{"en", "English"},
		// From the package's own table: x/text has no native name.
		{"ht", "Kreyòl ayisyen"},
		{"ht-HT", "Kreyòl ayisyen"},
		{"prs", "دری"},
		{"hmn", "Hmoob"},
		{"sm", "Gagana Sāmoa"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			t.Parallel()
			if got := locale.Name(language.MustParse(tt.tag)); got != tt.want {
				t.Errorf("Name(%s) = %q, want %q", tt.tag, got, tt.want)
			}
		})
	}
}

func TestDir(t *testing.T) {
	t.Parallel()
	tests := []struct{ tag, want string }{
		{"ar", "rtl"},
		{"he", "rtl"},
		{"fa", "rtl"},
		{"ur", "rtl"},
		{"prs", "rtl"}, // script from the package's table
		{"yi", "rtl"},
		{"ps", "rtl"},
		{"dv", "rtl"}, // Thaana
		{"es", "ltr"},
		{"es-MX", "ltr"},
		{"zh-Hans", "ltr"},
		{"ht", "ltr"},
		{"vi", "ltr"},
		{"en", "ltr"},
		{"hmn", "ltr"},
		{"chr", "ltr"},
		{"az-Arab", "rtl"}, // explicit script wins over the language's usual one
		{"ur-Latn", "ltr"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			t.Parallel()
			if got := locale.Dir(language.MustParse(tt.tag)); got != tt.want {
				t.Errorf("Dir(%s) = %q, want %q", tt.tag, got, tt.want)
			}
		})
	}
}

func TestScript(t *testing.T) {
	t.Parallel()
	tests := []struct{ tag, want string }{
		{"ar", "Arab"},
		{"he", "Hebr"},
		{"zh-Hans", "Hans"},
		{"es", "Latn"},
		{"prs", "Arab"},
		{"ht", "Latn"},
		{"chr", "Cher"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			t.Parallel()
			if got := locale.Script(language.MustParse(tt.tag)); got != tt.want {
				t.Errorf("Script(%s) = %q, want %q", tt.tag, got, tt.want)
			}
		})
	}
}

func TestByName(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"english", "en"},
		{"Spanish", "es"},
		{"español", "es"},
		{"vietnamese", "vi"},
		{"haitian_creole", "ht"},
		{"Kreyòl ayisyen", "ht"},
		{"klingonese", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := locale.ByName(tt.in); got != tt.want {
			t.Errorf("ByName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameInUsesTheReadersLanguageOrTheLanguagesOwnName(t *testing.T) {
	for _, c := range []struct{ tag, in, want string }{
		{"en", "es", "inglés"},
		{"en", "es-MX", "inglés"},
		{"en", "ar", "الإنجليزية"},
		{"en", "zh-Hans", "英语"},
		{"es", "vi", "Tiếng Tây Ban Nha"},
		// CLDR names no language in Haitian Creole: the name is English's
		// own, not French's "anglais".
		{"en", "ht", "English"},
		{"fr", "ht", "français"},
	} {
		if got := locale.NameIn(language.MustParse(c.tag), language.MustParse(c.in)); got != c.want {
			t.Errorf("NameIn(%s, %s) = %q, want %q", c.tag, c.in, got, c.want)
		}
	}
}
