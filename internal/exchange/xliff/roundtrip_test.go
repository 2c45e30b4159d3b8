package xliff_test

import (
	"bytes"
	"maps"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// tricky are texts that generic XML code gets wrong: the XML specials,
// "]]>", characters XML 1.0 cannot hold, carriage returns, white space at
// the ends, right-to-left text, Markdown and placeholders.
var tricky = []string{
	`Say "hi" & <b>bold</b> ]]> it's`,
	"tab\there\nnew line\r\ncrlf and a lone\rCR",
	"control \x01 \x08 \x1b and DEL \x7f, NUL \x00",
	"مرحبا بالعالم — RTL with a mark \u200f and (brackets)",
	"{{.LockIcon}} and {{.Date}} and {{ .Count }}",
	"**bold** and *it* and [a link](https://example.gov/?a=1&b=2 \"t\") and `code`",
	"  spaces at both ends  ",
	`back\slash \n not a newline`,
	"ends with a newline\n",
	"\nstarts with a newline",
	"</target><target>injected</target>",
	"noncharacters \uFFFE \uFFFF and astral 😀 𝒳",
	"NEL \u0085 LS \u2028 PS \u2029 BOM \uFEFF",
	"&amp; &#x41; &lt; are text, not references",
}

// units returns units over tricky texts in every state, and a plural one.
func units() []*exchange.Unit {
	var us []*exchange.Unit
	for i, s := range tricky {
		u := &exchange.Unit{
			ID:     "page.tricky.p" + string(rune('a'+i)),
			Note:   "Description with <markup> & \"quotes\"\nand a second line",
			Hash:   "sha256:0123456789abcdef",
			Source: map[string]string{"other": s},
		}
		switch i % 3 {
		case 0:
			u.State, u.Target = exchange.Translated, map[string]string{"other": s + " (tr)"}
		case 1:
			u.State, u.Target, u.Stale, u.Previous = exchange.NeedsReview, map[string]string{"other": s}, true, "was: "+s
		default:
			u.State = exchange.Untranslated
		}
		us = append(us, u)
	}
	us = append(us, &exchange.Unit{
		ID: "page.cart.items", Note: "Items in the cart", Hash: "sha256:fedcba9876543210", Plural: true,
		Source: map[string]string{"one": "{{.Count}} item <b>", "other": "{{.Count}} items & more"},
		Target: map[string]string{
			"zero": "لا عناصر", "one": "عنصر واحد", "two": "عنصران\t\x01",
			"few": "{{.Count}} عناصر", "many": "{{.Count}} عنصرًا", "other": "{{.Count}} عنصر\r\n",
		},
		State: exchange.Translated,
	}, &exchange.Unit{
		ID: "page.cart.empty", Hash: "sha256:fedcba9876543211", Plural: true,
		Source: map[string]string{"one": "one", "other": "other"},
	})
	return us
}

// forXLIFF is what a unit reads back as from XLIFF: a plural unit's
// source is given per category of the target language.
func forXLIFF(u *exchange.Unit, categories []string) *exchange.Unit {
	c := *u
	if u.Plural {
		c.Source = map[string]string{}
		for _, cat := range categories {
			s, ok := u.Source[cat]
			if !ok {
				s = u.Source["other"]
			}
			c.Source[cat] = s
		}
	}
	return &c
}

func strip(u *exchange.Unit) *exchange.Unit {
	c := *u
	c.Pos = diag.Pos{}
	c.TargetPos = nil
	c.Source = maps.Clone(u.Source)
	return &c
}

// TestRoundTripKeepsEveryCharacter writes units with tricky texts, reads
// them back and wants every unit exactly as written.
func TestRoundTripKeepsEveryCharacter(t *testing.T) {
	ar := language.Arabic
	f := &exchange.File{Source: language.English, Target: ar, Units: units()}
	var b bytes.Buffer
	if err := xliff.Write(&b, f); err != nil {
		t.Fatal(err)
	}
	got, err := xliff.Parse("ar.xlf", b.Bytes())
	if err != nil {
		t.Fatalf("Parse(Write(units)): %v\n%s", err, b.Bytes())
	}
	if got.Source != language.English || got.Target != ar {
		t.Errorf("languages = %s → %s, want en → ar", got.Source, got.Target)
	}
	categories := locale.PluralCategories(ar)
	if len(got.Units) != len(f.Units) {
		t.Fatalf("read %d units, wrote %d", len(got.Units), len(f.Units))
	}
	for i, want := range f.Units {
		g := strip(got.Units[i])
		w := strip(forXLIFF(want, categories))
		if !reflect.DeepEqual(g, w) {
			t.Errorf("unit %s:\ngot  %+v\nwant %+v", want.ID, g, w)
		}
		if got.Units[i].Pos.Line == 0 || (got.Units[i].Target != nil && got.Units[i].TargetPos[firstKey(got.Units[i].Target)].Line == 0) {
			t.Errorf("unit %s has no position: %+v", want.ID, got.Units[i])
		}
	}
	// Writing what was read gives the same bytes.
	var again bytes.Buffer
	if err := xliff.Write(&again, got); err != nil {
		t.Fatal(err)
	}
	if again.String() != b.String() {
		t.Errorf("Write(Parse(Write(units))) differs from Write(units)")
	}
}

func firstKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}

// TestWriteEscapes shows how the characters XML cannot carry as they are
// are written.
func TestWriteEscapes(t *testing.T) {
	f := &exchange.File{Source: language.English, Target: language.Vietnamese, Units: []*exchange.Unit{{
		ID: "x", Hash: "sha256:1", Source: map[string]string{"other": "a\x01b\rc]]>d&e<f\uFFFEg"},
	}}}
	var b bytes.Buffer
	if err := xliff.Write(&b, f); err != nil {
		t.Fatal(err)
	}
	want := `<source>a<cp hex="0001"/>b&#xD;c]]&gt;d&amp;e&lt;f<cp hex="FFFE"/>g</source>`
	if !strings.Contains(b.String(), want) {
		t.Errorf("Write wrote\n%s\nwant it to contain %s", b.String(), want)
	}
}

func TestWriteRefusesIDsXLIFFCannotHold(t *testing.T) {
	f := &exchange.File{Source: language.English, Target: language.Vietnamese, Units: []*exchange.Unit{{ID: "a b", Source: map[string]string{"other": "x"}}}}
	if err := xliff.Write(&bytes.Buffer{}, f); err == nil || !strings.Contains(err.Error(), `"a b"`) {
		t.Errorf("Write(unit id %q) = %v, want an error naming it", "a b", err)
	}
}

// FuzzRoundTrip checks that any text, as source and target, reads back
// exactly as written.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // catalogs hold UTF-8 only
		}
		in := &exchange.File{Source: language.English, Target: language.Vietnamese, Units: []*exchange.Unit{{
			ID: "p.x", Hash: "sha256:1", Source: map[string]string{"other": s},
			Target: map[string]string{"other": s}, State: exchange.Translated,
		}}}
		var b bytes.Buffer
		if err := xliff.Write(&b, in); err != nil {
			t.Fatal(err)
		}
		out, err := xliff.Parse("f.xlf", b.Bytes())
		if err != nil {
			t.Fatalf("Parse(Write(%q)): %v\n%s", s, err, b.Bytes())
		}
		u := out.Units[0]
		if u.Source["other"] != s || u.Target["other"] != s {
			t.Fatalf("Parse(Write(%q)) = source %q, target %q", s, u.Source["other"], u.Target["other"])
		}
	})
}
