package align

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Anchors are what a translator carries over from the English unchanged,
// so that a block and its translation share them: numbers (digits only,
// so "50,000", "50.000", "50 000" and "٥٠٠٠٠" are one), link
// destinations, bare URLs and email addresses, code spans, shortcodes,
// and acronyms (HSI, ICE). They pair blocks where length alone cannot.
type anchors []string

var (
	linkDest  = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)`)
	bareURL   = regexp.MustCompile(`https?://[^\s)>\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	codeSpan  = regexp.MustCompile("`+[^`]+`+")
	shortcode = regexp.MustCompile(`\{\{[<%]\s*/?\s*([\w/.-]+)`)
	acronym   = regexp.MustCompile(`\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*\b`)
	// number is a run of digits, of any script, with the separators
	// languages group and mark decimals with between them.
	number = regexp.MustCompile(`\p{Nd}+(?:[.,\x{00A0}\x{202F}\x{066B}\x{066C}' ]\p{Nd}+)*`)
)

// anchorsOf returns the anchors of text, sorted, each once.
func anchorsOf(text string) anchors {
	var out []string
	rest := text
	for _, m := range linkDest.FindAllStringSubmatch(text, -1) {
		out = append(out, links(m[1])...)
	}
	rest = linkDest.ReplaceAllString(rest, "](")
	for _, u := range bareURL.FindAllString(rest, -1) {
		out = append(out, links(strings.TrimSuffix(u, "."))...)
	}
	rest = bareURL.ReplaceAllString(rest, " ")
	for _, c := range codeSpan.FindAllString(rest, -1) {
		out = append(out, "code "+strings.Trim(c, "` "))
	}
	rest = codeSpan.ReplaceAllString(rest, " ")
	for _, m := range shortcode.FindAllStringSubmatch(rest, -1) {
		out = append(out, "shortcode "+m[1])
	}
	for _, a := range acronym.FindAllString(rest, -1) {
		out = append(out, "name "+a)
	}
	for _, n := range number.FindAllString(rest, -1) {
		// Without trailing zeros: "$7 billion" is "7.000 millones" in
		// Spanish, "70 亿" in Chinese.
		d := strings.TrimRight(digits(n), "0")
		if d == "" {
			d = "0"
		}
		out = append(out, "number "+d)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// links are the anchors of a link: the whole destination, and its host
// (or an email address's domain) where it has one.
func links(dest string) []string {
	dest = strings.TrimRight(dest, "/")
	out := []string{"link " + dest}
	if _, rest, ok := strings.Cut(dest, "://"); ok {
		host, _, _ := strings.Cut(rest, "/")
		out = append(out, "host "+strings.ToLower(host))
	} else if _, domain, ok := strings.Cut(dest, "@"); ok && !strings.ContainsAny(domain, "/:") {
		out = append(out, "host "+strings.ToLower(domain))
	}
	return out
}

// digits keeps the digits of a number, in ASCII: "16,321" → "16321",
// "٢٠٢٤" → "2024".
func digits(n string) string {
	var b strings.Builder
	for _, r := range n {
		if unicode.IsDigit(r) {
			b.WriteByte(byte('0' + digitValue(r)))
		}
	}
	return b.String()
}

// digitValue is the value of a decimal digit of any script: Unicode lays
// out each script's digits as ten consecutive code points from zero (and
// the mathematical digits as five such runs, one after the other).
func digitValue(r rune) int {
	z := r
	for z > 0 && unicode.IsDigit(z-1) {
		z--
	}
	return int(r-z) % 10
}

// numbers returns the number anchors of a.
func (a anchors) numbers() []string {
	var out []string
	for _, s := range a {
		if strings.HasPrefix(s, "number ") {
			out = append(out, s)
		}
	}
	return out
}

// weight is how much an anchor says: a number, a link, code or a
// shortcode is carried over as it is; an acronym is often expanded or
// translated (U.S. → EE. UU.); a link's host survives where its path is
// localized (/forms → /es/formularios).
func weight(anchor string) float64 {
	switch {
	case strings.HasPrefix(anchor, "name "), strings.HasPrefix(anchor, "link "), strings.HasPrefix(anchor, "host "):
		return 0.5
	}
	return 1
}

// overlap is how much of the English block's anchors e the translated
// block's anchors t carry, by weight, from 0 to 1; ok is false when e has
// none. What t has beyond them does not count: translators spell out
// months as numbers (tháng 10) and expand acronyms.
func overlap(e, t anchors) (share float64, ok bool) {
	if len(e) == 0 {
		return 0, false
	}
	var total, found float64
	for _, a := range e {
		w := weight(a)
		total += w
		if _, in := slices.BinarySearch(t, a); in {
			found += w
		}
	}
	return found / total, true
}

// covers reports whether t carries every strong anchor of e (numbers,
// links' hosts, code, shortcodes), and e has one.
func covers(e, t anchors) bool {
	strong := false
	for _, a := range e {
		if weight(a) < 1 && !strings.HasPrefix(a, "host ") {
			continue
		}
		strong = true
		if _, in := slices.BinarySearch(t, a); !in {
			return false
		}
	}
	return strong
}

// size is the length of text as alignment measures it: its characters
// without link destinations, Markdown punctuation and spaces, so that a
// long URL does not make a short sentence look long.
func size(text string) int {
	text = linkDest.ReplaceAllString(text, "](")
	n := 0
	for _, r := range text {
		if !unicode.IsSpace(r) && !strings.ContainsRune("*_[]()`#>", r) {
			n++
		}
	}
	return max(n, 1)
}

// compact sorts a and keeps each anchor once.
func compact(a anchors) anchors {
	slices.Sort(a)
	return slices.Compact(a)
}

// cognates are the first four letters of each long word of text, folded
// to lowercase without accents: words that English shares with languages
// of the Latin script (electronics, electrónicos, électroniques), as
// Simard, Foster and Isabelle's aligner uses them. For a language of
// another script they find nothing, and weigh nothing.
func cognates(text string) []string {
	text = linkDest.ReplaceAllString(text, "](")
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) {
		var b strings.Builder
		for _, r := range norm.NFD.String(w) {
			if r < 0x80 && unicode.IsLetter(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		if f := b.String(); len(f) >= 6 {
			out = append(out, f[:4])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// cognateShare is the share of the English block's cognates that the
// translated block has, from 0 to 1.
func cognateShare(e, t []string) float64 {
	if len(e) == 0 {
		return 0
	}
	n := 0
	for _, c := range e {
		if _, ok := slices.BinarySearch(t, c); ok {
			n++
		}
	}
	return float64(n) / float64(len(e))
}
