package memory

import (
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// TestApplyWritesExactMatchesForReviewAndNeverChangesATranslation: an
// untranslated entry takes the same English's translation to await
// review (current only when told), a stale one keeps its translation and
// is shown suggestions, and suggestions of an earlier run are replaced.
// See issue 14.
func TestApplyWritesExactMatchesForReviewAndNeverChangesATranslation(t *testing.T) {
	source, es := site(
		[2]string{"Call the HSI Tip Line.", "Llame a la Línea de Denuncias de HSI."},
		[2]string{"Call the HSI Tip Line.", ""},
		[2]string{"Call the HSI Tip Line today.", "Llame hoy."},
		[2]string{"Call the HSI Tip Line now.", ""},
	)
	es.Messages[2].Hash = "sha256:old" // stale
	es.Messages[3].Comment = []string{"tm 70% [gone]: from an earlier run", "tm 70% [gone] en: Gone."}
	for _, exactCurrent := range []bool{false, true} {
		out, offered := Apply(source, es, New(source, es), exactCurrent)
		got := out.Index()
		p2 := got["p2"]
		wantHash := catalog.ReviewPrefix + source[1].Hash
		if exactCurrent {
			wantHash = source[1].Hash
		}
		if p2.Other() != "Llame a la Línea de Denuncias de HSI." || p2.Hash != wantHash || !strings.Contains(strings.Join(p2.Comment, "\n"), "proposed by l10n tm: the translation of [p1], the same English") {
			t.Errorf("exactCurrent=%v: p2 = %q hash %s comment %q; want p1's translation, hash %s, and where it came from", exactCurrent, p2.Other(), p2.Hash, p2.Comment, wantHash)
		}
		if p3 := got["p3"]; p3.Other() != "Llame hoy." || p3.Hash != "sha256:old" {
			t.Errorf("the stale p3 changed to %q hash %s", p3.Other(), p3.Hash)
		}
		p4 := strings.Join(got["p4"].Comment, "\n")
		if strings.Contains(p4, "earlier run") || !strings.Contains(p4, "tm 85% [p1]: Llame a la Línea de Denuncias de HSI.") || !strings.Contains(p4, "tm 85% [p1] en: Call the HSI Tip Line.") {
			t.Errorf("p4's comment = %q; want p1's translation at 85%% and its English, and no line of an earlier run", p4)
		}
		if got["p4"].Translated() {
			t.Errorf("p4 took a fuzzy match as its translation: %q", got["p4"].Other())
		}
		if len(offered) != 3 || offered[0].ID != "p2" || offered[0].Applied == nil || offered[0].Current != exactCurrent {
			t.Errorf("offered = %+v; want p2 (applied), p3 and p4", offered)
		}
		if es.Messages[1].Other() != "" {
			t.Fatal("Apply changed its input")
		}
	}
}
