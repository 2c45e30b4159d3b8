package extract_test

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
)

// TestSameSourceIsSameEnglish: SameSource, which makes no message, says
// what catalog.SameEnglish says of the messages Source makes, for the
// English as extract writes it and for each way it can differ.
func TestSameSourceIsSameEnglish(t *testing.T) {
	t.Parallel()
	s, _ := extractedSite(t)
	in, cs := siteInput(t, s, nil)
	en, err := catalog.Parse("locales/en.toml", language.English, cs.data["locales/en.toml"])
	if err != nil {
		t.Fatal(err)
	}
	source := extract.Source(in.Pages)
	edit := func(f func(m []*catalog.Message) []*catalog.Message) []*catalog.Message {
		m := make([]*catalog.Message, len(source))
		for i, x := range source {
			c := *x
			m[i] = &c
		}
		return f(m)
	}
	for _, c := range []struct {
		name     string
		previous []*catalog.Message
	}{
		{"as read", en.Messages},
		{"as made", source},
		{"none", nil},
		{"last dropped", source[:len(source)-1]},
		{"one more", append(slices.Clone(source), &catalog.Message{ID: "x.y", Hash: "sha256:0000000000000000"})},
		{"a hash changed", edit(func(m []*catalog.Message) []*catalog.Message { m[len(m)/2].Hash = "sha256:0000000000000000"; return m })},
		{"an ID changed", edit(func(m []*catalog.Message) []*catalog.Message { m[len(m)-1].ID += "x"; return m })},
		{"chrome changed", edit(func(m []*catalog.Message) []*catalog.Message { m[0].Hash = m[1].Hash; return m })},
		{"two swapped", edit(func(m []*catalog.Message) []*catalog.Message { m[7], m[8] = m[8], m[7]; return m })},
		{"description changed", edit(func(m []*catalog.Message) []*catalog.Message { m[9].Description = "other"; return m })},
	} {
		want := catalog.SameEnglish(c.previous, source)
		if got := extract.SameSource(extract.OldOf(c.previous), in.Pages); got != want {
			t.Errorf("%s: SameSource = %v, SameEnglish = %v", c.name, got, want)
		}
	}
	if !extract.SameSource(extract.OldOf(en.Messages), in.Pages) {
		t.Errorf("the English extract wrote differs from its pages")
	}
}
