package content

import (
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug returns the page's path under content/ without ".md", each part
// made a slug: "content/What We Do/drugs.md" → "what-we-do/drugs".
func Slug(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = slugify(p)
		if parts[i] == "" {
			parts[i] = "page"
		}
	}
	return strings.Join(parts, "/")
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
