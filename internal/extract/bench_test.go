package extract_test

import (
	"fmt"
	"testing"

	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// BenchmarkExtract measures extract on generated sites of 200 and 2,000
// pages in 10 locales: reading pages and catalogs, assigning IDs and
// laying out every catalog (not writing them).
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
		b.Run(fmt.Sprintf("run/pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pages, err := snapshotPages(s)
				if err != nil {
					b.Fatal(err)
				}
				cats, err := s.LoadCatalogs()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := extract.Run(pages, cats, extract.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		// As l10n extract does without its caches: one catalog at a time.
		b.Run(fmt.Sprintf("stream/pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := runStream(b, s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
