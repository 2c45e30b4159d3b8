package extract

import (
	"bytes"
	"errors"
	"runtime"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// ErrNotStreamed says that [Stream] cannot do the work: the caller reads
// every catalog and calls [Run].
var ErrNotStreamed = errors.New("extract: the catalogs must be read together")

// Load reads catalog i of the n that [Stream] is given: the catalog and
// the bytes it was parsed from.
type Load func(i int) (f *catalog.File, src []byte, err error)

// Stream is [Run] for catalogs read one at a time, so that memory holds a
// few of them rather than all: load(0) is the English catalog
// (locales/en.toml), load(1) … load(n-1) the others. A catalog whose
// bytes would not change comes back Unchanged, without Data; only the
// others are held until the end, since nothing may be written before
// every catalog is known to be good.
//
// The blocks of pages have their IDs (see snapshot.Read). When a catalog
// cannot be read, Stream returns ErrNotStreamed, so that Run reads them
// all and reports every problem at once; so it does with opts.Prune,
// which only Run does.
func Stream(pages []*content.Page, n int, load Load, opts Options) ([]Output, error) {
	if n == 0 || opts.Prune {
		return nil, ErrNotStreamed
	}
	en, enSrc, err := load(0)
	if err != nil || en.Tag != language.English {
		return nil, ErrNotStreamed
	}
	pl := newPlan(pages, en.Messages)
	outs := make([]Output, n)
	outs[0] = pl.english
	settle(&outs[0], enSrc)
	// Each locale is read and laid out on its own core, into its own
	// slot, so the result does not depend on scheduling.
	clashes := make([]diag.List, n)
	laidOut := opts.progress(n - 1)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := 1; i < n; i++ {
		g.Go(func() error {
			f, src, err := load(i)
			if err != nil {
				return ErrNotStreamed
			}
			outs[i], clashes[i] = pl.locale(f, false)
			settle(&outs[i], src)
			laidOut()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var list diag.List
	for _, c := range clashes {
		list = append(list, c...)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return outs, nil
}

// settle marks o Unchanged, and drops its Data, if it is what src holds.
func settle(o *Output, src []byte) {
	if bytes.Equal(o.Data, src) {
		o.Sum = sum(src)
		o.Data, o.Unchanged = nil, true
	}
}
