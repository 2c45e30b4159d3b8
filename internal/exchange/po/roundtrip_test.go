package po_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
)

// tricky are texts that PO code gets wrong: quotes and backslashes,
// control characters, carriage returns, line breaks at the ends, text that
// looks like PO syntax, right-to-left text, Markdown and placeholders.
var tricky = []string{
	`Say "hi" & <b>bold</b> ]]> it's`,
	"tab\there\nnew line\r\ncrlf and a lone\rCR",
	"control \x01 \x08 \x1b \a \v \f and DEL \x7f",
	"مرحبا بالعالم — RTL with a mark \u200f and (brackets)",
	"{{.LockIcon}} and {{.Date}} and {{ .Count }} and %s %d",
	"**bold** and *it* and [a link](https://example.gov/?a=1&b=2 \"t\") and `code`",
	"  spaces at both ends  ",
	`back\slash \n not a newline \\ \"`,
	"ends with a newline\n",
	"\nstarts with a newline",
	"two\n\nblank lines\n\n",
	"\"\nmsgstr \"injected\"\n#, fuzzy",
	"noncharacters \uFFFE \uFFFF and astral 😀 𝒳",
	"NEL \u0085 LS \u2028 BOM \uFEFF",
	"#. not a comment",
}

func units() []*exchange.Unit {
	var us []*exchange.Unit
	for i, s := range tricky {
		u := &exchange.Unit{
			ID:     "page.tricky.p" + string(rune('a'+i)),
			Note:   "Description with \"quotes\" and \\\nand a second line",
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
	return append(us, &exchange.Unit{
		ID: "page.cart.items", Note: "Items in the cart", Hash: "sha256:fedcba9876543210", Plural: true,
		Source: map[string]string{"one": "{{.Count}} item \"x\"", "other": "{{.Count}} items\n& more"},
		Target: map[string]string{
			"zero": "لا عناصر", "one": "عنصر واحد", "two": "عنصران\t\x01",
			"few": "{{.Count}} عناصر", "many": "{{.Count}} عنصرًا", "other": "{{.Count}}\r\nعنصر",
		},
		State: exchange.Translated,
	}, &exchange.Unit{
		ID: "page.cart.empty", Hash: "sha256:fedcba9876543211", Plural: true,
		Source: map[string]string{"one": "one", "other": "other"},
	})
}

func strip(u *exchange.Unit) exchange.Unit {
	c := *u
	c.Pos, c.TargetPos = diag.Pos{}, nil
	return c
}

// TestRoundTripKeepsEveryCharacter writes units with tricky texts, reads
// them back and wants every unit exactly as written.
func TestRoundTripKeepsEveryCharacter(t *testing.T) {
	f := &exchange.File{Source: language.English, Target: language.Arabic, Units: units()}
	var b bytes.Buffer
	if err := po.Write(&b, f); err != nil {
		t.Fatal(err)
	}
	got, err := po.Parse("ar.po", b.Bytes())
	if err != nil {
		t.Fatalf("Parse(Write(units)): %v\n%s", err, b.Bytes())
	}
	if got.Source != language.English || got.Target != language.Arabic {
		t.Errorf("languages = %s → %s, want en → ar", got.Source, got.Target)
	}
	if len(got.Units) != len(f.Units) {
		t.Fatalf("read %d units, wrote %d", len(got.Units), len(f.Units))
	}
	for i, want := range f.Units {
		if g, w := strip(got.Units[i]), strip(want); !reflect.DeepEqual(g, w) {
			t.Errorf("unit %s:\ngot  %+v\nwant %+v", want.ID, g, w)
		}
	}
	var again bytes.Buffer
	if err := po.Write(&again, got); err != nil {
		t.Fatal(err)
	}
	if again.String() != b.String() {
		t.Errorf("Write(Parse(Write(units))) differs from Write(units)")
	}
	msgfmt(t, b.Bytes())
}

// msgfmt runs gettext's msgfmt --check on a PO file, when gettext is
// installed (.ci/run installs it).
func msgfmt(t *testing.T, src []byte) {
	t.Helper()
	bin, err := exec.LookPath("msgfmt")
	if err != nil {
		t.Log("msgfmt not found: the PO file was not checked by gettext (apt-get install gettext)")
		return
	}
	path := filepath.Join(t.TempDir(), "f.po")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--check", "-o", os.DevNull, path).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("msgfmt --check: %v\n%s", err, out)
	}
}

func TestWriteEscapes(t *testing.T) {
	f := &exchange.File{Source: language.English, Target: language.Vietnamese, Units: []*exchange.Unit{{
		ID: "x", Source: map[string]string{"other": "a\x01b\"c\\d\te\rf\ng"},
	}}}
	var b bytes.Buffer
	if err := po.Write(&b, f); err != nil {
		t.Fatal(err)
	}
	want := "msgid \"\"\n\"a\\001b\\\"c\\\\d\\te\\rf\\n\"\n\"g\"\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("Write wrote\n%s\nwant it to contain\n%s", b.String(), want)
	}
}

func TestWriteRefusesNUL(t *testing.T) {
	f := &exchange.File{Source: language.English, Target: language.Vietnamese, Units: []*exchange.Unit{{
		ID: "page.x", Source: map[string]string{"other": "a\x00b"},
	}}}
	if err := po.Write(&bytes.Buffer{}, f); err == nil || !strings.Contains(err.Error(), "U+0000") {
		t.Errorf("Write(text with NUL) = %v, want an error naming U+0000", err)
	}
}

// FuzzRoundTrip checks that any text a PO file can carry, as source and
// target, reads back exactly as written.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || s == "" {
			return // catalogs hold UTF-8; PO cannot hold NUL; "" is untranslated
		}
		in := &exchange.File{Source: language.English, Target: language.Vietnamese, Units: []*exchange.Unit{{
			ID: "p.x", Hash: "sha256:1", Source: map[string]string{"other": s},
			Target: map[string]string{"other": s}, State: exchange.Translated,
		}}}
		var b bytes.Buffer
		if err := po.Write(&b, in); err != nil {
			t.Fatal(err)
		}
		out, err := po.Parse("f.po", b.Bytes())
		if err != nil {
			t.Fatalf("Parse(Write(%q)): %v\n%s", s, err, b.Bytes())
		}
		u := out.Units[0]
		if u.Source["other"] != s || u.Target["other"] != s {
			t.Fatalf("Parse(Write(%q)) = source %q, target %q", s, u.Source["other"], u.Target["other"])
		}
	})
}
