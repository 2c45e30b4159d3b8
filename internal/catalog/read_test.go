package catalog_test

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
)

const path = "locales/es.toml"

var es = language.Spanish

// summary is a message without its position, for comparisons.
type summary struct {
	ID, Description, Hash string
	Forms                 map[string]string
}

func (s summary) String() string {
	return fmt.Sprintf("{%s description=%q hash=%q forms=%q}", s.ID, s.Description, s.Hash, s.Forms)
}

func summarize(msgs []*catalog.Message) []summary {
	out := make([]summary, len(msgs))
	for i, m := range msgs {
		out[i] = summary{m.ID, m.Description, m.Hash, m.Forms}
	}
	return out
}

func equalSummaries(a, b []summary) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Description != b[i].Description || a[i].Hash != b[i].Hash || !maps.Equal(a[i].Forms, b[i].Forms) {
			return false
		}
	}
	return true
}

func TestParseReadsMessagesInFileOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []summary
	}{
		{
			name: "tables not in alphabetical order",
			src: `# comment
[narcotics-smuggling.title]
description = "Page title"
hash = "sha256:1111111111111111"
other = "Contrabando de narcóticos"

[chrome.skip]
other = "Saltar al contenido principal"

[narcotics-smuggling.intro.p1]
hash = "sha256:2222222222222222"
one = "Un caso"
other = "{{.Count}} casos"
`,
			want: []summary{
				{"narcotics-smuggling.title", "Page title", "sha256:1111111111111111", map[string]string{"other": "Contrabando de narcóticos"}},
				{"chrome.skip", "", "", map[string]string{"other": "Saltar al contenido principal"}},
				{"narcotics-smuggling.intro.p1", "", "sha256:2222222222222222", map[string]string{"one": "Un caso", "other": "{{.Count}} casos"}},
			},
		},
		{
			name: "id = text shorthand and nested tables",
			src: `top = "Arriba"

[page]
intro.p1 = "Uno"

[page.intro]
p2 = "Dos"

[page.intro.p3]
other = "Tres"
`,
			want: []summary{
				{"top", "", "", map[string]string{"other": "Arriba"}},
				{"page.intro.p1", "", "", map[string]string{"other": "Uno"}},
				{"page.intro.p2", "", "", map[string]string{"other": "Dos"}},
				{"page.intro.p3", "", "", map[string]string{"other": "Tres"}},
			},
		},
		{
			name: "quoted table keys",
			src: `["b b"]
other = "1"

[a]
other = "2"

["ñ".x]
other = "3"
`,
			want: []summary{
				{"b b", "", "", map[string]string{"other": "1"}},
				{"a", "", "", map[string]string{"other": "2"}},
				{"ñ.x", "", "", map[string]string{"other": "3"}},
			},
		},
		{
			name: "id key equal to the table name",
			src:  "[chrome.skip]\nid = \"chrome.skip\"\nother = \"Saltar\"\n",
			want: []summary{{"chrome.skip", "", "", map[string]string{"other": "Saltar"}}},
		},
		{
			name: "empty translation",
			src:  "[chrome.skip]\nhash = \"sha256:3333333333333333\"\nother = \"\"\n",
			want: []summary{{"chrome.skip", "", "sha256:3333333333333333", map[string]string{"other": ""}}},
		},
		{
			name: "empty file",
			src:  "",
			want: []summary{},
		},
		{
			name: "comments only",
			src:  "# Translations for es.\n",
			want: []summary{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := catalog.Parse(path, es, []byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Path != path || f.Tag != es {
				t.Errorf("Parse: Path, Tag = %q, %s; want %q, %s", f.Path, f.Tag, path, es)
			}
			if got := summarize(f.Messages); !equalSummaries(got, tt.want) {
				t.Errorf("Parse messages:\ngot  %v\nwant %v", got, tt.want)
			}
			for _, m := range f.Messages {
				if m.Pos.File != path {
					t.Errorf("message %s: Pos.File = %q, want %q", m.ID, m.Pos.File, path)
				}
			}
		})
	}
}

func TestParseReportsProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		// want is the start of the error: position, then message.
		want string
	}{
		{
			name: "TOML syntax error",
			src:  "[x]\nother = \"a\"\n\n[y]\nother = = \"b\"\n",
			want: path + ":5:9: expected value but found '=' instead",
		},
		{
			name: "unterminated string",
			src:  "[x]\nother = \"a\n",
			want: path + ":2:11: strings cannot contain newlines",
		},
		{
			name: "unknown key in a message",
			src:  "[x]\ndescripton = \"Page title\"\nother = \"a\"\n",
			want: path + `:2:1: unknown key "descripton" in [x]; go-i18n keys are description, hash, zero, one, two, few, many, other`,
		},
		{
			name: "key in the wrong case",
			src:  "[x]\nOther = \"a\"\n",
			want: path + `:2:1: unknown key "Other" in [x]`,
		},
		{
			name: "number as a plural form",
			src:  "[x]\nhash = \"h\"\nother = 5\n",
			want: path + `:3:1: "other" in [x] is a number, not a string; write the text in quotes`,
		},
		{
			name: "number in a table without message keys",
			src:  "[x]\nother = 5\n",
			want: path + `:2:1: "other" in [x] is a number, not a string; write the text in quotes`,
		},
		{
			name: "array",
			src:  "x = [\"a\", \"b\"]\n",
			want: path + `:1:1: "x" is an array; a catalog holds only message tables and strings`,
		},
		{
			name: "message inside a message",
			src:  "[x]\nother = \"a\"\n\n[x.y]\nother = \"b\"\n",
			want: path + `:4:1: unknown key "y" in [x]`,
		},
		{
			name: "id that differs from the table",
			src:  "[x]\nid = \"y\"\nother = \"a\"\n",
			want: path + `:2:1: id "y" differs from the table name [x]; remove the id key`,
		},
		{
			name: "message keys at the top level",
			src:  "# c\n\nother = \"a\"\n",
			want: path + ":3:1: message keys at the top level have no ID",
		},
		{
			// The parser's message ends in a period; ours goes on.
			name: "duplicate key",
			src:  "[x]\nother = \"a\"\nother = \"b\"\n",
			want: path + ":3:1: Key 'x.other' has already been defined; fix the TOML syntax",
		},
		{
			// BurntSushi/toml takes seconds for a few kilobytes of this.
			// See issue 6.
			name: "inline tables nested too deep",
			src:  "[x]\nother = \"a\"\ny = " + strings.Repeat("{z=", 5000) + "1" + strings.Repeat("}", 5000) + "\n",
			want: path + ":3:101: arrays or inline tables nested more than 32 deep; a catalog holds only message tables and strings",
		},
		{
			name: "IDs equal after Unicode normalization",
			src:  "[\"caf\u00e9\"]\nother = \"a\"\n\n[\"cafe\u0301\"]\nother = \"b\"\n",
			want: path + ":4:1: [cafe\u0301] is the ID of " + path + ":1:1 too, written with other Unicode code points (they are equal once normalized to NFC); keep one of the two",
		},
		{
			// A CR that does not end a line is no newline.
			name: "lone carriage return",
			src:  "[x]\nother = \"a\"\r# c\n",
			want: path + ":2:11: TOML files cannot contain control characters: '0x0d'; fix the TOML syntax",
		},
		{
			name: "empty ID",
			src:  "\"\" = \"b\"\n\n[x]\nother = \"a\"\n",
			want: path + `:1:1: "" cannot be part of a message ID`,
		},
		{
			name: "empty part of an ID",
			src:  "[x.\"\"]\nother = \"a\"\n",
			want: path + `:1:1: "" cannot be part of a message ID`,
		},
		{
			// It would be read back as [a.b]: two tables, not one key.
			name: "dot in a quoted part of an ID",
			src:  "[x]\nother = \"a\"\n\n[\"a.b\"]\nother = \"b\"\n",
			want: path + `:4:1: "a.b" cannot be part of a message ID`,
		},
		{
			name: "byte order mark",
			src:  "\xef\xbb\xbf[x]\nother = \"a\"\n",
			want: path + ":1:1: file starts with a byte order mark; save it as UTF-8 without BOM",
		},
		{
			name: "invalid UTF-8 after a multi-byte character",
			src:  "[x]\nother = \"añ\xffb\"\n",
			want: path + ":2:12: invalid UTF-8; save the file as UTF-8",
		},
		{
			name: "invalid UTF-8 on the first byte",
			src:  "\xc3[x]\n",
			want: path + ":1:1: invalid UTF-8",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := catalog.Parse(path, es, []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse(%q) = %d messages, want error %q", tt.src, len(f.Messages), tt.want)
			}
			if f != nil {
				t.Errorf("Parse(%q) returned a file with its error, want nil", tt.src)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Parse(%q) error:\n got  %q\n want %q…", tt.src, err, tt.want)
			}
			var list diag.List
			list.Add(err)
			if len(list) != 1 {
				t.Errorf("Parse(%q) error = %d diagnostics, want 1:\n%v", tt.src, len(list), err)
			} else if list[0].Pos.File != path {
				t.Errorf("Parse(%q) error in file %q, want %q", tt.src, list[0].Pos.File, path)
			}
		})
	}
}

func TestParseReportsEveryProblemAtOnce(t *testing.T) {
	t.Parallel()
	src := "[a]\ndescripton = \"x\"\nother = \"a\"\n\n[b]\nhash = \"h\"\nother = 5\n"
	_, err := catalog.Parse(path, es, []byte(src))
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Parse error = %v (%T), want a diag.List", err, err)
	}
	if len(list) != 2 {
		t.Errorf("Parse error has %d problems, want 2:\n%v", len(list), err)
	}
}

func TestParseRejectsFileOverMaxSizeNotInCanonicalLayout(t *testing.T) {
	t.Parallel()
	// A literal string is valid TOML but not the layout l10n writes, so
	// this file would go to the full parser.
	src := append([]byte("[x]\nother = 'a'\n"), bytes.Repeat([]byte("#"), catalog.MaxSize)...)
	_, err := catalog.Parse(path, es, src)
	if err == nil {
		t.Fatalf("Parse(%d bytes) succeeded, want an error", len(src))
	}
	want := fmt.Sprintf("%s: file is %d bytes and not in the layout l10n writes; the TOML parser takes at most %d", path, len(src), catalog.MaxSize)
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Parse(%d bytes) error = %q, want %q…", len(src), err, want)
	}
}

func TestParseAcceptsFileOfMaxSize(t *testing.T) {
	t.Parallel()
	src := append([]byte("[x]\nother = 'a'\n"), bytes.Repeat([]byte("#"), catalog.MaxSize-16)...)
	if len(src) != catalog.MaxSize {
		t.Fatalf("test file is %d bytes, want %d", len(src), catalog.MaxSize)
	}
	if _, err := catalog.Parse(path, es, src); err != nil {
		t.Errorf("Parse(MaxSize bytes): %v", err)
	}
}

func TestParseAcceptsCanonicalFileOverMaxSize(t *testing.T) {
	t.Parallel()
	src := append([]byte("[x]\nother = \"a\"\n"), bytes.Repeat([]byte("#"), catalog.MaxSize)...)
	f, err := catalog.Parse(path, es, src)
	if err != nil || len(f.Messages) != 1 {
		t.Errorf("Parse(%d bytes in canonical layout) = %v; want its one message", len(src), err)
	}
}

func TestFileIndex(t *testing.T) {
	t.Parallel()
	f, err := catalog.Parse(path, es, []byte("[a]\nother = \"A\"\n[b]\nother = \"B\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	idx := f.Index()
	if len(idx) != 2 || idx["a"].Other() != "A" || idx["b"].Other() != "B" {
		t.Errorf("Index() = %v, want a → A, b → B", idx)
	}
}

func TestParseRecordsWhereMessagesAre(t *testing.T) {
	t.Parallel()
	src := `# Translations for es.

# Paragraph in section "Intro"
# en: Narcotics smuggling.
[page.intro.p1]
hash = "sha256:1111111111111111"
other   =   "Contrabando"

[page.intro.p2]
other = "ñandú"

[page]
title = "Título"
`
	f, err := catalog.Parse(path, es, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	idx := f.Index()
	tests := []struct {
		id      string
		pos     diag.Pos
		other   diag.Pos // where the value of "other" starts
		comment []string
	}{
		{"page.intro.p1", diag.Pos{File: path, Line: 5, Col: 1}, diag.Pos{File: path, Line: 7, Col: 13}, []string{`Paragraph in section "Intro"`, "en: Narcotics smuggling."}},
		{"page.intro.p2", diag.Pos{File: path, Line: 9, Col: 1}, diag.Pos{File: path, Line: 10, Col: 9}, nil},
		{"page.title", diag.Pos{File: path, Line: 13, Col: 1}, diag.Pos{File: path, Line: 13, Col: 9}, nil},
	}
	for _, tt := range tests {
		m := idx[tt.id]
		if m == nil {
			t.Errorf("no message %s", tt.id)
			continue
		}
		if m.Pos != tt.pos {
			t.Errorf("%s: Pos = %v, want %v", tt.id, m.Pos, tt.pos)
		}
		if got, _ := m.Value.Get("other"); got != tt.other {
			t.Errorf("%s: Value[other] = %v, want %v", tt.id, got, tt.other)
		}
		if strings.Join(m.Comment, "\n") != strings.Join(tt.comment, "\n") {
			t.Errorf("%s: Comment = %q, want %q", tt.id, m.Comment, tt.comment)
		}
	}
}

// TestParseReadsCRLFAsLF checks that a catalog saved with Windows line
// ends reads as the same file with LF, inside multi-line strings too, at
// the same positions. See issue 6.
func TestParseReadsCRLFAsLF(t *testing.T) {
	t.Parallel()
	lf := "# en: Two lines\n[x]\nhash = \"h\"\nother = \"\"\"\nUna línea\notra.\"\"\"\n\n[y]\nother = \"b\"\n"
	crlf := strings.ReplaceAll(lf, "\n", "\r\n")
	want, err := catalog.Parse(path, es, []byte(lf))
	if err != nil {
		t.Fatal(err)
	}
	got, err := catalog.Parse(path, es, []byte(crlf))
	if err != nil {
		t.Fatalf("Parse(CRLF) = %v", err)
	}
	if !reflect.DeepEqual(got.Messages, want.Messages) {
		t.Errorf("Parse(CRLF) differs from Parse(LF):\ngot  %+v\nwant %+v", got.Messages[0], want.Messages[0])
	}
	if other := got.Messages[0].Other(); other != "Una línea\notra." {
		t.Errorf("multi-line string read from a CRLF file = %q, want %q", other, "Una línea\notra.")
	}
}
