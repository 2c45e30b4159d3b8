package catalog_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

func write(t *testing.T, header []string, entries []catalog.Entry) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := catalog.Write(&b, header, entries); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

// entries makes one entry without comment per message.
func entries(msgs []*catalog.Message) []catalog.Entry {
	out := make([]catalog.Entry, len(msgs))
	for i, m := range msgs {
		out[i] = catalog.Entry{Message: m}
	}
	return out
}

func TestWriteCanonicalLayout(t *testing.T) {
	t.Parallel()
	got := write(t,
		[]string{"Translations for es.", "", "Second paragraph,\nin two lines.   "},
		[]catalog.Entry{
			{
				Comment: []string{"Site chrome: Link at the top", "en: Skip to main content"},
				Message: &catalog.Message{
					ID:          "chrome.skip",
					Description: "Link at the top",
					Hash:        "sha256:71c7487db66d5429",
					// Keys come out in CLDR order, whatever the map order.
					Forms: map[string]string{"other": "Saltar al contenido principal", "one": "Uno", "zero": "Cero"},
				},
			},
			{
				Message: &catalog.Message{ID: "narcotics-smuggling.intro.p1", Hash: "sha256:2222222222222222", Forms: map[string]string{"other": ""}},
			},
		})
	want := `# Translations for es.
#
# Second paragraph,
# in two lines.

# Site chrome: Link at the top
# en: Skip to main content
[chrome.skip]
description = "Link at the top"
hash = "sha256:71c7487db66d5429"
zero = "Cero"
one = "Uno"
other = "Saltar al contenido principal"

[narcotics-smuggling.intro.p1]
hash = "sha256:2222222222222222"
other = ""
`
	if string(got) != want {
		t.Errorf("Write output (-want +got):\n-%s\n+%s", strings.ReplaceAll(want, "\n", "\n-"), strings.ReplaceAll(string(got), "\n", "\n+"))
	}
}

func TestWriteQuotesIDPartsThatAreNotBareKeys(t *testing.T) {
	t.Parallel()
	got := write(t, nil, entries([]*catalog.Message{
		{ID: "page.a b.ñ", Forms: map[string]string{"other": "x"}},
		{ID: "page.under_score-dash.p1", Forms: map[string]string{"other": "y"}},
	}))
	for _, want := range []string{"\n[page.\"a b\".\"ñ\"]\n", "\n[page.under_score-dash.p1]\n"} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("Write output:\n%s\nwant it to contain %q", got, want)
		}
	}
}

func TestWriteOutputIsLFUTF8WithFinalNewline(t *testing.T) {
	t.Parallel()
	got := write(t, []string{"Header\r"}, entries([]*catalog.Message{
		{ID: "a", Forms: map[string]string{"other": "line one\r\nline two"}},
	}))
	if bytes.Contains(got, []byte("\r")) {
		t.Errorf("Write output holds a CR byte:\n%q", got)
	}
	if bytes.HasPrefix(got, []byte("\xef\xbb\xbf")) {
		t.Errorf("Write output starts with a BOM")
	}
	if !bytes.HasSuffix(got, []byte("\n")) || bytes.HasSuffix(got, []byte("\n\n")) {
		t.Errorf("Write output does not end with exactly one newline: %q", got)
	}
}

// tricky holds values that quoting must get right.
var tricky = []*catalog.Message{
	{ID: "page.\"quoted\" part.ñ", Forms: map[string]string{"other": "quoted ID parts"}},
	{ID: "quotes", Forms: map[string]string{"other": `Say "hola" and 'adiós'`}},
	{ID: "backslashes", Forms: map[string]string{"other": `C:\path\n is not a newline \\ \"`}},
	{ID: "newlines", Forms: map[string]string{"other": "line one\nline two\r\nline three\n"}},
	{ID: "tabs", Forms: map[string]string{"other": "a\tb\t"}},
	{ID: "control", Forms: map[string]string{"other": "bell \a nul \x00 del \x7f"}},
	{ID: "non-ascii", Forms: map[string]string{"other": "El contrabando — 走私毒品 تهريب المخدرات \u2028 😀"}},
	{ID: "placeholders", Forms: map[string]string{"other": "Última actualización: {{.Date}} {{.LockIcon}}"}},
	{ID: "toml-lookalike", Forms: map[string]string{"other": "\"\"\"\n[table]\nother = \"x\"\n# comment"}},
	{ID: "spaces", Forms: map[string]string{"other": "  leading and trailing  "}},
	{ID: "empty", Hash: "sha256:0000000000000000", Forms: map[string]string{"other": ""}},
	{ID: "plural", Description: "Count of \"cases\"\nover two lines", Hash: "sha256:1111111111111111", Forms: map[string]string{
		"zero": "ninguno", "one": "{{.Count}} caso", "two": "dos", "few": "pocos", "many": "muchos", "other": "{{.Count}} casos",
	}},
	{ID: "page.section.p1", Forms: map[string]string{"other": "dotted ID"}},
}

func TestWriteThenParseGivesSameMessages(t *testing.T) {
	t.Parallel()
	out := write(t, []string{"Header"}, entries(tricky))
	f, err := catalog.Parse(path, es, out)
	if err != nil {
		t.Fatalf("Parse(Write(x)): %v\n%s", err, out)
	}
	if got, want := summarize(f.Messages), summarize(tricky); !equalSummaries(got, want) {
		t.Errorf("Parse(Write(x)) messages:\ngot  %v\nwant %v", got, want)
	}
}

func TestWriteKeepsMessageWithNothingButItsID(t *testing.T) {
	t.Parallel()
	// An empty table is not a message to go-i18n or Parse, so a message
	// without text, description or hash must still be written as one.
	in := []*catalog.Message{
		{ID: "a", Forms: map[string]string{}},
		{ID: "b.\"c d\"", Description: "", Hash: ""},
		{ID: "e", Forms: map[string]string{"other": "E"}},
	}
	out := write(t, nil, entries(in))
	f, err := catalog.Parse(path, es, out)
	if err != nil {
		t.Fatalf("Parse(Write(x)): %v\n%s", err, out)
	}
	if got, want := summarize(f.Messages), summarize(in); !equalSummaries(got, want) {
		t.Errorf("Parse(Write(x)) messages:\ngot  %v\nwant %v\nwritten:\n%s", got, want, out)
	}
}

func TestWriteIsIdempotent(t *testing.T) {
	t.Parallel()
	first := write(t, nil, entries(tricky))
	f, err := catalog.Parse(path, es, first)
	if err != nil {
		t.Fatalf("Parse(Write(x)): %v", err)
	}
	second := write(t, nil, entries(f.Messages))
	if !bytes.Equal(first, second) {
		t.Errorf("Write(Parse(Write(x))) differs from Write(x):\nfirst:\n%s\nsecond:\n%s", first, second)
	}
}

func TestWriteKeepsCommentsThroughParse(t *testing.T) {
	t.Parallel()
	in := []catalog.Entry{
		{Message: &catalog.Message{ID: "a", Forms: map[string]string{"other": "A"}}, Comment: []string{"Paragraph", "", "en: A"}},
		{Message: &catalog.Message{ID: "b", Forms: map[string]string{"other": "B"}}},
	}
	f, err := catalog.Parse(path, es, write(t, []string{"Header"}, in))
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range f.Messages {
		if strings.Join(m.Comment, "\n") != strings.Join(in[i].Comment, "\n") {
			t.Errorf("message %s: Comment = %q, want %q", m.ID, m.Comment, in[i].Comment)
		}
	}
}

func TestWriteOutputIsReadByGoI18n(t *testing.T) {
	t.Parallel()
	out := write(t, []string{"Header"}, entries(tricky))
	mf, err := i18n.ParseMessageFileBytes(out, path, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatalf("i18n.ParseMessageFileBytes(Write(x)): %v\n%s", err, out)
	}
	if mf.Tag != es {
		t.Errorf("go-i18n read the tag as %s, want %s", mf.Tag, es)
	}
	got := map[string]*i18n.Message{}
	for _, m := range mf.Messages {
		got[m.ID] = m
	}
	if len(got) != len(tricky) {
		t.Errorf("go-i18n read %d messages, want %d", len(got), len(tricky))
	}
	for _, want := range tricky {
		m := got[want.ID]
		if m == nil {
			t.Errorf("go-i18n has no message %q", want.ID)
			continue
		}
		forms := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other}
		for _, c := range catalog.Categories {
			if forms[c] != want.Forms[c] {
				t.Errorf("go-i18n message %s: %s = %q, want %q", want.ID, c, forms[c], want.Forms[c])
			}
		}
		if m.Description != want.Description || m.Hash != want.Hash {
			t.Errorf("go-i18n message %s: description, hash = %q, %q; want %q, %q", want.ID, m.Description, m.Hash, want.Description, want.Hash)
		}
	}
}

func TestWriteOutputIsReadByToml(t *testing.T) {
	t.Parallel()
	out := write(t, nil, entries(tricky))
	var v map[string]any
	if _, err := toml.Decode(string(out), &v); err != nil {
		t.Fatalf("toml.Decode(Write(x)): %v", err)
	}
	placeholders, _ := v["placeholders"].(map[string]any)
	if got := placeholders["other"]; got != tricky[7].Forms["other"] {
		t.Errorf("toml read placeholders.other = %q, want %q", got, tricky[7].Forms["other"])
	}
}

// TestWriteEscapesControlCharactersInComments: a comment shows the
// English, which may hold characters TOML allows in no comment; the file
// must still read.
func TestWriteEscapesControlCharactersInComments(t *testing.T) {
	var b bytes.Buffer
	in := []catalog.Entry{{
		Message: &catalog.Message{ID: "a", Forms: map[string]string{"other": "x\x01y\rz"}},
		Comment: []string{"en: x\x01y\rz\x7f end"},
	}}
	if err := catalog.Write(&b, nil, in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `# en: x\x01y\x0dz\x7f end`) {
		t.Errorf("Write wrote\n%s\nwant the comment with \\x01, \\x0d and \\x7f", b.String())
	}
	f, err := catalog.Parse(path, es, b.Bytes())
	if err != nil {
		t.Fatalf("Parse(Write(…)): %v", err)
	}
	if got := f.Messages[0].Other(); got != "x\x01y\rz" {
		t.Errorf("other = %q, want %q", got, "x\x01y\rz")
	}
}
