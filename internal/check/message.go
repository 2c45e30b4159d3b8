package check

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/render"
	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// msgCheck validates one translated message against its English.
type msgCheck struct {
	list       *diag.List
	en, m      *catalog.Message
	tag        language.Tag
	categories []string
	keep       []string     // terms that stay as they are
	agreed     []agreedTerm // English terms and their agreed translations
	args       []string     // shortcode arguments that are translated
	// english, if not nil, remembers the structure of English texts, which
	// every locale checks its translations against.
	english *structures
}

// structures remembers the inline structure of texts; safe for
// concurrent use.
type structures struct{ m sync.Map }

func (s *structures) of(text string) render.Structure {
	if s == nil {
		return render.StructureOf(text)
	}
	if v, ok := s.m.Load(text); ok {
		return v.(render.Structure)
	}
	st := render.StructureOf(text)
	s.m.Store(text, st)
	return st
}

// pos returns where the value of form is, or the message's header.
func (c *msgCheck) pos(form string) diag.Pos {
	if p, ok := c.m.Value.Get(form); ok {
		return p
	}
	return c.m.Pos
}

func (c *msgCheck) errorf(form, format string, args ...any) {
	c.list.Add(diag.Errorf(c.pos(form), "[%s] %s", c.m.ID, fmt.Sprintf(format, args...)))
}

func (c *msgCheck) warnf(form, format string, args ...any) {
	c.list.Add(diag.Warningf(c.pos(form), "[%s] %s", c.m.ID, fmt.Sprintf(format, args...)))
}

func (c *msgCheck) run() {
	if !c.m.Translated() {
		return // missing: l10n status reports it
	}
	c.plurals()
	for _, form := range catalog.Categories {
		text, ok := c.m.Forms[form]
		if !ok {
			continue
		}
		en := c.en.Forms[form]
		if en == "" {
			en = c.en.Other()
		}
		if strings.TrimSpace(text) == "" {
			c.errorf(form, "%s is empty while other forms are translated; translate it, or remove the key if the language does not use it", form)
			continue
		}
		c.inline(form, en, text)
		c.invisible(form, en, text)
		c.length(form, en, text)
		c.spacing(form, en, text)
		c.brackets(form, en, text)
		c.glossary(form, en, text)
		if text == en && len(strings.Fields(en)) > 1 && !c.kept(en) {
			c.warnf(form, "is identical to the English; translate it, or keep it on purpose by listing it in the glossary")
		}
	}
}

// plural reports whether the English message has plural forms.
func (c *msgCheck) plural() bool {
	for form := range c.en.Forms {
		if form != "other" {
			return true
		}
	}
	return false
}

// plurals checks that a message with plural forms gives each category
// the locale uses and none it does not; a message whose English has no
// plural forms takes "other" only.
func (c *msgCheck) plurals() {
	englishPlural := c.plural()
	for _, form := range catalog.Categories {
		_, has := c.m.Forms[form]
		switch {
		case !has && englishPlural && slices.Contains(c.categories, form):
			c.errorf("", "lacks the plural form %q that %s uses; add %s = \"…\" (%s uses %s)", form, c.tag, form, c.tag, strings.Join(c.categories, ", "))
		case has && form != "other" && !englishPlural:
			c.errorf(form, "has the plural form %q but the English has no plural forms; give the text as other only", form)
		case has && englishPlural && !slices.Contains(c.categories, form):
			c.errorf(form, "has the plural form %q that %s never uses; remove it (%s uses %s)", form, c.tag, c.tag, strings.Join(c.categories, ", "))
		}
	}
}

// inline checks that the translation keeps the English's links, emphasis,
// code, placeholders, and adds no template action or HTML.
func (c *msgCheck) inline(form, en, text string) {
	want, got := c.english.of(en), render.StructureOf(text)
	c.markup(form, want, got)
	c.templates(form, want, got)
	// Plain text can hold a * or _ only from the text's own * _ or an
	// entity (&ast;): most texts need no second goldmark pass to tell.
	if strings.ContainsAny(text, "*_&") && strings.ContainsAny(render.Plain(text), "*_") && !strings.ContainsAny(render.Plain(en), "*_") {
		c.errorf(form, "has a * or _ that opens no bold or italic span and would show on the page; close the span or remove it")
	}
	if got.Unbalanced && !want.Unbalanced {
		c.errorf(form, "has an unbalanced {{ or }}; copy placeholders exactly as in the English")
	}
	if !sameLabels(want, got) {
		c.errorf(form, "reference labels %s differ from the English %s; keep each [text][label] label as the English writes it: the page defines it", list(got.RefLabels), list(want.RefLabels))
	}
	if !slices.Equal(maskArgs(want.Shortcodes, c.args), maskArgs(got.Shortcodes, c.args)) {
		c.errorf(form, "shortcodes %s differ from the English %s; keep each shortcode exactly as the English writes it, once: Hugo runs it", list(got.Shortcodes), list(want.Shortcodes))
	}
	c.htmlTags(form, want, got)
}

// markup checks that the translation keeps the English's links and their
// titles, images, bold and italic spans, line breaks and code spans.
func (c *msgCheck) markup(form string, want, got render.Structure) {
	if !slices.Equal(want.Links, got.Links) {
		c.errorf(form, "links %s differ from the English %s; keep every link and its URL", list(got.Links), list(want.Links))
	}
	if want.Titles != got.Titles {
		c.errorf(form, "has %d link titles, the English %d; give a link a title (\"…\" after its URL) only where the English does", got.Titles, want.Titles)
	}
	if !slices.Equal(want.Images, got.Images) {
		c.errorf(form, "images %s differ from the English %s; keep the English images", list(got.Images), list(want.Images))
	}
	if want.Strong != got.Strong {
		c.errorf(form, "has %d bold spans, the English %d; mark the same words **bold**", got.Strong, want.Strong)
	}
	if want.Emph != got.Emph {
		c.errorf(form, "has %d italic spans, the English %d; mark the same words *italic*", got.Emph, want.Emph)
	}
	if want.Breaks != got.Breaks {
		c.errorf(form, "has %d line breaks, the English %d; break the lines where the English does", got.Breaks, want.Breaks)
	}
	if !slices.Equal(want.Code, got.Code) {
		c.errorf(form, "code spans %s differ from the English %s; code is never translated", list(got.Code), list(want.Code))
	}
}

// templates checks that the translation adds no template action and uses
// the English's placeholders, each exactly once (a plural form may leave
// some out, but adds none).
func (c *msgCheck) templates(form string, want, got render.Structure) {
	for _, a := range got.Actions {
		if !slices.Contains(want.Actions, a) {
			c.errorf(form, "has the template action %s that the English lacks; remove it: messages are text, never templates", a)
		}
	}
	if c.plural() {
		// A plural form may leave out the count ("one item", Arabic's
		// zero form) but may use no placeholder the English lacks.
		for _, p := range got.Placeholders {
			if !slices.Contains(want.Placeholders, p) {
				c.errorf(form, "has the placeholder %s that the English lacks; use only %s", p, list(want.Placeholders))
			}
		}
	} else if !slices.Equal(want.Placeholders, got.Placeholders) {
		c.errorf(form, "placeholders %s differ from the English %s; copy each placeholder exactly, once", list(got.Placeholders), list(want.Placeholders))
	}
}

// htmlTags checks that the translation keeps the English's own inline HTML
// tags, and otherwise has none.
func (c *msgCheck) htmlTags(form string, want, got render.Structure) {
	switch {
	case len(want.Tags) > 0 && !slices.Equal(want.Tags, got.Tags):
		// The English's own inline HTML (<kbd>, <abbr title="…">) is
		// the editor's, kept as written: the translation keeps each tag
		// and adds none.
		c.errorf(form, "HTML tags %s differ from the English %s; keep each tag exactly as the English writes it, and add none", list(got.Tags), list(want.Tags))
	default:
		for _, t := range got.Tags {
			if !slices.Contains(want.Tags, t) {
				c.errorf(form, "has the HTML %s, which readers would see as text; use Markdown (**bold**, [link](url)) instead", t)
				break
			}
		}
	}
}

// maskArgs returns the shortcode tags of tags with the values of the
// arguments args names left out, so that a translation may translate
// them and must keep the rest; sorted.
func maskArgs(tags, args []string) []string {
	out := make([]string, len(tags))
	for i, raw := range tags {
		t, ok := shortcode.Parse([]byte(raw), 0)
		if !ok {
			out[i] = raw
			continue
		}
		var b strings.Builder
		last := 0
		for _, a := range t.Args {
			if a.Name != "" && slices.Contains(args, a.Name) {
				b.WriteString(raw[last:a.Start])
				b.WriteString("…")
				last = a.End
			}
		}
		b.WriteString(raw[last:])
		out[i] = b.String()
	}
	slices.Sort(out)
	return out
}

// sameLabels reports whether a translation uses the English's reference
// labels: each label of the English as [text][label] or [label] (a
// shortcut link, "[otel]", may become "[OpenTelemetry][otel]", and the
// reverse), and no other.
func sameLabels(want, got render.Structure) bool {
	for _, l := range got.RefLabels {
		if !slices.Contains(want.RefLabels, l) && !slices.Contains(want.Shortcuts, l) {
			return false
		}
	}
	for _, l := range want.RefLabels {
		if !slices.Contains(got.RefLabels, l) && !slices.Contains(got.Shortcuts, l) {
			return false
		}
	}
	return true
}

func list(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return "[" + strings.Join(s, " ") + "]"
}

// spacing warns when leading or trailing white space differs from the
// English: it is invisible in an editor and shows on the page.
func (c *msgCheck) spacing(form, en, text string) {
	lead := func(s string) bool { return s != strings.TrimLeftFunc(s, unicode.IsSpace) }
	trail := func(s string) bool { return s != strings.TrimRightFunc(s, unicode.IsSpace) }
	if lead(en) != lead(text) || trail(en) != trail(text) {
		c.warnf(form, "starts or ends with white space where the English does not (or the reverse); match the English")
	}
}

// bracketPairs are the brackets and quotes that must close in every
// script the site serves.
var bracketPairs = [][2]rune{{'(', ')'}, {'[', ']'}, {'«', '»'}, {'“', '”'}, {'（', '）'}, {'「', '」'}, {'『', '』'}, {'【', '】'}, {'《', '》'}}

func balanced(s string) bool {
	for _, p := range bracketPairs {
		if strings.Count(s, string(p[0])) != strings.Count(s, string(p[1])) {
			return false
		}
	}
	return strings.Count(s, `"`)%2 == 0
}

func (c *msgCheck) brackets(form, en, text string) {
	if balanced(en) && !balanced(text) {
		c.warnf(form, "has unbalanced brackets or quotes; close each one you open")
	}
}

// glossary checks the do-not-translate terms (an error when one is lost)
// and the agreed translations of key terms (a warning when another word
// was used).
func (c *msgCheck) glossary(form, en, text string) {
	for _, term := range c.keep {
		if strings.Contains(en, term) && !strings.Contains(text, term) {
			c.errorf(form, "lacks %q, which the glossary keeps as it is in every language; write it exactly", term)
		}
	}
	if len(c.agreed) == 0 {
		return
	}
	lowerEN, lowerText := strings.ToLower(en), strings.ToLower(text)
	for _, a := range c.agreed {
		if containsWord(lowerEN, a.lowerTerm) && !hasWords(lowerText, a.lowerTr) {
			c.warnf(form, "translates %q without the glossary's %q; use the agreed term, or update the glossary", a.term, a.tr)
		}
	}
}

// kept reports whether en consists of do-not-translate terms.
func (c *msgCheck) kept(en string) bool {
	rest := en
	for _, t := range c.keep {
		rest = strings.ReplaceAll(rest, t, "")
	}
	return strings.TrimFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) == ""
}

// hasWords reports whether every word of term appears in text, so an
// agreed term still counts when the language puts a word between its
// parts ("contrabando internacional de narcóticos").
func hasWords(text, term string) bool {
	for _, w := range strings.Fields(term) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// containsWord reports whether s contains w as whole words.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before := start == 0 || !isWordByte(s[start-1])
		after := end == len(s) || !isWordByte(s[end])
		if before && after {
			return true
		}
		i = start + 1
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
