package hugo_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/hugo"
)

// TestLocalizeWritesEachTranslationInPlace checks what a translation
// becomes in each kind of place: front matter in its format, a list item
// with a hard break, a table cell with a pipe, a shortcode argument with
// quotes, a heading with its attributes, a block quote. See issue 12.
func TestLocalizeWritesEachTranslationInPlace(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: Tips # the page\nweight: 3\n---\n\n" +
		"## Report {#report}\n\n" +
		"- First item\n  goes on.\n- Second.\n\n" +
		"> Quoted\n> text.\n\n" +
		"| a | b |\n|---|---|\n| c | d |\n\n" +
		"{{< figure src=\"m.png\" caption=\"A map\" >}}\n\n" +
		"Kept.\n"
	es := map[string]string{
		"page.title":          "Consejos: \"útiles\"",
		"page.report.heading": "Denunciar",
		"page.report.li1":     "Primer elemento,\\\ncon salto.",
		"page.report.quote1":  "Texto citado.",
		"page.report.cell4":   "d | e",
		"page.report.arg1":    "Un \"mapa\"",
		"page.report.li2":     "Segundo.",
		"page.report.cell1":   "a",
		"page.report.cell2":   "b",
		"page.report.cell3":   "c",
	}
	want := "---\ntitle: \"Consejos: \\\"útiles\\\"\" # the page\nweight: 3\n---\n\n" +
		"## Denunciar {#report}\n\n" +
		"- Primer elemento,\\\n  con salto.\n- Segundo.\n\n" +
		"> Texto citado.\n\n" +
		"| a | b |\n|---|---|\n| c | d \\| e |\n\n" +
		"{{< figure src=\"m.png\" caption=`Un \"mapa\"` >}}\n\n" +
		"Kept.\n{lang=\"en\" dir=\"ltr\"}\n"
	p, err := content.Parse("content/page.md", []byte(src), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := hugo.Localize(p, []byte(src), language.Spanish, func(b *content.Block) hugo.Text {
		if tr, ok := es[b.ID]; ok {
			return hugo.Text{Text: tr, Lang: language.Spanish}
		}
		return hugo.Text{Text: b.Text, Lang: language.English}
	})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Errorf("Localize =\n%s\nwant\n%s", out, want)
	}
}

// TestLocalizeMarksOnlyWhereHugoReadsIt checks where the attribute line
// of a fallen-back block goes when the block does not end its container
// cleanly: after a table's last row even when that row has no words, not
// inside a list whose last item goes on with code, not between text and
// a shortcode that Hugo puts in the same paragraph. An alert keeps its
// marker. See issue 12.
func TestLocalizeMarksOnlyWhereHugoReadsIt(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"table ending in a row without words",
			"| a | b |\n|---|---|\n| c | 🚀 |\n",
			"| a | b |\n|---|---|\n| c | 🚀 |\n{lang=\"en\" dir=\"ltr\"}\n"},
		{"list whose last item goes on with code",
			"- One.\n- Two.\n  ```sh\n  echo\n  ```\n",
			"- One.\n- Two.\n  ```sh\n  echo\n  ```\n"},
		{"text a shortcode line follows",
			"Before\n{{< katex >}}\nf(x)\n{{< /katex >}}\nafter.\n",
			"Before\n{{< katex >}}\nf(x)\n{{< /katex >}}\nafter.\n{lang=\"en\" dir=\"ltr\"}\n"},
		{"alert",
			"> [!NOTE]\n> Read this.\n",
			"> [!NOTE]\n> Léalo.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: T\n---\n\n" + tt.src
			p, err := content.Parse("content/page.md", []byte(src), content.Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, err := hugo.Localize(p, []byte(src), language.Spanish, func(b *content.Block) hugo.Text {
				switch b.Text {
				case "T":
					return hugo.Text{Text: "T", Lang: language.Spanish}
				case "Read this.":
					return hugo.Text{Text: "Léalo.", Lang: language.Spanish}
				}
				return hugo.Text{Text: b.Text, Lang: language.English}
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimPrefix(string(out), "---\ntitle: T\n---\n\n"); got != tt.want {
				t.Errorf("Localize =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
