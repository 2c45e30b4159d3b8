package build_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitegen"
	"github.com/hsi-l10n/l10n/internal/snapshot"
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

// buildOnce builds s into dir as l10n build does.
func buildOnce(b *testing.B, s *site.Site, dir, manifest string) build.Summary {
	sn, err := snapshot.Read(s, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer sn.Close()
	st, err := build.NewStream(sn, "", "")
	if err != nil {
		b.Fatal(err)
	}
	sum, err := build.Write(context.Background(), build.NewInput(sn, st), dir, build.Options{Manifest: manifest})
	if err != nil {
		b.Fatal(err)
	}
	return sum
}

// BenchmarkLoad measures reading a site: the snapshot (pages, the
// English, an index of each catalog), and every catalog in full as the
// preview server and status read them.
func BenchmarkLoad(b *testing.B) {
	for _, pages := range []int{200, 2000} {
		s := benchSite(b, pages)
		b.Run(fmt.Sprintf("snapshot/pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sn, err := snapshot.Read(s, nil)
				if err != nil {
					b.Fatal(err)
				}
				sn.Close()
			}
		})
		b.Run(fmt.Sprintf("whole/pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := build.Load(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
