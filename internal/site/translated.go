package site

import (
	"os"
	pathpkg "path"
	"strings"

	"golang.org/x/text/language"
)

// TranslatedPage returns the path of the page that translates the
// English page file (content/docs/page.md) into tag, where a Hugo site
// keeps it: in the language's own content folder (content/es/docs/page.md,
// or, for a site whose English is in content/en/, content/es/docs/page.md
// beside content/en/docs/page.md), or beside the English with the
// language in its name (content/docs/page.es.md). The folder and the
// name use the tag as written (es, zh-Hans) or in lowercase (zh-hans), as
// Hugo's language keys are. from, if not "", is the folder of the
// translated pages instead (content/zh-cn). ok is false if there is none.
func (s *Site) TranslatedPage(file string, tag language.Tag, from string) (path string, ok bool) {
	rel, isContent := strings.CutPrefix(file, ContentDir+"/")
	if !isContent {
		return "", false
	}
	rels := []string{rel}
	if r, ok := strings.CutPrefix(rel, "en/"); ok {
		rels = append(rels, r)
	}
	names := []string{tag.String()}
	if low := strings.ToLower(tag.String()); low != names[0] {
		names = append(names, low)
	}
	var candidates []string
	for _, r := range rels {
		if from != "" {
			candidates = append(candidates, pathpkg.Join(from, r))
			continue
		}
		for _, n := range names {
			candidates = append(candidates, pathpkg.Join(ContentDir, n, r))
		}
	}
	if from == "" {
		base := strings.TrimSuffix(file, ".md")
		if b, ok := strings.CutSuffix(base, ".en"); ok {
			base = b
		}
		for _, n := range names {
			candidates = append(candidates, base+"."+n+".md")
		}
	}
	for _, c := range candidates {
		if fi, err := os.Lstat(s.Path(c)); err == nil && fi.Mode().IsRegular() {
			return c, true
		}
	}
	return "", false
}
