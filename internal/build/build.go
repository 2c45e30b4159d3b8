// Package build is the last stage: it writes the localized site, one HTML
// page per page and locale, a language chooser and a sitemap, into
// public/.
//
// Each message of a page comes from the first locale of the page locale's
// fallback chain with a current translation (see package fallback); a
// block that fell back is marked with the lang and dir of its language.
// Output depends only on the input: pages and locales are visited in a
// fixed order and nothing of the clock or the machine is written.
package build

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/render"
)

// Input is what a build reads.
type Input struct {
	BaseURL   string
	Pages     []*content.Page
	Source    []*catalog.Message // the English catalog, from the pages
	Locales   []*catalog.File    // every locale catalog but English
	Fallbacks map[language.Tag][]language.Tag
	// Warnings are problems found while loading that do not stop a build.
	Warnings diag.List
}

// File is one output file, its path relative to public/.
type File struct {
	Path string
	Data []byte
}

// Site renders the whole site. Files come in a fixed order: the chooser,
// then each page in every locale (pages in input order, locales English
// first then by tag), then the sitemap.
func Site(in *Input) ([]File, error) {
	tags := Tags(in.Locales)
	resolver := fallback.NewResolver(language.English, in.Source, in.Locales)
	var files []File
	chooser, err := chooserPage(in, tags, resolver)
	if err != nil {
		return nil, err
	}
	files = append(files, File{Path: "index.html", Data: chooser})
	for _, p := range in.Pages {
		for _, tag := range tags {
			l := &render.Localizer{Tag: tag, Chain: fallback.ChainFor(tag, in.Fallbacks, language.English), Resolver: resolver}
			var b bytes.Buffer
			if err := render.WritePage(&b, pageView(in, p, tag, tags, l)); err != nil {
				return nil, fmt.Errorf("%s in %s: %w", p.File, tag, err)
			}
			files = append(files, File{Path: PagePath(tag, p), Data: b.Bytes()})
		}
	}
	sitemap, err := Sitemap(in.BaseURL, in.Pages, tags)
	if err != nil {
		return nil, err
	}
	files = append(files, File{Path: "sitemap.xml", Data: sitemap})
	return files, nil
}

// Tags returns the locales of the site: English first, then each catalog's
// tag in the order of its name.
func Tags(locales []*catalog.File) []language.Tag {
	tags := []language.Tag{language.English}
	for _, f := range locales {
		if f.Tag != language.English {
			tags = append(tags, f.Tag)
		}
	}
	return tags
}

// PagePath is where page p in locale tag is written, relative to public/.
func PagePath(tag language.Tag, p *content.Page) string {
	return path.Join(tag.String(), p.Slug, "index.html")
}

// pageURL is the folder URL of page p in tag, relative to public/.
func pageURL(tag language.Tag, p *content.Page) string {
	return tag.String() + "/" + p.Slug + "/"
}

func pageView(in *Input, p *content.Page, tag language.Tag, tags []language.Tag, l *render.Localizer) *render.View {
	root := strings.Repeat("../", 2+strings.Count(p.Slug, "/"))
	v := &render.View{
		Lang:      tag.String(),
		Dir:       locale.Dir(tag),
		Title:     l.Text(p.Title.ID),
		Body:      l.Body(p.Body),
		Updated:   l.Updated(p.Updated),
		Chrome:    l.Chrome(p.Updated),
		Canonical: in.BaseURL + "/" + pageURL(tag, p),
		Root:      root,
	}
	if p.Description != nil {
		v.Description = l.Text(p.Description.ID)
	}
	for _, c := range p.Breadcrumbs {
		v.Crumbs = append(v.Crumbs, render.Crumb{Label: l.Text(c.Block.ID), URL: c.URL})
	}
	for _, t := range tags {
		v.Alternates = append(v.Alternates, render.Alternate{Hreflang: t.String(), URL: in.BaseURL + "/" + pageURL(t, p)})
		v.Languages = append(v.Languages, render.Link{Lang: t.String(), Name: locale.Name(t), Dir: locale.Dir(t), URL: root + pageURL(t, p), Current: t == tag})
	}
	v.Alternates = append(v.Alternates, render.Alternate{Hreflang: "x-default", URL: in.BaseURL + "/" + pageURL(language.English, p)})
	if tag != language.English {
		v.Original = root + pageURL(language.English, p)
	}
	return v
}
