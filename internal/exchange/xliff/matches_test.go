package xliff_test

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
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// matchUnits returns units with translation memory matches in each case
// Export gives them: untranslated (two matches, with texts XML must
// escape), stale (a match beside its stale target), plural without a
// translation (a match without origin); and a unit without matches.
func matchUnits() []*exchange.Unit {
	return []*exchange.Unit{
		{ID: "page.intro.p2", Note: "Second paragraph", Hash: "sha256:0000000000000002",
			Source: other("Read the guides & <tips>."),
			Matches: []exchange.Match{
				{Similarity: 92, Source: "Read the guide & <tips>.", Target: "Прочтите руководство & <советы>.", Origin: "page.intro.p1"},
				{Similarity: 71, Source: "Read\tthe\r\nrules\x01 ]]>", Target: "Прочтите\tправила\x01 ]]>", Origin: "page.rules.p1"},
			}},
		{ID: "page.intro.p3", Hash: "sha256:0000000000000003", Source: other("Call us today."),
			Target: other("Позвоните нам."), State: exchange.NeedsReview, Stale: true, Previous: "Call us.",
			Matches: []exchange.Match{{Similarity: 100, Source: "Call us today.", Target: "Позвоните нам сегодня.", Origin: "contact.call"}}},
		{ID: "page.cart.items", Hash: "sha256:0000000000000004", Plural: true,
			Source:  map[string]string{"one": "{{.Count}} item", "other": "{{.Count}} items"},
			Matches: []exchange.Match{{Similarity: 80, Source: "{{.Count}} things", Target: "{{.Count}} вещей"}}},
		{ID: "page.intro.p4", Hash: "sha256:0000000000000005", Source: other("Thank you.")},
	}
}

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
		t.Errorf("Write differs from %s (-want +got):\n%s", path, lineDiff(string(want), string(got)))
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

// TestWriteMatches writes matches as <mtc:matches>, the first child of
// the unit, each <mtc:match> referring to the segment's id; a plural
// message's on the unit of its "other" form only; a unit without matches
// as before.
func TestWriteMatches(t *testing.T) {
	var b bytes.Buffer
	if err := xliff.Write(&b, &exchange.File{Source: language.English, Target: language.Russian, Units: matchUnits()}); err != nil {
		t.Fatal(err)
	}
	golden(t, "matches.xlf", b.Bytes())
	for _, want := range []string{
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0"`,
		"    <unit id=\"page.intro.p2\">\n      <mtc:matches>\n        <mtc:match ref=\"#s1\" similarity=\"92\" origin=\"page.intro.p1\">\n",
		"      </mtc:matches>\n      <notes>\n",
		`<source>Read<tab>the&#xD;` + "\n" + `rules<cp hex="0001"/> ]]&gt;</source>`,
		"      <segment id=\"s1\" state=\"initial\" subState=\"l10n:stale\">\n",
		"      <unit id=\"page.cart.items:other\" name=\"other\">\n        <mtc:matches>\n          <mtc:match ref=\"#s1\" similarity=\"80\">\n",
		"    <unit id=\"page.intro.p4\">\n      <notes>\n        <note category=\"l10n-hash\">sha256:0000000000000005</note>\n      </notes>\n      <segment state=\"initial\">\n",
	} {
		want = strings.ReplaceAll(want, "<tab>", "\t")
		if !strings.Contains(b.String(), want) {
			t.Errorf("Write wrote\n%s\nwant it to contain\n%s", b.String(), want)
		}
	}
	if n := strings.Count(b.String(), "<mtc:matches>"); n != 3 {
		t.Errorf("Write wrote %d <mtc:matches>, want 3 (two units and the plural's \"other\" unit)", n)
	}
}

// TestWriteWithoutMatchesIsUnchanged compares a file without matches with
// testdata/tricky.xlf, which Write made before matches existed: no mtc
// namespace, no segment id, the same bytes.
func TestWriteWithoutMatchesIsUnchanged(t *testing.T) {
	var b bytes.Buffer
	if err := xliff.Write(&b, &exchange.File{Source: language.English, Target: language.Arabic, Units: units()}); err != nil {
		t.Fatal(err)
	}
	golden(t, "tricky.xlf", b.Bytes())
	if s := b.String(); strings.Contains(s, "mtc") || strings.Contains(s, "<segment id=") {
		t.Errorf("a file without matches mentions mtc or a segment id:\n%s", s)
	}
}

// TestMatchesRoundTrip reads what Write wrote: every match comes back
// on its unit, and none becomes a target.
func TestMatchesRoundTrip(t *testing.T) {
	in := &exchange.File{Source: language.English, Target: language.Russian, Units: matchUnits()}
	var b bytes.Buffer
	if err := xliff.Write(&b, in); err != nil {
		t.Fatal(err)
	}
	got, err := xliff.Parse("ru.xlf", b.Bytes())
	if err != nil {
		t.Fatalf("Parse(Write(units)): %v\n%s", err, b.Bytes())
	}
	if len(got.Units) != len(in.Units) {
		t.Fatalf("read %d units, wrote %d", len(got.Units), len(in.Units))
	}
	for i, want := range in.Units {
		u := got.Units[i]
		if !reflect.DeepEqual(u.Matches, want.Matches) {
			t.Errorf("unit %s: matches\n%+v\nwant\n%+v", want.ID, u.Matches, want.Matches)
		}
		if u.State != want.State || !reflect.DeepEqual(u.Target, want.Target) {
			t.Errorf("unit %s: %s, target %q; want %s, target %q (a match is never a target)", want.ID, u.State, u.Target, want.State, want.Target)
		}
	}
	var again bytes.Buffer
	if err := xliff.Write(&again, got); err != nil {
		t.Fatal(err)
	}
	if again.String() != b.String() {
		t.Errorf("Write(Parse(Write(units))) differs from Write(units) (-want +got):\n%s", lineDiff(b.String(), again.String()))
	}
}

// TestParseMatches lists translation candidates a CAT tool may leave or
// add in a unit: Parse reads them as matches or leaves them out, never as
// a target, and never fails an import over one.
func TestParseMatches(t *testing.T) {
	const mtcHead = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="en" trgLang="vi">
<file id="vi">
`
	seg := `<segment id="s1"><source>a</source></segment>`
	match := func(similarity int, source, target, origin string) exchange.Match {
		return exchange.Match{Similarity: similarity, Source: source, Target: target, Origin: origin}
	}
	for _, tc := range []struct {
		name, unit string
		state      exchange.State
		target     map[string]string
		matches    []exchange.Match
	}{
		{"as written", `<mtc:matches><mtc:match ref="#s1" similarity="92" origin="p.b"><source>b</source><target>B</target></mtc:match></mtc:matches>` + seg,
			exchange.Untranslated, nil, []exchange.Match{match(92, "b", "B", "p.b")}},
		{"decimal similarity, other attributes", `<mtc:matches><mtc:match ref="s1" similarity="87.9" type="mt" matchQuality="50" id="m1"><source>b</source><target>B</target></mtc:match></mtc:matches>` + seg,
			exchange.Untranslated, nil, []exchange.Match{match(87, "b", "B", "")}},
		{"no similarity", `<mtc:matches><mtc:match ref="#s1"><source>b</source><target>B</target></mtc:match></mtc:matches>` + seg,
			exchange.Untranslated, nil, []exchange.Match{match(0, "b", "B", "")}},
		{"similarity out of range", `<mtc:matches><mtc:match ref="#s1" similarity="250"><source>b</source><target>B</target></mtc:match><mtc:match ref="#s1" similarity="x"><source>c</source><target>C</target></mtc:match></mtc:matches>` + seg,
			exchange.Untranslated, nil, []exchange.Match{match(100, "b", "B", ""), match(0, "c", "C", "")}},
		{"inline codes and a missing target leave a match out", `<mtc:matches><mtc:match ref="#s1" similarity="90"><source>b</source><target>B <ph id="1"/></target></mtc:match><mtc:match ref="#s1" similarity="80"><source>c</source></mtc:match><mtc:match ref="#s1" similarity="70" origin="p.d"><source>d<cp hex="1"/></source><target><mrk id="m" type="term">D</mrk></target></mtc:match></mtc:matches>` + seg,
			exchange.Untranslated, nil, []exchange.Match{match(70, "d\x01", "D", "p.d")}},
		{"metadata in a match", `<mtc:matches><mtc:match ref="#s1" similarity="60" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"><mda:metadata><mda:metaGroup><mda:meta type="x">y</mda:meta></mda:metaGroup></mda:metadata><source>b</source><target>B</target></mtc:match></mtc:matches>` + seg,
			exchange.Untranslated, nil, []exchange.Match{match(60, "b", "B", "")}},
		{"beside a translation", `<mtc:matches><mtc:match ref="#s1" similarity="92"><source>b</source><target>B</target></mtc:match></mtc:matches><segment id="s1" state="translated"><source>a</source><target>A</target></segment>`,
			exchange.Translated, other("A"), []exchange.Match{match(92, "b", "B", "")}},
		{"other modules are skipped", `<gls:glossary xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0"><gls:glossEntry><gls:term>a</gls:term></gls:glossEntry></gls:glossary>` + seg,
			exchange.Untranslated, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := xliff.Parse("vi.xlf", []byte(mtcHead+`<unit id="a">`+tc.unit+"</unit>\n"+tail))
			if err != nil {
				t.Fatal(err)
			}
			u := f.Units[0]
			if u.State != tc.state || !reflect.DeepEqual(u.Target, tc.target) || !reflect.DeepEqual(u.Matches, tc.matches) {
				t.Errorf("read %s, target %q, matches %+v; want %s, target %q, matches %+v", u.State, u.Target, u.Matches, tc.state, tc.target, tc.matches)
			}
		})
	}
}

// TestMatchesAreNeverImported imports a file with matches and no edits:
// the catalog does not change and no warning is given.
func TestMatchesAreNeverImported(t *testing.T) {
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
	f.Units[1].Matches = []exchange.Match{m} // untranslated
	f.Units[2].Matches = []exchange.Match{m} // stale
	var b bytes.Buffer
	if err := xliff.Write(&b, f); err != nil {
		t.Fatal(err)
	}
	in, err := xliff.Parse("vi.xlf", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	res, list := exchange.Apply(en, vi, in)
	if len(list) > 0 || res == nil {
		t.Fatalf("Apply(an export with matches): diagnostics\n%v\nwant none", list)
	}
	if len(res.Changed) > 0 || res.Skipped > 0 {
		t.Errorf("Apply(an export with matches) changed %d messages, skipped %d; want none: a match is never imported", len(res.Changed), res.Skipped)
	}
}
