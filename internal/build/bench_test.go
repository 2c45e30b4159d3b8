package build_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// benchLocales are the ten locales of the benchmark sites, with mixed
// coverage as real sites have.
var (
	benchLocales  = []string{"es", "es-MX", "zh-Hans", "zh-Hant", "ar", "vi", "ht", "ko", "ru", "fr"}
	benchCoverage = []int{100, 30, 95, 60, 50, 35, 20, 70, 55, 80}
)

// benchSite generates a site of pages × 10 locales into a temporary folder.
func benchSite(b *testing.B, pages int) *site.Site {
	b.Helper()
	dir := b.TempDir()
	if err := sitegen.Generate(dir, sitegen.Options{Pages: pages, Locales: benchLocales, Coverage: benchCoverage, Stale: 5, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkBuild measures a full build (load, render, write) and a no-op
// rebuild of generated sites of 200 and 2,000 pages in 10 locales. Run
// the 2,000-page case with -benchtime=1x: each iteration writes 22,000
// files. See docs/benchmarks.md.
func BenchmarkBuild(b *testing.B) {
	for _, pages := range []int{200, 2000} {
		s := benchSite(b, pages)
		b.Run(fmt.Sprintf("full/pages=%d", pages), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				dir := filepath.Join(b.TempDir(), "public")
				buildOnce(b, s, dir, "")
			}
			b.ReportMetric(float64(pages*11*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
		b.Run(fmt.Sprintf("noop/pages=%d", pages), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "public")
			manifest := filepath.Join(b.TempDir(), "build.manifest")
			buildOnce(b, s, dir, manifest)
			for b.Loop() {
				if sum := buildOnce(b, s, dir, manifest); sum.Written != 0 {
					b.Fatalf("no-op rebuild wrote %d files", sum.Written)
				}
			}
		})
	}
}

// buildOnce builds s into dir as l10n build does, with a lean load.
func buildOnce(b *testing.B, s *site.Site, dir, manifest string) build.Summary {
	in, err := build.LoadScoped(s, build.Scope{Lean: true})
	if err != nil {
		b.Fatal(err)
	}
	sum, err := build.Write(context.Background(), in, dir, build.Options{Manifest: manifest})
	if err != nil {
		b.Fatal(err)
	}
	return sum
}

// BenchmarkLoad measures reading the pages and every catalog: all held
// (full, as serve and status load), or streamed into the resolver (lean,
// as l10n build loads).
func BenchmarkLoad(b *testing.B) {
	for _, pages := range []int{200, 2000} {
		s := benchSite(b, pages)
		for _, lean := range []bool{false, true} {
			name := map[bool]string{false: "full", true: "lean"}[lean]
			b.Run(fmt.Sprintf("%s/pages=%d", name, pages), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := build.LoadScoped(s, build.Scope{Lean: lean}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
