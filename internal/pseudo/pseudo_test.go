package pseudo_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hsi-l10n/l10n/internal/pseudo"
	"github.com/hsi-l10n/l10n/internal/render"
)

var messages = []string{
	"Narcotics Smuggling",
	"**Targeting criminal networks.** HSI identifies them.",
	"Read [HSI's Strategy for Combatting Illicit Opioids](https://www.ice.gov/doclib/x.pdf).",
	"A **lock** ({{.LockIcon}}) or **https://** means you’ve safely connected.",
	"Last Updated: {{.Date}}",
	"Run `l10n check` now, or see <https://example.gov/a_b>.",
	"Tom \\*not bold\\* &amp; Jerry",
	"See https://www.ice.gov/tips_line, or write to us.",
}

// TestStructureSurvives: placeholders, links, emphasis and code of the
// English are those of every pseudo-translation.
func TestStructureSurvives(t *testing.T) {
	for _, tag := range pseudo.Tags {
		for _, msg := range messages {
			got := pseudo.Translate(tag, msg)
			if want, have := render.StructureOf(msg), render.StructureOf(got); !reflect.DeepEqual(want, have) {
				t.Errorf("Translate(%s, %q) = %q: structure %+v, want %+v", tag, msg, got, have, want)
			}
		}
	}
}

func TestAccentedIsLongerAndBracketed(t *testing.T) {
	for _, msg := range messages {
		got := pseudo.Translate(pseudo.Accented, msg)
		if !strings.HasPrefix(got, "⟦") || !strings.HasSuffix(got, "⟧") {
			t.Errorf("Translate(en-XA, %q) = %q, not wrapped in ⟦ ⟧", msg, got)
		}
		plain, pseudoPlain := render.Plain(msg), render.Plain(got)
		if n, m := utf8.RuneCountInString(plain), utf8.RuneCountInString(pseudoPlain); float64(m) < 1.3*float64(n) {
			t.Errorf("Translate(en-XA, %q) shows %d characters for %d: want about 35%% more", msg, m, n)
		}
		if strings.ContainsAny(pseudoPlain, "aeiouAEIOU") && !strings.ContainsAny(msg, "{`:") {
			t.Errorf("Translate(en-XA, %q) = %q left unaccented vowels", msg, got)
		}
	}
}

func TestBidiMirrorsTextOnly(t *testing.T) {
	got := pseudo.Translate(pseudo.Bidi, "Read the [strategy](https://x.gov/s.pdf).")
	want := "\u202eRead the \u202c[\u202estrategy\u202c](https://x.gov/s.pdf)\u202e.\u202c"
	if got != want {
		t.Errorf("Translate(ar-XB) = %q, want %q", got, want)
	}
}

func ExampleTranslate() {
	fmt.Println(pseudo.Translate(pseudo.Accented, "Last Updated: {{.Date}}"))
	// Output:
	// ⟦Ļášţ Ûþðáţéð: {{.Date}} öñé ţŵö ţĥŕéé⟧
}
