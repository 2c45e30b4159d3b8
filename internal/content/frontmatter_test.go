package content_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

func TestParseReportsProblemsWithPosition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		// want lists, for each problem, "line:col" and a part of its message.
		want []string
	}{
		{
			name: "unclosed front matter",
			src:  "+++\ntitle = \"T\"\n\nBody text.\n",
			want: []string{"1:1 front matter opened here is not closed"},
		},
		{
			name: "closing fence with two plus signs",
			src:  "+++\ntitle = \"T\"\n++\n\nBody.\n",
			want: []string{"1:1 front matter opened here is not closed"},
		},
		{
			name: "unclosed YAML front matter",
			src:  "---\ntitle: T\n\nBody.\n",
			want: []string{"1:1 front matter opened here is not closed; add a line --- after its last key"},
		},
		{
			name: "unclosed JSON front matter",
			src:  "{\n  \"title\": \"T\"\n\nBody.\n",
			want: []string{"1:1 JSON front matter opened here is not closed"},
		},
		{
			// Hugo refuses it too: "-" opens YAML front matter.
			name: "page that starts with a dash",
			src:  "- An item.\n",
			want: []string{`1:1 a page that starts with "-" opens YAML front matter, which needs a line --- alone`},
		},
		{
			// yaml.v3 gives no structured position; the line it names
			// is the file's. See issue 6.
			name: "YAML syntax error",
			src:  "---\ntitle: T\n  bad: : x\n---\n",
			want: []string{"1:1 front matter: yaml: line 3: mapping values are not allowed in this context; fix the YAML syntax"},
		},
		{
			name: "YAML date that is not a date",
			src:  "---\ntitle: [a, b]\nupdated: yesterday\n---\n",
			want: []string{"3:10 front matter: updated is not a date; write it as 2024-04-22"},
		},
		{
			name: "YAML key given twice",
			src:  "---\ntitle: T\ntitle: U\n---\n",
			want: []string{"3:1 front matter: title is given twice (first on line 2); keep one"},
		},
		{
			name: "YAML that is not keys and values",
			src:  "---\n- title\n---\n",
			want: []string{"2:1 front matter: expected keys and values (title: …), not a list"},
		},
		{
			name: "TOML front matter nested too deep",
			src:  "+++\ntitle = \"T\"\nx = " + strings.Repeat("{y=", 5000) + "1" + strings.Repeat("}", 5000) + "\n+++\n",
			want: []string{"3:101 front matter: arrays or inline tables nested more than 32 deep"},
		},
		{
			name: "invalid UTF-8 in the body",
			src:  "+++\ntitle = \"T\"\n+++\n\nCaf\xe9 con leche.\n",
			want: []string{"5:4 invalid UTF-8; save the file as UTF-8"},
		},
		{
			name: "TOML syntax error on the fourth line of the file",
			src:  "+++\ntitle = \"T\"\n\ndescription \"D\"\n+++\n",
			want: []string{`4:13 front matter: expected '.' or '='`},
		},
		{
			name: "TOML syntax error with CRLF line endings",
			src:  "+++\r\ntitle = \"T\"\r\n\r\ndescription \"D\"\r\n+++\r\n",
			want: []string{`4:13 front matter: expected '.' or '='`},
		},
		{
			name: "TOML syntax error after non-ASCII text counts characters",
			// The parser points at the blank before the x: character 36,
			// byte 37 of the line.
			src:  "+++\ntitle = \"Contrabando de narcóticos\" x\n+++\n",
			want: []string{"2:36 front matter: expected a top-level item to end"},
		},
		{
			name: "unterminated string",
			src:  "+++\ntitle = \"T\"\ndescription = \"D\nupdated = 2024-04-22\n+++\n",
			want: []string{"3:17 front matter: strings cannot contain newlines"},
		},
		{
			name: "date that is not a date",
			src:  "+++\ntitle = \"T\"\nupdated = \"yesterday\"\n+++\n",
			want: []string{"3:11 front matter: updated is not a date; write it as 2024-04-22"},
		},
		{
			name: "breadcrumb without url",
			src:  "+++\ntitle = \"T\"\nbreadcrumbs = [{ title = \"A\" }]\n+++\n",
			want: []string{"3:26 front matter: breadcrumb 1 needs both title and url"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := content.Parse("content/page.md", []byte(tt.src), content.Options{})
			if err == nil {
				t.Fatalf("Parse(%q) = page with %d blocks, want an error", tt.src, len(p.Blocks))
			}
			if p != nil {
				t.Errorf("Parse(%q) returned a page with its error, want nil", tt.src)
			}
			var list diag.List
			list.Add(err)
			if len(list) != len(tt.want) {
				t.Fatalf("Parse(%q) error:\n%v\nwant %d problems: %q", tt.src, err, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				pos, msg, _ := strings.Cut(w, " ")
				want := "content/page.md:" + pos + ": " + msg
				if got := list[i].Error(); !strings.HasPrefix(got, want) {
					t.Errorf("problem %d = %q, want it to start with %q", i+1, got, want)
				}
			}
		})
	}
}

// A type error has no position from the TOML parser; the error must not
// name a line of the front matter as if it were a line of the file.
func TestParseFrontMatterTypeErrorNamesLineOfFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		line      string
	}{
		{"number as a date", "+++\n\n\nupdated = 5\n+++\n", "4"},
	}
	lineRE := regexp.MustCompile(`(?:line |\.md:)(\d+)`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := content.Parse("content/page.md", []byte(tt.src), content.Options{})
			if err == nil {
				t.Fatalf("Parse(%q) succeeded, want a type error", tt.src)
			}
			found := lineRE.FindAllStringSubmatch(err.Error(), -1)
			if len(found) == 0 {
				t.Errorf("Parse(%q) error = %q names no line, want line %s", tt.src, err, tt.line)
			}
			for _, m := range found {
				if m[1] != tt.line {
					t.Errorf("Parse(%q) error = %q names line %s, want only line %s", tt.src, err, m[1], tt.line)
				}
			}
		})
	}
}

func TestParseErrorIsDiagError(t *testing.T) {
	t.Parallel()
	_, err := content.Parse("content/page.md", []byte("+++\ntitle = \"T\"\n"), content.Options{})
	var e *diag.Error
	if !errors.As(err, &e) {
		t.Fatalf("Parse error %v (%T) is not a *diag.Error", err, err)
	}
	if want := (diag.Pos{File: "content/page.md", Line: 1, Col: 1}); e.Pos != want {
		t.Errorf("Pos = %v, want %v", e.Pos, want)
	}
}

func TestParseAcceptsFrontMatterEdgeCases(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src string }{
		{"CRLF fences", "+++\r\ntitle = \"T\"\r\n+++\r\n\r\nBody.\r\n"},
		{"closing fence at end of file", "+++\ntitle = \"T\"\n+++"},
		{"inline HTML is text, not a block", "+++\ntitle = \"T\"\n+++\n\nA <b>word</b>.\n"},
		{"YAML front matter", "---\ntitle: T\n---\n\nBody.\n"},
		{"YAML front matter with CRLF", "---\r\ntitle: T\r\n---\r\n\r\nBody.\r\n"},
		{"YAML number as text", "---\ntitle: T\ndescription: 2024\n---\n"},
		{"YAML alias", "---\ntitle: &t T\ndescription: *t\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := content.Parse("content/page.md", []byte(tt.src), content.Options{})
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.src, err)
			}
			if p.Title.Text != "T" {
				t.Errorf("Parse(%q) title = %q, want %q", tt.src, p.Title.Text, "T")
			}
		})
	}
}

// TestYAMLFrontMatterReadsAsTOML checks that a page with YAML front
// matter, as Hugo sites write it, is the same page as with TOML: the same
// blocks, IDs, texts, date and breadcrumbs. See issue 6.
func TestYAMLFrontMatterReadsAsTOML(t *testing.T) {
	t.Parallel()
	body := "\nIntro.\n\n## A section\n\n- An item.\n"
	toml := "+++\ntitle = \"Narcotics Smuggling\"\ndescription = \"How HSI stops it.\"\nupdated = 2024-04-22\n" +
		"breadcrumbs = [\n  { title = \"HSI\", url = \"https://www.ice.gov/hsi\" },\n]\n+++\n" + body
	yaml := "---\ntitle: Narcotics Smuggling\ndescription: \"How HSI stops it.\"\nupdated: 2024-04-22\n" +
		"breadcrumbs:\n  - title: HSI\n    url: https://www.ice.gov/hsi\n---\n" + body
	want, err := content.Parse("content/page.md", []byte(toml), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := content.Parse("content/page.md", []byte(yaml), content.Options{})
	if err != nil {
		t.Fatalf("Parse(YAML): %v", err)
	}
	if !got.Updated.Equal(want.Updated) || len(got.Breadcrumbs) != 1 || got.Breadcrumbs[0].URL != want.Breadcrumbs[0].URL {
		t.Errorf("YAML page: updated %v, breadcrumbs %+v; want %v, %+v", got.Updated, got.Breadcrumbs, want.Updated, want.Breadcrumbs)
	}
	if len(got.Blocks) != len(want.Blocks) {
		t.Fatalf("YAML page has %d blocks, TOML page %d", len(got.Blocks), len(want.Blocks))
	}
	for i, b := range got.Blocks {
		w := want.Blocks[i]
		if b.ID != w.ID || b.Text != w.Text || b.Kind != w.Kind {
			t.Errorf("block %d: YAML %s %q (%s), TOML %s %q (%s)", i, b.ID, b.Text, b.Kind, w.ID, w.Text, w.Kind)
		}
	}
}

// TestParseTakesFrontMatterAsHugoDoes checks that no key, format or
// missing front matter is refused, and which values become messages.
// See issue 12.
func TestParseTakesFrontMatterAsHugoDoes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, src string
		opts            content.Options
		want            []string // ID=text of every block
		draft           bool
	}{
		{"keys Hugo sites write", "content/page.md",
			"---\ntitle: T\nlinkTitle: Short\nweight: 10\naliases: [/old/]\ncSpell:ignore: otel\nsource: https://www.ice.gov/x\nparams:\n  subtitle: Sub\n---\n\nText.\n",
			content.Options{}, []string{"page.title=T", "page.linkTitle=Short", "page.intro.p1=Text."}, false},
		{"a nested key named in the config", "content/page.md",
			"+++\ntitle = \"T\"\n[params]\nsubtitle = \"Sub\"\n+++\n",
			content.Options{Keys: []string{"title", "params.subtitle"}}, []string{"page.title=T", "page.params.subtitle=Sub"}, false},
		{"keys matched without regard to case", "content/page.md",
			"+++\nTitle = \"T\"\nlinktitle = \"L\"\n+++\n",
			content.Options{}, []string{"page.title=T", "page.linkTitle=L"}, false},
		{"JSON", "content/page.md",
			"{\n  \"title\": \"T\",\n  \"summary\": \"S\"\n}\n\nText.\n",
			content.Options{}, []string{"page.title=T", "page.summary=S", "page.intro.p1=Text."}, false},
		{"no front matter: the first heading is the title", "content/page.md",
			"Intro.\n\n# The Heading\n\nText.\n",
			content.Options{}, []string{"page.intro.p1=Intro.", "page.intro.h1=The Heading", "page.intro.p2=Text."}, false},
		{"no front matter and no heading: the file name", "content/docs/getting-started/_index.md",
			"Text.\n",
			content.Options{}, []string{"docs.getting-started.title=Getting started", "docs.getting-started.intro.p1=Text."}, false},
		{"byte order mark and CRLF", "content/page.md",
			"\ufeff+++\r\ntitle = \"T\"\r\n+++\r\n\r\nText.\r\n",
			content.Options{}, []string{"page.title=T", "page.intro.p1=Text."}, false},
		{"draft", "content/page.md",
			"---\ntitle: T\ndraft: true\n---\n",
			content.Options{}, []string{"page.title=T"}, true},
		{"a section named like a translated key", "content/page.md",
			"+++\ntitle = \"T\"\nsummary = \"S\"\n+++\n\n## Summary\n\nText.\n",
			content.Options{}, []string{"page.title=T", "page.summary=S", "page.section-summary.heading=Summary", "page.section-summary.p1=Text."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := content.Parse(tt.file, []byte(tt.src), tt.opts)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var got []string
			for _, b := range p.Blocks {
				got = append(got, b.ID+"="+b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if p.Draft != tt.draft {
				t.Errorf("Draft = %v, want %v", p.Draft, tt.draft)
			}
			if p.Title == nil {
				t.Error("Title = nil")
			}
		})
	}
}

// TestParseWarnsOfAMisspelledTranslatedKey checks that a key that looks
// like a translated key is a warning, never a refusal. See issue 12.
func TestParseWarnsOfAMisspelledTranslatedKey(t *testing.T) {
	t.Parallel()
	p, err := content.Parse("content/page.md", []byte("---\ntitel: T\ndescripton: D\nweight: 1\ntype: docs\n---\n"), content.Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := []string{
		`content/page.md:2:8: warning: front matter: "titel" is not translated; if it is meant to be "title", correct its spelling`,
		`content/page.md:3:13: warning: front matter: "descripton" is not translated; if it is meant to be "description", correct its spelling`,
	}
	if len(p.Warnings) != len(want) {
		t.Fatalf("Warnings = %v, want %d", p.Warnings, len(want))
	}
	for i, w := range want {
		if got := p.Warnings[i].Error(); got != w {
			t.Errorf("warning %d = %q, want %q", i, got, w)
		}
	}
}
