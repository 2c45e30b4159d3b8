package build

import (
	"bytes"
	_ "embed"
	"html/template"
	"slices"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/render"
)

//go:embed chooser.html
var chooserHTML string

var chooserTemplate = template.Must(template.New("chooser").Parse(chooserHTML))

type chooserLang struct {
	Lang, Dir, Name string
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
	data, _, err := b.chooser()
	return data, err
}

// chooser renders the chooser and returns with it each locale's part of
// it, by tag ("" for a locale without pages). A frozen locale's part is
// the one the last build recorded.
func (b *Builder) chooser() ([]byte, map[string]string, error) {
	var buf bytes.Buffer
	head := struct {
		Title string
		CSS   template.CSS
	}{Title: render.Plain(render.EnglishChrome("chrome.choose_language")), CSS: render.CSS()}
	if err := chooserTemplate.ExecuteTemplate(&buf, "head", head); err != nil {
		return nil, nil, err
	}
	parts := map[string]string{}
	var part bytes.Buffer
	for _, tag := range b.tags {
		if b.in.Frozen[tag] {
			parts[tag.String()] = b.in.last.locales[tag.String()].chooser
		} else {
			part.Reset()
			if err := b.chooserPart(&part, tag); err != nil {
				return nil, nil, err
			}
			parts[tag.String()] = part.String()
		}
		buf.WriteString(parts[tag.String()])
	}
	if err := chooserTemplate.ExecuteTemplate(&buf, "foot", nil); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), parts, nil
}

// chooserPart writes tag's part of the chooser: its name and the links to
// its pages; nothing if it has none.
func (b *Builder) chooserPart(w *bytes.Buffer, tag language.Tag) error {
	l := b.localizer(tag, "")
	cl := chooserLang{Lang: tag.String(), Dir: locale.Dir(tag), Name: locale.Name(tag)}
	for _, p := range b.in.Pages {
		if slices.Contains(b.published[p], tag) {
			cl.Pages = append(cl.Pages, chooserPageLink{URL: pageURL(tag, p), Title: l.Text(p.Title.ID)})
		}
	}
	if len(cl.Pages) == 0 {
		return nil
	}
	return chooserTemplate.ExecuteTemplate(w, "lang", cl)
}
