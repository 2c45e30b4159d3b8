package content_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/hsi-l10n/l10n/internal/content"
)

// hard are pages with what the walker changes after goldmark: task boxes,
// alerts, pinned IDs, attribute lines, empty cells, shortcodes with
// arguments, math, footnotes, a title from a heading or the file name.
var hard = map[string]string{
	"blocks": "+++\ntitle = \"T\"\nlinkTitle = \"L\"\naliases = [\"/a/\"]\nupdated = 2024-04-22\n+++\n\n" +
		"Intro with a ref [x][r].\n\n[r]: https://x.gov \"T\"\n\n## Section {#pinned}\n\n- [x] Done task\n- [ ] Open\n  task on two lines\n\n" +
		"> [!NOTE]\n> Alert text.\n\nA paragraph. {#p-pin}\n\nWith attributes\n{.note}\n\n| a | b |\n|:--|--:|\n| — | `x` |\n\n" +
		"Term\n: Definition\n\nNote[^1].\n\n[^1]: The footnote.\n\n$$\nx^2\n$$\n\n```go\ncode\n```\n\n    indented\n\n<div>raw</div>\n\n---\n\n" +
		"{{< figure src=\"a.png\" caption=\"A caption\" alt=\"\" >}}\n\n{{< custom >}}\nProse kept.\n{{< /custom >}}\n\n" +
		"1. one  \n   hard break\n2. two\\\n   more\n\n### Deeper\n\n## Section\n\nAgain.\n",
	"untitled":    "Just text.\n",
	"heading":     "# A heading title\n\nText.\n",
	"empty":       "",
	"crlf":        "+++\r\ntitle = \"T\"\r\n+++\r\n\r\nLine one\r\nline two.\r\n\r\n## H\r\n\r\n- item\r\n",
	"yaml":        "---\ntitle: T\ndate: 2024-04-22T10:00:00+02:00\ndraft: true\nbreadcrumbs:\n  - title: A\n    url: https://a.gov\ntitel: typo\n---\nBody.\n",
	"json":        "{\"title\": \"T\", \"params\": {\"subtitle\": \"S\"}, \"weight\": 3}\n\nBody.\n",
	"indented":    "- item\n\n      code in item\n\n  > quote in item\n  > on two lines\n",
	"url":         "+++\ntitle = \"T\"\nurl = \"/elsewhere/\"\nslug = \"s\"\n+++\n",
	"unicode":     "+++\ntitle = \"Título\"\n+++\n\nÜber café — naïve 😀.\n\n| 😀 |\n|---|\n| |\n",
	"tabs":        "\tcode\n\nText\twith tab  \n\t and next line\n",
	"nested list": "1. a\n   - b\n     - c\n\n       para in c\n",
}

// options are the Options pages are parsed with in these tests: the
// defaults, and those of the Hugo site of internal/hugo with more.
var options = map[string]content.Options{
	"default": {},
	"site": {
		Keys:               []string{"title", "linkTitle", "description", "summary", "params.subtitle"},
		Args:               []string{"caption", "alt", "title", "header"},
		MarkdownShortcodes: []string{"note", "tabpane", "tab", "video", "custom"},
	},
}

// corpus returns every page of the test data of the repository, of the
// shipped site and of hard, by name: testdata/page.md, content/, the
// Hugo site of internal/hugo, the pages in the txtar scripts of cmd/l10n
// and internal/align, and the seeds of FuzzParse.
func corpus(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, src := range hard {
		out["hard/"+name] = []byte(src)
	}
	for _, dir := range []string{"testdata", "../../content", "../hugo/testdata/site/content"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(path, ".md") {
				out[path], err = os.ReadFile(path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	scripts, _ := filepath.Glob("../../cmd/l10n/testdata/script/*.txt")
	more, _ := filepath.Glob("../align/testdata/corpus/*.txtar")
	for _, path := range append(scripts, more...) {
		a, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".md") {
				out[path+"/"+f.Name] = f.Data
			}
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzParse/*")
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, arg, _ := strings.Cut(strings.TrimSpace(string(data)), "\nstring(")
		src, err := strconv.Unquote(strings.TrimSuffix(arg, ")"))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[path] = []byte(src)
	}
	if len(scripts) == 0 || len(more) == 0 || len(seeds) == 0 || len(out) < 100 {
		t.Fatalf("found %d pages, %d scripts, %d corpus files, %d seeds: too few", len(out), len(scripts), len(more), len(seeds))
	}
	return out
}

// TestDecodeGivesThePageParsed checks that every page of the corpus that
// parses comes back from its bytes equal to the page parsed, with the
// same blocks shared between its nodes, title, crumbs and headings.
func TestDecodeGivesThePageParsed(t *testing.T) {
	t.Parallel()
	pages := corpus(t)
	for optName, opts := range options {
		kept := 0
		for name, src := range pages {
			want, err := content.Parse("content/page.md", src, opts)
			if err != nil {
				continue
			}
			data, err := content.Encode(want, src)
			if err != nil {
				t.Errorf("%s, %s options: Encode: %v", name, optName, err)
				continue
			}
			got, err := content.Decode(string(data), src)
			if err != nil {
				t.Errorf("%s, %s options: Decode: %v", name, optName, err)
				continue
			}
			kept++
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s options: Decode gives\n%s\nwant\n%s", name, optName, dump(got), dump(want))
			}
			if g, w := sharing(got), sharing(want); !reflect.DeepEqual(g, w) {
				t.Errorf("%s, %s options: blocks shared at\n%v\nwant\n%v", name, optName, g, w)
			}
		}
		if kept < len(pages)*3/4 {
			t.Errorf("%s options: only %d of %d pages parsed and kept", optName, kept, len(pages))
		}
	}
}

// sharing lists, for every place that names a block, which block of
// Blocks it is ("-" for one that is not there), the same place and block
// twice when two places name one block.
func sharing(p *content.Page) []string {
	index := map[*content.Block]string{}
	for i, b := range p.Blocks {
		index[b] = strconv.Itoa(i)
	}
	name := func(b *content.Block) string {
		if b == nil {
			return "nil"
		}
		if s, ok := index[b]; ok {
			return s
		}
		return "-"
	}
	out := []string{"title " + name(p.Title), "description " + name(p.Description)}
	for i, c := range p.Breadcrumbs {
		out = append(out, "crumb "+strconv.Itoa(i)+" "+name(c.Block))
	}
	for i, b := range p.Blocks {
		out = append(out, "heading of "+strconv.Itoa(i)+" "+name(b.Heading))
	}
	var walk func(path string, list []*content.Node)
	walk = func(path string, list []*content.Node) {
		for i, n := range list {
			at := path + "/" + strconv.Itoa(i)
			out = append(out, "node "+at+" "+name(n.Block))
			if n.Block != nil && index[n.Block] == "" {
				out = append(out, "node "+at+" verbatim, heading "+name(n.Block.Heading))
			}
			walk(at, n.Children)
		}
	}
	walk("", p.Body)
	return out
}

// dump shows a page's fields and blocks, for a failure message.
func dump(p *content.Page) string {
	var b strings.Builder
	q := *p
	q.Blocks, q.Body = nil, nil
	fmt.Fprintf(&b, "%+v\nmatter %+v", q, *p.Matter)
	for _, x := range p.Blocks {
		fmt.Fprintf(&b, "\n  %+v", *x)
	}
	return b.String()
}

// TestDecodeGivesAPageOfItsOwn checks that an ID given to a block of
// Blocks, as package snapshot gives IDs, is the ID of the node, title
// and heading that share the block, and of no block of another page
// decoded from the same bytes.
func TestDecodeGivesAPageOfItsOwn(t *testing.T) {
	t.Parallel()
	src := []byte(hard["blocks"])
	parsed, err := content.Parse("content/page.md", src, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := content.Encode(parsed, src)
	if err != nil {
		t.Fatal(err)
	}
	a, errA := content.Decode(string(data), src)
	b, errB := content.Decode(string(data), src)
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	for _, blk := range a.Blocks {
		blk.ID = "given." + blk.ID
	}
	if !strings.HasPrefix(a.Title.ID, "given.") {
		t.Errorf("title ID %q: the ID given through Blocks is not the title's", a.Title.ID)
	}
	var heading *content.Node
	for _, n := range a.Body {
		if n.Kind == content.NodeHeading && n.Level == 2 {
			heading = n
			break
		}
	}
	if heading == nil || !strings.HasPrefix(heading.Block.ID, "given.") {
		t.Fatalf("the first H2 node's block does not have the ID given through Blocks")
	}
	shared := 0
	for _, blk := range a.Blocks {
		if blk.Heading == heading.Block {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no block of the first section has the section's heading node's block as its Heading")
	}
	for _, blk := range b.Blocks {
		if strings.HasPrefix(blk.ID, "given.") {
			t.Fatalf("block %s of another decoded page has the ID given to the first", blk.ID)
		}
	}
	if !reflect.DeepEqual(b, parsed) {
		t.Error("the second page decoded differs from the page parsed")
	}
}

// TestDecodeRefusesDamagedBytes checks that bytes cut short, or with a
// byte more, are refused, and that no damage makes Decode panic.
func TestDecodeRefusesDamagedBytes(t *testing.T) {
	t.Parallel()
	src := []byte(hard["blocks"])
	p, err := content.Parse("content/page.md", src, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := content.Encode(p, src)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if _, err := content.Decode(string(data[:n]), src); err == nil {
			t.Errorf("Decode of the first %d of %d bytes: no error", n, len(data))
		}
	}
	if _, err := content.Decode(string(data)+"\x00", src); err == nil {
		t.Error("Decode with a byte more: no error")
	}
	for i := range data {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			damaged := bytes.Clone(data)
			damaged[i] ^= x
			_, _ = content.Decode(string(damaged), src) // must not panic
		}
	}
	if _, err := content.Decode(string(data), src[:len(src)/2]); err == nil {
		t.Error("Decode with half the page's bytes: no error")
	}
}

// BenchmarkParse parses every page of the corpus; BenchmarkDecode decodes
// them from their bytes, as the page cache gives them.
func BenchmarkParse(b *testing.B) {
	pages := corpus(b)
	for b.Loop() {
		for name, src := range pages {
			_, _ = content.Parse(name, src, content.Options{})
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	type kept struct {
		data string
		src  []byte
	}
	var list []kept
	for name, src := range corpus(b) {
		if p, err := content.Parse(name, src, content.Options{}); err == nil {
			if data, err := content.Encode(p, src); err == nil {
				list = append(list, kept{string(data), src})
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, k := range list {
			if _, err := content.Decode(k.data, k.src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
