package status_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/status"
)

func ExampleCompute() {
	p := &content.Page{Slug: "drugs", File: "content/drugs.md"}
	p.Title = &content.Block{ID: "drugs.title", Kind: content.Title, Text: "Drugs"}
	p.Blocks = []*content.Block{p.Title, {ID: "drugs.intro.p1", Kind: content.Paragraph, Text: "Report it."}}
	source := extract.Source([]*content.Page{p})

	// translate returns a catalog with a current translation of every
	// English message: the chrome, then the page's blocks.
	translate := func(tag language.Tag) *catalog.File {
		f := &catalog.File{Tag: tag}
		for _, m := range source {
			f.Messages = append(f.Messages, &catalog.Message{ID: m.ID, Hash: m.Hash, Forms: map[string]string{"other": "…"}})
		}
		return f
	}
	es := translate(language.Spanish)
	// vi translated the paragraph from older English, and keeps a message
	// the English no longer has.
	vi := translate(language.Vietnamese)
	vi.Messages[len(vi.Messages)-1].Hash = catalog.Hash(map[string]string{"other": "Report it today."})
	vi.Messages = append(vi.Messages, &catalog.Message{ID: "drugs.old.p1", Forms: map[string]string{"other": "…"}})

	rep := status.Compute(&status.Input{
		Pages:   []*content.Page{p},
		Source:  source,
		Locales: []*catalog.File{es, vi},
		// vi publishes a page only if every message is in Vietnamese.
		Policies: map[language.Tag]site.Policy{vi.Tag: {MinPercent: 100}},
	})
	for _, l := range rep.Locales {
		fmt.Printf("%s: %d stale, %d missing, %d obsolete; published: %v\n", l.Tag, l.Stale, l.Missing, l.Obsolete, l.Pages[0].Published)
		for _, w := range l.Work {
			fmt.Printf("\t%s is %s; readers see %s\n", w.ID, w.State, w.Shown)
		}
		for _, id := range l.ObsoleteIDs {
			fmt.Printf("\t%s is obsolete\n", id)
		}
	}
	// Output:
	// es: 0 stale, 0 missing, 0 obsolete; published: true
	// vi: 1 stale, 0 missing, 1 obsolete; published: false
	// 	drugs.intro.p1 is stale; readers see en
	// 	drugs.old.p1 is obsolete
}

func ExampleWriteTable() {
	// vi is a report as Compute returns it.
	vi := &status.Locale{
		Tag:      language.Vietnamese,
		Counts:   status.Counts{Total: 5, Translated: 3, Stale: 1, Missing: 1, Visible: 3, VisiblePercent: 60},
		Chrome:   status.Counts{Total: 3, Translated: 2, Missing: 1, Visible: 2, VisiblePercent: 66.6},
		Obsolete: 1,
		Pages: []*status.Page{{
			Slug:   "drugs",
			Counts: status.Counts{Total: 2, Translated: 1, Stale: 1, Visible: 1, VisiblePercent: 50},
			Reason: "visible 50% < min_percent 80",
		}},
		Work: []status.Work{
			{ID: "chrome.helpful", State: status.StateMissing, Shown: language.English},
			{ID: "drugs.intro.p1", State: status.StateStale, Shown: language.English},
		},
		ObsoleteIDs: []string{"drugs.old.p1"},
	}
	status.WriteTable(os.Stdout, &status.Report{Locales: []*status.Locale{vi}})
	// Output:
	// LOCALE  MESSAGES  TRANSLATED  STALE  MISSING  OBSOLETE  VISIBLE
	// vi      5         3           1      1        1         60.0%
	//
	// LOCALE  PAGE      MESSAGES  TRANSLATED  STALE  MISSING  VISIBLE  PUBLISHED
	// vi      (chrome)  3         2           0      1        66.6%    -
	// vi      drugs     2         1           1      0        50.0%    no: visible 50% < min_percent 80
	//
	// LOCALE  ID              STATE     READERS SEE
	// vi      chrome.helpful  missing   en
	// vi      drugs.intro.p1  stale     en
	// vi      drugs.old.p1    obsolete  -
}
