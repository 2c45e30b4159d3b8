package build

import (
	"path"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// Resources returns the files under content/ that are not pages (a
// bundle's images and documents) for the HTML site, in every locale: each
// beside the page of the bundle it is in, as Hugo publishes a bundle's
// resources (content/docs/install/diagram.png is
// <locale>/docs/install/diagram.png, or under the page's url if it has
// one); a file in no bundle at its path under content/. read returns a
// file of the site; resources are paths relative to the site root, as
// site.Resources lists them. Files come in the order of resources, each
// in the order of tags.
func Resources(pages []*content.Page, tags []language.Tag, resources []string, read func(string) ([]byte, error)) ([]File, error) {
	bundles := map[string]string{} // bundle folder under content/ → its page's address
	for _, p := range pages {
		if base := path.Base(p.File); base == "index.md" || base == "_index.md" || base == "index.en.md" || base == "_index.en.md" {
			bundles[path.Dir(strings.TrimPrefix(p.File, "content/"))] = p.Address
		}
	}
	var files []File
	for _, r := range resources {
		rel := strings.TrimPrefix(r, "content/")
		out := rel
		// The nearest bundle above the file.
		for dir := path.Dir(rel); ; dir = path.Dir(dir) {
			if addr, ok := bundles[dir]; ok {
				inside := strings.TrimPrefix(rel, dir+"/")
				if dir == "." {
					inside = rel
				}
				out = path.Join(addr, inside)
				break
			}
			if dir == "." || dir == "/" {
				break
			}
		}
		data, err := read(r)
		if err != nil {
			return nil, err
		}
		for _, tag := range tags {
			files = append(files, File{Path: path.Join(tag.String(), out), Data: data})
		}
	}
	return files, nil
}
