package render

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// Structure is the inline markup of a message that a translation must
// keep: what the reader can click, what is emphasised, what is code, and
// what the template fills in. Lists are sorted, so two structures compare
// equal whatever the word order of the language.
type Structure struct {
	Links        []string // link destinations
	Titles       int      // links with a title (a tooltip)
	Images       []string // image sources
	Strong, Emph int      // bold and italic spans
	Breaks       int      // hard line breaks (<br>)
	Code         []string // code span contents
	Placeholders []string // {{.Name}} placeholders
	Actions      []string // any other {{…}} template action
	Unbalanced   bool     // a {{ without }} or the reverse
	Tags         []string // things that look like HTML tags, shown as text
	Shortcodes   []string // Hugo shortcode tags, as written
	// RefLabels are the labels of reference links, [text][label] and
	// [label][], which the page's link reference definitions resolve.
	RefLabels []string
	// Shortcuts are the texts in brackets alone, "[otel]": a shortcut
	// reference link where the page defines the label, text otherwise.
	Shortcuts []string
}

var (
	actionRE      = regexp.MustCompile(`\{\{.*?\}\}`)
	placeholderRE = regexp.MustCompile(`^\{\{\s*\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}$`)
	htmlTagRE     = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>`)
	// refLinkRE finds [text][label] and [label][]; a label holds no
	// brackets (CommonMark).
	refLinkRE = regexp.MustCompile(`\[((?:[^\[\]\\]|\\.)*)\]\[((?:[^\[\]\\]|\\.)*)\]`)
)

// StructureOf parses msg with the same inline Markdown as [Inline] and
// returns its structure.
func StructureOf(msg string) Structure {
	var s Structure
	// Text without Markdown syntax has no links, emphasis, code or breaks
	// (markupFree); only its template actions remain to find.
	if !markupFree(msg) {
		s = markdownStructure(msg)
	}
	s.Links = append(s.Links, bareURLs(msg)...)
	return templateStructure(msg, s)
}

var (
	// notBare matches where a URL is not bare text: code spans, link
	// destinations, autolinks and tags.
	notBare = regexp.MustCompile("`[^`]*`" + `|\]\([^)]*\)|<[^>\n]*>`)
	bareURL = regexp.MustCompile(content.BareURL)
)

// bareURLs returns the URLs written as plain text in msg
// ("see https://www.ice.gov/tips"): Hugo's Markdown links them, so a
// translation keeps them as it keeps links.
func bareURLs(msg string) []string {
	if !strings.Contains(msg, "://") {
		return nil
	}
	return bareURL.FindAllString(blankNotBare(msg), -1)
}

// blankNotBare replaces each match of notBare in msg by a space, as
// notBare.ReplaceAllString does (FuzzBlankNotBare), a few times faster:
// the regexp tries its three branches at every byte of every translation
// a build checks. Each branch starts with its own byte and ends at the
// first of its own closing byte, so the leftmost match is found by hand.
func blankNotBare(msg string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(msg); i++ {
		end := -1 // the end of a match at i, if any
		switch msg[i] {
		case '`':
			if j := strings.IndexByte(msg[i+1:], '`'); j >= 0 {
				end = i + 1 + j + 1
			}
		case ']':
			if i+1 < len(msg) && msg[i+1] == '(' {
				if j := strings.IndexByte(msg[i+2:], ')'); j >= 0 {
					end = i + 2 + j + 1
				}
			}
		case '<':
			if j := strings.IndexAny(msg[i+1:], ">\n"); j >= 0 && msg[i+1+j] == '>' {
				end = i + 1 + j + 1
			}
		}
		if end < 0 {
			continue
		}
		b.WriteString(msg[last:i])
		b.WriteByte(' ')
		last = end
		i = end - 1
	}
	if last == 0 {
		return msg
	}
	b.WriteString(msg[last:])
	return b.String()
}

// markdownStructure is what goldmark finds in msg.
func markdownStructure(msg string) Structure {
	src := []byte(msg)
	doc := inline.Parser().Parse(text.NewReader(src))
	var s Structure
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			s.Links = append(s.Links, string(n.Destination))
			if len(n.Title) > 0 {
				s.Titles++
			}
		case *ast.AutoLink:
			s.Links = append(s.Links, string(n.URL(src)))
		case *ast.Image:
			s.Images = append(s.Images, string(n.Destination))
		case *ast.Emphasis:
			if n.Level >= 2 {
				s.Strong++
			} else {
				s.Emph++
			}
		case *ast.Text:
			if n.HardLineBreak() {
				s.Breaks++
			}
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			s.Code = append(s.Code, b.String())
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return s
}

// templateStructure adds msg's template actions and HTML-like tags to s,
// and sorts its lists.
func templateStructure(msg string, s Structure) Structure {
	// Shortcodes are Hugo's, not template actions.
	if strings.Contains(msg, "{{") {
		var rest strings.Builder
		last := 0
		for _, t := range shortcode.Find([]byte(msg)) {
			s.Shortcodes = append(s.Shortcodes, msg[t.Start:t.End])
			rest.WriteString(msg[last:t.Start])
			last = t.End
		}
		rest.WriteString(msg[last:])
		msg = rest.String()
	}
	for _, a := range actionRE.FindAllString(msg, -1) {
		if placeholderRE.MatchString(a) {
			s.Placeholders = append(s.Placeholders, strings.Join(strings.Fields(a), ""))
		} else {
			s.Actions = append(s.Actions, a)
		}
	}
	rest := actionRE.ReplaceAllString(msg, "")
	s.Unbalanced = strings.Contains(rest, "{{") || strings.Contains(rest, "}}")
	s.Tags = htmlTagRE.FindAllString(msg, -1)
	if strings.Contains(msg, "][") {
		for _, m := range refLinkRE.FindAllStringSubmatch(msg, -1) {
			label := m[2]
			if label == "" {
				label = m[1]
			}
			s.RefLabels = append(s.RefLabels, refLabel(label))
		}
	}
	s.Shortcuts = shortcuts(msg)
	for _, l := range [][]string{s.Links, s.Images, s.Code, s.Placeholders, s.Actions, s.Tags, s.Shortcodes, s.RefLabels, s.Shortcuts} {
		slices.Sort(l)
	}
	return s
}

// refLabel normalizes a link label as CommonMark matches labels: case
// folded, white space collapsed.
func refLabel(label string) string {
	return strings.ToLower(strings.Join(strings.Fields(label), " "))
}

// shortcuts returns the labels of msg's bracketed texts that stand alone,
// "[otel]": not an image's, not a link's text ("[a](…)", "[a][b]"), not a
// label ("[a][b]"), not a footnote ("[^1]").
func shortcuts(msg string) []string {
	var out []string
	for i := 0; i < len(msg); i++ {
		if msg[i] != '[' || i > 0 && (msg[i-1] == ']' || msg[i-1] == '!' || msg[i-1] == '\\') {
			continue
		}
		j := strings.IndexAny(msg[i+1:], "[]")
		if j < 0 || msg[i+1+j] != ']' {
			continue
		}
		end := i + 1 + j
		label := msg[i+1 : end]
		if label == "" || label[0] == '^' || end+1 < len(msg) && strings.IndexByte("([:", msg[end+1]) >= 0 {
			continue
		}
		out = append(out, refLabel(label))
	}
	return out
}
