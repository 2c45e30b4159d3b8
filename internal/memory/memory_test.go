package memory

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// site is an English catalog and a Spanish one, current where the
// Spanish has a text, with the IDs p1, p2, … in order.
func site(pairs ...[2]string) (source []*catalog.Message, es *catalog.File) {
	es = &catalog.File{Path: "locales/es.toml", Tag: language.Spanish}
	for i, p := range pairs {
		forms := map[string]string{"other": p[0]}
		id := fmt.Sprintf("p%d", i+1)
		source = append(source, &catalog.Message{ID: id, Hash: catalog.Hash(forms), Forms: forms})
		es.Messages = append(es.Messages, &catalog.Message{ID: id, Hash: catalog.Hash(forms), Forms: map[string]string{"other": p[1]}})
	}
	return source, es
}

func TestSuggest(t *testing.T) {
	source, es := site(
		[2]string{"Call the HSI Tip Line at 1-866-347-2423.", "Llame a la Línea de Denuncias de HSI al 1-866-347-2423."},
		[2]string{"Report it within 2 business days, [online](https://www.ice.gov/tip).", "Denúncielo en un plazo de 2 días hábiles, [en línea](https://www.ice.gov/tip)."},
		[2]string{"Smuggling organizations exploit our borders every day.", "Las organizaciones de contrabando explotan nuestras fronteras todos los días."},
		[2]string{"Call the HSI Tip Line at 1-866-347-2423.", ""},                                  // p4: the same English, untranslated
		[2]string{"Report it within 3 business days, [online](https://www.ice.gov/es/tip).", ""},   // p5: numbers and link changed
		[2]string{"Smuggling organizations exploit our borders every single day.", ""},             // p6: one word more
		[2]string{"Report it within 50,000 business days, [online](https://www.ice.gov/tip).", ""}, // p7: mapped number
		[2]string{"Organizations exploit children.", ""},                                           // p8: nothing similar
	)
	// An untranslated entry is not in the memory; a stale one neither.
	es.Messages[5].Forms["other"] = "Las organizaciones de contrabando explotan nuestras fronteras cada día."
	es.Messages[5].Hash = "sha256:old"
	m := New(source, es)
	if m.Len() != 3 {
		t.Fatalf("Len = %d, want 3 (the current translations only)", m.Len())
	}
	for _, tc := range []struct {
		id   string
		want []Suggestion
	}{
		{"p4", []Suggestion{{Origin: "p1", English: source[0].Other(), Text: es.Messages[0].Other(), Score: 100}}},
		{"p5", []Suggestion{{Origin: "p2", English: source[1].Other(), Text: "Denúncielo en un plazo de 3 días hábiles, [en línea](https://www.ice.gov/es/tip).", Score: 99, Mapped: true}}},
		{"p6", []Suggestion{{Origin: "p3", English: source[2].Other(), Text: es.Messages[2].Other(), Score: 88}}},
		{"p7", []Suggestion{{Origin: "p2", English: source[1].Other(), Text: "Denúncielo en un plazo de 50,000 días hábiles, [en línea](https://www.ice.gov/tip).", Score: 99, Mapped: true}}},
		{"p8", nil},
		{"p1", nil}, // its own translation is not a suggestion; p4 is untranslated
	} {
		var en *catalog.Message
		for _, s := range source {
			if s.ID == tc.id {
				en = s
			}
		}
		got := m.Suggest(en, 3)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("Suggest(%s) = %+v\nwant %+v", tc.id, got, tc.want)
		}
	}
}

func TestMapAnchorsNeedsEachAnchorOnceInTheTranslation(t *testing.T) {
	from := tokenize("Seized 2 tons in 2 ports.")
	to := tokenize("Seized 3 tons in 3 ports.")
	if got, ok := mapAnchors(from, to, "Se incautaron 2 toneladas en 2 puertos."); ok {
		t.Errorf("mapAnchors = %q, true; want false: 2 is twice in the translation", got)
	}
	from, to = tokenize("Seized 50,000 pounds."), tokenize("Seized 61,000 pounds.")
	if got, ok := mapAnchors(from, to, "Se incautaron 50.000 libras."); ok {
		t.Errorf("mapAnchors = %q, true; want false: the translator wrote 50.000", got)
	}
	from, to = tokenize("Seized drugs."), tokenize("Seized weapons.")
	if _, ok := mapAnchors(from, to, "Se incautaron drogas."); ok {
		t.Error("mapAnchors mapped a changed word")
	}
}

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"a b c d", "a b c d", 100},
		{"a b c d", "a b x d", 75},
		{"a b c d", "a b c", 75},
		{"", "", 100},
		{"a b", "c d", 0},
	} {
		if got := similarity(tokenize(tc.a), tokenize(tc.b)); got != tc.want {
			t.Errorf("similarity(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPluralMessagesAreLeftOut(t *testing.T) {
	forms := map[string]string{"one": "{{.Count}} page", "other": "{{.Count}} pages"}
	source := []*catalog.Message{{ID: "n", Hash: catalog.Hash(forms), Forms: forms}}
	es := &catalog.File{Tag: language.Spanish, Messages: []*catalog.Message{{ID: "n", Hash: catalog.Hash(forms), Forms: map[string]string{"one": "{{.Count}} página", "other": "{{.Count}} páginas"}}}}
	if m := New(source, es); m.Len() != 0 || m.Suggest(source[0], 3) != nil {
		t.Errorf("a plural message is in the memory (Len %d) or offered suggestions", m.Len())
	}
}
