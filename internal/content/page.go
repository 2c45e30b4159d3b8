// Package content is the first stage of the pipeline: it reads an English
// page (Markdown with TOML front matter) into a [Page] whose translatable
// [Block]s each carry a stable message ID, the kind of block, its section
// and its inline Markdown source.
//
// The Markdown is parsed by goldmark; the page's structure (lists, quotes,
// tables, code) is kept as a tree of [Node]s so that every locale is built
// with the English page's structure and only the text of each block
// changes. Code is never translatable.
//
// [Encode] and [Decode] keep a parsed page between runs (the page cache
// of package site): a page decoded equals the page parsed, and costs a
// small part of parsing it.
package content

import (
	"strings"
	"time"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
)

// Kind is what a block is on the page; translators see it in the
// message description.
type Kind string

// The kinds of translatable block.
const (
	Title       Kind = "page title"
	Description Kind = "page description"
	Breadcrumb  Kind = "breadcrumb link"
	Heading     Kind = "heading"
	Paragraph   Kind = "paragraph"
	ListItem    Kind = "list item"
	Quote       Kind = "block quote"
	TableCell   Kind = "table cell"
	Term        Kind = "defined term"
	Definition  Kind = "definition"
	Footnote    Kind = "footnote"
	// ShortcodeArg is a named argument of a shortcode that the site
	// config says is text (title, alt, caption).
	ShortcodeArg Kind = "shortcode argument"
	// Field is a translated front matter value other than the title and
	// description (linkTitle, summary, params.subtitle, …).
	Field Kind = "front matter field"
)

// Block is one translatable piece of a page: one message in the catalogs.
type Block struct {
	// ID is the message ID. Parse gives each block its natural ID,
	// <page>.<section>.<key><n>; package extract may keep an older one
	// (see extract.Assign), so the ID survives edits around the block.
	ID   string
	Kind Kind
	Key  string // kind of ID: "title", "heading", "h", "p", "li", "quote", "cell", "breadcrumb", or a front matter key
	// Field is the path of the front matter value the block is
	// ("linkTitle", "breadcrumbs.0.title"); "" for blocks of the body, and
	// for a title the page does not write (taken from its first heading
	// or its file name).
	Field   string
	Pin     string // ID the editor pinned with {#id}; "" if none
	Section string // heading of the H2 section it is in; "" before the first
	// Heading is the H2 block of the section the block is in; nil before
	// the first H2 and for front matter.
	Heading *Block
	Text    string // inline Markdown, soft line breaks joined with spaces
	Pos     diag.Pos
	// Spans are where Text is written in the page's file: one per line
	// of a body block, container prefixes ("> ", list indentation) and a
	// pinned {#id} left out; nil for front matter (see Field).
	Spans []Span
	// Attrs is where the block's attribute line ("{.note}", on the line
	// after a paragraph, as Hugo reads it) or a heading's attribute list
	// is; zero if it has none.
	Attrs Span
	// Arg names the shortcode and argument of a ShortcodeArg block:
	// "figure caption".
	Arg string
	// Verbatim is set on a block of the body that holds no words to
	// translate (an empty table cell, a dash, an emoji, `code` alone):
	// it has no ID, is not among the page's Blocks, and every locale
	// shows its Text as written.
	Verbatim bool
}

// Span is a range of bytes of a page's file.
type Span struct{ Start, End int }

// Prefix returns the ID prefix of page slug: "what-we-do/drugs" → "what-we-do.drugs".
func Prefix(slug string) string { return strings.ReplaceAll(slug, "/", ".") }

// Crumb is one link of the breadcrumb trail above the title.
type Crumb struct {
	Block *Block // its label
	URL   string
}

// Page is an English page.
type Page struct {
	File string // "content/narcotics-smuggling.md"
	Slug string // "narcotics-smuggling": the prefix of its message IDs, from its file's path
	// Address is its folder in public/<locale>/: its slug, or what its
	// front matter's url or slug make of it, as Hugo does; "" for the
	// home page.
	Address string
	// Aliases are more addresses of the page, from its front matter's
	// aliases: the HTML build writes a redirect at each.
	Aliases     []string
	Title       *Block
	Description *Block
	Breadcrumbs []Crumb
	Updated     time.Time // the date shown as "Last Updated" (updated, lastmod or date); zero if none
	// Draft is set by draft = true: Hugo does not publish the page, and
	// neither does l10n.
	Draft bool
	// Matter is the front matter as written: every key, kept to be
	// written back (see frontmatter.Matter.Replace).
	Matter *frontmatter.Matter
	Body   []*Node
	// Blocks lists every translatable block in page order: front matter
	// fields, then the body. It is the order of the catalogs.
	Blocks []*Block
	// Digest identifies the page's source bytes (SHA-256, hex), so a build
	// can tell an unchanged page without keeping its source.
	Digest string
	// Warnings are what l10n check says of the page without refusing it:
	// a front matter key that looks like a misspelled translated key.
	Warnings diag.List
	// Refs are the link reference definitions of the page
	// ("[otel]: https://opentelemetry.io/"), which messages use as
	// [text][otel]; they are never messages themselves.
	Refs []Ref
}

// Ref is a link reference definition.
type Ref struct {
	Label, Destination, Title string
}

// NodeKind is the kind of a node of the page structure.
type NodeKind int

// The kinds of node.
const (
	NodeHeading NodeKind = iota
	NodeParagraph
	NodeList
	NodeItem
	NodeQuote
	NodeCode
	NodeRule
	NodeTable
	NodeRow
	NodeCell
	// NodeHTML is raw HTML the editor wrote (Code): kept as written,
	// never translated.
	NodeHTML
	// NodeShortcode is a line of Hugo shortcodes (Code): never translated;
	// the Markdown between a paired shortcode's tags is nodes of its own.
	NodeShortcode
	// NodeMath is a block of math between $$ or \[ \] (Code).
	NodeMath
	NodeDefList
	NodeTerm
	NodeDefinition
	NodeFootnotes
	NodeFootnote // Ref is its label
	// NodeArg is a translated argument of the shortcodes of its parent
	// NodeShortcode: it is in the page only inside them.
	NodeArg
)

// Node is one element of the page's block structure. Leaves that hold text
// point to their Block; containers hold Children.
type Node struct {
	Kind    NodeKind
	Level   int    // heading level
	Ordered bool   // ordered list
	Tight   bool   // list without blank lines between items
	Start   int    // first number of an ordered list
	Header  bool   // table header row or cell
	Align   string // table cell alignment: "", "left", "center", "right"
	Code    string // code block text, raw HTML, shortcodes or math: never translated
	Info    string // code block info string
	Task    bool   // list item that is a task ([ ] or [x])
	Checked bool   // task that is done ([x])
	Ref     string // footnote label
	Fenced  bool   // fenced code block (else indented)
	// Shortcodes names the shortcodes a NodeShortcode opens, in order;
	// Pos is where it is.
	Pos        diag.Pos
	Shortcodes []string
	Block      *Block
	Children   []*Node
}
