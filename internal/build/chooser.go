package build

import (
	"bytes"
	_ "embed"
	"html/template"

	"slices"

	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/render"
)

//go:embed chooser.html
var chooserHTML string

var chooserTemplate = template.Must(template.New("chooser").Parse(chooserHTML))

type chooserLang struct {
	Lang, Dir, Name string
	Heading         render.Text
	Pages           []chooserPageLink
}

type chooserPageLink struct {
	URL   string
	Title render.Text
}

// Chooser renders public/index.html: every language named in its own
// script, each with its pages, so a reader finds their language without
// reading English.
func (b *Builder) Chooser() ([]byte, error) {
	var langs []chooserLang
	for _, tag := range b.tags {
		l := b.localizer(tag, "")
		cl := chooserLang{Lang: tag.String(), Dir: locale.Dir(tag), Name: locale.Name(tag), Heading: l.Text("chrome.choose_language")}
		for _, p := range b.in.Pages {
			if slices.Contains(b.published[p], tag) {
				cl.Pages = append(cl.Pages, chooserPageLink{URL: pageURL(tag, p), Title: l.Text(p.Title.ID)})
			}
		}
		if len(cl.Pages) > 0 {
			langs = append(langs, cl)
		}
	}
	data := struct {
		Title string
		Langs []chooserLang
		CSS   template.CSS
	}{Title: render.Plain(render.EnglishChrome("chrome.choose_language")), Langs: langs, CSS: render.CSS()}
	var buf bytes.Buffer
	if err := chooserTemplate.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
