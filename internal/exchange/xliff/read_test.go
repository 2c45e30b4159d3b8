package xliff_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
)

const head = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi">
<file id="vi">
`

const tail = "</file>\n</xliff>\n"

// unit is a unit with one segment: state, and the inside of the segment.
func unit(id, state, inner string) string {
	return `<unit id="` + id + `"><segment state="` + state + `">` + inner + "</segment></unit>\n"
}

// TestParseRejects lists what a CAT tool may send that Parse must refuse,
// each with the error and where it points. See issue 6.
func TestParseRejects(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"XLIFF 1.2", `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="vi" datatype="plaintext" original="x"><body/></file></xliff>`,
			`^vi\.xlf:2:1: this is XLIFF 1\.2; l10n reads XLIFF 2\.0: export XLIFF 2\.0 from the CAT tool`},
		{"not XLIFF", "<html><body/></html>", `^vi\.xlf:1:1: the root element is <html>, not <xliff>`},
		{"wrong namespace", `<xliff xmlns="urn:example" version="2.0" srcLang="en" trgLang="vi"/>`, `^vi\.xlf:1:1: the <xliff> element is in namespace "urn:example"`},
		{"version 3", strings.Replace(head, `version="2.0"`, `version="3.0"`, 1) + tail, `^vi\.xlf:2:1: XLIFF version "3\.0"`},
		{"trgLang not canonical", strings.Replace(head, `trgLang="vi"`, `trgLang="es_MX"`, 1) + tail, `^vi\.xlf:2:1: trgLang: "es_MX" is not a canonical BCP 47 tag; use "es-MX"`},
		{"trgLang not a tag", strings.Replace(head, `trgLang="vi"`, `trgLang="Vietnamese!"`, 1) + tail, `^vi\.xlf:2:1: trgLang: "Vietnamese!" is not a BCP 47 language tag`},
		{"no trgLang", strings.Replace(head, ` trgLang="vi"`, ``, 1) + tail, `^vi\.xlf:2:1: <xliff> has no trgLang; give the language as a BCP 47 tag`},
		{"DOCTYPE", `<?xml version="1.0"?>
<!DOCTYPE xliff>
` + head[22:] + tail, `^vi\.xlf:2:1: the file has a <!DOCTYPE declaration; remove it`},
		{"external entity", `<?xml version="1.0"?>
<!DOCTYPE xliff [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
` + head[22:] + unit("a", "translated", "<source>a</source><target>&xxe;</target>") + tail,
			`^vi\.xlf:2:1: the file has a <!DOCTYPE declaration`},
		{"undefined entity", head + unit("a", "translated", "<source>a</source><target>&nbsp;</target>") + tail, `^vi\.xlf:4:68: XML syntax error \(invalid character entity &nbsp;\); fix the XML`},
		{"encoding", `<?xml version="1.0" encoding="ISO-8859-1"?>` + head[38:] + tail, `^vi\.xlf:1:1: the file declares the encoding "ISO-8859-1"; save it as UTF-8`},
		{"invalid UTF-8", head + unit("a", "translated", "<source>a</source><target>\xff</target>") + tail, `^vi\.xlf:4:68: invalid UTF-8; save the file as UTF-8`},
		{"syntax", head + "<unit id=\"a\"><segment></unit>\n" + tail, `^vi\.xlf:4:23: XML syntax error \(element <segment> closed by </unit>\); fix the XML`},
		{"inline ph", head + unit("a", "translated", `<source>a</source><target>x <ph id="1"/> y</target>`) + tail, `^vi\.xlf:4:70: inline code <ph> in the target of unit "a"; l10n messages have no inline codes`},
		{"inline pc", head + unit("a", "translated", `<source>a</source><target><pc id="1">bold</pc></target>`) + tail, `^vi\.xlf:4:68: inline code <pc> in the target of unit "a"`},
		{"inline in source", head + unit("a", "initial", `<source><sc id="1"/>a</source>`) + tail, `^vi\.xlf:4:47: inline code <sc> in the source of unit "a"`},
		{"final without target", head + unit("a", "final", "<source>a</source>") + tail, `^vi\.xlf:4:14: unit "a" is in state "final" but has no <target>; add the translation, or set state="initial"`},
		{"unknown state", head + unit("a", "done", "<source>a</source>") + tail, `^vi\.xlf:4:14: unit "a": state "done"; XLIFF 2\.0 states are initial, translated, reviewed, final`},
		{"bad cp", head + unit("a", "translated", `<source>a</source><target><cp hex="D800"/></target>`) + tail, `^vi\.xlf:4:68: <cp hex="D800"/> in the target of unit "a" is not a Unicode code point`},
		{"unit without id", head + `<unit><segment><source>a</source></segment></unit>` + "\n" + tail, `^vi\.xlf:4:1: <unit> has no id`},
		{"unit without segment", head + `<unit id="a"><notes><note>n</note></notes></unit>` + "\n" + tail, `^vi\.xlf:4:1: unit "a" has no <segment>`},
		{"two targets", head + unit("a", "translated", "<source>a</source><target>x</target><target>y</target>") + tail, `^vi\.xlf:4:78: unexpected <target> in a <segment> of unit "a"`},
		{"plural form unknown", head + `<group id="p" type="l10n:plural"><unit id="p:lots" name="lots"><segment><source>a</source></segment></unit></group>` + "\n" + tail,
			`^vi\.xlf:4:34: unit "p:lots" of the plural group "p" names no plural category`},
		{"no file", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi"/>`, `^vi\.xlf:1:1: <xliff> holds no <file>`},
		{"not XML", "msgid \"\"\n", `^vi\.xlf:1:1: .*; fix the XML|^vi\.xlf:1:1: the file holds no XML element`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := xliff.Parse("vi.xlf", []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse accepted it; want %s", tc.want)
			}
			if !regexp.MustCompile(tc.want).MatchString(err.Error()) {
				t.Errorf("Parse error:\n%v\nwant match for %s", err, tc.want)
			}
		})
	}
}

// TestParseAccepts lists what CAT tools write that Parse reads as the
// message it stands for.
func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      exchange.Unit // ID, State, Source and Target["other"] compared
	}{
		{"byte order mark", "\xef\xbb\xbf" + head + unit("a", "translated", "<source>a</source><target>b</target>") + tail,
			exchange.Unit{ID: "a", State: exchange.Translated, Source: other("a"), Target: other("b")}},
		{"reviewed and final are done", head + unit("a", "reviewed", "<source>a</source><target>b</target>") + tail,
			exchange.Unit{ID: "a", State: exchange.Translated, Source: other("a"), Target: other("b")}},
		{"initial with a target needs review", head + unit("a", "initial", "<source>a</source><target>b</target>") + tail,
			exchange.Unit{ID: "a", State: exchange.NeedsReview, Source: other("a"), Target: other("b")}},
		{"no state is initial", head + `<unit id="a"><segment><source>a</source><target>b</target></segment></unit>` + tail,
			exchange.Unit{ID: "a", State: exchange.NeedsReview, Source: other("a"), Target: other("b")}},
		{"empty initial target is untranslated", head + unit("a", "initial", "<source>a</source><target/>") + tail,
			exchange.Unit{ID: "a", State: exchange.Untranslated, Source: other("a"), Target: other("")}},
		{"cp and mrk", head + unit("a", "translated", `<source>a</source><target>x<cp hex="1"/><mrk id="m" type="term">term</mrk><sm id="s"/>y<em startRef="s"/></target>`) + tail,
			exchange.Unit{ID: "a", State: exchange.Translated, Source: other("a"), Target: other("x\x01termy")}},
		{"CDATA", head + unit("a", "translated", `<source>a</source><target><![CDATA[<b> & ]]></target>`) + tail,
			exchange.Unit{ID: "a", State: exchange.Translated, Source: other("a"), Target: other("<b> & ")}},
		{"resegmented", head + `<unit id="a"><segment state="translated"><source>One.</source><target>Uno.</target></segment><ignorable><source> </source></ignorable><segment state="final"><source>Two.</source><target>Dos.</target></segment></unit>` + tail,
			exchange.Unit{ID: "a", State: exchange.Translated, Source: other("One. Two."), Target: other("Uno. Dos.")}},
		{"grouped by a tool", head + `<group id="g"><unit id="a"><segment state="translated"><source>a</source><target>b</target></segment></unit></group>` + tail,
			exchange.Unit{ID: "a", State: exchange.Translated, Source: other("a"), Target: other("b")}},
		{"extensions", head + `<unit id="a" xmlns:my="urn:my" my:x="1"><my:meta/><segment state="translated"><source>a</source><target>b</target></segment></unit>` + tail,
			exchange.Unit{ID: "a", State: exchange.Translated, Source: other("a"), Target: other("b")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := xliff.Parse("vi.xlf", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Units) != 1 {
				t.Fatalf("read %d units, want 1", len(f.Units))
			}
			u := f.Units[0]
			if u.ID != tc.want.ID || u.State != tc.want.State || u.Source["other"] != tc.want.Source["other"] || u.Target["other"] != tc.want.Target["other"] {
				t.Errorf("read %s %s %q → %q, want %s %s %q → %q", u.ID, u.State, u.Source["other"], u.Target["other"],
					tc.want.ID, tc.want.State, tc.want.Source["other"], tc.want.Target["other"])
			}
		})
	}
}

func other(s string) map[string]string { return map[string]string{"other": s} }

// FuzzParse checks that Parse never panics, and that what it accepts it
// writes back to a file it reads the same.
func FuzzParse(f *testing.F) {
	f.Add(head + unit("a", "translated", "<source>a</source><target>b<cp hex=\"1\"/></target>") + tail)
	f.Add(head + `<group id="p" type="l10n:plural"><unit id="p:one" name="one"><segment state="final"><source>a</source><target>b</target></segment></unit></group>` + tail)
	f.Add(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>`)
	f.Add(head + `<unit id="a"><mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"><mtc:match ref="#s1" similarity="92" origin="b"><source>b</source><target>B</target></mtc:match></mtc:matches><segment id="s1"><source>a</source></segment></unit>` + tail)
	f.Fuzz(func(t *testing.T, src string) {
		got, err := xliff.Parse("f.xlf", []byte(src))
		if err != nil {
			return
		}
		var b strings.Builder
		if err := xliff.Write(&b, got); err != nil {
			return // an id XLIFF cannot hold is refused, not written
		}
		again, err := xliff.Parse("f.xlf", []byte(b.String()))
		if err != nil {
			t.Fatalf("Parse(Write(Parse(src))): %v\n%s", err, b.String())
		}
		if len(again.Units) != len(got.Units) {
			t.Fatalf("Parse(Write(Parse(src))) has %d units, Parse(src) %d", len(again.Units), len(got.Units))
		}
	})
}
