package check_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/render"
)

// pair checks the Spanish translation tr of the English en, as the only
// message of two catalogs, and returns what check reports.
func pair(en, tr string) diag.List {
	msg := func(text string) *catalog.Message {
		return &catalog.Message{ID: "m", Hash: "h", Forms: map[string]string{"other": text}}
	}
	return check.Run(&check.Input{
		Source:  &catalog.File{Path: "locales/en.toml", Tag: language.English, Messages: []*catalog.Message{msg(en)}},
		Locales: []*catalog.File{{Path: "locales/es.toml", Tag: language.Spanish, Messages: []*catalog.Message{msg(tr)}}},
	})
}

// seeds are messages with every kind of inline structure check compares,
// and the hostile texts of the bad-input suite (issue 6).
var seeds = []string{
	"Read the [strategy](https://example.gov/s.pdf) **now**.",
	"Read the [strategy](https://example.gov/s.pdf \"The strategy\").",
	"A **lock** ({{.LockIcon}}) or **https://** means you’ve safely connected.",
	"Run `l10n check`, *then* build. <https://www.ice.gov/tips>",
	"Last Updated: {{.Date}}",
	"Texto <script>alert(1)</script> simple.",
	"Un texto <img src=x onerror=alert(1)> simple.",
	"[x](javascript:alert(1)) [y](data:text/html,hi) [z](JaVaScRiPt:alert(1))",
	"![alt](https://evil.example/pixel.png) &lt;b&gt; &#x3C;script&#x3E;",
	"**sin cerrar *a _b_ `c",
	"{{template \"x\"}} {{call .X}} {{.Unknown}} {{ .Date }} {{",
	"line one\\\nline two",
	"[ref][r]\n\n[r]: https://example.gov",
	"\u202eotircnuD\u202c \u200b",
}

// FuzzIdenticalTranslationPasses checks that StructureOf and the rules of
// check never panic, and that a translation equal to its English is never
// an error: every inline-structure rule compares the two texts, so none
// may find a difference between a text and itself. See issue 6.
func FuzzIdenticalTranslationPasses(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		if !utf8.ValidString(msg) || strings.TrimSpace(msg) == "" {
			return // catalogs are UTF-8; an empty form is an error of its own
		}
		for _, d := range pair(msg, msg) {
			if !d.Warning {
				t.Errorf("a translation equal to its English %q: %v", msg, d)
			}
		}
	})
}

// FuzzTranslationAddsNoMarkup checks the promise of check and render
// together: whenever check accepts a translation (no error), its rendering
// has no element, no attribute and no link target that the rendering of
// its English lacks. Text may say anything; markup may only be what the
// English has. See issue 6.
func FuzzTranslationAddsNoMarkup(f *testing.F) {
	for _, en := range seeds {
		for _, tr := range seeds {
			f.Add(en, tr)
		}
	}
	f.Fuzz(func(t *testing.T, en, tr string) {
		if !utf8.ValidString(en) || !utf8.ValidString(tr) {
			return
		}
		for _, d := range pair(en, tr) {
			if !d.Warning {
				return // check refuses the translation
			}
		}
		want, err := markup(string(render.Inline(en)))
		if err != nil {
			t.Fatalf("Inline(%q): %v", en, err)
		}
		// A URL the English writes out may become a link to it: Hugo's
		// Markdown links a bare URL, so check takes the two alike (see
		// testdata/hugo.txtar), though this renderer shows it as text.
		for _, u := range render.StructureOf(en).Links {
			link, err := markup(string(render.Inline("[x](" + u + ")")))
			if err != nil {
				t.Fatalf("Inline of a link to %q: %v", u, err)
			}
			for m := range link {
				want[m] = true
			}
		}
		got, err := markup(string(render.Inline(tr)))
		if err != nil {
			t.Fatalf("Inline(%q): %v", tr, err)
		}
		for m := range got {
			if !want[m] {
				t.Errorf("check accepts %q as a translation of %q, but its rendering has %s, which the English's lacks:\nEnglish:     %s\ntranslation: %s", tr, en, m, render.Inline(en), render.Inline(tr))
			}
		}
	})
}

// tagRE matches one start or end tag, with double-quoted attributes, as
// goldmark writes them; text never holds a '<' (it is escaped).
var (
	tagRE  = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+="[^"]*")*)\s*/?>`)
	attrRE = regexp.MustCompile(`([^\s"'<>/=]+)="([^"]*)"`)
)

// markup returns the set of elements ("<a>"), attributes ("<a title>")
// and link targets ("<a href=\"…\">") in html, the output of
// render.Inline.
func markup(html string) (map[string]bool, error) {
	set := map[string]bool{}
	for i := strings.IndexByte(html, '<'); i >= 0; i = strings.IndexByte(html, '<') {
		html = html[i:]
		m := tagRE.FindStringSubmatch(html)
		if m == nil {
			return nil, fmt.Errorf("a '<' that starts no tag: %q", html)
		}
		name := strings.ToLower(m[2])
		set["<"+name+">"] = true
		for _, a := range attrRE.FindAllStringSubmatch(m[3], -1) {
			attr := strings.ToLower(a[1])
			set["<"+name+" "+attr+">"] = true
			if attr == "href" {
				set[fmt.Sprintf("<%s href=%q>", name, a[2])] = true
			}
		}
		html = html[len(m[0]):]
	}
	return set, nil
}
