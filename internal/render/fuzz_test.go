package render

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
)

// FuzzInline checks that whatever a translator types, Inline's output is
// inline Markdown's own small vocabulary of HTML: the elements strong, em,
// a, code and br; on a, only href and title; an href no browser runs as
// script; no unescaped markup characters in text; and no control
// characters. It also checks that Plain never panics. Seeds are in testdata/fuzz/FuzzInline.
func FuzzInline(f *testing.F) {
	f.Fuzz(func(t *testing.T, msg string) {
		out := string(Inline(msg))
		if err := checkInline(out); err != nil {
			t.Errorf("Inline(%q) = %q: %v", msg, out, err)
		}
		_ = Plain(msg)
	})
}

// inlineAttrs lists the elements Inline may write and the attributes each
// may have.
var inlineAttrs = map[string]map[string]bool{
	"strong": {},
	"em":     {},
	"code":   {},
	"br":     {},
	"a":      {"href": true, "title": true},
}

var (
	// tagRE matches one start or end tag with double-quoted attributes, as
	// goldmark writes them.
	tagRE  = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+="[^"<>]*")*)\s*/?>`)
	attrRE = regexp.MustCompile(`([^\s"'<>/=]+)="([^"]*)"`)
	// schemeRE finds the scheme of a URL, as a browser sees it.
	schemeRE = regexp.MustCompile(`^([a-z][a-z0-9+.\-]*):`)
)

// checkInline returns an error describing the first thing in out that a
// translation must not be able to produce. Text is allowed to say anything
// ("never open javascript: links", "onclick=" in a code span): only markup
// counts, so every '<' must start an allowed tag and '>' and '"' must be
// escaped everywhere else.
func checkInline(out string) error {
	for i := 0; i < len(out); {
		switch out[i] {
		case '<':
			m := tagRE.FindStringSubmatch(out[i:])
			if m == nil {
				return fmt.Errorf("unescaped '<' or malformed tag at %q", excerpt(out, i))
			}
			closing, name, attrs := m[1] == "/", strings.ToLower(m[2]), m[3]
			allowed, ok := inlineAttrs[name]
			if !ok {
				return fmt.Errorf("element <%s> is not one of inline Markdown's", name)
			}
			if closing && attrs != "" {
				return fmt.Errorf("end tag with attributes: %q", m[0])
			}
			for _, a := range attrRE.FindAllStringSubmatch(attrs, -1) {
				attr := strings.ToLower(a[1])
				if !allowed[attr] {
					return fmt.Errorf("attribute %s on <%s>: %q", attr, name, m[0])
				}
				if attr == "href" {
					if err := checkURL(a[2]); err != nil {
						return fmt.Errorf("<%s %s>: %v", name, a[0], err)
					}
				}
			}
			i += len(m[0])
		case '>', '"':
			return fmt.Errorf("unescaped %q in text at %q", out[i], excerpt(out, i))
		case '\x00', '\x01', '\x02', '\x03', '\x04', '\x05', '\x06', '\x07', '\x08', '\x0b', '\x0c',
			'\x0e', '\x0f', '\x10', '\x11', '\x12', '\x13', '\x14', '\x15', '\x16', '\x17', '\x18', '\x19',
			'\x1a', '\x1b', '\x1c', '\x1d', '\x1e', '\x1f', '\x7f':
			// A page may not hold control characters (see issue 6).
			return fmt.Errorf("control character %q at %q", out[i], excerpt(out, i))
		default:
			i++
		}
	}
	return nil
}

// checkURL reports an attribute value that a browser would follow to a
// script or a document made of the link itself. It reads the value as the
// browser does: entities decoded, tabs and newlines removed, leading and
// trailing control characters and spaces trimmed, scheme case folded.
func checkURL(attr string) error {
	u := html.UnescapeString(attr)
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	m := schemeRE.FindStringSubmatch(strings.ToLower(u))
	if m == nil {
		return nil // relative: no scheme
	}
	switch m[1] {
	case "javascript", "vbscript", "file":
		return fmt.Errorf("link to a %s: URL", m[1])
	case "data":
		// goldmark keeps links to raster images, which are inert.
		for _, ok := range []string{"data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/webp;"} {
			if strings.HasPrefix(strings.ToLower(u), ok) {
				return nil
			}
		}
		return fmt.Errorf("link to a data: URL that is not a raster image")
	}
	return nil
}

func excerpt(s string, i int) string {
	end := min(i+40, len(s))
	return s[i:end]
}

// TestCheckInlineRejectsWhatTheFuzzerLooksFor makes sure the property of
// FuzzInline is not vacuous: each of these outputs breaks it.
func TestCheckInlineRejectsWhatTheFuzzerLooksFor(t *testing.T) {
	t.Parallel()
	bad := []string{
		`<script>alert(1)</script>`,
		`<img src="x" alt="y">`,
		`<iframe src="https://a"></iframe>`,
		`<a href="https://a" onclick="alert(1)">x</a>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="JavaScript:alert(1)">x</a>`,
		`<a href=" java&#x09;script:alert(1)">x</a>`,
		`<a href="vbscript:msgbox">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<a href="file:///etc/passwd">x</a>`,
		`<strong style="x">x</strong>`,
		`<h1>x</h1>`,
		`<ul><li>x</li></ul>`,
		`<pre>x</pre>`,
		`<a href=x>x</a>`,
		`a > b`,
		`say "hi"`,
	}
	for _, out := range bad {
		if checkInline(out) == nil {
			t.Errorf("checkInline(%q) = nil, want an error", out)
		}
	}
	good := []string{
		``,
		`plain text &lt;script&gt; never open javascript: links`,
		`<strong>a</strong> <em>b</em> <code>onclick=&quot;x&quot;</code>`,
		`<a href="https://www.ice.gov/tips" title="Tip &amp; line">x</a>`,
		`<a href="">x</a>`,
		`<a href="%20javascript:alert(1)">x</a>`,
		`<a href="mailto:tip@ice.gov">x</a>`,
		"a<br>\nb",
	}
	for _, out := range good {
		if err := checkInline(out); err != nil {
			t.Errorf("checkInline(%q) = %v, want nil", out, err)
		}
	}
}

// FuzzInlineIn checks that InlineIn, whatever a translation holds, writes
// only inline Markdown's vocabulary (as FuzzInline checks) besides the
// tags of the English it trusts: a translation can add no markup of its
// own. The trusted tags here are those a Hugo page writes. See issue 12.
func FuzzInlineIn(f *testing.F) {
	trusted := []string{"<kbd>", "</kbd>", `<abbr title="Tip Line">`, "</abbr>"}
	f.Add("Press <kbd>Ctrl</kbd> and [x][otel].")
	f.Add("<abbr title=\"Tip Line\">TL</abbr><script>alert(1)</script>")
	f.Add("<kbd>a</kbd><kbd onclick=\"x\">b</kbd>")
	f.Fuzz(func(t *testing.T, msg string) {
		out := string(InlineIn(msg, []content.Ref{{Label: "otel", Destination: "https://opentelemetry.io/"}}, trusted))
		for _, tag := range trusted {
			out = strings.ReplaceAll(out, tag, "")
		}
		if err := checkInline(out); err != nil {
			t.Errorf("InlineIn(%q) = %q: %v", msg, out, err)
		}
	})
}
