// Package shortcode finds Hugo shortcodes in Markdown, for the content
// stage: its input is a page's Markdown, its output the shortcode tags in
// it, with their byte offsets, as values ([Find], [Parse]) or as goldmark
// nodes ([Extension]).
//
// Shortcodes are never text to translate. A tag such as
//
//	{{< figure src="map.png" >}}
//	{{% tab header="English" %}} … {{% /tab %}}
//
// calls one of the site's templates: its name and arguments must reach Hugo
// byte for byte in every language, or the page breaks. Left to goldmark, a
// tag on a line of its own would become a paragraph "{{< tabpane >}}" to
// translate, and a tag inside a sentence would be words and quotes a
// translator may change. This package makes each tag a node of its own,
// which later stages keep as a protected placeholder. What lies between a
// pair of {{% %}} tags is ordinary Markdown, and stays text to translate;
// argument values that are prose (a caption, a tab's header) are reported
// with their offsets, for a stage that chooses to translate them.
//
// # Tags
//
// [Parse] reads one tag and [Find] every tag of a source, following Hugo's
// shortcode lexer (parser/pageparser in Hugo v0.165.0):
//
//	{{< name >}}            {{% name %}}: its inner content is Markdown
//	{{< /name >}}           closing tag
//	{{< name />}}           self-closing tag
//	{{< sc/sub >}}          a name holds letters, digits, "_", "-", "/"
//	{{< x.inline >}}        and a period only in ".inline "
//	{{< x 1 "a b" `c` >}}   positional arguments: bare, quoted, raw
//	{{< x k="v" k2=`v` >}}  named arguments; never mixed with positional
//	{{< x a="\"hi\"" >}}    \" is a quote inside "…"
//	{{< x
//	      k="v" >}}         white space between the parts may hold newlines
//	{{</* name */>}}        escaped: Hugo prints {{< name >}} as text
//
// There are no trim markers ("{{<-" is not a tag), and "{{ .Title }}" is a
// Go template action, not a shortcode. Like Hugo, both functions read the
// raw bytes: they do not know about Markdown, so Find also reports tags in
// code blocks, and a value that runs on over a block quote's lines keeps
// its "> " markers.
//
// # Markdown
//
// [Extension] adds two goldmark parsers. A line indented by at most three
// spaces that holds only tags and white space (several lines when an
// argument runs on) becomes a [Block]; it interrupts a paragraph, so
//
//	Some text.
//	{{% tab header="English" %}}
//	Some **text**.
//	{{% /tab %}}
//
// is a paragraph, a Block, a paragraph and a Block, in lists and block
// quotes too. Any other tag becomes an [Inline] inside its paragraph,
// heading or table cell, even when its arguments cross a line break.
// Fenced and indented code, code spans and HTML blocks keep their tags as
// code, and anything that is not a well-formed tag, "{#id}" after a heading
// or a "{.class}" line included, is left to goldmark and the other
// extensions.
//
// # Differences from Hugo
//
// Hugo lexes a whole page in one pass and fails the page on the first bad
// tag; this package looks at each "{{" on its own and leaves what it cannot
// read as text. It does not match closing tags with opening ones. Hugo
// runs tags before Markdown, even in code spans and code blocks; the
// goldmark parsers leave those to Markdown, as code. With spaces around "=", Hugo's lexer takes `a = "1"` as a
// positional argument followed by a value; here it is a named argument, so
// `{{< x a = "1" b="2" >}}` is a tag here and an error in Hugo.
//
// # Guarantees
//
// Parse and Find never panic, whatever the input, and take time linear in
// the size of the source; so do the goldmark parsers. Every offset is a
// byte offset into the source given, and the same source always gives the
// same tags.
package shortcode
