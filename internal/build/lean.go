package build

import (
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/site"
)

// A lean load (Scope.Lean) reads the locale catalogs as a stream: each is
// parsed, checked and added to the resolver, which copies out the texts
// readers can be shown, and is then dropped, so memory holds a couple of
// catalogs at a time rather than all of them with every comment and
// description (on 2,000 pages × 10 locales, 400 MB of TOML). The result
// is the Input a full load gives, except that its Locales hold no
// messages.
//
// The English IDs are those extract gives. A block that locales/en.toml
// lacks gets a new ID that no catalog holds, which needs every catalog's
// IDs; a lean load therefore gives up (ok is false) when the pages'
// messages differ from locales/en.toml, and on any error, so that the
// full load runs and reports it as it always does.

// leanScope is what LoadScoped worked out before reading any catalog.
type leanScope struct {
	pages  []*content.Page
	frozen map[language.Tag]bool
	keys   map[language.Tag]string
}

// loadLean is LoadScoped for a lean build; see above.
func loadLean(s *site.Site, sc Scope, ls leanScope, in *Input) (ok bool, err error) {
	files, err := s.Locales()
	if err != nil || len(files) == 0 || files[0].Tag != site.Source {
		return false, nil
	}
	en, _, err := s.ReadCatalog(files[0])
	if err != nil {
		return false, nil
	}
	for _, m := range en.Messages {
		// The pages take their IDs from here: copied, they do not keep
		// the whole file in memory.
		m.ID = strings.Clone(m.ID)
	}
	// en.toml up to date with the pages (SameEnglish below) names every
	// block; where it does not, the full load gives IDs and warns.
	if complete, err := extract.AssignFromEnglish(ls.pages, en.Messages); err != nil || !complete {
		return false, nil
	}
	in.Source = extract.Source(ls.pages)
	if !catalog.SameEnglish(en.Messages, in.Source) {
		return false, nil
	}
	en = nil // only its IDs were needed

	locales := files[1:]
	var read []*catalog.File // the catalogs to read and check
	for _, f := range locales {
		c := &catalog.File{Path: f.Path, Tag: f.Tag}
		in.Locales = append(in.Locales, c)
		in.Policies[f.Tag] = s.PolicyFor(f.Tag)
		if !ls.frozen[f.Tag] {
			read = append(read, c)
		}
	}
	before := loadPassed(sc.Checked, sc.Program, read)
	source := &catalog.File{Path: site.SourceCatalog, Tag: site.Source, Messages: in.Source}
	memo := check.NewMemo()
	r := fallback.NewResolver(site.Source, in.Source, nil)
	// Each locale is read, checked and added on its own core; results go
	// into slots in locale order, so nothing depends on scheduling.
	problems := make([]diag.List, len(locales))
	passed := make([]*check.KeySet, len(locales))
	var mu sync.Mutex // guards r
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, lf := range locales {
		if ls.frozen[lf.Tag] {
			mu.Lock()
			r.Add(in.Locales[i])
			mu.Unlock()
			continue
		}
		g.Go(func() error {
			f, _, err := s.ReadCatalog(lf)
			if err != nil {
				return err
			}
			rejected, list, keys := check.Rejected(&check.Input{Source: source, Locales: []*catalog.File{f},
				Glossary: s.Config.Glossary, ShortcodeArgs: s.Config.Content.ShortcodeArgs, Passed: before, Memo: memo})
			if len(rejected[f.Tag]) > 0 {
				f = withoutMessages(f, rejected[f.Tag])
			}
			problems[i], passed[i] = list, keys[f.Tag]
			mu.Lock()
			r.Add(f)
			mu.Unlock()
			return nil
		})
	}
	if g.Wait() != nil {
		return false, nil
	}
	var all diag.List
	got := map[language.Tag]*check.KeySet{}
	for i, lf := range locales {
		all = append(all, problems[i]...)
		if passed[i] != nil {
			got[lf.Tag] = passed[i]
		}
	}
	all.Sort()
	if err := savePassed(sc.Checked, sc.Program, got, before); err != nil {
		return false, err
	}
	in.Warnings = append(in.Warnings, notShown(all)...)
	in.keys = cleanKeys(ls.keys, in.Locales, all)
	in.resolver = r
	if skipped, err := s.Warnings(); err == nil {
		in.Warnings = append(in.Warnings, skipped...)
	}
	return true, nil
}
