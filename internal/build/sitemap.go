package build

import (
	"encoding/xml"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	XHTML   string   `xml:"xmlns:xhtml,attr"`
	URLs    []smURL  `xml:"url"`
}

type smURL struct {
	Loc   string   `xml:"loc"`
	Links []smLink `xml:"xhtml:link"`
}

type smLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap returns sitemap.xml: every page in every locale it is published
// in, each with its
// alternates in every locale and x-default (the English page), as search
// engines expect for localized pages.
func Sitemap(base string, pages []*content.Page, published map[*content.Page][]language.Tag) ([]byte, error) {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, p := range pages {
		tags := published[p]
		var links []smLink
		for _, t := range tags {
			links = append(links, smLink{Rel: "alternate", Hreflang: t.String(), Href: base + "/" + pageURL(t, p)})
		}
		links = append(links, smLink{Rel: "alternate", Hreflang: "x-default", Href: base + "/" + pageURL(language.English, p)})
		for _, t := range tags {
			set.URLs = append(set.URLs, smURL{Loc: base + "/" + pageURL(t, p), Links: links})
		}
	}
	out, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append([]byte(xml.Header), out...), '\n'), nil
}
