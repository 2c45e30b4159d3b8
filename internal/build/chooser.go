package build

import (
	"bytes"
	_ "embed"
	"html/template"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/fallback"
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

// chooserPage writes public/index.html: every language named in its own
// script, each with its pages, so a reader finds their language without
// reading English.
func chooserPage(in *Input, tags []language.Tag, r *fallback.Resolver) ([]byte, error) {
	var langs []chooserLang
	for _, tag := range tags {
		l := &render.Localizer{Tag: tag, Chain: fallback.ChainFor(tag, in.Fallbacks, language.English), Resolver: r}
		cl := chooserLang{Lang: tag.String(), Dir: locale.Dir(tag), Name: locale.Name(tag), Heading: l.Text("chrome.choose_language")}
		for _, p := range in.Pages {
			cl.Pages = append(cl.Pages, chooserPageLink{URL: pageURL(tag, p), Title: l.Text(p.Title.ID)})
		}
		langs = append(langs, cl)
	}
	data := struct {
		Title string
		Langs []chooserLang
		CSS   template.CSS
	}{Title: render.Plain(render.EnglishChrome("chrome.choose_language")), Langs: langs, CSS: render.CSS()}
	var b bytes.Buffer
	if err := chooserTemplate.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
