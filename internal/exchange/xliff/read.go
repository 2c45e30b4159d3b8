package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// MaxSize is the largest file Parse reads; a site's XLIFF file is far
// smaller.
const MaxSize = 64 << 20

// node is an element of the document with its content in order.
type node struct {
	name  xml.Name
	attr  []xml.Attr
	off   int // byte offset of its start tag
	items []item
}

// item is character data, or an element when el is set.
type item struct {
	text string
	el   *node
}

func (n *node) get(name string) (string, bool) {
	for _, a := range n.attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// errEncoding is returned by the decoder for a document that declares an
// encoding other than UTF-8.
type errEncoding struct{ name string }

func (e errEncoding) Error() string { return "encoding " + e.name }

// parser holds what reading one file needs.
type parser struct {
	lines *diag.Lines
	list  diag.List
}

func (p *parser) pos(off int) diag.Pos { return p.lines.Pos(off) }

func (p *parser) errorf(off int, format string, args ...any) {
	p.list.Add(diag.Errorf(p.pos(off), format, args...))
}

// Parse reads src, the XLIFF 2.0 document in file name, and returns its
// units. name is the file as the user named it; every problem is reported
// at its line and column in it, all at once.
//
// Parse refuses what it cannot read exactly or safely: XLIFF 1.2, a
// DOCTYPE (and so any entity declaration: XML's external entities and
// entity expansion never happen), an encoding other than UTF-8, invalid
// UTF-8, inline codes (<ph>, <pc>, <sc>, <ec>: l10n's messages carry their
// Markdown as text), and a segment marked translated, reviewed or final
// without a target. It reads <cp hex="…"/> as the character it stands
// for, keeps the text of <mrk> annotations, and skips <sm/> and <em/>.
func Parse(name string, src []byte) (*exchange.File, error) {
	p := &parser{lines: diag.NewLines(name, src)}
	switch {
	case len(src) > MaxSize:
		return nil, diag.Errorf(diag.Pos{File: name}, "file is %d bytes, more than the %d an XLIFF file may have; export fewer messages", len(src), MaxSize)
	case !utf8.Valid(src):
		return nil, diag.Errorf(p.pos(diag.InvalidUTF8(src)), "invalid UTF-8; save the file as UTF-8")
	}
	root := p.tree(src)
	if root == nil {
		return nil, p.list
	}
	f := p.document(root)
	if err := p.list.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// tree decodes src into its root element, reporting syntax errors,
// DOCTYPEs and encodings other than UTF-8.
func (p *parser) tree(src []byte) *node {
	body := src
	start := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		// XML allows a byte order mark; encoding/xml does not skip it.
		body, start = src[3:], 3
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true // no entities but XML's five and character references
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return nil, errEncoding{label} }
	var root *node
	var stack []*node
	for {
		off := start + int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var enc errEncoding
			var syn *xml.SyntaxError
			switch {
			case errors.As(err, &enc):
				p.errorf(off, "the file declares the encoding %q; save it as UTF-8", enc.name)
			case errors.As(err, &syn):
				// At the start of the token the decoder could not read.
				p.errorf(off, "XML syntax error (%s); fix the XML", syn.Msg)
			default:
				p.errorf(off, "XML syntax error (%v); fix the XML", err)
			}
			return nil
		}
		switch t := tok.(type) {
		case xml.Directive:
			p.errorf(off, "the file has a <!%s declaration; remove it: an XLIFF file needs no DOCTYPE, and l10n reads no entity definitions", firstWord(string(t)))
			return nil
		case xml.StartElement:
			n := &node{name: t.Name, attr: t.Copy().Attr, off: off}
			if len(stack) == 0 {
				root = n
			} else {
				top := stack[len(stack)-1]
				top.items = append(top.items, item{el: n})
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.items = append(top.items, item{text: string(t)})
			}
		}
	}
	if root == nil {
		p.errorf(0, "the file holds no XML element; import an XLIFF 2.0 file")
	}
	return root
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t\r\n["); i >= 0 {
		return s[:i]
	}
	return s
}

// document reads the <xliff> root element.
func (p *parser) document(root *node) *exchange.File {
	version, _ := root.get("version")
	switch {
	case root.name.Local != "xliff":
		p.errorf(root.off, "the root element is <%s>, not <xliff>; import an XLIFF 2.0 file", root.name.Local)
		return nil
	case strings.HasPrefix(version, "1.") || strings.Contains(root.name.Space, ":xliff:document:1."):
		p.errorf(root.off, "this is XLIFF %s; l10n reads XLIFF 2.0: export XLIFF 2.0 from the CAT tool, or translate the file l10n export wrote", version)
		return nil
	case root.name.Space != Namespace:
		p.errorf(root.off, "the <xliff> element is in namespace %q, not XLIFF 2.0's %q; import an XLIFF 2.0 file", root.name.Space, Namespace)
		return nil
	case version != "2.0" && version != "2.1" && version != "2.2":
		p.errorf(root.off, "XLIFF version %q; l10n reads XLIFF 2.0 (and 2.1, 2.2): set version=\"2.0\"", version)
		return nil
	}
	f := &exchange.File{TargetPos: p.pos(root.off)}
	f.Source = p.lang(root, "srcLang", "en")
	f.Target = p.lang(root, "trgLang", "vi")
	files := 0
	for _, it := range root.items {
		el := it.el
		switch {
		case el == nil || el.name.Space != Namespace:
			// White space, or an extension: not ours to read.
		case el.name.Local == "file":
			files++
			p.container(f, el)
		default:
			p.errorf(el.off, "unexpected <%s> in <xliff>; XLIFF 2.0 holds <file> elements there", el.name.Local)
		}
	}
	if files == 0 {
		p.errorf(root.off, "<xliff> holds no <file>; import the file l10n export wrote")
	}
	return f
}

// lang reads the language attribute name of root, a BCP 47 tag.
func (p *parser) lang(root *node, name, example string) language.Tag {
	v, ok := root.get(name)
	if !ok {
		p.errorf(root.off, "<xliff> has no %s; give the language as a BCP 47 tag, such as %s=\"%s\"", name, name, example)
		return language.Und
	}
	tag, err := locale.Parse(v)
	if err != nil {
		p.errorf(root.off, "%s: %v", name, err)
	}
	return tag
}

// container reads the units of a <file> or of a <group> that is not a
// plural message, in order.
func (p *parser) container(f *exchange.File, n *node) {
	for _, it := range n.items {
		el := it.el
		if el == nil || el.name.Space != Namespace {
			continue
		}
		switch el.name.Local {
		case "unit":
			if u := p.unit(el); u != nil {
				f.Units = append(f.Units, u)
			}
		case "group":
			if typ, _ := el.get("type"); typ == GroupPlural {
				if u := p.plural(el); u != nil {
					f.Units = append(f.Units, u)
				}
				continue
			}
			p.container(f, el)
		case "notes", "skeleton":
		default:
			p.errorf(el.off, "unexpected <%s> in <%s>; XLIFF 2.0 holds <unit> and <group> elements there", el.name.Local, n.name.Local)
		}
	}
}
