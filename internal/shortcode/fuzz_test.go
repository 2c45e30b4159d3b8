package shortcode

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzFind checks that Find never panics and returns tags in order,
// non-overlapping, within src, each from "{{" to "}}" with its arguments
// inside it; and that it finds exactly what Parse finds when tried at
// every offset afresh, so the scanner's memory never changes a result.
func FuzzFind(f *testing.F) {
	f.Add([]byte("{{< tabpane >}}\n{{% tab header=\"English\" %}}\nSome **text**.\n{{% /tab %}}\n{{< /tabpane >}}\n"))
	f.Add([]byte("Use {{< param \"name\" >}} and {{ .Title }} and {{</* a */>}}."))
	f.Add([]byte("{{%a x={{%a x={{%a x=`1` %}}"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tags := Find(src)
		prev := 0
		for i, tag := range tags {
			if tag.Start < prev || tag.End <= tag.Start || tag.End > len(src) {
				t.Fatalf("tag %d spans [%d:%d], want in order within [%d:%d]", i, tag.Start, tag.End, prev, len(src))
			}
			raw := src[tag.Start:tag.End]
			if !bytes.HasPrefix(raw, []byte("{{")) || !bytes.HasSuffix(raw, []byte("}}")) {
				t.Errorf("tag %d is %q, want it to start with {{ and end with }}", i, raw)
			}
			for _, a := range tag.Args {
				if a.Start < tag.Start || a.End < a.Start || a.End > tag.End {
					t.Errorf("tag %d %q: argument %q spans [%d:%d], outside the tag [%d:%d]", i, raw, a.Value, a.Start, a.End, tag.Start, tag.End)
				}
			}
			prev = tag.End
		}
		if want := findAfresh(src); !reflect.DeepEqual(tags, want) {
			t.Errorf("Find(%q) = %v, want %v (Parse at every offset)", src, tags, want)
		}
	})
}

// findAfresh is Find without the scanner's memory: a new Parse at every
// offset that may start a tag.
func findAfresh(src []byte) []Tag {
	var tags []Tag
	for i := 0; i < len(src); {
		if t, ok := Parse(src, i); ok {
			tags = append(tags, t)
			i = t.End
			continue
		}
		i++
	}
	return tags
}

// FuzzExtension checks that goldmark with the extension never panics,
// renders every input, and gives shortcode nodes tags that lie in src and
// equal what Parse reads there afresh, inline nodes a segment equal to
// their tag, and blocks no escaped tag.
func FuzzExtension(f *testing.F) {
	f.Add("Intro.\n{{< tabpane >}}\n{{% tab header=\"English\" %}}\nSome **text**.\n{{% /tab %}}\n{{< /tabpane >}}\n")
	f.Add("- {{< figure\n    src=\"a.png\" >}}\n  Text {{< x a=\"1\"\n  b=`2` >}}\n\n> {{< note >}}\n> Text.\n")
	f.Add("## Title {{< a >}} {#id}\n\n{.class}\n\n| {{< x >}} | c |\n|---|---|\n\n```\n{{< a >}}\n```\n")
	f.Add("x={{%a x={{%a `\n\n{{</* a\n\n*/>}} {{</*")
	md := newMarkdown(true)
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		doc := md.Parser().Parse(text.NewReader(src))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *Block:
				if len(n.Tags) == 0 || n.Lines().Len() == 0 {
					t.Errorf("block at %d has %d tags and %d lines, want some of each", n.Pos(), len(n.Tags), n.Lines().Len())
				}
				for _, tag := range n.Tags {
					if tag.Start < 0 || tag.End > len(src) || tag.Escaped {
						t.Errorf("block tag %s spans [%d:%d] of %d bytes, escaped %v", tag, tag.Start, tag.End, len(src), tag.Escaped)
					}
					checkAfresh(t, src, tag)
				}
			case *Inline:
				if n.Tag.Start < 0 || n.Tag.End > len(src) || n.Segment.Start != n.Tag.Start || n.Segment.Stop != n.Tag.End {
					t.Errorf("inline tag %s spans [%d:%d], segment [%d:%d], in %d bytes", n.Tag, n.Tag.Start, n.Tag.End, n.Segment.Start, n.Segment.Stop, len(src))
				}
				checkAfresh(t, src, n.Tag)
			}
			return ast.WalkContinue, nil
		})
		var out strings.Builder
		if err := md.Convert(src, &out); err != nil {
			t.Errorf("Convert(%q): %v", src, err)
		}
	})
}

// checkAfresh reports an error unless Parse, with nothing remembered,
// reads tag at its offset in src.
func checkAfresh(t *testing.T, src []byte, tag Tag) {
	t.Helper()
	if want, ok := Parse(src, tag.Start); !ok || !reflect.DeepEqual(tag, want) {
		t.Errorf("node tag %+v, want %+v (ok %v), what Parse reads at %d", tag, want, ok, tag.Start)
	}
}
