package shortcode

import (
	"fmt"
	"strings"
	"testing"
)

// wantArg is an Arg as a test states it: the raw value stands for the
// offsets, so a case does not count bytes.
type wantArg struct {
	Name, Value, Raw string
}

func (a wantArg) String() string { return fmt.Sprintf("%s=%q (raw %s)", a.Name, a.Value, a.Raw) }

// describeArgs returns the arguments of t as wantArgs, reading the raw
// values from src.
func describeArgs(src string, t Tag) []wantArg {
	var out []wantArg
	for _, a := range t.Args {
		raw := "<out of range>"
		if 0 <= a.Start && a.Start <= a.End && a.End <= len(src) {
			raw = src[a.Start:a.End]
		}
		out = append(out, wantArg{a.Name, a.Value, raw})
	}
	return out
}

func TestParseReadsEveryTagForm(t *testing.T) {
	t.Parallel()
	type flags struct{ Markdown, Closing, SelfClosing, Escaped bool }
	tests := []struct {
		name  string
		src   string
		tag   string // want Name
		flags flags
		args  []wantArg
	}{
		{"plain", `{{< sc1 >}}`, "sc1", flags{}, nil},
		{"markdown", `{{% sc1 %}}`, "sc1", flags{Markdown: true}, nil},
		{"no spaces", `{{<sc1>}}`, "sc1", flags{}, nil},
		{"many spaces", `{{<     sc1     >}}`, "sc1", flags{}, nil},
		{"newline before the end", "{{< sc1 \n >}}", "sc1", flags{}, nil},
		{"closing", `{{< /sc1 >}}`, "sc1", flags{Closing: true}, nil},
		{"closing markdown with space after slash", `{{% / tab %}}`, "tab", flags{Markdown: true, Closing: true}, nil},
		{"self-closing", `{{< sc1 />}}`, "sc1", flags{SelfClosing: true}, nil},
		{"self-closing with argument and space", `{{< sc1 param1 / >}}`, "sc1", flags{SelfClosing: true},
			[]wantArg{{"", "param1", "param1"}}},
		{"namespaced name", `{{< sc/sub >}}`, "sc/sub", flags{}, nil},
		{"slash ends the name only after a space", `{{< br/>}}`, "br/", flags{}, nil},
		{"inline shortcode name", `{{< sc1.inline >}}`, "sc1.inline", flags{}, nil},
		{"unicode name", `{{< résumé >}}`, "résumé", flags{}, nil},
		{"bare positional arguments", `{{< sc1 3.14 -ziL-Q_456igdO-4 >}}`, "sc1", flags{},
			[]wantArg{{"", "3.14", "3.14"}, {"", "-ziL-Q_456igdO-4", "-ziL-Q_456igdO-4"}}},
		{"bare argument ends at the delimiter", `{{< sc1 a>}}`, "sc1", flags{}, []wantArg{{"", "a", "a"}}},
		{"quoted positional arguments", `{{< sc1 "param nr. 1" "param nr. 2" >}}`, "sc1", flags{},
			[]wantArg{{"", "param nr. 1", `"param nr. 1"`}, {"", "param nr. 2", `"param nr. 2"`}}},
		{"quoted arguments without space between", `{{< sc1 "a""b">}}`, "sc1", flags{},
			[]wantArg{{"", "a", `"a"`}, {"", "b", `"b"`}}},
		{"named arguments", `{{< sc1 param1="Hello World" param2="p2Val">}}`, "sc1", flags{},
			[]wantArg{{"param1", "Hello World", `"Hello World"`}, {"param2", "p2Val", `"p2Val"`}}},
		{"named argument in markdown tag", `{{% tab header="English" %}}`, "tab", flags{Markdown: true},
			[]wantArg{{"header", "English", `"English"`}}},
		{"space around equals", `{{< sc1 param1 = 3.14 >}}`, "sc1", flags{},
			[]wantArg{{"param1", "3.14", "3.14"}}},
		{"bare named value", `{{< sc1 width=100% >}}`, "sc1", flags{}, []wantArg{{"width", "100%", "100%"}}},
		{"raw named value", "{{< sc1 param1=`Hello \\b World` >}}", "sc1", flags{},
			[]wantArg{{"param1", `Hello \b World`, "`Hello \\b World`"}}},
		{"raw positional value right after the name, with a newline", "{{< sc1`Hello\n\tWorld` >}}", "sc1", flags{},
			[]wantArg{{"", "Hello\n\tWorld", "`Hello\n\tWorld`"}}},
		{"escaped quotes inside quotes", `{{< sc1 "Hello \"escaped\" World" >}}`, "sc1", flags{},
			[]wantArg{{"", `Hello "escaped" World`, `"Hello \"escaped\" World"`}}},
		{"backslash kept when no quote is escaped", `{{< sc1 "C:\path" >}}`, "sc1", flags{},
			[]wantArg{{"", `C:\path`, `"C:\path"`}}},
		{"every backslash dropped when a quote is escaped", `{{< sc1 "a\b \"c\"" >}}`, "sc1", flags{},
			[]wantArg{{"", `ab "c"`, `"a\b \"c\""`}}},
		{"escaped-quoted named value", `{{< sc1 param1=\"Hello World\"  >}}`, "sc1", flags{},
			[]wantArg{{"param1", "Hello World", `\"Hello World\"`}}},
		{"escaped-quoted positional value", `{{< sc1 \"param1\" >}}`, "sc1", flags{},
			[]wantArg{{"", "param1", `\"param1\"`}}},
		{"lone backslash dropped", `{{< sc1 \x >}}`, "sc1", flags{}, []wantArg{{"", "x", "x"}}},
		{"arguments over several lines", "{{< figure\n  src=\"a.png\"\n  alt=\"An image\"\n>}}", "figure", flags{},
			[]wantArg{{"src", "a.png", `"a.png"`}, {"alt", "An image", `"An image"`}}},
		{"tag in a value", `{{< a "{{< b >}}" >}}`, "a", flags{}, []wantArg{{"", "{{< b >}}", `"{{< b >}}"`}}},
		{"escaped", `{{</* sc1 */>}}`, "sc1", flags{Escaped: true}, nil},
		{"escaped with asterisks in a value", `{{</* sc1 "**/*.pdf" */>}}`, "sc1", flags{Escaped: true},
			[]wantArg{{"", "**/*.pdf", `"**/*.pdf"`}}},
		{"escaped closing markdown", `{{%/* /tab */%}}`, "tab", flags{Markdown: true, Closing: true, Escaped: true}, nil},
		{"escaped self-closing", `{{</* img src="a.png" /*/>}}`, "img", flags{SelfClosing: true, Escaped: true},
			[]wantArg{{"src", "a.png", `"a.png"`}}},
		{"escaped text that is no tag", `{{</* not a tag! */>}}`, "", flags{Escaped: true}, nil},
		{"escaped over several lines", "{{</* a\n  b=\"c\" */>}}", "a", flags{Escaped: true},
			[]wantArg{{"b", "c", `"c"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := Parse([]byte(tt.src), 0)
			if !ok {
				t.Fatalf("Parse(%q, 0) = false, want tag %q", tt.src, tt.tag)
			}
			if got.Start != 0 || got.End != len(tt.src) {
				t.Errorf("Parse(%q, 0) spans [%d:%d], want [0:%d]", tt.src, got.Start, got.End, len(tt.src))
			}
			if got.Name != tt.tag {
				t.Errorf("Parse(%q, 0).Name = %q, want %q", tt.src, got.Name, tt.tag)
			}
			gotFlags := flags{got.Markdown, got.Closing, got.SelfClosing, got.Escaped}
			if gotFlags != tt.flags {
				t.Errorf("Parse(%q, 0) flags = %+v, want %+v", tt.src, gotFlags, tt.flags)
			}
			if g, w := fmt.Sprint(describeArgs(tt.src, got)), fmt.Sprint(tt.args); g != w {
				t.Errorf("Parse(%q, 0).Args = %s, want %s", tt.src, g, w)
			}
		})
	}
}

func TestParseRejectsWhatHugoRejects(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src string }{
		{"empty", ""},
		{"two braces", "{{"},
		{"go template action", "{{ .Title }}"},
		{"go template trim markers", "{{- .Title -}}"},
		{"shortcodes have no trim markers", "{{<- sc1 ->}}"},
		{"space inside the opening delimiter", "{ {< sc1 >}}"},
		{"opening delimiter only", "{{<"},
		{"no closing delimiter", "{{< sc1"},
		{"no closing delimiter before a blank line either", "{{< sc1\n\nText."},
		{"no name", "{{< >}}"},
		{"no name, markdown", "{{% %}}"},
		{"closing without name", "{{< / >}}"},
		{"quoted name", `{{< "sc1" >}}`},
		{"name starts with a hyphen", "{{< -sc1 >}}"},
		{"period outside .inline", "{{< sc1.x >}}"},
		{"mismatched delimiters", "{{< sc1 %}}"},
		{"mismatched delimiters, markdown", "{{% sc1 >}}"},
		{"closing tag with an argument", "{{< /sc1 keyword>}}"},
		{"self-closing slash before an argument", "{{< sc1 / keyword>}}"},
		{"closing and self-closing", "{{< /sc1 />}}"},
		{"unterminated quote", `{{< sc1 param2="Hello World>}}`},
		{"newline in a quote", "{{< sc1 \"a\nb\" >}}"},
		{"unterminated raw string", "{{< sc1 `Hello World >}}"},
		{"escaped backtick", "{{< sc1 param1=\\`x\\` >}}"},
		{"escaped backtick inside quotes", "{{< sc1 \"a\\`b\" >}}"},
		{"named after positional", `{{< sc1 param1 param2="Hello World">}}`},
		{"positional after named", `{{< sc1 param1="Hello World" p2 >}}`},
		{"quoted positional after named", `{{< sc1 param1="Hello World" "And Universe" >}}`},
		{"unquoted value with a colon", "{{< sc1 foo:bar >}}"},
		{"value without a name", "{{< x=1 >}}"},
		{"equals without a value", "{{< sc1 a= >}}"},
		{"bare value swallows the delimiter", "{{< sc1 a=1>}}"},
		{"escaped tag not closed", "{{</* sc1 >}}"},
		{"escaped tag closed by the wrong delimiter", "{{</* sc1 */%}}"},
		{"comment end after the delimiter", "{{</* sc1 >}}*/"},
		{"comment markers overlap", "{{</*/>}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got, ok := Parse([]byte(tt.src), 0); ok {
				t.Errorf("Parse(%q, 0) = %s [%d:%d], want false", tt.src, got, got.Start, got.End)
			}
		})
	}
}

func TestParseStartsExactlyAtOffset(t *testing.T) {
	t.Parallel()
	src := []byte("Use {{< param name >}} here.")
	tests := []struct {
		at     int
		ok     bool
		end    int
		reason string
	}{
		{4, true, 22, "the tag starts there"},
		{3, false, 0, "a space is there"},
		{5, false, 0, "only one brace is there"},
		{-1, false, 0, "out of range"},
		{len(src), false, 0, "out of range"},
		{len(src) + 10, false, 0, "out of range"},
	}
	for _, tt := range tests {
		got, ok := Parse(src, tt.at)
		if ok != tt.ok || (ok && (got.Start != tt.at || got.End != tt.end)) {
			t.Errorf("Parse(%q, %d) = [%d:%d], %v; want [%d:%d], %v (%s)", src, tt.at, got.Start, got.End, ok, tt.at, tt.end, tt.ok, tt.reason)
		}
	}
}

func TestFindReturnsTagsInOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string // src[Start:End] of each tag
	}{
		{"none", "Plain text with { braces }.", nil},
		{"paired and nested", "{{< tabpane >}}\n{{% tab header=\"A\" %}}\nText.\n{{% /tab %}}\n{{< /tabpane >}}\n",
			[]string{"{{< tabpane >}}", `{{% tab header="A" %}}`, "{{% /tab %}}", "{{< /tabpane >}}"}},
		{"adjacent", "{{< a />}}{{< b />}}", []string{"{{< a />}}", "{{< b />}}"}},
		{"after a go template action", "{{ .Title }} {{< ok >}}", []string{"{{< ok >}}"}},
		{"after a third brace", "{{{< x >}}", []string{"{{< x >}}"}},
		{"in a code fence, as Hugo sees it", "```\n{{< x >}}\n```\n", []string{"{{< x >}}"}},
		{"not inside a value", `{{< a "{{< b >}}" >}}`, []string{`{{< a "{{< b >}}" >}}`}},
		{"escaped tag runs to the first comment end", "{{</* a >}} {{< b >}} */>}} {{< c >}}",
			[]string{"{{</* a >}} {{< b >}} */>}}", "{{< c >}}"}},
		{"unclosed escapes do not hide later tags", "{{</* a {{</* b {{< c >}}", []string{"{{< c >}}"}},
		{"bare value that swallows the delimiter loses its tag", "{{< a x=1>}} {{< b >}}", []string{"{{< b >}}"}},
		{"unclosed tag", "{{< a\n\n{{< b >}}", []string{"{{< b >}}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, tag := range Find([]byte(tt.src)) {
				got = append(got, tt.src[tag.Start:tag.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Find(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestTagStringShowsFormAndName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src, want string
	}{
		{`{{< tab header="A" >}}`, "{{< tab >}}"},
		{"{{%/tab%}}", "{{% /tab %}}"},
		{"{{< img src=`a` />}}", "{{< img />}}"},
		{"{{</* note */>}}", "{{</* note */>}}"},
	}
	for _, tt := range tests {
		tag, ok := Parse([]byte(tt.src), 0)
		if got := tag.String(); !ok || got != tt.want {
			t.Errorf("Parse(%q, 0).String() = %q (ok %v), want %q", tt.src, got, ok, tt.want)
		}
	}
}

// BenchmarkFind measures Find on a 100 KB page of text and tags, and on
// inputs built to make a naive scanner quadratic.
func BenchmarkFind(b *testing.B) {
	page := strings.Repeat("Some *text* with {{< param \"name\" >}} and {{ .Title }}.\n"+
		"{{< figure\n  src=\"a.png\"\n  alt=\"An image\" >}}\n\n", 1000)
	inputs := []struct{ name, src string }{
		{"page", page[:100_000]},
		{"unclosed escapes", strings.Repeat("{{</* a ", 12_500)},
		{"unclosed raw strings", strings.Repeat("{{< a `", 14_000)},
		{"unclosed quotes", strings.Repeat(`{{< a "x" "`, 10_000)},
		{"braces", strings.Repeat("{", 100_000)},
		{"spaces", "{{<" + strings.Repeat(" ", 100_000)},
	}
	for _, in := range inputs {
		src := []byte(in.src)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Find(src)
			}
		})
	}
}
