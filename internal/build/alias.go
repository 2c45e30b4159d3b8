package build

import (
	"html/template"
	"path"
	"strings"
)

// Aliases returns a redirect page for each alias of each page, in every
// locale the page is published in, as Hugo writes them:
// <locale>/<alias>/index.html sends the reader to the page. An alias at
// the address of a page, or of an earlier alias, is left out. Files come
// in page order, each page's locales in order, then its aliases in order.
func (b *Builder) Aliases() []File {
	taken := map[string]bool{}
	for _, p := range b.in.Pages {
		for _, tag := range b.published[p] {
			taken[PagePath(tag, p)] = true
		}
	}
	var files []File
	for _, p := range b.in.Pages {
		for _, tag := range b.published[p] {
			for _, a := range p.Aliases {
				file := path.Join(tag.String(), a, "index.html")
				if taken[file] {
					continue
				}
				taken[file] = true
				// From <tag>/<alias>/ back to the site's root.
				root := strings.Repeat("../", 2+strings.Count(a, "/"))
				target := root + pageURL(tag, p)
				canonical := target
				if b.in.BaseURL != "" {
					canonical = b.in.BaseURL + "/" + pageURL(tag, p)
				}
				var out strings.Builder
				_ = aliasTemplate.Execute(&out, aliasView{Lang: tag.String(), Target: target, Canonical: canonical})
				files = append(files, File{Path: file, Data: []byte(out.String())})
			}
		}
	}
	return files
}

type aliasView struct{ Lang, Target, Canonical string }

// aliasTemplate is Hugo's alias page, with its target relative so that
// the site works from any folder.
var aliasTemplate = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<title>{{.Canonical}}</title>
<link rel="canonical" href="{{.Canonical}}">
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
</html>
`))
