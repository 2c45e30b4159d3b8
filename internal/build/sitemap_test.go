package build

import (
	"bytes"
	"encoding/xml"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// marshalSitemap is the sitemap as encoding/xml writes it: what Sitemap
// must write byte for byte.
func marshalSitemap(base string, pages []*content.Page, published map[*content.Page][]language.Tag) []byte {
	type link struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type url struct {
		Loc   string `xml:"loc"`
		Links []link `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, p := range pages {
		var links []link
		for _, t := range published[p] {
			links = append(links, link{"alternate", t.String(), base + "/" + pageURL(t, p)})
		}
		links = append(links, link{"alternate", "x-default", base + "/" + pageURL(language.English, p)})
		for _, t := range published[p] {
			set.URLs = append(set.URLs, url{base + "/" + pageURL(t, p), links})
		}
	}
	out, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(append([]byte(xml.Header), out...), '\n')
}

func TestSitemapMatchesMarshal(t *testing.T) {
	es, ar := language.Spanish, language.Arabic
	pages := []*content.Page{{Slug: "narcotics-smuggling"}, {Slug: "topics/a&b <c> \"d\" 'e'"}, {Slug: "ünï/cödé\tx\ny\rz"}}
	published := map[*content.Page][]language.Tag{
		pages[0]: {language.English, ar, es},
		pages[1]: {language.English, es},
		pages[2]: {language.English},
	}
	for _, base := range []string{"https://l10n.example.gov", "", "https://x.gov/a?b=1&c=<2>"} {
		got, err := Sitemap(base, pages, published)
		if err != nil {
			t.Fatal(err)
		}
		if want := marshalSitemap(base, pages, published); !bytes.Equal(got, want) {
			t.Errorf("base %q: Sitemap =\n%s\nwant (encoding/xml)\n%s", base, got, want)
		}
	}
	got, _ := Sitemap("https://x.gov", nil, nil)
	if want := marshalSitemap("https://x.gov", nil, nil); !bytes.Equal(got, want) {
		t.Errorf("no pages: Sitemap =\n%s\nwant (encoding/xml)\n%s", got, want)
	}
}
