package frontmatter_test

import (
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
)

func parse(t *testing.T, src string) *frontmatter.Matter {
	t.Helper()
	m, err := frontmatter.Parse([]byte(src), diag.NewLines("content/page.md", []byte(src)))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return m
}

// pages are front matter as Hugo sites write it, in each format, with
// every way of writing a string.
var pages = map[string]string{
	"toml": "+++\n" +
		"title = \"Getting started\" # a comment\n" +
		"weight = 10\n" +
		"linkTitle = 'Start'\n" +
		"description = \"\"\"\nTwo\nlines.\"\"\"\n" +
		"aliases = [\"/old/\", \"/older/\"]\n" +
		"date = 2024-04-22\n" +
		"breadcrumbs = [ { title = \"Home\", url = \"/\" } ]\n" +
		"[params]\n" +
		"subtitle = \"A \\\"quoted\\\" word\"\n" +
		"[[menu.main]]\n" +
		"name = \"First\"\n" +
		"[[menu.main]]\n" +
		"name = \"Second\"\n" +
		"+++\n\nBody.\n",
	"yaml": "---\n" +
		"title: Getting started # a comment\n" +
		"weight: 10\n" +
		"linkTitle: 'It''s here'\n" +
		"description: >-\n  Folded text\n  on two lines.\n" +
		"summary: |\n  Literal\n\n  text.\n" +
		"plain: a plain value\n  that goes on\n" +
		"cSpell:ignore: otel kubeflow\n" +
		"aliases: [/old/, \"/older/\"]\n" +
		"date: 2024-04-22\n" +
		"breadcrumbs:\n  - title: Home\n    url: /\n" +
		"params:\n  subtitle: \"A \\\"quoted\\\" word\"\n" +
		"flow: {name: Value, other: x}\n" +
		"---\nBody.\n",
	"json": "{\n" +
		"  \"title\": \"Getting started\",\n" +
		"  \"weight\": 10,\n" +
		"  \"aliases\": [\"/old/\"],\n" +
		"  \"params\": { \"subtitle\" : \"A \\\"quoted\\\" word\" }\n" +
		"}\n\nBody.\n",
	"crlf": "\xef\xbb\xbf---\r\ntitle: Getting started\r\ndescription: \"CRLF\"\r\n---\r\nBody.\r\n",
}

func TestParseListsEveryStringWithItsPath(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"toml": {"title=Getting started", "weight=10", "linkTitle=Start", "description=Two\nlines.", "aliases.0=/old/", "aliases.1=/older/", "date=2024-04-22", "breadcrumbs.0.title=Home", "breadcrumbs.0.url=/", "params.subtitle=A \"quoted\" word", "menu.main.0.name=First", "menu.main.1.name=Second"},
		"yaml": {"title=Getting started", "weight=10", "linkTitle=It's here", "description=Folded text on two lines.", "summary=Literal\n\ntext.\n", "plain=a plain value that goes on", "cSpell:ignore=otel kubeflow", "aliases.0=/old/", "aliases.1=/older/", "date=2024-04-22", "breadcrumbs.0.title=Home", "breadcrumbs.0.url=/", "params.subtitle=A \"quoted\" word", "flow.name=Value", "flow.other=x"},
		"json": {"title=Getting started", "aliases.0=/old/", "params.subtitle=A \"quoted\" word"},
		"crlf": {"title=Getting started", "description=CRLF"},
	}
	for name, src := range pages {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := parse(t, src)
			var got []string
			for _, s := range m.Strings {
				got = append(got, s.Key()+"="+s.Value)
			}
			if strings.Join(got, "|") != strings.Join(want[name], "|") {
				t.Errorf("Strings:\n got %q\nwant %q", got, want[name])
			}
			if !strings.HasPrefix(src[m.Body:], "Body.") && !strings.HasPrefix(src[m.Body:], "\nBody.") {
				t.Errorf("Body starts at %q, want the Markdown", src[m.Body:])
			}
		})
	}
}

// tricky is a replacement that needs escaping in every format.
const tricky = "Ünïcode \"quoted\" 'single' # not a comment: colon\\ back, {brace} [x]\nsecond line\ttab"

func TestReplaceKeepsEveryOtherByte(t *testing.T) {
	t.Parallel()
	for name, src := range pages {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := parse(t, src)
			for _, s := range m.Strings {
				out, err := m.Replace([]byte(src), map[string]string{s.Key(): tricky})
				if err != nil {
					t.Errorf("Replace(%s): %v", s.Key(), err)
					continue
				}
				// Everything outside the value is as it was.
				if got, want := string(out[:s.Start]), src[:s.Start]; got != want {
					t.Errorf("Replace(%s) changed the bytes before the value", s.Key())
				}
				if !strings.HasSuffix(string(out), src[s.End:]) {
					t.Errorf("Replace(%s) changed the bytes after the value:\n%s", s.Key(), out)
				}
			}
		})
	}
}

func TestReplaceWritesEachFormatsString(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, key, value, want string }{
		{"+++\ntitle = 'T' # c\n+++\n", "title", `Le "titre"`, "+++\ntitle = \"Le \\\"titre\\\"\" # c\n+++\n"},
		{"---\ntitle: T # c\nweight: 1\n---\n", "title", "Título: uno", "---\ntitle: \"Título: uno\" # c\nweight: 1\n---\n"},
		{"---\ndescription: >-\n  a\n  b\nweight: 1\n---\n", "description", "ab", "---\ndescription: \"ab\"\nweight: 1\n---\n"},
		{"{\"title\": \"T\", \"w\": 1}\n", "title", "<b>&", "{\"title\": \"<b>&\", \"w\": 1}\n"},
	}
	for _, tt := range tests {
		m := parse(t, tt.src)
		out, err := m.Replace([]byte(tt.src), map[string]string{tt.key: tt.value})
		if err != nil {
			t.Errorf("Replace(%q): %v", tt.src, err)
			continue
		}
		if string(out) != tt.want {
			t.Errorf("Replace(%q) =\n%q\nwant\n%q", tt.src, out, tt.want)
		}
	}
}

func TestReplaceRefusesAKeyItCannotFind(t *testing.T) {
	t.Parallel()
	src := "+++\ntitle = 'T'\n+++\n"
	if _, err := parse(t, src).Replace([]byte(src), map[string]string{"summary": "x"}); err == nil {
		t.Error("Replace of a missing key succeeded, want an error")
	}
}

func TestParseFindsFrontMatterAsHugoDoes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src    string
		format frontmatter.Format
		body   string
	}{
		{"# Heading\n\nText.\n", frontmatter.None, "# Heading\n\nText.\n"},
		{"\xef\xbb\xbf# Heading\n", frontmatter.None, "# Heading\n"},
		{"\n\n+++\ntitle = 'T'\n+++\nText.\n", frontmatter.TOML, "Text.\n"},
		{"---\ntitle: T\n---", frontmatter.YAML, ""},
		{"{\"title\": \"{T}\"}\r\nText.\n", frontmatter.JSON, "Text.\n"},
		{"", frontmatter.None, ""},
	}
	for _, tt := range tests {
		m := parse(t, tt.src)
		if m.Format != tt.format || tt.src[m.Body:] != tt.body {
			t.Errorf("Parse(%q): format %q, body %q; want %q, %q", tt.src, m.Format, tt.src[m.Body:], tt.format, tt.body)
		}
	}
}

func TestParseReportsWhereFrontMatterIsWrong(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want string }{
		{"+++\ntitle = 'T'\n", "content/page.md:1:1: front matter opened here is not closed; add a line +++"},
		{"- item\n", "content/page.md:1:1: a page that starts with \"-\" opens YAML front matter"},
		{"{\"title\": \"T\"\n", "content/page.md:1:1: JSON front matter opened here is not closed"},
		{"+++\ntitle = 'T'\nx = \n+++\n", "content/page.md:3:"},
		{"---\n- a\n---\n", "content/page.md:2:1: front matter: expected keys and values"},
		{"{\"title\": tru}\n", "content/page.md:1:"},
	}
	for _, tt := range tests {
		_, err := frontmatter.Parse([]byte(tt.src), diag.NewLines("content/page.md", []byte(tt.src)))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want it to start with %q", tt.src, err, tt.want)
		}
	}
}

func TestGetAndLookupIgnoreCaseAsHugoDoes(t *testing.T) {
	t.Parallel()
	m := parse(t, "---\nlinktitle: Short\nDraft: true\n---\n")
	if s, ok := m.Lookup("linkTitle"); !ok || s.Value != "Short" {
		t.Errorf("Lookup(linkTitle) = %q, %v; want Short, true", s.Value, ok)
	}
	if v := m.Get("draft"); v != true {
		t.Errorf("Get(draft) = %v, want true", v)
	}
}

// TestYAMLWithALoneCarriageReturnIsRefused: YAML ends a line at a lone
// \r, Hugo and the strings' positions only at \n, so such front matter is
// refused at the \r, saying what to do; CRLF line ends are read. Found by
// FuzzReplace (testdata/fuzz/FuzzReplace/f4322f3a7afa1d0f).
func TestYAMLWithALoneCarriageReturnIsRefused(t *testing.T) {
	src := []byte("---\ntitle: A\n\rdescription: B\n---\n")
	_, err := frontmatter.Parse(src, diag.NewLines("p.md", src))
	if err == nil || !strings.Contains(err.Error(), "p.md:3:1:") || !strings.Contains(err.Error(), "LF or CRLF") {
		t.Errorf("Parse = %v; want an error at p.md:3:1 saying to save with LF or CRLF line ends", err)
	}
	crlf := []byte("---\r\ntitle: A\r\ndescription: B\r\n---\r\n")
	m, err := frontmatter.Parse(crlf, diag.NewLines("p.md", crlf))
	if err != nil || len(m.Strings) != 2 {
		t.Fatalf("CRLF front matter: %v, %+v; want its two strings", err, m)
	}
}
