package build

import (
	"path"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// A page is published in a locale only when enough of it is translated,
// so a localized page may link, with Hugo's ref or relref shortcode, to a
// page that its locale's Markdown tree does not have: Hugo fails the
// build ("REF_NOT_FOUND"). Such a link goes to the English page instead:
// {{< ref "statistics" >}} becomes {{< ref path="statistics" lang="en" >}}.

// refShortcode matches a ref or relref shortcode and its arguments.
var refShortcode = regexp.MustCompile(`\{\{([<%])(\s*)(ref|relref)\s+([^>%]*?)(\s*)([>%])\}\}`)

// refArgs matches the arguments of a ref: one positional path, quoted or
// not, or named arguments (path="…" lang="…").
var (
	positionalRef = regexp.MustCompile("^(\"[^\"]*\"|`[^`]*`|[^\\s=\"`]+)$")
	namedPath     = regexp.MustCompile("\\bpath\\s*=\\s*(\"[^\"]*\"|`[^`]*`)")
	namedLang     = regexp.MustCompile(`\blang\s*=`)
)

// pagesByRef indexes pages by the paths a ref may name them by: their
// logical path under content/ ("docs/reference/statistics", "docs" for
// docs/_index.md) and, when no other page has it, their base name.
type pagesByRef struct {
	path map[string]*content.Page
	base map[string]*content.Page // nil value: more than one page
}

func indexRefs(pages []*content.Page) *pagesByRef {
	x := &pagesByRef{path: map[string]*content.Page{}, base: map[string]*content.Page{}}
	for _, p := range pages {
		lp := logicalPath(p.File)
		x.path[lp] = p
		base := path.Base(lp)
		if _, seen := x.base[base]; seen {
			x.base[base] = nil
		} else {
			x.base[base] = p
		}
	}
	return x
}

// logicalPath is a page file's path as a ref names it: under content/,
// without ".md", a bundle's index or a section's _index its folder.
func logicalPath(file string) string {
	p := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	for _, idx := range []string{"/_index", "/index"} {
		if strings.HasSuffix(p, idx) {
			return strings.TrimSuffix(p, idx)
		}
	}
	if p == "_index" || p == "index" {
		return ""
	}
	return p
}

// find returns the page that ref, written on page from, names, as Hugo
// looks it up: from the content root when it starts with "/", else
// beside the page, then from the root, then by a base name no other page
// has; nil when no page matches.
func (x *pagesByRef) find(ref string, from *content.Page) *content.Page {
	ref, _, _ = strings.Cut(ref, "#")
	if ref == "" {
		return nil // a link within the page itself
	}
	abs := strings.HasPrefix(ref, "/")
	name := strings.Trim(strings.TrimSuffix(strings.TrimSuffix(ref, ".md"), "/"), "/")
	name = logicalPath("content/" + name + ".md")
	if !abs {
		dir := logicalPath(from.File)
		if !strings.HasSuffix(from.File, "index.md") {
			dir = path.Dir(dir)
		}
		if p := x.path[path.Join(dir, name)]; p != nil {
			return p
		}
	}
	if p := x.path[name]; p != nil {
		return p
	}
	if !abs && !strings.Contains(name, "/") {
		return x.base[name]
	}
	return nil
}

// englishRefs rewrites, in the localized Markdown data of page p in
// tag, each ref or relref to a page not published in tag so that it
// links to the English page.
func (b *Builder) englishRefs(p *content.Page, tag language.Tag, data []byte) []byte {
	if !refShortcode.Match(data) {
		return data
	}
	b.refsOnce.Do(func() { b.refs = indexRefs(b.in.Pages) })
	return refShortcode.ReplaceAllFunc(data, func(m []byte) []byte {
		g := refShortcode.FindSubmatch(m)
		args := string(g[4])
		var target string
		switch {
		case namedLang.MatchString(args):
			return m // the editor chose the language
		case positionalRef.MatchString(args):
			target = strings.Trim(args, "\"`")
			args = "path=\"" + target + "\""
		default:
			nm := namedPath.FindStringSubmatch(args)
			if nm == nil {
				return m
			}
			target = strings.Trim(nm[1], "\"`")
		}
		dst := b.refs.find(target, p)
		if dst == nil || b.isPublished(dst, tag) {
			return m
		}
		return []byte("{{" + string(g[1]) + string(g[2]) + string(g[3]) + " " + args + ` lang="` + language.English.String() + `"` + string(g[5]) + string(g[6]) + "}}")
	})
}

// isPublished reports whether page p is published in tag.
func (b *Builder) isPublished(p *content.Page, tag language.Tag) bool {
	for _, t := range b.published[p] {
		if t == tag {
			return true
		}
	}
	return false
}
