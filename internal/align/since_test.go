package align

import (
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
)

func parse(t *testing.T, file, src string) *content.Page {
	t.Helper()
	p, err := content.Parse(file, []byte(src), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPagesSinceFollowsTheEnglishThroughItsEdits: a translation made from
// an older English pairs through it with today's English: a changed block
// is stale with what it was, a block added since and one removed since
// are left unpaired, saying so.
func TestPagesSinceFollowsTheEnglishThroughItsEdits(t *testing.T) {
	old := parse(t, "content/p.md", "+++\ntitle = \"Smuggling\"\n+++\n\nSmuggling hurts communities.\n\nIn 2023, HSI seized 50,000 pounds.\n\nWe work with partners abroad.\n\nCall the tip line.\n")
	now := parse(t, "content/p.md", "+++\ntitle = \"Smuggling\"\n+++\n\nSmuggling hurts communities.\n\nIn 2024, HSI seized 61,000 pounds.\n\nTips can be anonymous.\n\nCall the tip line.\n")
	tr := parse(t, "content/es/p.md", "+++\ntitle = \"Contrabando\"\n+++\n\nEl contrabando daña a las comunidades.\n\nEn 2023, HSI incautó 50 000 libras.\n\nTrabajamos con socios en el extranjero.\n\nLlame a la línea de denuncias.\n")
	r := PagesSince(now, old, tr, "commit abc1234")
	var got []string
	for _, p := range r.Pairs {
		got = append(got, clip(p.En.Text)+" => "+clip(p.Tr.Text)+" was "+p.Was)
	}
	want := []string{
		"Smuggling => Contrabando was ",
		"Smuggling hurts communities. => El contrabando daña a las comunidades. was ",
		"In 2024, HSI seized 61,000 pounds. => En 2023, HSI incautó 50 000 libras. was In 2023, HSI seized 50,000 pounds.",
		"Call the tip line. => Llame a la línea de denuncias. was ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pairs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.En) != 1 || r.En[0].Block.Text != "Tips can be anonymous." || !strings.Contains(r.En[0].Why, "added to the English since commit abc1234") {
		t.Errorf("English left unpaired = %+v; want the paragraph added since", r.En)
	}
	if len(r.Tr) != 1 || !strings.HasPrefix(r.Tr[0].Block.Text, "Trabajamos") || !strings.Contains(r.Tr[0].Why, "no longer on the page") {
		t.Errorf("translation left unpaired = %+v; want the one whose English was removed", r.Tr)
	}
}
