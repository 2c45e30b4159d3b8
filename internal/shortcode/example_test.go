package shortcode_test

import (
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/hsi-l10n/l10n/internal/shortcode"
)

func ExampleFind() {
	src := []byte(`{{< tabpane >}}
{{% tab header="English" %}}
See {{< param "name" >}}, {{ .Title }} and {{</* note */>}}.
{{% /tab %}}
{{< /tabpane >}}
`)
	for _, t := range shortcode.Find(src) {
		fmt.Printf("%d-%d %s", t.Start, t.End, t)
		for _, a := range t.Args {
			if a.Name != "" {
				fmt.Printf(" %s=", a.Name)
			} else {
				fmt.Print(" ")
			}
			fmt.Printf("%q", a.Value)
		}
		fmt.Println()
	}
	// Output:
	// 0-15 {{< tabpane >}}
	// 16-44 {{% tab %}} header="English"
	// 49-69 {{< param >}} "name"
	// 88-104 {{</* note */>}}
	// 106-118 {{% /tab %}}
	// 119-135 {{< /tabpane >}}
}

func ExampleExtension() {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, shortcode.Extension()))
	src := []byte(`Intro.
{{% tab header="English" %}}
Use {{< param "name" >}} here.
{{% /tab %}}
`)
	doc := md.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *shortcode.Block:
			fmt.Println("block", n.Tags[0])
		case *shortcode.Inline:
			fmt.Println("  inline", n.Tag)
		case *ast.Paragraph:
			fmt.Println("paragraph")
		}
		return ast.WalkContinue, nil
	})
	// Output:
	// paragraph
	// block {{% tab %}}
	// paragraph
	//   inline {{< param >}}
	// block {{% /tab %}}
}
