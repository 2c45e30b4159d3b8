package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

type inlineTest struct {
	name string
	msg  string
	want string
}

// runInline checks Inline(msg) against want and against the property of
// FuzzInline, so every example here is also a safe one.
func runInline(t *testing.T, tests []inlineTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := string(Inline(tt.msg))
			if got != tt.want {
				t.Errorf("Inline(%q) = %q, want %q", tt.msg, got, tt.want)
			}
			if err := checkInline(got); err != nil {
				t.Errorf("Inline(%q) = %q: %v", tt.msg, got, err)
			}
		})
	}
}

func TestInlineRendersInlineMarkdown(t *testing.T) {
	t.Parallel()
	runInline(t, []inlineTest{
		{"bold", "**HSI** investigates", "<strong>HSI</strong> investigates"},
		{"emphasis", "only *one* word", "only <em>one</em> word"},
		{"link", "see [HSI](https://www.ice.gov/hsi)", `see <a href="https://www.ice.gov/hsi">HSI</a>`},
		{"link with title", `[HSI](https://www.ice.gov/hsi "Tips & leads")`, `<a href="https://www.ice.gov/hsi" title="Tips &amp; leads">HSI</a>`},
		{"relative link", "[español](../es/narcotics-smuggling/)", `<a href="../es/narcotics-smuggling/">español</a>`},
		{"mailto link", "[write](mailto:tips@ice.dhs.gov)", `<a href="mailto:tips@ice.dhs.gov">write</a>`},
		{"ampersand in URL", "[x](https://a.gov/?q=1&x=2)", `<a href="https://a.gov/?q=1&amp;x=2">x</a>`},
		{"autolink", "<https://www.ice.gov>", `<a href="https://www.ice.gov">https://www.ice.gov</a>`},
		{"code span", "call `1-877-4-HSI-TIP`", "call <code>1-877-4-HSI-TIP</code>"},
		{"code span keeps markup as text", "`**<b>**`", "<code>**&lt;b&gt;**</code>"},
		{"nested", "**[Report it](https://www.ice.gov/tips)**", `<strong><a href="https://www.ice.gov/tips">Report it</a></strong>`},
		{"hard line break", "line one\\\nline two", "line one<br>\nline two"},
		{"soft line break", "line one\nline two", "line one\nline two"},
		{"non-Latin text", "تهريب **المخدرات**", "تهريب <strong>المخدرات</strong>"},
		{"empty", "", ""},
	})
}

func TestInlineJoinsParagraphsWithASpace(t *testing.T) {
	t.Parallel()
	runInline(t, []inlineTest{
		{"two paragraphs", "One.\n\nTwo.", "One. Two."},
		{"three paragraphs and extra blank lines", "One.\n\n\n\nTwo.\n\nThree.", "One. Two. Three."},
		{"markup in each", "**One.**\n\n*Two.*", "<strong>One.</strong> <em>Two.</em>"},
		{"trailing blank lines", "One.\n\n", "One."},
	})
}

func TestInlineLeavesPlaceholdersAsText(t *testing.T) {
	t.Parallel()
	runInline(t, []inlineTest{
		{"date", "Last Updated: {{.Date}}", "Last Updated: {{.Date}}"},
		{"lock icon", "A **lock** ({{.LockIcon}})", "A <strong>lock</strong> ({{.LockIcon}})"},
		{"template action", `{{template "x"}} {{.Secret}}`, "{{template &quot;x&quot;}} {{.Secret}}"},
	})
}

// TestInlineShowsHTMLAsText: a translation is never trusted markup, so raw
// HTML and entities come out as text a reader sees, not as elements.
func TestInlineShowsHTMLAsText(t *testing.T) {
	t.Parallel()
	tests := []inlineTest{
		{"script", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"img onerror", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
		{"inline element", "a <b>bold</b> claim", "a &lt;b&gt;bold&lt;/b&gt; claim"},
		{"block element", "<div>x</div>", "&lt;div&gt;x&lt;/div&gt;"},
		{"iframe", `<iframe src="https://evil.example"></iframe>`, "&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;"},
		{"comment", "<!-- hidden -->", "&lt;!-- hidden --&gt;"},
		{"br", "a<br>b", "a&lt;br&gt;b"},
		{"escaped entities stay escaped", "&lt;script&gt;", "&lt;script&gt;"},
		{"numeric entities do not become tags", "&#60;script&#62;alert(1)&#60;/script&#62;", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"hex entities do not become tags", "&#x3C;img src=x onerror=alert(1)&#x3E;", "&lt;img src=x onerror=alert(1)&gt;"},
		{"named entities become characters", "&copy; &amp;", "© &amp;"},
		{"attribute injection through a link title", `[a](https://x "t" onmouseover="x")`, "[a](https://x &quot;t&quot; onmouseover=&quot;x&quot;)"},
		{"HTML inside a link label", "[<script>x</script>](https://a.gov)", `<a href="https://a.gov">&lt;script&gt;x&lt;/script&gt;</a>`},
	}
	runInline(t, tests)
	for _, tt := range tests {
		got := strings.ToLower(string(Inline(tt.msg)))
		for _, el := range []string{"<script", "<img", "<iframe", "<b>", "<div", "<br", "<!--"} {
			if strings.Contains(got, el) {
				t.Errorf("Inline(%q) = %q contains a %s element", tt.msg, got, el)
			}
		}
	}
}

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// TestInlineDropsDangerousLinkTargets: a link keeps its label, but a
// target that would run script or show a document made of the link loses
// its href.
func TestInlineDropsDangerousLinkTargets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, msg, label string
	}{
		{"javascript", "[x](javascript:alert(1))", ">x<"},
		{"javascript in mixed case", "[x](JaVaScRiPt:alert(1))", ">x<"},
		{"javascript in angle brackets", "[x](<javascript:alert(1)>)", ">x<"},
		{"javascript as entity", "[x](&#106;avascript:alert(1))", ">x<"},
		{"javascript autolink", "<javascript:alert(1)>", ">javascript:alert(1)<"},
		{"vbscript", "[x](vbscript:msgbox(1))", ">x<"},
		{"data text/html", "[x](data:text/html,<script>alert(1)</script>)", ">x<"},
		{"data text/html base64", "[x](data:text/html;base64,PHNjcmlwdD4=)", ">x<"},
		{"data svg image", "[x](data:image/svg+xml,<svg/onload=alert(1)>)", ">x<"},
		{"file", "[x](file:///etc/passwd)", ">x<"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := string(Inline(tt.msg))
			m := hrefRE.FindAllStringSubmatch(got, -1)
			if len(m) != 1 || m[0][1] != "" {
				t.Errorf("Inline(%q) = %q, want one link with an empty href", tt.msg, got)
			}
			if !strings.Contains(got, tt.label) {
				t.Errorf("Inline(%q) = %q, want the label %s kept", tt.msg, got, tt.label)
			}
			if err := checkInline(got); err != nil {
				t.Errorf("Inline(%q) = %q: %v", tt.msg, got, err)
			}
		})
	}
}

// TestInlineLinkTargetsThatAreNotSchemes covers tricks that goldmark does
// not drop but that no browser reads as a javascript: URL: the target is
// percent-encoded into a relative path.
func TestInlineLinkTargetsThatAreNotSchemes(t *testing.T) {
	t.Parallel()
	runInline(t, []inlineTest{
		{"leading space", "[x](< javascript:alert(1)>)", `<a href="%20javascript:alert(1)">x</a>`},
		{"tab inside scheme", "[x](<java&#9;script:alert(1)>)", `<a href="java%09script:alert(1)">x</a>`},
	})
}

// TestInlineKeepsBlockSyntaxAsText: a message is one block of the English
// page's structure; a translation cannot make it a heading, list, quote,
// code block or rule, and its text is not lost.
func TestInlineKeepsBlockSyntaxAsText(t *testing.T) {
	t.Parallel()
	runInline(t, []inlineTest{
		{"ATX heading", "# Title", "# Title"},
		{"setext heading", "Title\n===", "Title\n==="},
		{"setext heading with dashes", "Title\n---", "Title\n---"},
		{"bullet list", "- item", "- item"},
		{"star list", "* item", "* item"},
		{"plus list", "+ item", "+ item"},
		{"ordered list", "1. Item", "1. Item"},
		{"ordered list with parenthesis", "1) Item", "1) Item"},
		{"block quote", "> quote", "&gt; quote"},
		{"indented code", "    code", "code"},
		{"indented with a tab", "\tcode", "code"},
		{"indented second paragraph", "One.\n\n    Two.", "One. Two."},
		{"indented lines", "    a\n    b", "a\nb"},
		{"thematic break", "---", "---"},
		{"thematic break with stars", "***", "***"},
		{"fenced code is a code span", "```\ncode\n```", "<code>code</code>"},
		{"table", "| a | b |\n|---|---|", "| a | b |\n|---|---|"},
		{"list after text", "text\n- item", "text\n- item"},
		{"link reference definition", "[x][r]\n\n[r]: https://a.gov", "[x][r] [r]: https://a.gov"},
	})
}

// TestInlineShowsImagesAsAltText: image syntax would let a translation
// put an image on the page that the English lacks (and fetch it from
// anywhere), so it shows only its alt text.
func TestInlineShowsImagesAsAltText(t *testing.T) {
	t.Parallel()
	runInline(t, []inlineTest{
		{"image", "![HSI logo](https://tracker.example/pixel.png)", "HSI logo"},
		{"image with title", `![HSI logo](logo.png "Logo")`, "HSI logo"},
		{"image with markup in alt", "![**HSI** logo](logo.png)", "<strong>HSI</strong> logo"},
		{"image without alt", "before ![](pixel.png) after", "before  after"},
		{"image inside a link", "[![badge](badge.png)](https://www.ice.gov)", `<a href="https://www.ice.gov">badge</a>`},
		{"image inside an image", "![outer ![inner](a.png)](b.png)", "outer inner"},
		{"image with a javascript source", "![x](javascript:alert(1))", "x"},
		{"image with a link in its alt", "![see [HSI](https://www.ice.gov)](a.png)", `see <a href="https://www.ice.gov">HSI</a>`},
		{"reference image", "![x][r]\n\n[r]: a.png", "![x][r] [r]: a.png"},
	})
}

func TestPlainStripsMarkup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, msg, want string
	}{
		{"bold, emphasis, link and code", "**HSI** *investigates* [smuggling](https://a.gov) `1-877`", "HSI investigates smuggling 1-877"},
		{"autolink", "see <https://www.ice.gov>", "see https://www.ice.gov"},
		{"paragraphs", "One.\n\nTwo.", "One. Two."},
		{"soft line break", "one\ntwo", "one two"},
		{"hard line break", "one\\\ntwo", "one two"},
		{"HTML stays text for the template to escape", "<script>alert(1)</script>", "<script>alert(1)</script>"},
		{"entities", "Tom &amp; Jerry &copy; &#60;b&#62;", "Tom & Jerry © <b>"},
		{"backslash escapes", `\*not emphasis\* 1\. item`, "*not emphasis* 1. item"},
		{"code is shown as written", "`a &amp; \\* b`", `a &amp; \* b`},
		{"image", "![HSI logo](logo.png)", "HSI logo"},
		{"placeholder", "Last Updated: {{.Date}}", "Last Updated: {{.Date}}"},
		{"indented", "    indented", "indented"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Plain(tt.msg); got != tt.want {
				t.Errorf("Plain(%q) = %q, want %q", tt.msg, got, tt.want)
			}
		})
	}
}

func ExampleInline() {
	fmt.Println(Inline("**HSI** runs a [tip line](https://www.ice.gov/tips). <script>alert(1)</script>"))
	fmt.Println(Inline("[x](javascript:alert(1)) ![pixel](https://tracker.example/p.png)"))
	fmt.Println(Inline("# Not a heading\n\n- not a list"))
	// Output:
	// <strong>HSI</strong> runs a <a href="https://www.ice.gov/tips">tip line</a>. &lt;script&gt;alert(1)&lt;/script&gt;
	// <a href="">x</a> pixel
	// # Not a heading - not a list
}

func ExamplePlain() {
	fmt.Println(Plain("**HSI** runs a [tip line](https://www.ice.gov/tips) &amp; more."))
	// Output: HSI runs a tip line & more.
}
