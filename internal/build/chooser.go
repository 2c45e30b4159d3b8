package build

import (
	"bytes"
	_ "embed"
	"html/template"
	"runtime"
	"slices"

	"golang.org/x/sync/errgroup"
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
// it, by tag ("" for a locale without pages).
func (b *Builder) chooser() ([]byte, map[string]string, error) {
	var buf bytes.Buffer
	head := struct {
		Title string
		CSS   template.CSS
	}{Title: render.Plain(render.EnglishChrome("chrome.choose_language")), CSS: render.CSS()}
	if err := chooserTemplate.ExecuteTemplate(&buf, "head", head); err != nil {
		return nil, nil, err
	}
	// Each locale's part on every core, joined in locale order.
	texts := make([]string, len(b.tags))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, tag := range b.tags {
		g.Go(func() error {
			var part bytes.Buffer
			err := b.chooserPart(&part, tag)
			texts[i] = part.String()
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	parts := map[string]string{}
	for i, tag := range b.tags {
		parts[tag.String()] = texts[i]
		buf.WriteString(texts[i])
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
		j := slices.Index(b.published[p], tag)
		if j < 0 {
			continue
		}
		var title render.Text
		if b.titles != nil {
			title = b.titles[p][j]
		} else {
			title = l.Text(p.Title.ID)
		}
		cl.Pages = append(cl.Pages, chooserPageLink{URL: pageURL(tag, p), Title: title})
	}
	if len(cl.Pages) == 0 {
		return nil
	}
	return chooserTemplate.ExecuteTemplate(w, "lang", cl)
}
