package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hsi-l10n/l10n/internal/locale"
)

// Characters a translation may hold that a reader does not see, and that
// the English lacks. See issue 6.
//
//   - Control characters (U+0000–U+001F but tab and newline, U+007F,
//     U+0080–U+009F) have no place on a page: an error.
//   - Bidirectional controls reorder what readers see without changing
//     what reviewers read in the catalog ("Trojan Source"). The overrides
//     (U+202D, U+202E) force the order of every letter: an error in every
//     locale. The others (embeddings, isolates, marks) have uses in
//     right-to-left text (a Latin name in Arabic) and none in left-to-right
//     text: an error in a left-to-right locale only.
//   - Zero-width characters (U+200B, U+2060, U+FEFF) hide a change from
//     reviewers and break search: a warning, except U+200B in the scripts
//     that mark word breaks with it (Thai, Lao, Khmer, Myanmar). The joiners
//     U+200C and U+200D are needed in Persian, in Indic scripts and in
//     emoji, and pass.

// charNames names the characters these rules report.
var charNames = map[rune]string{
	'\u061c': "ARABIC LETTER MARK",
	'\u200b': "ZERO WIDTH SPACE",
	'\u200e': "LEFT-TO-RIGHT MARK",
	'\u200f': "RIGHT-TO-LEFT MARK",
	'\u202a': "LEFT-TO-RIGHT EMBEDDING",
	'\u202b': "RIGHT-TO-LEFT EMBEDDING",
	'\u202c': "POP DIRECTIONAL FORMATTING",
	'\u202d': "LEFT-TO-RIGHT OVERRIDE",
	'\u202e': "RIGHT-TO-LEFT OVERRIDE",
	'\u2060': "WORD JOINER",
	'\u2066': "LEFT-TO-RIGHT ISOLATE",
	'\u2067': "RIGHT-TO-LEFT ISOLATE",
	'\u2068': "FIRST STRONG ISOLATE",
	'\u2069': "POP DIRECTIONAL ISOLATE",
	'\ufeff': "ZERO WIDTH NO-BREAK SPACE",
}

func charName(r rune) string {
	if n, ok := charNames[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f
}

func isBidi(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

func isOverride(r rune) bool { return r == '\u202d' || r == '\u202e' }

func isZeroWidth(r rune) bool { return r == '\u200b' || r == '\u2060' || r == '\ufeff' }

// breakScripts mark word breaks with U+200B ZERO WIDTH SPACE.
var breakScripts = map[string]bool{"Thai": true, "Laoo": true, "Khmr": true, "Mymr": true}

// invisible reports the first character of each kind above that text
// has and en lacks.
func (c *msgCheck) invisible(form, en, text string) {
	ltr := locale.Dir(c.tag) == "ltr"
	breaks := breakScripts[locale.Script(c.tag)]
	var control, bidi, zero rune
	for _, r := range text {
		switch {
		case control == 0 && isControl(r) && !strings.ContainsRune(en, r):
			control = r
		case bidi == 0 && isBidi(r) && (ltr || isOverride(r)) && !strings.ContainsRune(en, r):
			bidi = r
		case zero == 0 && isZeroWidth(r) && !(breaks && r == '\u200b') && !strings.ContainsRune(en, r):
			zero = r
		}
	}
	if control != 0 {
		c.errorf(form, "has the control character %s, which the English lacks and a page cannot show; remove it", charName(control))
	}
	if bidi != 0 {
		where := "in a left-to-right language it only changes the order in which readers see the text"
		if !ltr {
			where = "an override reverses the order in which readers see the letters"
		}
		c.errorf(form, "has the invisible bidirectional control %s, which the English lacks; %s, not what reviewers read: remove it", charName(bidi), where)
	}
	if zero != 0 {
		c.warnf(form, "has the invisible character %s, which the English lacks; remove it unless the language needs it", charName(zero))
	}
}

// Length: a translation many times longer than its English is most often
// a paste gone wrong (a whole page in one message) or an attempt to bury
// something in it. Short English ("No", "HSI") may well have a much
// longer translation, so only texts of more than minLong characters are
// compared. See issue 6.
const (
	maxRatio = 10
	minLong  = 100
)

func (c *msgCheck) length(form, en, text string) {
	n, m := utf8.RuneCountInString(text), utf8.RuneCountInString(en)
	if n > minLong && n > maxRatio*max(m, 1) {
		c.warnf(form, "is %d characters long, %d times its English (%d); check that nothing was pasted by mistake", n, n/max(m, 1), m)
	}
}
