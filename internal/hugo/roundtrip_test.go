package hugo_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/frontmatter"
	"github.com/hsi-l10n/l10n/internal/hugo"
	"github.com/hsi-l10n/l10n/internal/pseudo"
	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// page is one page of the corpus: a page of the example Hugo site, or a
// CommonMark spec example that goldmark ships.
type page struct {
	name string
	file string // its path as a site's page
	src  []byte
}

// corpus returns the pages of testdata/site/content and, unless short,
// the CommonMark spec examples of the goldmark module.
func corpus(t *testing.T) []page {
	t.Helper()
	var pages []page
	root := filepath.Join("testdata", "site")
	err := filepath.WalkDir(filepath.Join(root, "content"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		src, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		pages = append(pages, page{name: filepath.ToSlash(rel), file: filepath.ToSlash(rel), src: src})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Fatalf("found %d pages in testdata/site/content, want the corpus", len(pages))
	}
	return append(pages, specExamples(t)...)
}

// specExamples returns goldmark's copy of the CommonMark spec examples,
// each as the body of a page.
func specExamples(t *testing.T) []page {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("go list goldmark: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "_test", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var examples []struct {
		Markdown string `json:"markdown"`
		Example  int    `json:"example"`
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	var pages []page
	for _, e := range examples {
		pages = append(pages, page{
			name: fmt.Sprintf("spec example %d", e.Example),
			file: fmt.Sprintf("content/spec-%d.md", e.Example),
			src:  []byte("+++\ntitle = \"Spec\"\n+++\n" + e.Markdown),
		})
	}
	return pages
}

// renderer is goldmark with the extensions l10n reads pages with, and
// Hugo's block attributes (see attributeLines), as Hugo renders the
// Markdown of l10n build --markdown.
var renderer = goldmark.New(
	goldmark.WithExtensions(content.Extensions()...),
	goldmark.WithParserOptions(parser.WithAttribute(), parser.WithParagraphTransformers(util.Prioritized(attributeLines{}, 50))),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// attributeLines reads a paragraph's last line that is only an attribute
// list ({.note}, {lang="en" dir="ltr"}) as the paragraph's attributes, as
// Hugo does with markup.goldmark.parser.attribute.block; a paragraph that
// is only that line gives them to the block before it.
type attributeLines struct{}

func (attributeLines) Transform(n *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	last := lines.At(lines.Len() - 1)
	r := text.NewReader(bytes.TrimSpace(last.Value(reader.Source())))
	if r.Peek() != '{' {
		return
	}
	attrs, ok := parser.ParseAttributes(r)
	if rest, _ := r.PeekLine(); !ok || len(bytes.TrimSpace(rest)) > 0 {
		return
	}
	target := ast.Node(n)
	if lines.Len() == 1 {
		if target = n.PreviousSibling(); target == nil {
			return
		}
		n.Parent().RemoveChild(n.Parent(), n)
	} else {
		lines.SetSliced(0, lines.Len()-1)
	}
	for _, a := range attrs {
		target.SetAttribute(a.Name, a.Value)
	}
}

func render(t *testing.T, name string, src []byte) string {
	t.Helper()
	m, err := frontmatter.Parse(src, diag.NewLines(name, src))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b bytes.Buffer
	if err := renderer.Convert(src[m.Body:], &b); err != nil {
		t.Fatalf("%s: render: %v", name, err)
	}
	return b.String()
}

// marks are the attributes Localize adds to blocks that fell back.
var marks = regexp.MustCompile(` lang="en" dir="ltr"`)

// english resolves every block to its English.
func english(b *content.Block) hugo.Text { return hugo.Text{Text: b.Text, Lang: language.English} }

// TestEnglishIsTheSourceByteForByte checks that the English page written
// for Hugo is the file it was read from.
func TestEnglishIsTheSourceByteForByte(t *testing.T) {
	t.Parallel()
	for _, pg := range corpus(t) {
		p, err := content.Parse(pg.file, pg.src, content.Options{})
		if err != nil {
			t.Errorf("%s: %v", pg.name, err)
			continue
		}
		out, err := hugo.Localize(p, pg.src, language.English, english)
		if err != nil {
			t.Errorf("%s: %v", pg.name, err)
			continue
		}
		if !bytes.Equal(out, pg.src) {
			t.Errorf("%s: the English page differs from its source:\n%s", pg.name, out)
		}
	}
}

// TestUntranslatedRendersAsEnglish is the round trip of issue 12: the
// Markdown written for a locale with no translations renders to exactly
// the HTML the English source renders to, once the lang and dir marks of
// its fallen-back blocks are taken out; and its front matter is the
// English's, key for key.
func TestUntranslatedRendersAsEnglish(t *testing.T) {
	t.Parallel()
	de := language.German
	marked := 0
	for _, pg := range corpus(t) {
		p, err := content.Parse(pg.file, pg.src, content.Options{})
		if err != nil {
			t.Errorf("%s: %v", pg.name, err)
			continue
		}
		out, err := hugo.Localize(p, pg.src, de, english)
		if err != nil {
			t.Errorf("%s: %v", pg.name, err)
			continue
		}
		want, got := render(t, pg.name, pg.src), render(t, pg.name, out)
		marked += len(marks.FindAllString(got, -1))
		if stripped := marks.ReplaceAllString(got, ""); stripped != want {
			t.Errorf("%s renders otherwise for a locale without translations:\nsource:\n%s\nwritten:\n%s\nwant:\n%s\ngot:\n%s", pg.name, pg.src, out, want, stripped)
			continue
		}
		sameFrontMatter(t, pg.name, pg.src, out)
	}
	if marked == 0 {
		t.Error("no block was marked as English")
	}
}

func sameFrontMatter(t *testing.T, name string, want, got []byte) {
	t.Helper()
	a, err := frontmatter.Parse(want, diag.NewLines(name, want))
	if err != nil {
		t.Fatal(err)
	}
	b, err := frontmatter.Parse(got, diag.NewLines(name, got))
	if err != nil {
		t.Errorf("%s: written front matter: %v", name, err)
		return
	}
	if fmt.Sprint(a.Values) != fmt.Sprint(b.Values) {
		t.Errorf("%s: front matter %v, want %v", name, b.Values, a.Values)
	}
}

// structure is the shape of the page src, as goldmark parses it for Hugo:
// every node but text, with its attributes but lang and dir, and what
// is kept as written (link targets, image sources, code, raw HTML,
// shortcodes, math).
func structure(t *testing.T, name string, src []byte) string {
	t.Helper()
	m, err := frontmatter.Parse(src, diag.NewLines(name, src))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	body := src[m.Body:]
	doc := renderer.Parser().Parse(text.NewReader(body))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() == ast.KindText || n.Kind() == ast.KindString {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s", n.Kind())
		for _, a := range n.Attributes() {
			if name := string(a.Name); name != "lang" && name != "dir" {
				fmt.Fprintf(&b, " %s=%v", name, a.Value)
			}
		}
		switch n := n.(type) {
		case *ast.Link:
			fmt.Fprintf(&b, " %s", n.Destination)
		case *ast.Image:
			fmt.Fprintf(&b, " %s", n.Destination)
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %s", n.URL(body))
		case *ast.Heading:
			fmt.Fprintf(&b, " %d", n.Level)
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				b.Write(seg.Value(body))
			}
		case *shortcode.Inline:
			b.WriteString(shortcodeShapes(n.Segment.Value(body)))
		case *shortcode.Block:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				b.WriteString(shortcodeShapes(seg.Value(body)))
			}
			b.WriteByte('\n')
			return ast.WalkContinue, nil
		case *passthrough.PassthroughInline:
			b.Write(n.Segment.Value(body))
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if tx, ok := c.(*ast.Text); ok {
					b.Write(tx.Segment.Value(body))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.IsRaw() {
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				b.Write(seg.Value(body))
			}
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestPseudoKeepsTheStructure checks that the Markdown written for the
// pseudo-locales renders to the English's structure: the same elements,
// attributes, link targets, code and shortcodes, only other text.
func TestPseudoKeepsTheStructure(t *testing.T) {
	t.Parallel()
	for _, tag := range pseudo.Tags {
		for _, pg := range corpus(t) {
			if strings.HasPrefix(pg.name, "spec") {
				continue // the spec's odd corners are the round trip's
			}
			p, err := content.Parse(pg.file, pg.src, content.Options{})
			if err != nil {
				t.Fatalf("%s: %v", pg.name, err)
			}
			out, err := hugo.Localize(p, pg.src, tag, func(b *content.Block) hugo.Text {
				return hugo.Text{Text: pseudo.Translate(tag, b.Text), Lang: tag}
			})
			if err != nil {
				t.Errorf("%s in %s: %v", pg.name, tag, err)
				continue
			}
			want, got := structure(t, pg.name, pg.src), structure(t, pg.name, out)
			if want != got {
				t.Errorf("%s in %s has another structure:\nwritten:\n%s\nwant:\n%s\ngot:\n%s", pg.name, tag, out, want, got)
			}
			if want, got := shortcodeShapes(pg.src), shortcodeShapes(out); want != got {
				t.Errorf("%s in %s changed its shortcodes:\n%s\nwant\n%s", pg.name, tag, got, want)
			}
		}
	}
}

// shortcodeShapes describes the shortcode tags of src: each one's form,
// name and arguments, with the values of the translated arguments (see
// content.DefaultArgs) left out.
func shortcodeShapes(src []byte) string {
	var b strings.Builder
	for _, tag := range shortcode.Find(src) {
		fmt.Fprintf(&b, "%s", tag)
		for _, a := range tag.Args {
			v := a.Value
			if slices.Contains(content.DefaultArgs, a.Name) {
				v = "…"
			}
			fmt.Fprintf(&b, " %s=%q", a.Name, v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
