package align

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// Options say what [Site] aligns, and how.
type Options struct {
	// Tag is the locale of the translated pages.
	Tag language.Tag
	// From is the folder of the translated pages, relative to the site,
	// or "" for where a Hugo site keeps them (see site.Site.TranslatedPage).
	From string
	// MinConfidence is the confidence from which a pair becomes a current
	// translation; a pair below it awaits review.
	MinConfidence float64
}

// Aligned is what [Site] makes of a site's translated pages.
type Aligned struct {
	// Data is the locale catalog with the new translations, in extract's
	// layout, to write in its place.
	Data []byte
	// Report says, page by page, what became of each pair.
	Report *Report
	// Notes are warnings about translated pages that were aligned with
	// the English of today, not of the commit they name.
	Notes diag.List
}

// Site aligns the translated pages of s in o.Tag with their English
// pages, as l10n align does, and fills loc, the catalog of o.Tag, with
// the pairs against source, the English catalog, which must be up to
// date with the pages (see [Apply]). Each new translation is checked as
// l10n check checks a catalog, with the site's glossary; one it rejects
// is not imported. A translated page that does not read is an error.
func Site(s *site.Site, source, loc *catalog.File, o Options) (*Aligned, error) {
	sn, err := snapshot.Read(s, nil)
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	pages := sn.Pages
	if sn.Stale {
		return nil, diag.Errorf(diag.Pos{File: site.SourceCatalog}, "out of date with the pages; run l10n extract, then align")
	}
	results, untranslated, notes, err := pairPages(s, pages, o.Tag, o.From)
	if err != nil {
		return nil, err
	}
	updated, entries := Apply(source.Messages, loc, results, o.MinConfidence, checker(s, source, loc))
	data := extract.Locale(source.Messages, updated)
	if _, err := catalog.Parse(loc.Path, o.Tag, data); err != nil {
		return nil, fmt.Errorf("align would write a catalog that does not read back (a bug): %w", err)
	}
	r := NewReport(o.Tag.String(), loc.Path, o.MinConfidence, results, entries, untranslated)
	return &Aligned{Data: data, Report: r, Notes: notes}, nil
}

// checker returns the check of align's new translations of loc: they are
// checked as l10n check checks a catalog, all at once, each at its own
// line of a catalog of its own, so that each error names the translation
// it is about.
func checker(s *site.Site, source, loc *catalog.File) func([]*catalog.Message) []string {
	return func(ms []*catalog.Message) []string {
		f := &catalog.File{Path: loc.Path, Tag: loc.Tag}
		for i, m := range ms {
			c := *m
			c.Pos = diag.Pos{File: loc.Path, Line: i + 1}
			f.Messages = append(f.Messages, &c)
		}
		problems := make([]string, len(ms))
		for _, e := range check.Run(&check.Input{Source: source, Locales: []*catalog.File{f}, Glossary: s.Config.Glossary, ShortcodeArgs: s.Config.Content.ShortcodeArgs}) {
			if n := e.Pos.Line - 1; !e.Warning && n >= 0 && n < len(ms) && problems[n] == "" {
				problems[n] = e.Msg
			}
		}
		return problems
	}
}
