package build

import (
	"path"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/hugo"
)

// Markdown returns the localized Markdown of the assembled site for
// Hugo: for each page, in every locale that publishes it, the page's file
// with each block the text the fallback chain chose (see package hugo),
// at <locale>/<its path under content/>; and each resource (every other
// file under content/, such as a bundle's images) in every locale's
// tree. read returns a file of the site; resources lists the resources,
// as paths relative to the site root. Files come in the order of
// [Site]: pages in input order, each in its locales, then the resources.
//
// A stale translation is never written: Markdown has no place for the
// notice that the HTML build shows beside one, so the chain goes on.
func (a *Assembly) Markdown(read func(file string) ([]byte, error), resources []string) ([]File, error) {
	var files []File
	for i, p := range a.ps.in.Pages {
		src, err := read(p.File)
		if err != nil {
			return nil, err
		}
		b, err := a.Page(i, p)
		if err != nil {
			return nil, err
		}
		for _, tag := range a.Published(p) {
			data, err := b.Markdown(p, src, tag)
			if err != nil {
				return nil, err
			}
			files = append(files, File{Path: MarkdownPath(tag, p.File), Data: data})
		}
	}
	for _, r := range resources {
		data, err := read(r)
		if err != nil {
			return nil, err
		}
		for _, tag := range a.Tags() {
			files = append(files, File{Path: MarkdownPath(tag, r), Data: data})
		}
	}
	return files, nil
}

// Markdown returns page p, whose file is src, localized for tag.
func (b *Builder) Markdown(p *content.Page, src []byte, tag language.Tag) ([]byte, error) {
	chain := b.chains[tag]
	data, err := hugo.Localize(p, src, tag, func(block *content.Block) hugo.Text {
		text, from, ok := b.resolver.Resolve(chain, block.ID)
		if !ok {
			// No English message: the page's own text, as the page is.
			return hugo.Text{Text: block.Text, Lang: language.English}
		}
		return hugo.Text{Text: text, Lang: from}
	})
	if err != nil {
		return nil, err
	}
	return b.englishRefs(p, tag, data), nil
}

// MarkdownPath is where file, a path under content/, goes in the
// Markdown tree of tag: "content/docs/_index.md" → "es/docs/_index.md".
func MarkdownPath(tag language.Tag, file string) string {
	return path.Join(tag.String(), strings.TrimPrefix(file, "content/"))
}
