package sitegen

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
)

// page is a generated English page.
type page struct {
	index       int    // its number: page i is made from its own random source
	area        string // topic folder
	slug        string // file name without .md, unique in the site
	title       string
	description string
	updated     string // "2024-04-22"
	crumbs      []crumb
	body        []block // in page order
	// source holds the page's messages as extract makes them: front
	// matter, then body, with the IDs of the parsed page.
	source []*catalog.Message
}

type crumb struct{ title, url string }

type blockKind int

const (
	headingBlock blockKind = iota
	paragraphBlock
	itemBlock // consecutive items make one bulleted list
)

type block struct {
	kind blockKind
	text string // inline Markdown
}

// file is the page's path relative to the site root.
func (p *page) file() string { return "content/topics/" + p.area + "/" + p.slug + ".md" }

// texts returns the English of every message of the page, in message
// order: title, description, breadcrumbs, body.
func (p *page) texts() []string {
	t := []string{p.title, p.description}
	for _, c := range p.crumbs {
		t = append(t, c.title)
	}
	for _, b := range p.body {
		t = append(t, b.text)
	}
	return t
}

// makePages makes n pages: each from its own random source, then slugs
// made unique in page order, then each page parsed as l10n parses it to
// learn its message IDs. It returns them in the order l10n reads them,
// sorted by path.
func makePages(seed uint64, n int) ([]*page, error) {
	pages := make([]*page, n)
	_ = parallel(n, func(i int) error {
		pages[i] = newPage(seed, i)
		return nil
	})
	used := map[string]bool{}
	for _, p := range pages {
		base := slugOf(p.title)
		p.slug = base
		for k := 2; used[p.slug]; k++ {
			p.slug = fmt.Sprintf("%s-%d", base, k)
		}
		used[p.slug] = true
	}
	if err := parallel(n, func(i int) error { return pages[i].parse() }); err != nil {
		return nil, err
	}
	// l10n reads pages in the order of their paths.
	slices.SortFunc(pages, func(a, b *page) int { return strings.Compare(a.file(), b.file()) })
	return pages, nil
}

// newPage makes page i from its own random source.
func newPage(seed uint64, i int) *page {
	r := rng(seed, "page", uint64(i))
	p := &page{index: i, area: areas[r.IntN(len(areas))]}
	w := &writer{r: r, area: p.area}
	p.title = w.title()
	p.description = w.text(15, 30, false)
	p.updated = fmt.Sprintf("%d-%02d-%02d", 2019+r.IntN(7), 1+r.IntN(12), 1+r.IntN(28))
	p.crumbs = []crumb{
		{"Topics", "https://www.example.gov/topics"},
		{titleCase(strings.ReplaceAll(p.area, "-", " ")), "https://www.example.gov/topics/" + p.area},
	}

	sections := 3 + r.IntN(4)   // 3–6
	paragraphs := 8 + r.IntN(8) // 8–15, the intro's included
	intro := 1 + r.IntN(2)
	per := make([]int, sections)
	for s := range per {
		per[s] = 1
	}
	for range paragraphs - intro - sections {
		per[r.IntN(sections)]++
	}
	listIn, items := r.IntN(sections), 3+r.IntN(4)
	last := paragraphs - 1 // the last paragraph always has a link
	k := 0
	para := func() {
		p.body = append(p.body, block{paragraphBlock, w.text(40, 90, k == last || w.chance(25))})
		k++
	}
	for range intro {
		para()
	}
	headings := map[string]bool{}
	for s := range sections {
		h := w.heading()
		for headings[slugOf(h)] {
			h = w.heading()
		}
		headings[slugOf(h)] = true
		p.body = append(p.body, block{headingBlock, h})
		for j := range per[s] {
			para()
			if s == listIn && j == 0 {
				for range items {
					p.body = append(p.body, block{itemBlock, w.listItem()})
				}
			}
		}
	}
	return p
}

// markdown returns the page as an l10n page: TOML front matter, then the
// body.
func (p *page) markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\ntitle = %s\ndescription = %s\nupdated = %s\nbreadcrumbs = [\n", tomlString(p.title), tomlString(p.description), p.updated)
	for _, c := range p.crumbs {
		fmt.Fprintf(&b, "  { title = %s, url = %s },\n", tomlString(c.title), tomlString(c.url))
	}
	b.WriteString("]\n+++\n")
	texts := make([]string, len(p.body))
	for i, bl := range p.body {
		texts[i] = bl.text
	}
	writeBody(&b, p.body, texts, nil)
	return b.Bytes()
}

// writeBody writes the body blocks with the given texts. attrs, if not
// nil, holds Markdown attributes ({lang="en"}) for each heading and
// paragraph, "" for none.
func writeBody(b *bytes.Buffer, body []block, texts, attrs []string) {
	for i, bl := range body {
		attr := ""
		if attrs != nil {
			attr = attrs[i]
		}
		switch bl.kind {
		case headingBlock:
			b.WriteString("\n## " + texts[i])
			if attr != "" {
				b.WriteString(" " + attr)
			}
			b.WriteByte('\n')
		case paragraphBlock:
			b.WriteString("\n" + texts[i] + "\n")
			if attr != "" {
				b.WriteString(attr + "\n")
			}
		case itemBlock:
			if i == 0 || body[i-1].kind != itemBlock {
				b.WriteByte('\n')
			}
			b.WriteString("- " + texts[i] + "\n")
		}
	}
}

// parse parses the page's Markdown as l10n does and keeps its messages.
// A page whose blocks are not the ones generated is a bug here.
func (p *page) parse() error {
	cp, err := content.Parse(p.file(), p.markdown(), content.Options{})
	if err != nil {
		return fmt.Errorf("sitegen made a page l10n cannot read: %w", err)
	}
	texts := p.texts()
	if len(cp.Blocks) != len(texts) {
		return fmt.Errorf("%s: sitegen made %d messages, l10n reads %d", p.file(), len(texts), len(cp.Blocks))
	}
	for i, b := range cp.Blocks {
		if b.Text != texts[i] {
			return fmt.Errorf("%s: sitegen made message %d %q, l10n reads %q", p.file(), i, texts[i], b.Text)
		}
		forms := map[string]string{"other": b.Text}
		p.source = append(p.source, &catalog.Message{ID: b.ID, Description: extract.Describe(cp, b), Hash: catalog.Hash(forms), Forms: forms})
	}
	return nil
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
