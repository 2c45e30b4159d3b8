package build_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/content"
)

// TestResourcesGoBesideTheirBundle checks where the HTML site puts the
// files of content/ that are not pages: beside their bundle's page,
// wherever its url puts it, in every locale. See issue 12.
func TestResourcesGoBesideTheirBundle(t *testing.T) {
	t.Parallel()
	parse := func(file, fm string) *content.Page {
		p, err := content.Parse(file, []byte("+++\ntitle = \"T\"\n"+fm+"+++\n"), content.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	pages := []*content.Page{
		parse("content/docs/install/index.md", ""),
		parse("content/guide/_index.md", "url = \"/how-to/\"\n"),
	}
	resources := []string{"content/docs/install/diagram.png", "content/guide/img/a.png", "content/loose.pdf"}
	files, err := build.Resources(pages, []language.Tag{language.English, language.Spanish}, resources, func(string) ([]byte, error) { return []byte("x"), nil })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := "en/docs/install/diagram.png es/docs/install/diagram.png en/how-to/img/a.png es/how-to/img/a.png en/loose.pdf es/loose.pdf"
	if strings.Join(got, " ") != want {
		t.Errorf("Resources = %v, want %s", got, want)
	}
}
