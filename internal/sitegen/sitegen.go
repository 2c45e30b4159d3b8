// Package sitegen writes synthetic sites for benchmarks and tests: English
// information pages shaped like the shipped one (a title, 3–6 H2
// sections, 8–15 paragraphs of 40–90 words, a bulleted list with bold
// lead-ins, links, dates and numbers) and one catalog per locale with a
// given share of the messages translated and some of those stale.
//
// [Generate] writes the site in l10n's own formats, exactly as
// "l10n extract" lays it out, so extract on a generated site changes
// nothing. [GenerateHugo] writes the same site as a multilingual Hugo
// site (translation by file name), each locale's page assembled the way
// l10n build shows it: current translations in the locale (or the
// nearest locale of its fallback chain that has one), the other blocks
// in English, so the same work can be timed in both tools.
//
// Output depends only on [Options]: the same options give the same bytes.
// Page i is made from its own random source (seeded from Options.Seed and
// i), so the first 200 pages of a 2,000-page site are the pages of a
// 200-page site, apart from the rare slug made unique with a number.
//
// The translations are made-up words in each locale's script (see
// translator): the text has the length, script and spacing of a
// translation and keeps the English's links and bold spans, but it is not
// a language.
package sitegen

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"sync"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

// Options say what site to generate.
type Options struct {
	Pages   int      // number of English pages
	Locales []string // canonical BCP 47 tags of the locale catalogs: "es", "zh-Hans"
	// Coverage is the percentage of each locale's messages that are
	// translated, one value per locale, or one value for all; none means
	// 100 for all.
	Coverage []int
	Stale    int    // percentage of the translated messages that are stale
	Seed     uint64 // the same seed and options give the same site
}

// gen is a site being generated: the validated options and the English
// pages.
type gen struct {
	o        Options
	tags     []language.Tag
	coverage []int // per tag
	pages    []*page
}

func newGen(o Options) (*gen, error) {
	g := &gen{o: o}
	if o.Pages < 0 {
		return nil, fmt.Errorf("pages = %d; give a number of pages of 0 or more", o.Pages)
	}
	if o.Stale < 0 || o.Stale > 100 {
		return nil, fmt.Errorf("stale = %d; give a percentage from 0 to 100", o.Stale)
	}
	seen := map[language.Tag]bool{}
	for _, name := range o.Locales {
		tag, err := locale.Parse(name)
		if err != nil {
			return nil, fmt.Errorf("locale %v", err)
		}
		if tag == language.English || seen[tag] {
			return nil, fmt.Errorf("locale %q is English or named twice; name each locale other than en once", name)
		}
		seen[tag] = true
		g.tags = append(g.tags, tag)
	}
	switch len(o.Coverage) {
	case 0:
		for range g.tags {
			g.coverage = append(g.coverage, 100)
		}
	case 1:
		for range g.tags {
			g.coverage = append(g.coverage, o.Coverage[0])
		}
	case len(g.tags):
		g.coverage = o.Coverage
	default:
		return nil, fmt.Errorf("%d coverage values for %d locales; give one per locale, or one for all", len(o.Coverage), len(g.tags))
	}
	for _, c := range g.coverage {
		if c < 0 || c > 100 {
			return nil, fmt.Errorf("coverage %d; give percentages from 0 to 100", c)
		}
	}
	pages, err := makePages(o.Seed, o.Pages)
	if err != nil {
		return nil, err
	}
	g.pages = pages
	return g, nil
}

// rng returns the random source of one part of the site, named by the
// strings and numbers given, so each part is the same whatever else the
// site holds.
func rng(seed uint64, name string, n uint64) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(seed^h.Sum64(), n))
}

// parallel calls f(0) … f(n-1) on as many goroutines as there are CPUs
// and returns the error of the lowest i that failed. f writes its result
// into a slot of its own, so the result does not depend on scheduling.
func parallel(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				errs[i] = f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
