package build

import (
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// Load reads what a build of s needs: its pages, the English messages
// they make (the pages are the truth, not locales/en.toml), and every
// locale catalog.
func Load(s *site.Site) (*Input, error) {
	return LoadScoped(s, Scope{})
}

// LoadScoped is Load for the build sc describes: it leaves unread the
// catalogs of the locales it can freeze (see Scope).
func LoadScoped(s *site.Site, sc Scope) (*Input, error) {
	pages, err := s.LoadPages()
	if err != nil {
		return nil, err
	}
	var keys map[language.Tag]string
	var frozen map[language.Tag]bool
	var files map[string]fileRecord
	last, lastKnown := loadManifestFile(sc.Manifest)
	if sc.Manifest != "" {
		// A site whose catalogs cannot be listed or read is loaded in
		// full, to report why.
		if keys, files, err = groupKeys(s, pages, sc, last); err == nil && !sc.ReadAll {
			frozen = frozenLocales(keys, last)
		}
	}
	// newInput is the Input of pages before any catalog is read.
	newInput := func(pages []*content.Page) *Input {
		return &Input{BaseURL: s.Config.BaseURL, Pages: pages, Fallbacks: s.Fallbacks,
			Policies: map[language.Tag]site.Policy{}, Frozen: frozen, last: last, lastPath: sc.Manifest, lastKnown: lastKnown, files: files}
	}
	if sc.Lean {
		in := newInput(pages)
		if ok, err := loadLean(s, sc, leanScope{pages: pages, frozen: frozen, keys: keys}, in); ok || err != nil {
			return in, err
		}
		// Read anew: a lean load may have given the pages IDs.
		if pages, err = s.LoadPages(); err != nil {
			return nil, err
		}
	}
	cats, err := s.LoadCatalogsOf(func(f site.LocaleFile) bool { return !frozen[f.Tag] })
	if err != nil {
		return nil, err
	}
	// The same IDs extract would give: those of locales/en.toml where the
	// blocks are still there.
	previous, err := extract.AssignFrom(pages, cats)
	if err != nil {
		return nil, err
	}
	in := newInput(pages)
	in.Source = extract.Source(pages)
	var read []*catalog.File // the catalogs read, to check
	for _, c := range cats {
		if c.Tag != site.Source {
			in.Locales = append(in.Locales, c)
			in.Policies[c.Tag] = s.PolicyFor(c.Tag)
			if !frozen[c.Tag] {
				read = append(read, c)
			}
		}
	}
	var warnings diag.List
	// A translation l10n check rejects (a changed link, a template action,
	// HTML, a lost do-not-translate term…) is not shown: readers see the
	// next locale of the chain, and the build says why.
	before := loadPassed(sc.Checked, sc.Program, read)
	rejected, problems, passed := check.Rejected(&check.Input{
		Source:        &catalog.File{Path: site.SourceCatalog, Tag: site.Source, Messages: in.Source},
		Locales:       read,
		Glossary:      s.Config.Glossary,
		ShortcodeArgs: s.Config.Content.ShortcodeArgs,
		Passed:        before,
	})
	if err := savePassed(sc.Checked, sc.Program, passed, before); err != nil {
		return nil, err
	}
	warnings = append(warnings, notShown(problems)...)
	in.keys = cleanKeys(keys, in.Locales, problems)
	for i, f := range in.Locales {
		if len(rejected[f.Tag]) > 0 {
			in.Locales[i] = withoutMessages(f, rejected[f.Tag])
		}
	}
	if skipped, err := s.Warnings(); err == nil {
		warnings = append(warnings, skipped...)
	}
	if !catalog.SameEnglish(previous, in.Source) {
		// The IDs of blocks that locales/en.toml lacks depend on the IDs
		// of every catalog, read or not: freeze nothing next time.
		in.keys = nil
		warnings.Add(diag.Warningf(diag.Pos{File: site.SourceCatalog}, "out of date with content/; run l10n extract so translators see the current English"))
	}
	in.Warnings = warnings
	return in, nil
}

// withoutMessages returns a copy of f in which the messages ids names are
// empty, as if not translated.
func withoutMessages(f *catalog.File, ids map[string]bool) *catalog.File {
	out := &catalog.File{Path: f.Path, Tag: f.Tag, Messages: make([]*catalog.Message, len(f.Messages))}
	for i, m := range f.Messages {
		if ids[m.ID] {
			m = &catalog.Message{ID: m.ID, Hash: m.Hash, Pos: m.Pos}
		}
		out.Messages[i] = m
	}
	return out
}

// notShown turns the errors check found in translations into the build's
// warnings: a rejected translation is not shown, readers see the next
// locale of the chain.
func notShown(problems diag.List) diag.List {
	var out diag.List
	for _, e := range problems {
		out.Add(diag.Warningf(e.Pos, "%s; not shown until fixed", e.Msg))
	}
	return out
}
