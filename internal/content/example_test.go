package content_test

import (
	"fmt"

	"github.com/hsi-l10n/l10n/internal/content"
)

func ExampleParse() {
	src := `+++
title = "Narcotics Smuggling"
+++

HSI tracks **illegal narcotics**
into our country.

## HSI's Response

- Targeting criminal networks.

` + "```\ncode is not translated\n```\n"
	p, err := content.Parse("content/narcotics-smuggling.md", []byte(src), content.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range p.Blocks {
		fmt.Printf("%s (%s, %s): %s\n", b.ID, b.Kind, b.Pos, b.Text)
	}
	// Output:
	// narcotics-smuggling.title (page title, content/narcotics-smuggling.md:2:9): Narcotics Smuggling
	// narcotics-smuggling.intro.p1 (paragraph, content/narcotics-smuggling.md:5:1): HSI tracks **illegal narcotics** into our country.
	// narcotics-smuggling.hsis-response.heading (heading, content/narcotics-smuggling.md:8:4): HSI's Response
	// narcotics-smuggling.hsis-response.li1 (list item, content/narcotics-smuggling.md:10:3): Targeting criminal networks.
}

func ExampleParse_error() {
	_, err := content.Parse("content/page.md", []byte("+++\ntitle = \"Page\"\n\nText.\n"), content.Options{})
	fmt.Println(err)
	// Output:
	// content/page.md:1:1: front matter opened here is not closed; add a line +++ after its last key
}

func ExampleSlug() {
	fmt.Println(content.Slug("content/What We Do/HSI's Response.md"))
	// Output:
	// what-we-do/hsis-response
}
