package po

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

// candidates are gettext plural expressions for the CLDR cardinal rules of
// the world's languages, by number of categories, each giving the index of
// the category in CLDR order (zero, one, two, few, many, other). gettext
// selects a form by a whole number, so only the integer part of a rule
// matters. [PluralForms] takes the first that agrees with go-i18n's rule
// for the locale on every number of probes: the table is a list of known
// shapes, and go-i18n decides which one a locale has.
var candidates = map[int][]string{
	1: {"0"},
	2: {
		"n != 1",                       // en, de, nl, sv, it…: one is 1
		"n > 1",                        // hi, fa, am…: one is 0 and 1
		"n % 10 != 1 || n % 100 == 11", // is, mk
		"n % 10 == 4 || n % 10 == 6 || n % 10 == 9", // fil
		"n >= 2 && (n < 11 || n > 99)",              // tzm
	},
	3: {
		"n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2",                                                         // es, it, ca, pt-PT: one, many (millions), other
		"n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2",                                               // fr, pt
		"n == 1 ? 0 : n == 2 ? 1 : 2",                                                                             // he, iu, se: one, two, other
		"n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2", // hr, sr, bs
		"n % 10 == 0 || n % 100 >= 11 && n % 100 <= 19 ? 0 : n % 10 == 1 && n % 100 != 11 ? 1 : 2",                // lv: zero, one, other
		"n == 1 ? 0 : n == 0 || n % 100 >= 1 && n % 100 <= 19 ? 1 : 2",                                            // ro: one, few, other
		"n == 0 ? 0 : n == 1 ? 1 : 2",                                                                             // ksh: zero, one, other
		"n <= 1 ? 0 : n <= 10 ? 1 : 2",                                                                            // shi: one, few, other
	},
	4: {
		"n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2",   // ru, uk, be: one, few, many (other: fractions)
		"n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2",                         // pl
		"n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 3",                                                                     // cs, sk: one, few, (many: fractions), other
		"n % 10 == 1 && (n % 100 < 11 || n % 100 > 19) ? 0 : n % 10 >= 2 && (n % 100 < 11 || n % 100 > 19) ? 1 : 3", // lt
		"n % 100 == 1 ? 0 : n % 100 == 2 ? 1 : n % 100 == 3 || n % 100 == 4 ? 2 : 3",                                // sl, dsb, hsb: one, two, few, other
		"n == 1 || n == 11 ? 0 : n == 2 || n == 12 ? 1 : n >= 3 && n <= 19 ? 2 : 3",                                 // gd
	},
	5: {
		"n == 1 ? 0 : n == 2 ? 1 : n >= 3 && n <= 6 ? 2 : n >= 7 && n <= 10 ? 3 : 4",                                     // ga
		"n == 1 ? 0 : n == 2 ? 1 : n == 0 || n % 100 >= 3 && n % 100 <= 10 ? 2 : n % 100 >= 11 && n % 100 <= 19 ? 3 : 4", // mt
	},
	6: {
		"n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5", // ar
		"n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n == 3 ? 3 : n == 6 ? 4 : 5",                               // cy
	},
}

// probes are the whole numbers on which a plural expression must agree
// with the locale's rule: every number up to 1200, which covers every
// rule's n % 100 and n % 1000 cases, and powers of ten up to a billion,
// where the "many" of Spanish, French and Italian begins.
var probes = func() []int {
	var p []int
	for n := 0; n <= 1200; n++ {
		p = append(p, n)
	}
	for n := 10000; n <= 1000000000; n *= 10 {
		p = append(p, n, n+1, 2*n)
	}
	return p
}()

// rule is a locale's plural rule, sampled on probes.
type rule struct {
	tag        language.Tag
	categories []string
	want       []string // the category of each probe
}

func ruleOf(tag language.Tag) *rule {
	r := &rule{tag: tag, categories: locale.PluralCategories(tag)}
	of := locale.PluralRule(tag)
	r.want = make([]string, len(probes))
	for i, n := range probes {
		r.want[i] = of(n)
	}
	return r
}

// disagree returns the first probe on which e disagrees with r, and the
// index e gives for it (-1 when it cannot be evaluated); ok is true when
// e agrees everywhere.
func (r *rule) disagree(e expr) (n int, got int, ok bool) {
	for i, p := range probes {
		v, good := e(uint64(p))
		if !good || v >= uint64(len(r.categories)) {
			return p, -1, false
		}
		if r.categories[v] != r.want[i] {
			return p, int(v), false
		}
	}
	return 0, 0, true
}

// PluralForms returns the value of the Plural-Forms header for tag:
// nplurals is the number of CLDR categories tag uses (go-i18n's rules,
// as the catalogs use them), msgstr[i] is the i-th of them in CLDR order,
// and plural is an expression from a table of known shapes that agrees
// with the rule on every whole number it was tried on. It fails for a
// rule no shape in the table matches.
func PluralForms(tag language.Tag) (string, error) {
	r := ruleOf(tag)
	for _, c := range candidates[len(r.categories)] {
		e, _, err := parseExpr(c)
		if err != nil {
			panic(fmt.Sprintf("po: bad candidate %q: %v", c, err))
		}
		if _, _, ok := r.disagree(e); ok {
			return formatPluralForms(len(r.categories), c), nil
		}
	}
	return "", fmt.Errorf("no gettext Plural-Forms is known for the plural rules of %s (%s); export --format xliff", tag, strings.Join(r.categories, ", "))
}

func formatPluralForms(n int, e string) string {
	if e != "0" {
		e = "(" + e + ")"
	}
	return fmt.Sprintf("nplurals=%d; plural=%s;", n, e)
}

// checkPluralForms checks a Plural-Forms header value against the rules of
// tag and returns what is wrong with it, or "".
func checkPluralForms(value string, tag language.Tag) string {
	r := ruleOf(tag)
	want, err := PluralForms(tag)
	use := ""
	if err == nil {
		use = fmt.Sprintf("; use %q", want)
	}
	n, e, msg := parsePluralForms(value)
	switch {
	case msg != "":
		return fmt.Sprintf("Plural-Forms %q: %s%s", value, msg, use)
	case n != len(r.categories):
		return fmt.Sprintf("Plural-Forms has nplurals=%d, but %s has %d plural forms (%s)%s", n, tag, len(r.categories), strings.Join(r.categories, ", "), use)
	}
	if p, got, ok := r.disagree(e); !ok {
		if got < 0 {
			return fmt.Sprintf("Plural-Forms gives no form for n = %d%s", p, use)
		}
		return fmt.Sprintf("Plural-Forms selects msgstr[%d] (%s) for n = %d, but %s's rules say %s%s", got, r.categories[got], p, tag, ruleCategory(r, p), use)
	}
	return ""
}

func ruleCategory(r *rule, n int) string {
	for i, p := range probes {
		if p == n {
			return r.want[i]
		}
	}
	return "?"
}

// parsePluralForms reads "nplurals=N; plural=EXPR;".
func parsePluralForms(v string) (n int, e expr, msg string) {
	n = -1
	for _, part := range strings.Split(v, ";") {
		key, val, ok := strings.Cut(part, "=")
		key = strings.TrimSpace(key)
		switch {
		case !ok && strings.TrimSpace(part) == "":
		case !ok:
			return 0, nil, fmt.Sprintf("%q is not key=value", strings.TrimSpace(part))
		case key == "nplurals":
			i, err := strconv.Atoi(strings.TrimSpace(val))
			if err != nil || i < 1 {
				return 0, nil, fmt.Sprintf("nplurals=%s is not a positive whole number", strings.TrimSpace(val))
			}
			n = i
		case key == "plural":
			x, off, err := parseExpr(val)
			if err != nil {
				return 0, nil, fmt.Sprintf("plural expression: %v at %q", err, strings.TrimSpace(val[min(off, len(val)):]))
			}
			e = x
		default:
			return 0, nil, fmt.Sprintf("unknown key %q", key)
		}
	}
	switch {
	case n < 0:
		return 0, nil, "no nplurals"
	case e == nil:
		return 0, nil, "no plural expression"
	}
	return n, e, ""
}
