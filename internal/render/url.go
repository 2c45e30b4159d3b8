package render

import (
	"html/template"
	"strings"
)

// urlTemplate is a URL attribute, for the URLs writeURL leaves to
// html/template.
var urlTemplate = template.Must(template.New("url").Parse(`<a href="{{.}}">`))

// writeURL writes s as html/template writes a string in a quoted URL
// attribute such as href: it replaces a URL of an unsafe scheme
// (javascript:) with "#ZgotmplZ", percent-encodes the bytes a URL may not
// hold, and escapes the result as an attribute value. A URL of the
// characters its normalizer keeps as they are, with no scheme or an http
// or https one, comes out as [writeEscaped] writes it; writeURL hands any
// other to html/template itself, so the bytes are its own.
func writeURL(b *strings.Builder, s string) {
	if plainURL(s) {
		writeEscaped(b, s)
		return
	}
	var t strings.Builder
	// Executing a fixed template on a string cannot fail.
	_ = urlTemplate.Execute(&t, s)
	out := t.String()
	b.WriteString(out[len(`<a href="`) : len(out)-len(`">`)])
}

// plainURL reports whether html/template's URL filter and normalizer
// leave s as it is: its scheme, if any, is http or https, and it holds
// only ASCII letters, digits and the punctuation the normalizer keeps.
// '%' is not among them: the normalizer keeps it only before two hex
// digits.
func plainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0:
		default:
			return false
		}
	}
	scheme, _, ok := strings.Cut(s, ":")
	return !ok || scheme == "http" || scheme == "https"
}
