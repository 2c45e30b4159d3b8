package shortcode

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns goldmark configured as the pages are: GFM,
// definition lists, footnotes and attributes, with the shortcode
// extension when withShortcodes is set, and extra options.
func newMarkdown(withShortcodes bool, opts ...parser.Option) goldmark.Markdown {
	exts := []goldmark.Extender{extension.GFM, extension.DefinitionList, extension.Footnote}
	if withShortcodes {
		exts = append(exts, Extension())
	}
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(append([]parser.Option{parser.WithAttribute()}, opts...)...),
	)
}

// shape writes the children of n compactly: node kinds, with children in
// brackets, adjacent Text nodes merged (goldmark splits text wherever an
// inline parser was tried) and soft line breaks shown as "\n".
func shape(n ast.Node, src []byte) string {
	var b strings.Builder
	writeChildren(&b, n, src)
	return b.String()
}

func writeChildren(b *strings.Builder, n ast.Node, src []byte) {
	var pending strings.Builder // text of adjacent Text nodes
	inText := false
	sep := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "[") {
			b.WriteByte(' ')
		}
	}
	flush := func() {
		if inText {
			sep()
			fmt.Fprintf(b, "Text(%q)", pending.String())
			pending.Reset()
			inText = false
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			inText = true
			pending.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				pending.WriteByte('\n')
			}
			continue
		}
		flush()
		sep()
		b.WriteString(label(c))
		if c.HasChildren() {
			b.WriteByte('[')
			writeChildren(b, c, src)
			b.WriteByte(']')
		}
	}
	flush()
}

func label(n ast.Node) string {
	switch n := n.(type) {
	case *Block:
		tags := make([]string, len(n.Tags))
		for i, t := range n.Tags {
			tags[i] = t.String()
		}
		return "Block(" + strings.Join(tags, " ") + ")"
	case *Inline:
		return "Inline(" + n.Tag.String() + ")"
	case *ast.Heading:
		s := fmt.Sprintf("Heading%d", n.Level)
		if id, ok := n.AttributeString("id"); ok {
			s += fmt.Sprintf("#%s", id)
		}
		if class, ok := n.AttributeString("class"); ok {
			s += fmt.Sprintf(".%s", class)
		}
		return s
	}
	return n.Kind().String()
}

func TestExtensionShapesAST(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"tag lines interrupt paragraphs around Markdown content",
			"Intro.\n{{< tabpane >}}\n{{% tab header=\"English\" %}}\nSome **text**.\n{{% /tab %}}\n{{< /tabpane >}}\n",
			`Paragraph[Text("Intro.")] Block({{< tabpane >}}) Block({{% tab %}}) Paragraph[Text("Some ") Emphasis[Text("text")] Text(".")] Block({{% /tab %}}) Block({{< /tabpane >}})`},
		{"tag in a paragraph is inline",
			`Use {{< param "name" >}} here.`,
			`Paragraph[Text("Use ") Inline({{< param >}}) Text(" here.")]`},
		{"tag ending a paragraph is inline",
			"Text {{< a >}}\n",
			`Paragraph[Text("Text ") Inline({{< a >}})]`},
		{"tag line with text after it stays in a paragraph",
			"{{< a >}} text\n",
			`Paragraph[Inline({{< a >}}) Text(" text")]`},
		{"two tags on a line make one block",
			"{{< a >}} {{% b %}}\t\n",
			`Block({{< a >}} {{% b %}})`},
		{"self-closing tag line",
			"{{< img src=\"a.png\" />}}",
			`Block({{< img />}})`},
		{"arguments over several lines make one block",
			"{{< figure\n  src=\"a.png\"\n  alt=\"An image\" >}}\nCaption.\n",
			`Block({{< figure >}}) Paragraph[Text("Caption.")]`},
		{"blank line inside a raw argument stays in the block",
			"{{< a `x\n\ny` >}}\nText.\n",
			`Block({{< a >}}) Paragraph[Text("Text.")]`},
		{"arguments over a soft line break make one inline",
			"Text {{< x a=\"1\"\nb=\"2\" >}} more.\nlast {{< y >}}",
			`Paragraph[Text("Text ") Inline({{< x >}}) Text(" more.\nlast ") Inline({{< y >}})]`},
		{"three spaces of indentation still make a block",
			"   {{< a >}}\n",
			`Block({{< a >}})`},
		{"four spaces of indentation make code",
			"    {{< a >}}\n",
			`CodeBlock`},
		{"tag in a fenced code block stays code",
			"```\n{{< a >}}\n```\n",
			`FencedCodeBlock`},
		{"tag in a code span stays code",
			"`{{< a >}}`\n",
			`Paragraph[CodeSpan[Text("{{< a >}}")]]`},
		{"tag in an HTML block stays HTML",
			"<div>\n{{< a >}}\n</div>\n",
			`HTMLBlock`},
		{"tag lines in list items",
			"- {{< a >}}\n- item {{< b >}}\n",
			`List[ListItem[Block({{< a >}})] ListItem[TextBlock[Text("item ") Inline({{< b >}})]]]`},
		{"tag over several lines in a list item",
			"- {{< figure\n    src=\"a.png\" >}}\n  Text\n",
			`List[ListItem[Block({{< figure >}}) TextBlock[Text("Text")]]]`},
		{"run-on line that leaves its list item ends the block there",
			"- {{< a\nb=\"1\" >}}\n",
			`List[ListItem[Block({{< a >}})]] Paragraph[Text("b=\"1\" >}}")]`},
		{"paired tags in a block quote",
			"> {{< note >}}\n> Text.\n> {{< /note >}}\n",
			`Blockquote[Block({{< note >}}) Paragraph[Text("Text.")] Block({{< /note >}})]`},
		{"tag running on past a quote marker is text, as in Hugo",
			"> {{< a b=\"1\"\n> c=\"2\" >}}\n",
			`Blockquote[Paragraph[Text("{{< a b=\"1\"\nc=\"2\" >}}")]]`},
		{"tag in a table cell",
			"| a | b |\n|---|---|\n| {{< x >}} | c |\n",
			`Table[TableHeader[TableCell[Text("a")] TableCell[Text("b")]] TableRow[TableCell[Inline({{< x >}})] TableCell[Text("c")]]]`},
		{"tag in a heading keeps the heading's id",
			"## Title {{< a >}} {#id}\n",
			`Heading2#id[Text("Title ") Inline({{< a >}})]`},
		{"escaped tag stays inline in its paragraph",
			"{{</* a */>}}\n",
			`Paragraph[Inline({{</* a */>}})]`},
		{"go template action stays text",
			"Hello {{ .Title }} and {{< >}}.\n",
			`Paragraph[Text("Hello {{ .Title }} and {{< >}}.")]`},
		{"unclosed tag stays text",
			"{{< a\n\nText.\n",
			`Paragraph[Text("{{< a")] Paragraph[Text("Text.")]`},
		{"newline in a quoted argument is not a tag",
			"{{< a b=\"x\ny\" >}}\n",
			`Paragraph[Text("{{< a b=\"x\ny\" >}}")]`},
		{"backslash escapes the brace",
			"\\{{< a >}}\n",
			`Paragraph[Text("\\{{< a >}}")]`},
		{"CRLF line endings",
			"{{< a >}}\r\nText.\r\n",
			`Block({{< a >}}) Paragraph[Text("Text.")]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.src)
			doc := newMarkdown(true).Parser().Parse(text.NewReader(src))
			if got := shape(doc, src); got != tt.want {
				t.Errorf("shape of %q:\n got %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestExtensionLeavesAttributesAndTextToGoldmark(t *testing.T) {
	t.Parallel()
	inputs := []string{
		"## Title {#id}\n",
		"## Title {#id .c}\n",
		"Title\n=====\n",
		"Text.\n{.class}\n",
		"{.class}\n",
		"{#id}\nText.\n",
		"- {.class}\n",
		"a {{ .Title }} b\n",
		"{{ if .X }}\n",
		"{ {< a >}}\n",
		"{{<- a ->}}\n",
		"\\{{< a >}}\n",
		"Text[^1].\n\n[^1]: {note}\n",
		"Term\n: {definition}\n",
	}
	for _, src := range inputs {
		with, without := newMarkdown(true), newMarkdown(false)
		gotDoc := with.Parser().Parse(text.NewReader([]byte(src)))
		wantDoc := without.Parser().Parse(text.NewReader([]byte(src)))
		if got, want := shape(gotDoc, []byte(src)), shape(wantDoc, []byte(src)); got != want {
			t.Errorf("shape of %q with shortcodes:\n got %s\nwant %s (without)", src, got, want)
		}
		var got, want bytes.Buffer
		if err := with.Convert([]byte(src), &got); err != nil {
			t.Fatalf("Convert(%q) with shortcodes: %v", src, err)
		}
		if err := without.Convert([]byte(src), &want); err != nil {
			t.Fatalf("Convert(%q) without shortcodes: %v", src, err)
		}
		if got.String() != want.String() {
			t.Errorf("HTML of %q with shortcodes = %q, want %q (without)", src, got.String(), want.String())
		}
	}
}

// recordingParser is a block parser on "{" that records the lines it is
// offered and opens nothing, as an attribute-block extension would do
// for lines it does not own.
type recordingParser struct{ lines *[]string }

func (p recordingParser) Trigger() []byte { return []byte{'{'} }

func (p recordingParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	*p.lines = append(*p.lines, string(line))
	return nil, parser.NoChildren
}

func (p recordingParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}
func (p recordingParser) Close(ast.Node, text.Reader, parser.Context) {}
func (p recordingParser) CanInterruptParagraph() bool                 { return true }
func (p recordingParser) CanAcceptIndentedLine() bool                 { return false }

func TestBlockAttributeLinesReachOtherParsers(t *testing.T) {
	t.Parallel()
	var lines []string
	md := newMarkdown(true, parser.WithBlockParsers(util.Prioritized(recordingParser{&lines}, 500)))
	src := []byte("{{< a >}}\nText.\n{.class}\n\n{#id .c}\n{{% b %}}\n")
	md.Parser().Parse(text.NewReader(src))
	want := []string{"{.class}\n", "{#id .c}\n"}
	if fmt.Sprintf("%q", lines) != fmt.Sprintf("%q", want) {
		t.Errorf("lines offered to a later block parser on '{' = %q, want %q", lines, want)
	}
}

func TestBlockKeepsTagsAndLines(t *testing.T) {
	t.Parallel()
	src := "- {{< figure\n    src=\"a.png\"\n    alt=\"An image\" >}} {{< b >}}\n  Text\n"
	doc := newMarkdown(true).Parser().Parse(text.NewReader([]byte(src)))
	var blocks []*Block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*Block); ok && entering {
			blocks = append(blocks, b)
		}
		return ast.WalkContinue, nil
	})
	if len(blocks) != 1 {
		t.Fatalf("%q has %d shortcode blocks, want 1", src, len(blocks))
	}
	b := blocks[0]
	var lines []string
	for i := 0; i < b.Lines().Len(); i++ {
		seg := b.Lines().At(i)
		lines = append(lines, string(seg.Value([]byte(src))))
	}
	// goldmark strips the list item's indentation, two spaces, from the
	// lines after the first.
	wantLines := []string{"{{< figure\n", "  src=\"a.png\"\n", "  alt=\"An image\" >}} {{< b >}}\n"}
	if fmt.Sprintf("%q", lines) != fmt.Sprintf("%q", wantLines) {
		t.Errorf("block lines = %q, want %q", lines, wantLines)
	}
	var tags []string
	for _, tag := range b.Tags {
		tags = append(tags, src[tag.Start:tag.End])
	}
	wantTags := []string{"{{< figure\n    src=\"a.png\"\n    alt=\"An image\" >}}", "{{< b >}}"}
	if fmt.Sprintf("%q", tags) != fmt.Sprintf("%q", wantTags) {
		t.Errorf("block tags = %q, want %q", tags, wantTags)
	}
	if got, want := b.Pos(), strings.Index(src, "{{<"); got != want {
		t.Errorf("block Pos() = %d, want %d", got, want)
	}
}

func TestInlineSegmentIsTheTag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string // the tags' bytes
		values    []string // their arguments' values
	}{
		{"in a list item", "- Item {{< x a=\"1\"\n  b=`2` >}} end.\n",
			[]string{"{{< x a=\"1\"\n  b=`2` >}}"}, []string{"1", "2"}},
		// Hugo reads the raw source, so a raw value that runs on in a
		// block quote holds the quote marker.
		{"in a block quote", "> Quote {{< x `1\n> 2` >}} end.\n",
			[]string{"{{< x `1\n> 2` >}}"}, []string{"1\n> 2"}},
		{"escaped", "Write {{%/* note */%}}.", []string{"{{%/* note */%}}"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := newMarkdown(true).Parser().Parse(text.NewReader([]byte(tt.src)))
			var got, values []string
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if in, ok := n.(*Inline); ok && entering {
					got = append(got, tt.src[in.Segment.Start:in.Segment.Stop])
					if in.Segment.Start != in.Tag.Start || in.Segment.Stop != in.Tag.End {
						t.Errorf("Inline.Segment = [%d:%d], want the tag's [%d:%d]", in.Segment.Start, in.Segment.Stop, in.Tag.Start, in.Tag.End)
					}
					for _, a := range in.Tag.Args {
						values = append(values, a.Value)
					}
				}
				return ast.WalkContinue, nil
			})
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("inline tags in %q = %q, want %q", tt.src, got, tt.want)
			}
			if fmt.Sprintf("%q", values) != fmt.Sprintf("%q", tt.values) {
				t.Errorf("argument values in %q = %q, want %q", tt.src, values, tt.values)
			}
		})
	}
}

func TestHTMLRendererWritesNothingForShortcodes(t *testing.T) {
	t.Parallel()
	src := "{{< tabpane >}}\n{{% tab header=\"English\" %}}\nSome **text**.\n{{% /tab %}}\n{{< /tabpane >}}\n\nUse {{< param \"name\" >}} here.\n"
	var out bytes.Buffer
	if err := newMarkdown(true).Convert([]byte(src), &out); err != nil {
		t.Fatalf("Convert: %v", err)
	}
	want := "<p>Some <strong>text</strong>.</p>\n<p>Use  here.</p>\n"
	if out.String() != want {
		t.Errorf("Convert(%q) = %q, want %q", src, out.String(), want)
	}
}

// nameRenderer renders a shortcode node as its tag in brackets.
type nameRenderer struct{}

func (nameRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			for _, t := range n.(*Block).Tags {
				fmt.Fprintf(w, "[%s]\n", t)
			}
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(KindInline, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			fmt.Fprintf(w, "[%s]", n.(*Inline).Tag)
		}
		return ast.WalkSkipChildren, nil
	})
}

func TestCallerRendererReplacesTheSilentOne(t *testing.T) {
	t.Parallel()
	md := newMarkdown(true)
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nameRenderer{}, RendererPriority-1)))
	var out bytes.Buffer
	if err := md.Convert([]byte("{{% note %}}\nUse {{< param x >}}.\n"), &out); err != nil {
		t.Fatalf("Convert: %v", err)
	}
	want := "[{{% note %}}]\n<p>Use [{{< param >}}].</p>\n"
	if out.String() != want {
		t.Errorf("Convert with a caller's renderer = %q, want %q", out.String(), want)
	}
}

// BenchmarkExtension measures goldmark with the extension on a 100 KB
// page, and on a page of unclosed tags whose arguments run on.
func BenchmarkExtension(b *testing.B) {
	page := strings.Repeat("Some *text* with {{< param \"name\" >}} and {{ .Title }}.\n"+
		"{{< figure\n  src=\"a.png\"\n  alt=\"An image\" >}}\n\n- {{< a >}}\n- item\n\n", 1000)
	inputs := []struct{ name, src string }{
		{"page", page[:100_000]},
		{"unclosed tags", strings.Repeat("x={{%aa\n", 12_500)},
	}
	md := newMarkdown(true)
	for _, in := range inputs {
		src := []byte(in.src)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				md.Parser().Parse(text.NewReader(src))
			}
		})
	}
}
