package extract_test

import (
	"bytes"
	"runtime"
	"slices"
	"testing"

	"github.com/hsi-l10n/l10n/internal/extract"
)

// TestOneWorkerEqualsMany: with GOMAXPROCS=1 and with GOMAXPROCS=8, Run
// gives the same outputs, some catalogs spliced and one laid out whole.
// It sets GOMAXPROCS for the whole process, so it does not run in
// parallel with other tests.
func TestOneWorkerEqualsMany(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	s, idx := extractedSite(t)
	editPage(t, s, 4, appendTo(0, " Updated."))
	editTranslation(t, s, "locales/vi.toml")
	var outs [][]extract.Output
	for _, procs := range []int{1, 8} {
		runtime.GOMAXPROCS(procs)
		_, got, whole := run(t, s, idx)
		if want := []string{"locales/en.toml", "locales/vi.toml"}; !slices.Equal(whole, want) {
			t.Errorf("GOMAXPROCS=%d: read whole %v, want %v", procs, whole, want)
		}
		outs = append(outs, got)
	}
	one, many := outs[0], outs[1]
	if len(one) != len(many) {
		t.Fatalf("%d outputs with 1 proc, %d with 8", len(one), len(many))
	}
	for i := range one {
		a, b := one[i], many[i]
		if a.Path != b.Path || a.Unchanged != b.Unchanged || !bytes.Equal(a.Bytes(), b.Bytes()) || !slices.Equal(a.Bounds, b.Bounds) {
			t.Errorf("%s with 1 proc differs from %s with 8", a.Path, b.Path)
		}
	}
}

// TestProgressCountsEveryCatalog: Run tells Progress of each locale
// catalog done, spliced or laid out whole, one call at a time, up to the
// total. See issue 5.
func TestProgressCountsEveryCatalog(t *testing.T) {
	t.Parallel()
	s, idx := extractedSite(t)
	editPage(t, s, 4, appendTo(0, " Updated."))
	want := len(catalogPaths(t, s)) - 1 // every catalog but the English
	for name, idx := range map[string]*extract.Index{"whole": nil, "spliced": idx} {
		in, _ := siteInput(t, s, idx)
		var calls [][2]int
		opts := extract.Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
		if _, err := extract.Run(in, opts); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(calls) != want {
			t.Errorf("%s: %d progress calls, want %d: %v", name, len(calls), want, calls)
		}
		for i, c := range calls {
			if c != [2]int{i + 1, want} {
				t.Errorf("%s: call %d = %v, want [%d %d]", name, i, c, i+1, want)
			}
		}
	}
}
