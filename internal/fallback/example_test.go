package fallback_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/fallback"
)

func ExampleChainFor() {
	fmt.Println(fallback.ChainFor(language.MustParse("es-MX"), nil, language.English))
	// Output: [es-MX es-419 es en]
}

func ExampleChainFor_configured() {
	prs, fa := language.MustParse("prs"), language.MustParse("fa")
	fmt.Println(fallback.ChainFor(prs, map[language.Tag][]language.Tag{prs: {fa}}, language.English))
	// Output: [prs fa en]
}

func ExampleResolver_Resolve() {
	forms := func(s string) map[string]string { return map[string]string{"other": s} }
	english := []*catalog.Message{
		{ID: "page.intro.p1", Hash: catalog.Hash(forms("Report it.")), Forms: forms("Report it.")},
		{ID: "page.intro.p2", Hash: catalog.Hash(forms("Call us today.")), Forms: forms("Call us today.")},
	}
	es := &catalog.File{Tag: language.Spanish, Messages: []*catalog.Message{
		{ID: "page.intro.p1", Hash: catalog.Hash(forms("Report it.")), Forms: forms("Denúncielo.")},
		// Translated from English that has since changed: stale, not shown.
		{ID: "page.intro.p2", Hash: catalog.Hash(forms("Call us.")), Forms: forms("Llámenos.")},
	}}
	r := fallback.NewResolver(language.English, english, []*catalog.File{es})
	chain := fallback.ChainFor(language.MustParse("es-MX"), nil, language.English)
	for _, id := range []string{"page.intro.p1", "page.intro.p2"} {
		text, from, _ := r.Resolve(chain, id)
		fmt.Printf("%s: %q from %s\n", id, text, from)
	}
	// Output:
	// page.intro.p1: "Denúncielo." from es
	// page.intro.p2: "Call us today." from en
}
