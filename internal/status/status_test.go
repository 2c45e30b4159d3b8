package status_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/status"
)

var (
	es   = language.Spanish
	esMX = language.MustParse("es-MX")
	fr   = language.French
	vi   = language.Vietnamese
)

// page returns a page whose blocks are paragraphs with the given IDs
// (after "<slug>."). Its title, which extract.Source describes blocks
// with, is not one of its blocks: it is not counted.
func page(slug string, ids ...string) *content.Page {
	p := &content.Page{Slug: slug, File: "content/" + slug + ".md"}
	p.Title = &content.Block{ID: slug + ".title", Kind: content.Title, Text: "Page " + slug}
	for _, id := range ids {
		p.Blocks = append(p.Blocks, &content.Block{ID: slug + "." + id, Kind: content.Paragraph, Text: "English of " + id})
	}
	return p
}

// entry is one message of a test catalog.
type entry struct {
	id   string
	text string // "" leaves it untranslated
	old  bool   // translated from an older English: stale
}

// catalogOf returns tag's catalog: a current translation of every chrome
// message if chrome is true, then entries. A hash is that of the English
// in source (or of other English when old, or for an ID source lacks).
func catalogOf(tag language.Tag, source []*catalog.Message, chrome bool, entries ...entry) *catalog.File {
	hashes := map[string]string{}
	for _, m := range source {
		hashes[m.ID] = m.Hash
	}
	f := &catalog.File{Path: site.CatalogPath(tag), Tag: tag}
	add := func(e entry) {
		hash := hashes[e.id]
		if e.old || hash == "" {
			hash = catalog.Hash(map[string]string{"other": "older English"})
		}
		f.Messages = append(f.Messages, &catalog.Message{ID: e.id, Hash: hash, Forms: map[string]string{"other": e.text}})
	}
	if chrome {
		for _, c := range content.Chrome {
			add(entry{id: c.ID, text: tag.String() + " " + c.ID})
		}
	}
	for _, e := range entries {
		add(e)
	}
	return f
}

// summary writes rep one fact a line, so a test compares it as text.
func summary(rep *status.Report) string {
	var b strings.Builder
	for _, l := range rep.Locales {
		fmt.Fprintf(&b, "%s: total %d, translated %d, stale %d, missing %d, obsolete %d, visible %d = %s%%\n",
			l.Tag, l.Total, l.Translated, l.Stale, l.Missing, l.Obsolete, l.Visible, status.Percent(l.VisiblePercent))
		c := l.Chrome
		fmt.Fprintf(&b, "%s chrome: total %d, translated %d, stale %d, missing %d, visible %d = %s%%\n", l.Tag, c.Total, c.Translated, c.Stale, c.Missing, c.Visible, status.Percent(c.VisiblePercent))
		for _, p := range l.Pages {
			fmt.Fprintf(&b, "%s %s: total %d, translated %d, stale %d, missing %d, visible %d = %s%%", l.Tag, p.Slug, p.Total, p.Translated, p.Stale, p.Missing, p.Visible, status.Percent(p.VisiblePercent))
			if !p.Published {
				fmt.Fprintf(&b, ", not published: %s", p.Reason)
			}
			b.WriteString("\n")
		}
		for _, w := range l.Work {
			fmt.Fprintf(&b, "%s %s: %s, readers see %s\n", l.Tag, w.ID, w.State, w.Shown)
		}
		for _, id := range l.ObsoleteIDs {
			fmt.Fprintf(&b, "%s %s: obsolete\n", l.Tag, id)
		}
	}
	return b.String()
}

// n is the number of chrome messages, which every page shows.
var n = len(content.Chrome)

// pct is the visible percentage as the report writes it (the rounding is
// tested in TestShareRoundsDown).
func pct(visible, total int) string { return status.Percent(status.Share(visible, total)) }

func TestCompute(t *testing.T) {
	t.Parallel()
	a := page("a", "intro.p1", "intro.p2", "intro.p3")
	b := page("b", "intro.p1")
	pages := []*content.Page{a, b}
	source := extract.Source(pages)
	// c's title is one of its blocks, as extract makes it.
	c := page("c", "intro.p1", "intro.p2")
	c.Title.ID = "c.title"
	c.Blocks = append([]*content.Block{c.Title}, c.Blocks...)
	source = extract.Source(append(pages, c))
	tests := []struct {
		name string
		in   status.Input
		want string
	}{
		{
			name: "partial locale with a stale and an obsolete entry",
			in: status.Input{Pages: pages, Source: source, Locales: []*catalog.File{
				catalogOf(fr, source, true,
					entry{id: "a.intro.p1", text: "Premier."},
					entry{id: "a.intro.p2", text: "Deuxième.", old: true},
					entry{id: "a.intro.p3"},
					entry{id: "a.gone.p1", text: "Disparu."},
				),
			}},
			want: fmt.Sprintf(`fr: total %[1]d, translated %[2]d, stale 1, missing 2, obsolete 1, visible %[2]d = %[3]s%%
fr chrome: total %[4]d, translated %[4]d, stale 0, missing 0, visible %[4]d = 100%%
fr a: total 3, translated 1, stale 1, missing 1, visible 1 = 33.3%%
fr b: total 1, translated 0, stale 0, missing 1, visible 0 = 0%%
fr a.intro.p2: stale, readers see en
fr a.intro.p3: missing, readers see en
fr b.intro.p1: missing, readers see en
fr a.gone.p1: obsolete
`, n+4, n+1, pct(n+1, n+4), n),
		},
		{
			name: "es-MX sees es where it has nothing",
			in: status.Input{Pages: []*content.Page{b}, Source: source, Locales: []*catalog.File{
				catalogOf(es, source, true, entry{id: "b.intro.p1", text: "Uno."}),
				catalogOf(esMX, source, false, entry{id: "b.intro.p1", text: "Uno, güey."}),
			}, OnlyLocales: []language.Tag{esMX}},
			want: fmt.Sprintf(`es-MX: total %[1]d, translated 1, stale 0, missing %[2]d, obsolete 0, visible %[1]d = 100%%
es-MX chrome: total %[2]d, translated 0, stale 0, missing %[2]d, visible %[2]d = 100%%
es-MX b: total 1, translated 1, stale 0, missing 0, visible 1 = 100%%
`, n+1, n) + workLines("es-MX", "missing", "es"),
		},
		{
			// Publishing counts the page's own messages, not the chrome.
			name: "page below the locale's min_percent is not published",
			in: status.Input{Pages: []*content.Page{a}, Source: source, Locales: []*catalog.File{
				catalogOf(fr, source, false, entry{id: "chrome.skip", text: "Aller"}, entry{id: "a.intro.p1", text: "Un."}),
				catalogOf(vi, source, false, entry{id: "chrome.skip", text: "Bỏ qua"}, entry{id: "a.intro.p1", text: "Một."}),
			}, Policies: map[language.Tag]site.Policy{vi: {MinPercent: 40}}},
			want: fmt.Sprintf(`fr: total %[1]d, translated 2, stale 0, missing %[2]d, obsolete 0, visible 2 = %[3]s%%
fr chrome: total %[4]d, translated 1, stale 0, missing %[5]d, visible 1 = %[6]s%%
fr a: total 3, translated 1, stale 0, missing 2, visible 1 = 33.3%%
`, n+3, n+1, pct(2, n+3), n, n-1, pct(1, n)) + workLines("fr", "missing", "en", "chrome.skip") +
				"fr a.intro.p2: missing, readers see en\nfr a.intro.p3: missing, readers see en\n" +
				fmt.Sprintf(`vi: total %[1]d, translated 2, stale 0, missing %[2]d, obsolete 0, visible 2 = %[3]s%%
vi chrome: total %[4]d, translated 1, stale 0, missing %[5]d, visible 1 = %[6]s%%
vi a: total 3, translated 1, stale 0, missing 2, visible 1 = 33.3%%, not published: visible 33.3%% < min_percent 40
`, n+3, n+1, pct(2, n+3), n, n-1, pct(1, n)) + workLines("vi", "missing", "en", "chrome.skip") +
				"vi a.intro.p2: missing, readers see en\nvi a.intro.p3: missing, readers see en\n",
		},
		{
			name: "page whose title is in English is not published",
			in: status.Input{Pages: []*content.Page{c}, Source: source, Locales: []*catalog.File{
				catalogOf(fr, source, true, entry{id: "c.intro.p1", text: "Un."}, entry{id: "c.intro.p2", text: "Deux."}),
			}, Policies: map[language.Tag]site.Policy{fr: {MinPercent: 50}}},
			want: fmt.Sprintf(`fr: total %[1]d, translated %[2]d, stale 0, missing 1, obsolete 0, visible %[2]d = %[3]s%%
fr chrome: total %[4]d, translated %[4]d, stale 0, missing 0, visible %[4]d = 100%%
fr c: total 3, translated 2, stale 0, missing 1, visible 2 = 66.6%%, not published: title shown in en
fr c.title: missing, readers see en
`, n+3, n+2, pct(n+2, n+3), n),
		},
		{
			name: "stale shown with a notice is visible and still needs work",
			in: status.Input{Pages: []*content.Page{b}, Source: source, Locales: []*catalog.File{
				catalogOf(fr, source, true, entry{id: "b.intro.p1", text: "Un.", old: true}),
			}, Policies: map[language.Tag]site.Policy{fr: {Stale: site.StaleNotice, MinPercent: 100}}},
			want: fmt.Sprintf(`fr: total %[1]d, translated %[2]d, stale 1, missing 0, obsolete 0, visible %[1]d = 100%%
fr chrome: total %[2]d, translated %[2]d, stale 0, missing 0, visible %[2]d = 100%%
fr b: total 1, translated 0, stale 1, missing 0, visible 1 = 100%%
fr b.intro.p1: stale, readers see fr
`, n+1, n),
		},
		{
			name: "chrome counts once in a locale, apart from the pages",
			in: status.Input{Pages: pages, Source: source, Locales: []*catalog.File{
				catalogOf(fr, source, true, entry{id: "a.intro.p1", text: "1"}, entry{id: "a.intro.p2", text: "2"}, entry{id: "a.intro.p3", text: "3"}, entry{id: "b.intro.p1", text: "4"}),
			}, Policies: map[language.Tag]site.Policy{fr: {MinPercent: 100}}},
			want: fmt.Sprintf(`fr: total %[1]d, translated %[1]d, stale 0, missing 0, obsolete 0, visible %[1]d = 100%%
fr chrome: total %[2]d, translated %[2]d, stale 0, missing 0, visible %[2]d = 100%%
fr a: total 3, translated 3, stale 0, missing 0, visible 3 = 100%%
fr b: total 1, translated 1, stale 0, missing 0, visible 1 = 100%%
`, n+4, n),
		},
		{
			name: "page filter keeps the chrome and the other page's IDs out of obsolete",
			in: status.Input{Pages: pages, Source: source, Locales: []*catalog.File{
				catalogOf(fr, source, true, entry{id: "a.intro.p1", text: "1"}, entry{id: "b.intro.p1", text: "4"}),
			}, OnlyPages: []string{"b"}},
			want: fmt.Sprintf(`fr: total %[1]d, translated %[1]d, stale 0, missing 0, obsolete 0, visible %[1]d = 100%%
fr chrome: total %[2]d, translated %[2]d, stale 0, missing 0, visible %[2]d = 100%%
fr b: total 1, translated 1, stale 0, missing 0, visible 1 = 100%%
`, n+1, n),
		},
		{
			name: "English is not a locale",
			in: status.Input{Pages: pages, Source: source, Locales: []*catalog.File{
				{Path: site.SourceCatalog, Tag: site.Source, Messages: source},
			}},
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := summary(status.Compute(&tt.in)); got != tt.want {
				t.Errorf("Compute: (-want +got)\n%s", lineDiff(tt.want, got))
			}
		})
	}
}

// workLines returns the summary lines of every chrome message but skip,
// all in one state and seen in shown.
func workLines(tag, state, shown string, skip ...string) string {
	var b strings.Builder
	for _, c := range content.Chrome {
		if len(skip) > 0 && c.ID == skip[0] {
			continue
		}
		fmt.Fprintf(&b, "%s %s: %s, readers see %s\n", tag, c.ID, state, shown)
	}
	return b.String()
}

func TestShareRoundsDown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		visible, total int
		want           string
	}{
		{2, 3, "66.6"},
		{1, 3, "33.3"},
		{2999, 3000, "99.9"},
		{3000, 3000, "100"},
		{1, 8, "12.5"},
		{0, 10, "0"},
		{0, 0, "100"},
	}
	for _, tt := range tests {
		if got := status.Percent(status.Share(tt.visible, tt.total)); got != tt.want {
			t.Errorf("Share(%d, %d) = %s, want %s", tt.visible, tt.total, got, tt.want)
		}
	}
}

func TestBelowUsesTheExactShare(t *testing.T) {
	t.Parallel()
	tests := []struct {
		visible, total int
		min            float64
		want           bool
	}{
		{2, 3, 66.6, false},
		{2, 3, 66.7, true},
		{2, 3, 66.66, false},
		{2999, 3000, 100, true},
		{3000, 3000, 100, false},
		{0, 10, 0, false},
		{0, 0, 100, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d against %v", tt.visible, tt.total, tt.min), func(t *testing.T) {
			c := status.Counts{Visible: tt.visible, Total: tt.total}
			if got := c.Below(tt.min); got != tt.want {
				t.Errorf("Counts{Visible: %d, Total: %d}.Below(%v) = %v, want %v", tt.visible, tt.total, tt.min, got, tt.want)
			}
		})
	}
}

// lineDiff returns the lines only want has, marked "-", and those only got
// has, marked "+", each in its order.
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(got, "\n") {
		count[l]++
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		b.WriteString("-" + l + "\n")
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] > 0 {
			count[l]--
			b.WriteString("+" + l + "\n")
		}
	}
	if b.Len() == 0 {
		return "same lines in another order:\n" + got
	}
	return b.String()
}
