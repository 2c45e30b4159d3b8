package content

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// Parse reads the page in src. file is the page's path relative to the site
// root ("content/narcotics-smuggling.md"); it names the page in errors and
// gives the page its slug and the prefix of its message IDs. The front
// matter may be TOML, YAML, JSON or absent, with any keys (see package
// frontmatter); opts says which of its values are translated.
func Parse(file string, src []byte, opts Options) (*Page, error) {
	lines := diag.NewLines(file, src)
	if !utf8.Valid(src) {
		// goldmark would pass the bytes on, and the pages would show
		// U+FFFD or mojibake. See issue 6.
		return nil, diag.Errorf(lines.Pos(diag.InvalidUTF8(src)), "invalid UTF-8; save the file as UTF-8")
	}
	m, err := frontmatter.Parse(src, lines)
	if err != nil {
		return nil, err
	}
	slug := Slug(file)
	sum := sha256.Sum256(src)
	p := &Page{File: file, Slug: slug, Matter: m, Digest: hex.EncodeToString(sum[:])}
	if err := p.frontMatter(m, opts, lines); err != nil {
		return nil, err
	}
	if p.Address, err = p.address(lines); err != nil {
		return nil, err
	}
	p.Aliases = p.aliases(lines)
	prefix := Prefix(slug)
	// The first part of each translated key names front matter blocks
	// (<page>.title, <page>.params.subtitle): a section of that name is
	// keyed section-<name>.
	reserved := map[string]bool{"title": true, "description": true}
	for _, k := range opts.keys() {
		first, _, _ := strings.Cut(k, ".")
		reserved[first] = true
	}
	body := src[m.Body:]
	// "intro" is taken by the blocks before the first H2, so a section
	// headed "Intro" gets its own key and numbering.
	w := &walker{page: p, prefix: prefix, src: body, base: m.Body, lines: lines, reserved: reserved, args: opts.args(), code: opts.codeShortcodes(), markdownSC: opts.markdownShortcodes(),
		sections: map[string]bool{"intro": true}, section: "intro", counts: map[string]int{}}
	doc := markdown.Parser().Parse(text.NewReader(body))
	p.Body = w.children(doc)
	if err := w.errs.Err(); err != nil {
		return nil, err
	}
	if p.Title == nil {
		p.Title = p.untitled(prefix, lines.Pos(0))
	}
	return p, nil
}

// untitled returns the title of a page whose front matter gives none:
// its first heading, or else a title block made from its file name, put
// first among the blocks.
func (p *Page) untitled(prefix string, pos diag.Pos) *Block {
	for _, b := range p.Blocks {
		if b.Kind == Heading {
			return b
		}
	}
	b := &Block{ID: prefix + ".title", Kind: Title, Key: "title", Text: fileTitle(p.File), Pos: pos}
	p.Blocks = append([]*Block{b}, p.Blocks...)
	return b
}

// markdown is the Markdown dialect of pages and translations: CommonMark
// with GitHub tables, and {#id} attributes on headings.
var markdown = goldmark.New(
	goldmark.WithExtensions(Extensions()...),
	goldmark.WithParserOptions(parser.WithAttribute(),
		parser.WithParagraphTransformers(util.Prioritized(attributeLines{}, 150))),
)

// Extensions are the goldmark extensions of Hugo's default Markdown (GitHub
// tables, strikethrough and task lists; definition lists; footnotes),
// plus math kept as written between $$ or \[ \] (Hugo's passthrough
// extension, as Hugo sites configure it for math). GitHub's bare-URL
// autolinks (linkify) are left out: they change no block and no text,
// and finding them was a sixth of the time of reading a page. A test
// renders pages with the same extensions.
func Extensions() []goldmark.Extender {
	return []goldmark.Extender{
		extension.Table,
		extension.Strikethrough,
		extension.TaskList,
		extension.DefinitionList,
		extension.Footnote,
		shortcode.Extension(),
		passthrough.New(passthrough.Config{
			BlockDelimiters:  []passthrough.Delimiters{{Open: "$$", Close: "$$"}, {Open: "\\[", Close: "\\]"}},
			InlineDelimiters: []passthrough.Delimiters{{Open: "\\(", Close: "\\)"}},
		}),
	}
}

func (p *Page) add(b *Block) *Block {
	p.Blocks = append(p.Blocks, b)
	return b
}
