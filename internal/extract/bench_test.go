package extract_test

import (
	"fmt"
	"testing"

	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// BenchmarkExtract measures Run on generated sites of 200 and 2,000
// pages in 10 locales (the catalogs held in memory, not written):
// without an Index, every catalog laid out whole, as l10n extract does
// without its caches; after an edit of one paragraph, every catalog
// spliced; and after that edit and a translator's edit of es.toml, es
// laid out whole and the others spliced.
func BenchmarkExtract(b *testing.B) {
	locales := []string{"es", "es-MX", "zh-Hans", "zh-Hant", "ar", "vi", "ht", "ko", "ru", "fr"}
	coverage := []int{100, 30, 95, 60, 50, 35, 20, 70, 55, 80}
	for _, pages := range []int{200, 2000} {
		dir := b.TempDir()
		if err := sitegen.Generate(dir, sitegen.Options{Pages: pages, Locales: locales, Coverage: coverage, Stale: 5, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		s, err := site.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		in, _ := siteInput(b, s, nil)
		outs, err := extract.Run(in, extract.Options{})
		if err != nil {
			b.Fatal(err)
		}
		idx := extract.NewIndex("bench", in.Pages, outs)
		cases := []struct {
			name string
			idx  *extract.Index
			edit func()
		}{
			{"whole", nil, func() {}},
			{"one edit", idx, func() { editPage(b, s, 0, appendTo(0, " Updated.")) }},
			{"one edit and es.toml", idx, func() { editTranslation(b, s, "locales/es.toml") }},
		}
		for _, c := range cases {
			c.edit()
			b.Run(fmt.Sprintf("%s/pages=%d", c.name, pages), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					in, _ := siteInput(b, s, c.idx)
					if _, err := extract.Run(in, extract.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
