package exchange_test

import (
	"maps"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
)

func other(s string) map[string]string { return map[string]string{"other": s} }

// fixture returns an English catalog and a Vietnamese one: p1 current,
// p2 stale (translated from "Old English."), p3 missing, items plural and
// current, gone obsolete.
func fixture() (en, vi *catalog.File) {
	enMsg := func(id string, forms map[string]string) *catalog.Message {
		return &catalog.Message{ID: id, Description: "About " + id, Hash: catalog.Hash(forms), Forms: forms}
	}
	items := map[string]string{"one": "{{.Count}} item", "other": "{{.Count}} items"}
	en = &catalog.File{Path: "locales/en.toml", Tag: language.English, Messages: []*catalog.Message{
		enMsg("page.intro.p1", other("Report it.")),
		enMsg("page.intro.p2", other("Call us today.")),
		enMsg("page.intro.p3", other("Thank you.")),
		enMsg("page.items", items),
	}}
	// page.new is in the English only: the locale has not been extracted.
	en.Messages = append(en.Messages, enMsg("page.new", other("New.")))
	vi = &catalog.File{Path: "locales/vi.toml", Tag: language.Vietnamese, Messages: []*catalog.Message{
		{ID: "page.intro.p1", Hash: catalog.Hash(other("Report it.")), Forms: other("Hãy báo cáo.")},
		{ID: "page.intro.p2", Hash: catalog.Hash(other("Old English.")), Forms: other("Tiếng Anh cũ."),
			Comment: []string{"STALE: …", "was: Old English."}},
		{ID: "page.intro.p3", Hash: catalog.Hash(other("Thank you.")), Forms: other("")},
		{ID: "page.items", Hash: catalog.Hash(items), Forms: map[string]string{"one": "{{.Count}} mục", "other": "{{.Count}} mục"}},
		{ID: "page.gone", Hash: "sha256:0", Forms: other("Đã xóa.")},
	}}
	return en, vi
}

func TestExport(t *testing.T) {
	en, vi := fixture()
	f := exchange.Export(en, vi)
	if f.Source != language.English || f.Target != language.Vietnamese || len(f.Units) != 5 {
		t.Fatalf("Export = %s → %s with %d units, want en → vi with 5 (every English message, not the obsolete one)", f.Source, f.Target, len(f.Units))
	}
	for _, tc := range []struct {
		id       string
		state    exchange.State
		stale    bool
		previous string
		target   map[string]string
	}{
		{"page.intro.p1", exchange.Translated, false, "", other("Hãy báo cáo.")},
		{"page.intro.p2", exchange.NeedsReview, true, "Old English.", other("Tiếng Anh cũ.")},
		{"page.intro.p3", exchange.Untranslated, false, "", nil},
		{"page.items", exchange.Translated, false, "", map[string]string{"one": "{{.Count}} mục", "other": "{{.Count}} mục"}},
		{"page.new", exchange.Untranslated, false, "", nil},
	} {
		u := unitByID(f, tc.id)
		if u == nil {
			t.Errorf("no unit %s", tc.id)
			continue
		}
		if u.State != tc.state || u.Stale != tc.stale || u.Previous != tc.previous || !maps.Equal(u.Target, tc.target) || u.Hash != en.Index()[tc.id].Hash || u.Note != "About "+tc.id {
			t.Errorf("unit %s = %s stale=%v previous=%q target=%v hash=%s note=%q; want %s stale=%v previous=%q target=%v, the English hash and description",
				tc.id, u.State, u.Stale, u.Previous, u.Target, u.Hash, u.Note, tc.state, tc.stale, tc.previous, tc.target)
		}
	}
}

func unitByID(f *exchange.File, id string) *exchange.Unit {
	for _, u := range f.Units {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// TestApply runs one edited unit at a time through Apply against the
// export of the fixture. See issue 4.
func TestApply(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(f *exchange.File) // changes the exported file
		// changed is the ID whose message Apply changes and its forms
		// and hash; want is a regexp every diagnostic must match, one per
		// line ("" for none).
		changed string
		forms   map[string]string
		want    string
	}{
		// page.new, which the catalog lacks, goes out untranslated and
		// comes back so: no error.
		{name: "no edits change nothing"},
		{name: "a translation arrives", changed: "page.intro.p3", forms: other("Cảm ơn."),
			edit: func(f *exchange.File) { set(f, "page.intro.p3", exchange.Translated, other("Cảm ơn.")) }},
		{name: "a current translation is revised", changed: "page.intro.p1", forms: other("Xin hãy báo cáo."),
			edit: func(f *exchange.File) { set(f, "page.intro.p1", exchange.Translated, other("Xin hãy báo cáo.")) }},
		{name: "a stale translation is updated", changed: "page.intro.p2", forms: other("Hãy gọi cho chúng tôi hôm nay."),
			edit: func(f *exchange.File) {
				set(f, "page.intro.p2", exchange.Translated, other("Hãy gọi cho chúng tôi hôm nay."))
			}},
		{name: "a stale translation is confirmed as it is", changed: "page.intro.p2", forms: other("Tiếng Anh cũ."),
			edit: func(f *exchange.File) { set(f, "page.intro.p2", exchange.Translated, other("Tiếng Anh cũ.")) }},
		{name: "plural forms arrive", changed: "page.items", forms: map[string]string{"one": "một mục", "other": "{{.Count}} mục"},
			edit: func(f *exchange.File) {
				set(f, "page.items", exchange.Translated, map[string]string{"one": "một mục", "other": "{{.Count}} mục"})
			}},
		{name: "a draft is not imported",
			edit: func(f *exchange.File) { set(f, "page.intro.p3", exchange.NeedsReview, other("Cảm ơn?")) },
			want: `^vi\.xlf:3:1: warning: \[page\.intro\.p3\] needs review .*; not imported, the entry stays untranslated`},
		{name: "a stale draft is not imported",
			edit: func(f *exchange.File) { set(f, "page.intro.p2", exchange.NeedsReview, other("Gọi?")) },
			want: `^vi\.xlf:2:1: warning: \[page\.intro\.p2\] needs review .*the entry stays stale`},
		{name: "English changed since the export",
			edit: func(f *exchange.File) {
				set(f, "page.intro.p1", exchange.Translated, other("Khác."))
				unitByID(f, "page.intro.p1").Hash = "sha256:older"
			},
			want: `^vi\.xlf:1:1: warning: \[page\.intro\.p1\] was translated from English that has changed since the export; not imported, the entry stays as it is \(current\)`},
		{name: "no hash: the source decides", changed: "page.intro.p3", forms: other("Cảm ơn."),
			edit: func(f *exchange.File) {
				set(f, "page.intro.p3", exchange.Translated, other("Cảm ơn."))
				unitByID(f, "page.intro.p3").Hash = ""
			}},
		{name: "no hash and other English",
			edit: func(f *exchange.File) {
				u := set(f, "page.intro.p3", exchange.Translated, other("Cảm ơn."))
				u.Hash, u.Source = "", other("Thanks.")
			},
			want: `^vi\.xlf:3:1: warning: \[page\.intro\.p3\] was translated from English that has changed`},
		{name: "unknown ID",
			edit: func(f *exchange.File) {
				f.Units = append(f.Units, &exchange.Unit{ID: "page.nope", Pos: pos(9), State: exchange.Translated, Target: other("x")})
			},
			want: `^vi\.xlf:9:1: \[page\.nope\] is not a message of this site`},
		{name: "obsolete ID",
			edit: func(f *exchange.File) {
				f.Units = append(f.Units, &exchange.Unit{ID: "page.gone", Pos: pos(9), State: exchange.Translated, Target: other("x")})
			},
			want: `^vi\.xlf:9:1: warning: \[page\.gone\] is obsolete: the English pages no longer have it; not imported$`},
		{name: "not in the catalog",
			edit: func(f *exchange.File) { set(f, "page.new", exchange.Translated, other("Mới.")) },
			want: `^vi\.xlf:5:1: locales/vi\.toml has no \[page\.new\]; run l10n extract, then import again$`},
		{name: "twice",
			edit: func(f *exchange.File) {
				f.Units = append(f.Units, &exchange.Unit{ID: "page.intro.p1", Pos: pos(9)})
			},
			want: `^vi\.xlf:9:1: \[page\.intro\.p1\] appears twice \(first at vi\.xlf:1:1\); keep one`},
		{name: "marked translated but empty",
			edit: func(f *exchange.File) { set(f, "page.intro.p3", exchange.Translated, other("")) },
			want: `^vi\.xlf:3:1: \[page\.intro\.p3\] is marked translated but its target is empty`},
		{name: "target language is the source language",
			edit: func(f *exchange.File) { f.Target = language.English },
			want: `^vi\.xlf:1:1: the target language is en, the source language`},
		{name: "wrong target language",
			edit: func(f *exchange.File) { f.Target = language.Spanish },
			want: `^vi\.xlf:1:1: the target language is es, but the catalog is vi's \(locales/vi\.toml\)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			en, vi := fixture()
			f := exchange.Export(en, vi)
			f.TargetPos = pos(1)
			for i, u := range f.Units {
				u.Pos = pos(i + 1)
			}
			if tc.edit != nil {
				tc.edit(f)
			}
			res, list := exchange.Apply(en, vi, f)
			checkDiags(t, list, tc.want)
			if list.HasErrors() {
				return
			}
			if tc.changed == "" {
				if len(res.Changed) != 0 {
					t.Errorf("Apply changed %d messages, want none", len(res.Changed))
				}
				return
			}
			if len(res.Changed) != 1 {
				t.Fatalf("Apply changed %d messages, want 1", len(res.Changed))
			}
			m := res.Changed[0]
			want := en.Index()[tc.changed].Hash
			if m.ID != tc.changed || !maps.Equal(m.Forms, tc.forms) || m.Hash != want {
				t.Errorf("Apply changed [%s] to %v hash %s; want [%s] %v hash %s", m.ID, m.Forms, m.Hash, tc.changed, tc.forms, want)
			}
			if got := res.Catalog.Index()[tc.changed]; got != m {
				t.Errorf("the catalog Apply returns does not hold the changed message")
			}
			if len(res.Catalog.Messages) != len(vi.Messages) {
				t.Errorf("the catalog has %d messages, want %d: import adds and removes none", len(res.Catalog.Messages), len(vi.Messages))
			}
		})
	}
}

func pos(line int) diag.Pos { return diag.Pos{File: "vi.xlf", Line: line, Col: 1} }

// set gives unit id a state and a target, as a translator would.
func set(f *exchange.File, id string, s exchange.State, target map[string]string) *exchange.Unit {
	u := unitByID(f, id)
	u.State, u.Target = s, target
	return u
}

func checkDiags(t *testing.T, list diag.List, want string) {
	t.Helper()
	if want == "" {
		if len(list) > 0 {
			t.Errorf("Apply reported\n%v\nwant nothing", list)
		}
		return
	}
	if len(list) != 1 || !regexp.MustCompile(want).MatchString(list[0].Error()) {
		t.Errorf("Apply reported\n%v\nwant one diagnostic matching %s", list, strings.TrimSpace(want))
	}
}

// TestExportGivesTranslationsAwaitingReviewAsNeedingReview: a translation
// l10n align proposed for today's English (hash "review:…") goes to a CAT
// tool as needing review, not as stale. See issue 14.
func TestExportGivesTranslationsAwaitingReviewAsNeedingReview(t *testing.T) {
	en, vi := fixture()
	vi.Messages[2] = &catalog.Message{ID: "page.intro.p3", Hash: catalog.ReviewPrefix + catalog.Hash(other("Thank you.")), Forms: other("Cảm ơn quý vị.")}
	u := unitByID(exchange.Export(en, vi), "page.intro.p3")
	if u.State != exchange.NeedsReview || u.Stale || u.Previous != "" || u.Target["other"] != "Cảm ơn quý vị." {
		t.Errorf("unit = %s stale=%v previous=%q target=%v; want needs review, not stale, with the proposed target", u.State, u.Stale, u.Previous, u.Target)
	}
}
