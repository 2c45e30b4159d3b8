package content

import (
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/editdist"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
)

// DefaultKeys are the front matter keys translated when the site config
// names none: the texts Hugo shows of a page.
var DefaultKeys = []string{"title", "linkTitle", "description", "summary"}

// Options is how pages are read.
type Options struct {
	// Keys are the front matter keys whose values are translated,
	// nested keys joined with dots ("params.subtitle"), matched without
	// regard to case as Hugo matches them; nil means DefaultKeys.
	Keys []string
	// Args are the named shortcode arguments whose values are
	// translated; nil means DefaultArgs.
	Args []string
	// CodeShortcodes are the paired shortcodes whose inner text is code,
	// never text to translate, with either delimiter; nil means
	// DefaultCodeShortcodes.
	CodeShortcodes []string
	// MarkdownShortcodes are the paired {{< >}} shortcodes whose inner
	// text is Markdown that their template renders (.Inner | markdownify,
	// .Page.RenderString); nil means DefaultMarkdownShortcodes. The
	// inner text of any other {{< >}} pair is kept as written: Hugo hands
	// it to the template untouched, and it is as often code (code-toggle,
	// mermaid, a Docsy tab) as text. A {{% %}} pair's inner text is always
	// Markdown, unless CodeShortcodes names it.
	MarkdownShortcodes []string
}

// DefaultCodeShortcodes are the shortcodes whose inner text is code when
// the site config names none: Hugo's highlight, the Hugo docs'
// code-toggle and code, and the math and diagram shortcodes of Docsy and
// hugo-book.
var DefaultCodeShortcodes = []string{"highlight", "code-toggle", "code", "output", "katex", "math", "mermaid", "chart", "plantuml", "markmap"}

// DefaultMarkdownShortcodes are the {{< >}} shortcodes whose inner text
// is Markdown when the site config names none: Hugo's details, Docsy's
// alert, pageinfo, card and blocks, hugo-book's hint, columns and expand,
// and the Kubernetes site's note, caution and warning.
var DefaultMarkdownShortcodes = []string{"details", "alert", "pageinfo", "card", "blocks/lead", "blocks/section", "blocks/feature", "blocks/cover", "hint", "columns", "expand", "note", "caution", "warning"}

func (o Options) codeShortcodes() map[string]bool {
	return set(o.CodeShortcodes, DefaultCodeShortcodes)
}

func (o Options) markdownShortcodes() map[string]bool {
	return set(o.MarkdownShortcodes, DefaultMarkdownShortcodes)
}

// set returns the names of list, or of def when list is nil.
func set(list, def []string) map[string]bool {
	if list == nil {
		list = def
	}
	m := make(map[string]bool, len(list))
	for _, a := range list {
		m[a] = true
	}
	return m
}

// DefaultArgs are the shortcode arguments translated when the site
// config names none: those of Hugo's figure and of Docsy's alert, tab and
// card shortcodes that readers see.
var DefaultArgs = []string{"title", "alt", "caption", "header"}

func (o Options) args() map[string]bool { return set(o.Args, DefaultArgs) }

func (o Options) keys() []string {
	if o.Keys == nil {
		return DefaultKeys
	}
	return o.Keys
}

// frontMatter reads the blocks and fields of p from its front matter m:
// every translated key, each breadcrumb's title, the date and the draft
// flag. Every other key is kept as written and not read (see
// frontmatter.Matter.Replace). src is the file, lines its index.
func (p *Page) frontMatter(m *frontmatter.Matter, opts Options, lines *diag.Lines) error {
	var list diag.List
	prefix := Prefix(p.Slug)
	translated := map[string]string{} // lowercase key → key as configured
	for _, k := range opts.keys() {
		translated[strings.ToLower(k)] = k
	}
	for _, s := range m.Strings {
		pos := lines.Pos(s.Start)
		key, ok := translated[strings.ToLower(s.Key())]
		if !ok {
			if near := nearKey(s.Key(), opts.keys()); near != "" {
				p.Warnings.Add(diag.Warningf(pos, "front matter: %q is not translated; if it is meant to be %q, correct its spelling", s.Key(), near))
			}
		}
		switch {
		case ok && strings.TrimSpace(s.Value) != "":
			b := &Block{ID: prefix + "." + key, Kind: Field, Key: key, Field: s.Key(), Text: oneLine(s.Value), Pos: pos}
			switch key {
			case "title":
				b.Kind, p.Title = Title, b
			case "description":
				b.Kind, p.Description = Description, b
			}
			p.add(b)
		case len(s.Path) == 3 && strings.EqualFold(s.Path[0], "breadcrumbs") && s.Path[2] == "title":
			n := len(p.Breadcrumbs) + 1
			b := p.add(&Block{ID: prefix + ".breadcrumb" + strconv.Itoa(n), Kind: Breadcrumb, Key: "breadcrumb", Field: s.Key(), Text: oneLine(s.Value), Pos: pos})
			url, _ := m.Lookup("breadcrumbs." + s.Path[1] + ".url")
			if strings.TrimSpace(s.Value) == "" || url.Value == "" {
				list.Add(diag.Errorf(pos, "front matter: breadcrumb %d needs both title and url", n))
			}
			p.Breadcrumbs = append(p.Breadcrumbs, Crumb{Block: b, URL: url.Value})
		}
	}
	p.Draft = m.Get("draft") == true
	for _, key := range []string{"updated", "lastmod", "date"} {
		if v := m.Get(key); v != nil {
			t, ok := date(v)
			if !ok && key == "updated" {
				pos := lines.Pos(m.Start)
				if s, found := m.Lookup(key); found {
					pos = lines.Pos(s.Start)
				}
				list.Add(diag.Errorf(pos, "front matter: updated is not a date; write it as 2024-04-22"))
			}
			if ok {
				p.Updated = t
				break
			}
		}
	}
	return list.Err()
}

// nearKey returns the translated key that key looks like a misspelling
// of ("titel", "descripton", "linktitel"): one at most two edits away,
// ignoring case; "" if none.
func nearKey(key string, keys []string) string {
	k := strings.ToLower(key)
	for _, t := range keys {
		lt := strings.ToLower(t)
		if len(lt) >= 4 && k != lt && editdist.Distance([]byte(k), []byte(lt)) <= 2 {
			return t
		}
	}
	return ""
}

// date reads a front matter date as Hugo does: a TOML or YAML date, or a
// string holding one; only the day is kept.
func date(v any) (time.Time, bool) {
	var t time.Time
	switch v := v.(type) {
	case time.Time:
		t = v
	case string:
		var err error
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", time.DateTime, time.DateOnly} {
			if t, err = time.Parse(layout, strings.TrimSpace(v)); err == nil {
				break
			}
		}
		if err != nil {
			return time.Time{}, false
		}
	default:
		return time.Time{}, false
	}
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), true
}

// fileTitle is the title of a page that names none and has no heading:
// its file name (its folder's, for index.md and _index.md), with dashes
// and underscores as spaces and a capital first letter, as Hugo titles a
// section from its folder.
func fileTitle(file string) string {
	name := strings.TrimSuffix(path.Base(file), path.Ext(file))
	if name == "index" || name == "_index" {
		name = path.Base(path.Dir(file))
	}
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' }), " ")
	r, n := utf8.DecodeRuneInString(name)
	if n == 0 {
		return "Home"
	}
	return string(unicode.ToUpper(r)) + name[n:]
}
