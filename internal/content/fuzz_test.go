package content_test

import (
	"reflect"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// FuzzParse checks that Parse never panics, that every error has the
// page's file name, that the blocks of a page it accepts have unique IDs
// and a position in the file, and that the page comes back equal from
// its bytes (Encode, Decode) when it can be kept.
func FuzzParse(f *testing.F) {
	f.Add("+++\ntitle = \"T\"\n+++\n\nIntro.\n\n## A\n\n- item\n\n> quote\n\n| a | b |\n|---|---|\n| c | d |\n")
	f.Add("+++\ntitle = \"T\"\nbreadcrumbs = [{ title = \"A\", url = \"https://a.gov\" }]\n+++\n## Intro\n\n### Sub\n\ntext  \nmore\n")
	f.Add("+++\ntitle = \"T\"\n+++\n## A {#pinned}\n\nText. {#p-pin}\n\n## A\n\n```\ncode\n```\n")
	f.Add("+++\r\ntitle = \"T\"\r\n+++\r\n<div>x</div>\r\n")
	f.Add("---\ntitle: T\n---\n")
	f.Fuzz(func(t *testing.T, src string) {
		const file = "content/page.md"
		p, err := content.Parse(file, []byte(src), content.Options{})
		if err != nil {
			var list diag.List
			list.Add(err)
			for _, e := range list {
				if e.Pos.File != file {
					t.Errorf("error %q names file %q, want %q", e, e.Pos.File, file)
				}
			}
			return
		}
		seen := map[string]bool{}
		for _, b := range p.Blocks {
			if seen[b.ID] {
				t.Errorf("two blocks have ID %s", b.ID)
			}
			seen[b.ID] = true
			if b.Pos.File != file || b.Pos.Line < 1 || b.Pos.Col < 1 {
				t.Errorf("block %s: Pos = %v, want a line and column in %s", b.ID, b.Pos, file)
			}
		}
		data, err := content.Encode(p, []byte(src))
		if err != nil {
			return // a value the cache does not keep: parsed every time
		}
		if again, _ := content.Parse(file, []byte(src), content.Options{}); !reflect.DeepEqual(again, p) {
			return // a NaN in the front matter: no page equals another
		}
		if got, err := content.Decode(string(data), []byte(src)); err != nil || !reflect.DeepEqual(got, p) {
			t.Errorf("Decode(Encode(page)) = %+v, %v; want the page parsed, %+v", got, err, p)
		}
	})
}
