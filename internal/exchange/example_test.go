package exchange_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
)

func ExampleApply() {
	forms := func(s string) map[string]string { return map[string]string{"other": s} }
	en := &catalog.File{Tag: language.English, Messages: []*catalog.Message{
		{ID: "page.intro.p1", Hash: catalog.Hash(forms("Report it.")), Forms: forms("Report it.")},
		{ID: "page.intro.p2", Hash: catalog.Hash(forms("Call us today.")), Forms: forms("Call us today.")},
	}}
	vi := &catalog.File{Path: "locales/vi.toml", Tag: language.Vietnamese, Messages: []*catalog.Message{
		{ID: "page.intro.p1", Hash: catalog.Hash(forms("Report it.")), Forms: forms("")},
		{ID: "page.intro.p2", Hash: catalog.Hash(forms("Call us today.")), Forms: forms("")},
	}}
	f := exchange.Export(en, vi)
	// The translator's work: one done, one a draft (PO fuzzy).
	f.Units[0].State, f.Units[0].Target = exchange.Translated, forms("Hãy báo cáo.")
	f.Units[1].State, f.Units[1].Target = exchange.NeedsReview, forms("Gọi?")
	f.Units[1].Pos = diag.Pos{File: "vi.po", Line: 24, Col: 1}

	res, list := exchange.Apply(en, vi, f)
	for _, m := range res.Changed {
		fmt.Printf("[%s] %q current=%v\n", m.ID, m.Other(), m.Hash == en.Messages[0].Hash)
	}
	fmt.Println(list)
	// Output:
	// [page.intro.p1] "Hãy báo cáo." current=true
	// vi.po:24:1: warning: [page.intro.p2] needs review (PO fuzzy, or XLIFF state initial); not imported, the entry stays untranslated; review it, clear fuzzy or set state="translated", and import again
}
