package build

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// marshalSitemaps is what encoding/xml writes for the sitemaps of tags,
// each split into parts of perFile URLs: what Sitemaps must write byte
// for byte.
func marshalSitemaps(base string, tags []language.Tag, pages []*content.Page, published map[*content.Page][]language.Tag, perFile int) []File {
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
	type sitemap struct {
		Loc string `xml:"loc"`
	}
	type index struct {
		XMLName  xml.Name  `xml:"sitemapindex"`
		NS       string    `xml:"xmlns,attr"`
		Sitemaps []sitemap `xml:"sitemap"`
	}
	marshal := func(v any) []byte {
		out, err := xml.MarshalIndent(v, "", "  ")
		if err != nil {
			panic(err)
		}
		return append(append([]byte(xml.Header), out...), '\n')
	}
	var files []File
	idx := index{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, tag := range tags {
		var urls []url
		for _, p := range pages {
			if !slices.Contains(published[p], tag) {
				continue
			}
			var links []link
			for _, t := range published[p] {
				links = append(links, link{"alternate", t.String(), base + "/" + pageURL(t, p)})
			}
			links = append(links, link{"alternate", "x-default", base + "/" + pageURL(language.English, p)})
			urls = append(urls, url{base + "/" + pageURL(tag, p), links})
		}
		for part := 1; len(urls) > 0; part++ {
			n := min(perFile, len(urls))
			name := "sitemaps/" + tag.String() + ".xml"
			if part > 1 {
				name = fmt.Sprintf("sitemaps/%s.%d.xml", tag, part)
			}
			files = append(files, File{Path: name, Data: marshal(urlset{NS: idx.NS, XHTML: "http://www.w3.org/1999/xhtml", URLs: urls[:n]})})
			idx.Sitemaps = append(idx.Sitemaps, sitemap{base + "/" + name})
			urls = urls[n:]
		}
	}
	return append([]File{{Path: "sitemap.xml", Data: marshal(idx)}}, files...)
}

func sameFiles(t *testing.T, what string, got, want []File) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
		return
	}
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("%s: %s =\n%s\nwant %s (encoding/xml)\n%s", what, got[i].Path, got[i].Data, want[i].Path, want[i].Data)
		}
	}
}

func TestSitemapsMatchMarshal(t *testing.T) {
	es, ar := language.Spanish, language.Arabic
	tags := []language.Tag{language.English, ar, es, language.Vietnamese}
	pages := []*content.Page{{Slug: "narcotics-smuggling"}, {Slug: "topics/a&b <c> \"d\" 'e'"}, {Slug: "ünï/cödé\tx\ny\rz"}}
	published := map[*content.Page][]language.Tag{
		pages[0]: {language.English, ar, es},
		pages[1]: {language.English, es},
		pages[2]: {language.English},
	}
	for _, base := range []string{"https://l10n.example.gov", "", "https://x.gov/a?b=1&c=<2>"} {
		got, err := Sitemaps(base, tags, pages, published)
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, "base "+base, got, marshalSitemaps(base, tags, pages, published, sitemapMaxURLs))
	}
	got, _ := Sitemaps("https://x.gov", tags, nil, nil)
	sameFiles(t, "no pages", got, marshalSitemaps("https://x.gov", tags, nil, nil, sitemapMaxURLs))
}

// TestSitemapsKeepToTheProtocolsLimits: a locale with more URLs, or more
// bytes, than a sitemap may hold gets several, all in the index.
func TestSitemapsKeepToTheProtocolsLimits(t *testing.T) {
	var pages []*content.Page
	published := map[*content.Page][]language.Tag{}
	for i := range 7 {
		p := &content.Page{Slug: fmt.Sprintf("topics/page-%d", i)}
		pages = append(pages, p)
		published[p] = []language.Tag{language.English, language.Spanish}
	}
	tags := []language.Tag{language.English, language.Spanish}
	defer func(urls, bytes int) { sitemapMaxURLs, sitemapMaxBytes = urls, bytes }(sitemapMaxURLs, sitemapMaxBytes)

	sitemapMaxURLs = 3
	got, _ := Sitemaps("https://x.gov", tags, pages, published)
	sameFiles(t, "3 URLs a file", got, marshalSitemaps("https://x.gov", tags, pages, published, 3))
	if len(got) != 7 || got[3].Path != "sitemaps/en.3.xml" {
		t.Errorf("3 URLs a file: %d files (%s …); want the index and 3 sitemaps a locale", len(got), got[1].Path)
	}

	// Bytes: room for two URLs a file, not three.
	sitemapMaxURLs = 50000
	one, _ := Sitemaps("https://x.gov", tags, pages[:1], published)
	url := len(one[1].Data) - len(xml.Header) - len(urlsetStart) - len("\n</urlset>\n")
	sitemapMaxBytes = len(xml.Header) + len(urlsetStart) + 2*url + len("\n</urlset>\n") + url/2
	got, _ = Sitemaps("https://x.gov", tags, pages, published)
	sameFiles(t, "two URLs' room", got, marshalSitemaps("https://x.gov", tags, pages, published, 2))
	for _, f := range got {
		if len(f.Data) > sitemapMaxBytes {
			t.Errorf("%s has %d bytes, above the limit of %d", f.Path, len(f.Data), sitemapMaxBytes)
		}
		if strings.HasPrefix(f.Path, "sitemaps/") && !strings.Contains(string(got[0].Data), "https://x.gov/"+f.Path) {
			t.Errorf("the index does not list %s", f.Path)
		}
	}
}
