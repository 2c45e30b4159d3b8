package content_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
)

// TestParseTakesMarkdownAsHugoDoes checks that each construct of Hugo's
// Markdown is read, never refused, and which of it is text to translate.
// See issue 12.
func TestParseTakesMarkdownAsHugoDoes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       []string // ID=text of the body's blocks
		refs       int
	}{
		{"reference links: the definition is no message", "Read [the spec][otel] and [otel][].\n\n[otel]: https://opentelemetry.io/ \"OTel\"\n",
			[]string{"page.intro.p1=Read [the spec][otel] and [otel][]."}, 1},
		{"raw HTML block kept, inline HTML in the text", "<div class=\"note\">\n  <p>Kept.</p>\n</div>\n\nPress <kbd>Ctrl</kbd>.\n\n<!-- a comment -->\n",
			[]string{"page.intro.p1=Press <kbd>Ctrl</kbd>."}, 0},
		{"definition list", "Term\n: Its definition.\n",
			[]string{"page.intro.dt1=Term", "page.intro.dd1=Its definition."}, 0},
		{"footnotes", "Text.[^1]\n\n[^1]: The note.\n",
			[]string{"page.intro.p1=Text.[^1]", "page.intro.fn1=The note."}, 0},
		{"task list: the box is no text", "- [x] Done.\n- [ ] To do.\n",
			[]string{"page.intro.li1=Done.", "page.intro.li2=To do."}, 0},
		{"math kept", "Before.\n\n$$\nE = mc^2\n$$\n\n\\[ a^2 \\]\n\nAfter \\(x^*\\) inline.\n",
			[]string{"page.intro.p1=Before.", "page.intro.p2=After \\(x^*\\) inline."}, 0},
		{"strikethrough and autolinks", "~~Old~~ new, see <https://a.gov>.\n",
			[]string{"page.intro.p1=~~Old~~ new, see <https://a.gov>."}, 0},
		{"block attribute line: not text, an id pins", "A note.\n{.note #tip}\n\nTwo\nlines.\n{.x}\n",
			[]string{"page.tip=A note.", "page.intro.p2=Two lines."}, 0},
		{"code kept", "```go\nfmt.Println(\"hi\")\n```\n\n    indented\n",
			nil, 0},
		{"image alt text is text", "![A diagram](diagram.png \"The flow\")\n",
			[]string{"page.intro.p1=![A diagram](diagram.png \"The flow\")"}, 0},
		{"no words, no message: empty, dash, emoji and code cells, an anchor", "| a | b | c |\n|---|---|---|\n|   | — | 42 |\n| 🚀 | `x` | no¹ |\n\n<a id=\"top\"></a>\n\n`only code`\n",
			[]string{"page.intro.cell1=a", "page.intro.cell2=b", "page.intro.cell3=c", "page.intro.cell4=42", "page.intro.cell5=no¹"}, 0},
		{"an alert's marker is no text, its title is", "> [!NOTE]\n> Read this.\n\n> [!tip]+ Good to know\n> More.\n",
			[]string{"page.intro.quote1=Read this.", "page.intro.quote2=Good to know More."}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := content.Parse("content/page.md", []byte("+++\ntitle = \"T\"\n+++\n\n"+tt.body), content.Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var got []string
			for _, b := range p.Blocks[1:] {
				id := b.ID
				if b.Pin != "" {
					id = "page." + b.Pin
				}
				got = append(got, id+"="+b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(p.Refs) != tt.refs {
				t.Errorf("Refs = %v, want %d", p.Refs, tt.refs)
			}
		})
	}
}

// TestSpansAreWhereTheTextIs checks that every body block's spans hold
// its text: joined as the block's lines are, they give the block's text.
func TestSpansAreWhereTheTextIs(t *testing.T) {
	t.Parallel()
	src := "+++\ntitle = \"T\"\n+++\n\n## Head {#h}\n\n> Quoted\n> on two lines.\n\n- [x] A task\n  that goes on.\n\n| a | b |\n|---|---|\n| c | d |\n\nPinned. {#pin}\n\nTerm\n: Def.\n"
	p, err := content.Parse("content/page.md", []byte(src), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range p.Blocks[1:] {
		var parts []string
		for _, s := range b.Spans {
			parts = append(parts, strings.TrimSpace(src[s.Start:s.End]))
		}
		if got := strings.Join(parts, " "); got != b.Text {
			t.Errorf("%s: spans hold %q, text is %q", b.ID, got, b.Text)
		}
	}
}

// TestCodeShortcodesHoldNoText checks that the inner text of a code
// shortcode (Hugo's highlight) is never a message, whatever goldmark
// makes of it, and that other paired shortcodes hold Markdown. See
// issue 12.
func TestCodeShortcodesHoldNoText(t *testing.T) {
	t.Parallel()
	src := "+++\ntitle = \"T\"\n+++\n\n{{< highlight json >}}\n{\n  \"a\": 1\n}\n\n# not a heading\n{{< /highlight >}}\n\n{{% alert %}}\nA note.\n{{% /alert %}}\n\nAfter.\n"
	p, err := content.Parse("content/page.md", []byte(src), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range p.Blocks[1:] {
		got = append(got, b.ID+"="+b.Text)
	}
	if want := "page.intro.p1=A note.\npage.intro.p2=After."; strings.Join(got, "\n") != want {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestOpaqueShortcodesHoldNoText checks which paired shortcodes hold
// text to translate: {{% %}} ones and the {{< >}} ones the config names
// as Markdown do; {{< >}} ones whose template may take their inner text
// as code do not, and l10n check is told when such a one holds prose.
// See issue 12.
func TestOpaqueShortcodesHoldNoText(t *testing.T) {
	t.Parallel()
	src := "+++\ntitle = \"T\"\n+++\n\n" +
		"{{< code-toggle file=\"hugo\" >}}\ntitle = \"x\"\n{{< /code-toggle >}}\n\n" +
		"{{< note >}}\nA note.\n{{< /note >}}\n\n" +
		"{{< tabpane text=true >}}\n{{% tab header=\"English\" %}}\nIn a tab.\n{{% /tab %}}\n{{< /tabpane >}}\n\n" +
		"{{< custom >}}\nSome prose.\n{{< /custom >}}\n\n" +
		"{{< figure src=\"a.png\" >}}\n\nAfter.\n"
	p, err := content.Parse("content/page.md", []byte(src), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range p.Blocks[1:] {
		got = append(got, b.ID+"="+b.Text)
	}
	want := "page.intro.p1=A note.\npage.intro.arg1=English\npage.intro.p2=In a tab.\npage.intro.p3=After."
	if strings.Join(got, "\n") != want {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	warnings := p.Warnings.Err()
	if warnings == nil || !strings.Contains(warnings.Error(), "content/page.md:19:1:") || !strings.Contains(warnings.Error(), `add "custom" to markdown_shortcodes`) {
		t.Errorf("warnings = %v, want one of {{< custom >}} at 19:1 naming markdown_shortcodes", warnings)
	}
	if strings.Count(fmt.Sprint(warnings), "\n") > 0 {
		t.Errorf("more than one warning: %v", warnings)
	}

	// Named in the config, custom holds Markdown. The config's list is
	// the whole list, as every list of [content] is.
	p, err = content.Parse("content/page.md", []byte(src), content.Options{MarkdownShortcodes: []string{"note", "custom"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Blocks) != 6 || p.Blocks[4].Text != "Some prose." || p.Warnings.Err() != nil {
		t.Errorf("with custom as Markdown: blocks %d, fifth %q, warnings %v", len(p.Blocks), p.Blocks[4].Text, p.Warnings.Err())
	}
}
