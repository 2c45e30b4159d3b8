package build

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// The sitemap protocol allows at most 50,000 URLs and 50 MiB in one
// file; a site of 2,500 pages in 20 locales has more. So sitemap.xml is
// an index of one sitemap per locale, split further where one would pass
// a limit. Variables, so that tests can split small sites.
var (
	sitemapMaxURLs  = 50000
	sitemapMaxBytes = 50 << 20
)

// SitemapDir is the folder of the locales' sitemaps in public/.
const SitemapDir = "sitemaps"

// Sitemaps returns sitemap.xml, an index, and the sitemaps it lists: for
// each locale of tags, every page published in it, with the page's
// alternates in every locale and x-default (the English page), as search
// engines expect for localized pages. A locale's sitemap is
// sitemaps/<tag>.xml, and sitemaps/<tag>.2.xml and so on past the
// protocol's limits; a locale without pages has none.
//
// They are written directly, not through xml.MarshalIndent (the bytes are
// the same; TestSitemapsMatchMarshal): with 22,000 pages of 12 locales
// they hold 264,000 links, and the marshaller's reflection took longer
// than a tenth of the build.
func Sitemaps(base string, tags []language.Tag, pages []*content.Page, published map[*content.Page][]language.Tag) ([]File, error) {
	var files []File
	err := eachSitemap(base, tags, pages, published, func(f File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The index, made last, first.
	return append(files[len(files)-1:], files[:len(files)-1]...), nil
}

// eachSitemap makes the files of Sitemaps and calls emit with each, the
// sitemaps of the locales in turn and the index last, so that a build
// holds one at a time: together they are tens of megabytes. It stops at
// emit's first error.
func eachSitemap(base string, tags []language.Tag, pages []*content.Page, published map[*content.Page][]language.Tag, emit func(File) error) error {
	var paths []string
	var links bytes.Buffer
	for _, tag := range tags {
		var b bytes.Buffer
		urls, part := 0, 1
		flush := func() error {
			b.WriteString("\n</urlset>\n")
			name := tag.String()
			if part > 1 {
				name += "." + strconv.Itoa(part)
			}
			f := File{Path: SitemapDir + "/" + name + ".xml", Data: b.Bytes()}
			paths = append(paths, f.Path)
			b = bytes.Buffer{}
			urls = 0
			part++
			return emit(f)
		}
		for _, p := range pages {
			if !slices.Contains(published[p], tag) {
				continue
			}
			links.Reset()
			writeURL(&links, base, p, tag, published[p])
			if urls > 0 && (urls == sitemapMaxURLs || b.Len()+links.Len()+len("\n</urlset>\n") > sitemapMaxBytes) {
				if err := flush(); err != nil {
					return err
				}
			}
			if urls == 0 {
				// Sized once from the first page, not doubled up from
				// nothing.
				b.Grow(min(sitemapMaxBytes, len(pages)*links.Len()))
				b.WriteString(xml.Header)
				b.WriteString(urlsetStart)
			}
			b.Write(links.Bytes())
			urls++
		}
		if urls > 0 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	var index bytes.Buffer
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, p := range paths {
		index.WriteString("\n  <sitemap>\n    <loc>")
		escape(&index, base+"/"+p)
		index.WriteString("</loc>\n  </sitemap>")
	}
	if len(paths) > 0 {
		index.WriteString("\n")
	}
	index.WriteString("</sitemapindex>\n")
	return emit(File{Path: "sitemap.xml", Data: index.Bytes()})
}

// writeURL writes the <url> of page p in tag, with its alternates in the
// locales p is published in (tags) and x-default.
func writeURL(b *bytes.Buffer, base string, p *content.Page, tag language.Tag, tags []language.Tag) {
	b.WriteString("\n  <url>\n    <loc>")
	escape(b, base+"/"+pageURL(tag, p))
	b.WriteString("</loc>")
	link := func(hreflang, href string) {
		b.WriteString("\n    <xhtml:link rel=\"alternate\" hreflang=\"")
		escape(b, hreflang)
		b.WriteString(`" href="`)
		escape(b, href)
		b.WriteString(`"></xhtml:link>`)
	}
	for _, t := range tags {
		link(t.String(), base+"/"+pageURL(t, p))
	}
	link("x-default", base+"/"+pageURL(language.English, p))
	b.WriteString("\n  </url>")
}

const urlsetStart = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`

// escape writes s escaped as encoding/xml escapes text and attributes.
func escape(b *bytes.Buffer, s string) {
	// Writing to a bytes.Buffer cannot fail.
	_ = xml.EscapeText(b, []byte(s))
}
