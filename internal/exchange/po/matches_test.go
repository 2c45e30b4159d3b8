package po_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func other(s string) map[string]string { return map[string]string{"other": s} }

// golden compares got with the file testdata/name, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Write differs from %s (-want +got):\n-%s\n+%s", path,
			strings.ReplaceAll(string(want), "\n", "\n-"), strings.ReplaceAll(string(got), "\n", "\n+"))
	}
}

// matchUnits returns units with translation memory matches: untranslated
// (the best of two, with texts PO must escape, over two lines), stale,
// plural, translated, a match without origin, matches PO cannot carry;
// and a unit without matches.
func matchUnits() []*exchange.Unit {
	best := exchange.Match{Similarity: 92, Source: "Read the \"guide\".\nNow.", Target: "Прочтите «руководство».\nСейчас.", Origin: "page.intro.p1"}
	worse := exchange.Match{Similarity: 71, Source: "Read it.", Target: "Прочтите.", Origin: "page.rules.p1"}
	return []*exchange.Unit{
		{ID: "page.intro.p2", Note: "Second paragraph", Hash: "sha256:0000000000000002",
			Source: other("Read the \"guides\".\nNow."), Matches: []exchange.Match{best, worse}},
		{ID: "page.intro.p3", Hash: "sha256:0000000000000003", Source: other("Call us today."),
			Target: other("Позвоните нам."), State: exchange.NeedsReview, Stale: true, Previous: "Call us.",
			Matches: []exchange.Match{{Similarity: 100, Source: "Call us today.", Target: "Позвоните нам сегодня.", Origin: "contact.call"}}},
		{ID: "page.cart.items", Hash: "sha256:0000000000000004", Plural: true,
			Source:  map[string]string{"one": "{{.Count}} item", "other": "{{.Count}} items"},
			Matches: []exchange.Match{{Similarity: 80, Source: "{{.Count}} things", Target: "{{.Count}} вещей"}}},
		{ID: "page.intro.p4", Hash: "sha256:0000000000000005", Source: other("Thanks."),
			Target: other("Спасибо."), State: exchange.Translated,
			Matches: []exchange.Match{{Similarity: 90, Source: "Thank you.", Target: "Благодарю."}}},
		{ID: "page.intro.p5", Hash: "sha256:0000000000000006", Source: other("Thank you!"),
			Matches: []exchange.Match{{Similarity: 85, Source: "Thank you.", Target: "Благодарю."}}},
		{ID: "page.intro.p6", Hash: "sha256:0000000000000007", Source: other("Bye."),
			Matches: []exchange.Match{{Similarity: 60, Source: "Bye\x00.", Target: "Пока."}}},
		{ID: "page.intro.p7", Hash: "sha256:0000000000000008", Source: other("Hello."),
			Matches: []exchange.Match{{Similarity: 60, Source: "Hello!", Target: ""}}},
		{ID: "page.intro.p8", Hash: "sha256:0000000000000009", Source: other("Welcome.")},
	}
}

// TestWriteSuggestion writes the best match of an untranslated message
// without plural forms as msgmerge writes a fuzzy match, and no other
// match: not for a stale, plural or translated message, nor a match that
// is empty or holds U+0000.
func TestWriteSuggestion(t *testing.T) {
	var b bytes.Buffer
	if err := po.Write(&b, &exchange.File{Source: language.English, Target: language.Russian, Units: matchUnits()}); err != nil {
		t.Fatal(err)
	}
	golden(t, "matches.po", b.Bytes())
	for _, want := range []string{
		"\n# l10n tm: 92% match from page.intro.p1\n#. Second paragraph\n#. l10n-hash: sha256:0000000000000002\n#, fuzzy\n" +
			"#| msgid \"\"\n#| \"Read the \\\"guide\\\".\\n\"\n#| \"Now.\"\nmsgctxt \"page.intro.p2\"\n" +
			"msgid \"\"\n\"Read the \\\"guides\\\".\\n\"\n\"Now.\"\nmsgstr \"\"\n\"Прочтите «руководство».\\n\"\n\"Сейчас.\"\n",
		"\n#. l10n-hash: sha256:0000000000000003\n#, fuzzy\n#| msgid \"Call us.\"\nmsgctxt \"page.intro.p3\"\nmsgid \"Call us today.\"\nmsgstr \"Позвоните нам.\"\n",
		"\n# l10n tm: 85% match\n#. l10n-hash: sha256:0000000000000006\n#, fuzzy\n#| msgid \"Thank you.\"\nmsgctxt \"page.intro.p5\"\nmsgid \"Thank you!\"\nmsgstr \"Благодарю.\"\n",
		"\n#. l10n-hash: sha256:0000000000000007\nmsgctxt \"page.intro.p6\"\nmsgid \"Bye.\"\nmsgstr \"\"\n",
		"\n#. l10n-hash: sha256:0000000000000008\nmsgctxt \"page.intro.p7\"\nmsgid \"Hello.\"\nmsgstr \"\"\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Write wrote\n%s\nwant it to contain\n%s", b.String(), want)
		}
	}
	if n := strings.Count(b.String(), "# l10n tm:"); n != 2 {
		t.Errorf("Write wrote %d suggestions, want 2 (page.intro.p2 and p5)", n)
	}
	msgfmt(t, b.Bytes())
}

// TestWriteWithoutMatchesIsUnchanged compares a file without matches with
// testdata/tricky.po, which Write made before matches existed.
func TestWriteWithoutMatchesIsUnchanged(t *testing.T) {
	var b bytes.Buffer
	if err := po.Write(&b, &exchange.File{Source: language.English, Target: language.Arabic, Units: units()}); err != nil {
		t.Fatal(err)
	}
	golden(t, "tricky.po", b.Bytes())
}

// TestSuggestionRoundTrip reads what Write wrote: a suggestion comes back
// as the unit's match, the unit untranslated; every other unit as without
// matches.
func TestSuggestionRoundTrip(t *testing.T) {
	in := &exchange.File{Source: language.English, Target: language.Russian, Units: matchUnits()}
	var b bytes.Buffer
	if err := po.Write(&b, in); err != nil {
		t.Fatal(err)
	}
	got, err := po.Parse("ru.po", b.Bytes())
	if err != nil {
		t.Fatalf("Parse(Write(units)): %v\n%s", err, b.Bytes())
	}
	if len(got.Units) != len(in.Units) {
		t.Fatalf("read %d units, wrote %d", len(got.Units), len(in.Units))
	}
	suggested := map[string]bool{"page.intro.p2": true, "page.intro.p5": true}
	for i, w := range in.Units {
		want := *w
		want.Matches = nil
		if suggested[w.ID] {
			want.Matches = w.Matches[:1] // PO carries the best one
		}
		if g := strip(got.Units[i]); !reflect.DeepEqual(g, strip(&want)) {
			t.Errorf("unit %s:\ngot  %+v\nwant %+v", w.ID, g, strip(&want))
		}
	}
	var again bytes.Buffer
	if err := po.Write(&again, got); err != nil {
		t.Fatal(err)
	}
	if again.String() != b.String() {
		t.Errorf("Write(Parse(Write(units))) differs from Write(units)")
	}
}

// TestParseSuggestion lists what a translator may do with a suggestion,
// and what Parse makes of it: left fuzzy, it stays a suggestion; with the
// flag cleared, it is the translator's translation; an l10n tm comment
// that does not read as one, or on an entry without a previous msgid, is
// a comment.
func TestParseSuggestion(t *testing.T) {
	entry := func(comment, flags, prev, msgstr string) string {
		return viHeader + comment + flags + prev + "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"" + msgstr + "\"\n"
	}
	suggestion := []exchange.Match{{Similarity: 92, Source: "old", Target: "y", Origin: "p.b"}}
	for _, tc := range []struct {
		name, src string
		state     exchange.State
		target    map[string]string
		matches   []exchange.Match
		previous  string
	}{
		{"as written", entry("# l10n tm: 92% match from p.b\n", "#, fuzzy\n", "#| msgid \"old\"\n", "y"), exchange.Untranslated, nil, suggestion, ""},
		// Parse cannot tell an edited suggestion from the one written: it
		// stays a suggestion, and is not imported, until the flag is cleared.
		{"edited, still fuzzy", entry("# l10n tm: 92% match from p.b\n", "#, fuzzy\n", "#| msgid \"old\"\n", "y2"), exchange.Untranslated, nil,
			[]exchange.Match{{Similarity: 92, Source: "old", Target: "y2", Origin: "p.b"}}, ""},
		{"without origin", entry("# l10n tm: 92% match\n", "#, fuzzy\n", "#| msgid \"old\"\n", "y"), exchange.Untranslated, nil,
			[]exchange.Match{{Similarity: 92, Source: "old", Target: "y"}}, ""},
		{"accepted: fuzzy cleared", entry("# l10n tm: 92% match from p.b\n", "", "", "y"), exchange.Translated, other("y"), nil, ""},
		{"accepted, previous msgid kept", entry("# l10n tm: 92% match from p.b\n", "", "#| msgid \"old\"\n", "y"), exchange.Translated, other("y"), nil, "old"},
		{"emptied", entry("# l10n tm: 92% match from p.b\n", "#, fuzzy\n", "#| msgid \"old\"\n", ""), exchange.Untranslated, nil, nil, "old"},
		{"not a tm comment", entry("# l10n tm: about 92%\n", "#, fuzzy\n", "#| msgid \"old\"\n", "y"), exchange.NeedsReview, other("y"), nil, "old"},
		{"similarity over 100", entry("# l10n tm: 192% match\n", "#, fuzzy\n", "#| msgid \"old\"\n", "y"), exchange.NeedsReview, other("y"), nil, "old"},
		{"no previous msgid", entry("# l10n tm: 92% match from p.b\n", "#, fuzzy\n", "", "y"), exchange.NeedsReview, other("y"), nil, ""},
		{"CRLF", strings.ReplaceAll(entry("# l10n tm: 92% match from p.b\n", "#, fuzzy\n", "#| msgid \"old\"\n", "y"), "\n", "\r\n"), exchange.Untranslated, nil, suggestion, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := po.Parse("vi.po", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			u := f.Units[0]
			if u.State != tc.state || !reflect.DeepEqual(u.Target, tc.target) || !reflect.DeepEqual(u.Matches, tc.matches) || u.Previous != tc.previous {
				t.Errorf("read %s, target %q, matches %+v, previous %q; want %s, target %q, matches %+v, previous %q",
					u.State, u.Target, u.Matches, u.Previous, tc.state, tc.target, tc.matches, tc.previous)
			}
		})
	}
}

// TestSuggestionsAreNeverImported imports an export with suggestions and
// no edits: the catalog does not change and no warning is given. With the
// fuzzy flag cleared, the suggestion is the translator's and is imported.
func TestSuggestionsAreNeverImported(t *testing.T) {
	hash := func(s string) string { return catalog.Hash(other(s)) }
	en := &catalog.File{Path: "locales/en.toml", Tag: language.English, Messages: []*catalog.Message{
		{ID: "page.p1", Hash: hash("Read the guide."), Forms: other("Read the guide.")},
		{ID: "page.p2", Hash: hash("Read the guides."), Forms: other("Read the guides.")},
		{ID: "page.p3", Hash: hash("Call us today."), Forms: other("Call us today.")},
	}}
	vi := &catalog.File{Path: "locales/vi.toml", Tag: language.Vietnamese, Messages: []*catalog.Message{
		{ID: "page.p1", Hash: hash("Read the guide."), Forms: other("Đọc hướng dẫn.")},
		{ID: "page.p2", Hash: hash("Read the guides."), Forms: other("")},
		{ID: "page.p3", Hash: hash("Call us."), Forms: other("Gọi cho chúng tôi.")},
	}}
	f := exchange.Export(en, vi)
	m := exchange.Match{Similarity: 95, Source: "Read the guide.", Target: "Đọc hướng dẫn.", Origin: "page.p1"}
	f.Units[1].Matches = []exchange.Match{m} // untranslated: a suggestion
	f.Units[2].Matches = []exchange.Match{m} // stale: keeps its own fuzzy translation
	var b bytes.Buffer
	if err := po.Write(&b, f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "msgstr \"Đọc hướng dẫn.\"") {
		t.Fatalf("Write wrote no suggestion:\n%s", b.String())
	}
	for _, tc := range []struct {
		name    string
		edit    func(string) string
		changed int
	}{
		{"as exported", func(s string) string { return s }, 0},
		{"fuzzy cleared", func(s string) string {
			return strings.Replace(s, "#, fuzzy\n#| msgid \"Read the guide.\"\nmsgctxt \"page.p2\"", "msgctxt \"page.p2\"", 1)
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := po.Parse("vi.po", []byte(tc.edit(b.String())))
			if err != nil {
				t.Fatal(err)
			}
			res, list := exchange.Apply(en, vi, in)
			if len(list) > 0 || res == nil {
				t.Fatalf("Apply: diagnostics\n%v\nwant none", list)
			}
			if len(res.Changed) != tc.changed || res.Skipped > 0 {
				t.Errorf("Apply changed %d messages, skipped %d; want %d changed, none skipped", len(res.Changed), res.Skipped, tc.changed)
			}
			if tc.changed == 1 && res.Changed[0].Forms["other"] != "Đọc hướng dẫn." {
				t.Errorf("Apply changed %s to %q, want page.p2 to the accepted suggestion", res.Changed[0].ID, res.Changed[0].Forms["other"])
			}
		})
	}
}
