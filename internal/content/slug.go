package content

import (
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"

	"golang.org/x/text/unicode/norm"
)

// Slug returns the page's path under content/ without ".md", each part
// made a slug: "content/What We Do/drugs.md" → "what-we-do/drugs". A
// bundle's page is its folder, as in Hugo: "content/docs/_index.md" and
// "content/docs/install/index.md" are "docs" and "docs/install"; the
// home page, content/_index.md, is "index"; "about.en.md" is "about". The slug is the prefix of
// the page's message IDs, so it never follows the front matter.
func Slug(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	rel = strings.TrimSuffix(rel, ".en") // Hugo's name of the English page
	if dir, base := path.Split(rel); dir != "" && (base == "index" || base == "_index") {
		rel = strings.TrimSuffix(dir, "/")
	}
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = slugify(p)
		if parts[i] == "" {
			parts[i] = "page"
		}
	}
	return strings.Join(parts, "/")
}

// address returns the folder of page p under public/<locale>/, by Hugo's
// rules: its file's path as Hugo makes it a URL (see hugoPath); with url in its front matter, that path; with
// slug, its slug in place of the last part. The home page's is "". A path
// that is not plain folder names (it would leave the site's folder, or
// hold characters a URL escapes) is an error at the key.
func (p *Page) address(lines *diag.Lines) (string, error) {
	addr := hugoPath(p.File)
	if p.Slug == "index" && path.Dir(strings.TrimPrefix(p.File, "content/")) == "." && isIndex(p.File) {
		addr = ""
	}
	var key string
	var s frontmatter.String
	if u, ok := p.Matter.Lookup("url"); ok {
		key, s = "url", u
		addr = strings.Trim(u.Value, "/")
	} else if sl, ok := p.Matter.Lookup("slug"); ok {
		key, s = "slug", sl
		dir := path.Dir(addr)
		if addr == "" || dir == "." {
			dir = ""
		}
		addr = path.Join(dir, sl.Value)
	}
	if key == "" {
		return addr, nil
	}
	addr = strings.ToLower(addr)
	for _, part := range strings.Split(addr, "/") {
		if addr != "" && (part == "" || part == "." || part == ".." || !validAddress.MatchString(part)) {
			return "", diag.Errorf(lines.Pos(s.Start), "front matter: %s %q is not a path of plain folder names inside the site; use letters, digits, - _ . ~ and /", key, s.Value)
		}
	}
	return addr, nil
}

// aliases returns the addresses, under public/<locale>/, that the
// front matter's aliases redirect to the page, as Hugo's do. One that is
// not a path of plain folder names is left out, with a warning.
func (p *Page) aliases(lines *diag.Lines) []string {
	var out []string
	for _, s := range p.Matter.Strings {
		if len(s.Path) != 2 || !strings.EqualFold(s.Path[0], "aliases") {
			continue
		}
		a := strings.ToLower(strings.TrimSuffix(s.Value, "index.html"))
		if !strings.HasPrefix(a, "/") && a != "" {
			// Relative to the page's folder, as Hugo takes it:
			// "old" beside docs/faq/ is docs/old/.
			a = path.Join(path.Dir(p.Address), a)
		}
		a = strings.Trim(a, "/")
		ok := a != "" && !strings.Contains(s.Value, "://")
		for _, part := range strings.Split(a, "/") {
			ok = ok && part != "." && part != ".." && validAddress.MatchString(part)
		}
		if !ok {
			p.Warnings.Add(diag.Warningf(lines.Pos(s.Start), "front matter: alias %q is not a path of plain folder names inside the site; l10n build writes no redirect for it", s.Value))
			continue
		}
		out = append(out, a)
	}
	return out
}

// hugoPath returns the path of file under content/ as Hugo makes it a
// page's URL: without ".md" (and ".en"), a bundle's page as its folder,
// lowercased, each part kept to letters, digits and . _ ~ - with a run of
// spaces made one "-" and anything else dropped (Hugo's UnicodeSanitize,
// for ASCII): "_TEMPLATE.md" is "_template", "v1.2.md" "v1.2",
// "Q&A (old).md" "qa-old". A part with other letters, which a URL would
// escape, is made a slug instead.
func hugoPath(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	rel = strings.TrimSuffix(rel, ".en")
	if dir, base := path.Split(rel); dir != "" && (base == "index" || base == "_index") {
		rel = strings.TrimSuffix(dir, "/")
	}
	parts := strings.Split(strings.ToLower(rel), "/")
	for i, part := range parts {
		parts[i] = hugoPart(part)
	}
	return strings.Join(parts, "/")
}

// hugoPart is one part of hugoPath.
func hugoPart(part string) string {
	var b strings.Builder
	space := false
	for _, r := range part {
		switch {
		case r >= unicode.MaxASCII:
			return slugify(part) // a URL would escape it
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._~-", r):
			if space && b.Len() > 0 && r != '-' && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			space = true
		}
	}
	out := b.String()
	if out == "" || out == "." || out == ".." {
		out = slugify(part)
	}
	if out == "" {
		out = "page"
	}
	return out
}

// validAddress is a part of a page's address: characters a URL path
// holds as they are.
var validAddress = regexp.MustCompile(`^[a-z0-9._~-]+$`)

// isIndex reports whether file is a bundle's page: index.md or _index.md.
func isIndex(file string) bool {
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	return base == "index" || base == "_index"
}

// slugify lowercases s, drops accents and apostrophes, and turns every run
// of other characters into one "-": "HSI's Response" → "hsis-response".
// The result is a bare TOML key and a safe path part.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// plain strips the Markdown emphasis, code and link syntax from inline
// text, for section names and slugs.
func plain(s string) string {
	// Drop link destinations "(…)" that follow a link text.
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			break
		}
		s = s[:i+1] + s[i+j+1:]
	}
	r := strings.NewReplacer("**", "", "__", "", "*", "", "`", "", "[", "", "]", "")
	return strings.TrimSpace(r.Replace(s))
}
