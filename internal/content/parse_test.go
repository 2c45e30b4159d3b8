package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// parse parses src as content/page.md, failing the test on error.
func parse(t *testing.T, src string) *content.Page {
	t.Helper()
	p, err := content.Parse("content/page.md", []byte(src), content.Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return p
}

func readPage(t *testing.T) *content.Page {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "page.md"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := content.Parse("content/narcotics-smuggling.md", src, content.Options{})
	if err != nil {
		t.Fatalf("Parse(testdata/page.md): %v", err)
	}
	return p
}

func TestParseGivesEveryBlockAnIDKindSectionAndText(t *testing.T) {
	t.Parallel()
	p := readPage(t)
	const response = "HSI's Response to Smuggling"
	want := []struct {
		id      string
		kind    content.Kind
		section string
		text    string
	}{
		{"narcotics-smuggling.title", content.Title, "", "Narcotics Smuggling"},
		{"narcotics-smuggling.description", content.Description, "", "How HSI stops the smuggling of narcotics."},
		{"narcotics-smuggling.breadcrumb1", content.Breadcrumb, "", "Homeland Security Investigations"},
		{"narcotics-smuggling.breadcrumb2", content.Breadcrumb, "", "What We Investigate"},
		{"narcotics-smuggling.intro.p1", content.Paragraph, "", "HSI tracks **illegal narcotics** with [partners](https://www.ice.gov/partners)."},
		{"narcotics-smuggling.intro.p2", content.Paragraph, "", "Second intro paragraph."},
		{"narcotics-smuggling.hsis-response-to-smuggling.heading", content.Heading, response, response},
		{"narcotics-smuggling.hsis-response-to-smuggling.li1", content.ListItem, response, "**Targeting criminal networks.** HSI dismantles them."},
		{"narcotics-smuggling.hsis-response-to-smuggling.li2", content.ListItem, response, "Strengthening global partnerships."},
		{"narcotics-smuggling.hsis-response-to-smuggling.quote1", content.Quote, response, "A quoted sentence."},
		{"narcotics-smuggling.hsis-response-to-smuggling.h1", content.Heading, response, "Deeper heading"},
		{"narcotics-smuggling.hsis-response-to-smuggling.cell1", content.TableCell, response, "Drug"},
		{"narcotics-smuggling.hsis-response-to-smuggling.cell2", content.TableCell, response, "Seized"},
		{"narcotics-smuggling.hsis-response-to-smuggling.cell3", content.TableCell, response, "Fentanyl"},
		{"narcotics-smuggling.hsis-response-to-smuggling.cell4", content.TableCell, response, "100 kg"},
		{"narcotics-smuggling.hsis-response-to-smuggling.p1", content.Paragraph, response, "Final paragraph."},
		{"narcotics-smuggling.the-path-forward.heading", content.Heading, "The Path Forward", "The Path Forward"},
		{"narcotics-smuggling.the-path-forward.li1", content.ListItem, "The Path Forward", "First step."},
	}
	if len(p.Blocks) != len(want) {
		var ids []string
		for _, b := range p.Blocks {
			ids = append(ids, b.ID)
		}
		t.Fatalf("Parse gave %d blocks, want %d:\n%s", len(p.Blocks), len(want), strings.Join(ids, "\n"))
	}
	for i, w := range want {
		b := p.Blocks[i]
		if b.ID != w.id {
			t.Errorf("block %d: ID = %q, want %q", i, b.ID, w.id)
			continue
		}
		if b.Kind != w.kind {
			t.Errorf("block %s: Kind = %q, want %q", b.ID, b.Kind, w.kind)
		}
		if b.Section != w.section {
			t.Errorf("block %s: Section = %q, want %q", b.ID, b.Section, w.section)
		}
		if b.Text != w.text {
			t.Errorf("block %s: Text = %q, want %q", b.ID, b.Text, w.text)
		}
	}
}

func TestParseReadsFrontMatter(t *testing.T) {
	t.Parallel()
	p := readPage(t)
	if p.File != "content/narcotics-smuggling.md" || p.Slug != "narcotics-smuggling" {
		t.Errorf("File, Slug = %q, %q, want %q, %q", p.File, p.Slug, "content/narcotics-smuggling.md", "narcotics-smuggling")
	}
	if want := time.Date(2024, time.April, 22, 0, 0, 0, 0, time.UTC); !p.Updated.Equal(want) || p.Updated.Location() != time.UTC {
		t.Errorf("Updated = %v, want %v", p.Updated, want)
	}
	if p.Title == nil || p.Title != p.Blocks[0] {
		t.Errorf("Title is not the first block")
	}
	if p.Description == nil || p.Description != p.Blocks[1] {
		t.Errorf("Description is not the second block")
	}
	wantURLs := []string{"https://www.ice.gov/hsi", "https://www.ice.gov/hsi/investigate"}
	if len(p.Breadcrumbs) != len(wantURLs) {
		t.Fatalf("got %d breadcrumbs, want %d", len(p.Breadcrumbs), len(wantURLs))
	}
	for i, c := range p.Breadcrumbs {
		if c.URL != wantURLs[i] {
			t.Errorf("breadcrumb %d: URL = %q, want %q", i+1, c.URL, wantURLs[i])
		}
		if c.Block != p.Blocks[2+i] {
			t.Errorf("breadcrumb %d: Block is not block %d of the page", i+1, 2+i)
		}
	}
}

func TestParseWithoutOptionalFrontMatter(t *testing.T) {
	t.Parallel()
	p := parse(t, "+++\ntitle = \"Only a title\"\n+++\n")
	if p.Description != nil || len(p.Breadcrumbs) != 0 || !p.Updated.IsZero() {
		t.Errorf("Parse(title only): Description = %v, Breadcrumbs = %v, Updated = %v; want nil, none, zero", p.Description, p.Breadcrumbs, p.Updated)
	}
	if len(p.Blocks) != 1 || p.Blocks[0].ID != "page.title" {
		t.Errorf("Parse(title only): %d blocks, want only page.title", len(p.Blocks))
	}
}

func TestParseBlockPositions(t *testing.T) {
	t.Parallel()
	p := readPage(t)
	// Lines of testdata/page.md; columns where the text of the block starts.
	want := map[string]diag.Pos{
		"narcotics-smuggling.title":                              {Line: 2, Col: 9}, // its value in the front matter
		"narcotics-smuggling.intro.p1":                           {Line: 13, Col: 1},
		"narcotics-smuggling.intro.p2":                           {Line: 16, Col: 1},
		"narcotics-smuggling.hsis-response-to-smuggling.heading": {Line: 18, Col: 4},
		"narcotics-smuggling.hsis-response-to-smuggling.li2":     {Line: 21, Col: 3},
		"narcotics-smuggling.hsis-response-to-smuggling.p1":      {Line: 38, Col: 1},
		"narcotics-smuggling.the-path-forward.li1":               {Line: 44, Col: 4},
	}
	for _, b := range p.Blocks {
		w, ok := want[b.ID]
		if !ok {
			continue
		}
		delete(want, b.ID)
		w.File = "content/narcotics-smuggling.md"
		if b.Pos != w {
			t.Errorf("block %s: Pos = %v, want %v", b.ID, b.Pos, w)
		}
	}
	for id := range want {
		t.Errorf("no block %s", id)
	}
}

func TestParseKeepsCodeOutOfBlocks(t *testing.T) {
	t.Parallel()
	p := readPage(t)
	for _, b := range p.Blocks {
		if strings.Contains(b.Text, "translated") {
			t.Errorf("block %s holds code: %q", b.ID, b.Text)
		}
	}
	var code []*content.Node
	for _, n := range p.Body {
		if n.Kind == content.NodeCode {
			code = append(code, n)
		}
	}
	want := []struct{ code, info string }{
		{"echo \"code is never translated\"\n", "sh"},
		{"indented code is not translated either\n", ""},
	}
	if len(code) != len(want) {
		t.Fatalf("body has %d code nodes, want %d", len(code), len(want))
	}
	for i, w := range want {
		if code[i].Code != w.code || code[i].Info != w.info || code[i].Block != nil {
			t.Errorf("code node %d = {Code: %q, Info: %q, Block: %v}, want {Code: %q, Info: %q, Block: nil}", i, code[i].Code, code[i].Info, code[i].Block, w.code, w.info)
		}
	}
}

func TestParseKeepsPageStructure(t *testing.T) {
	t.Parallel()
	p := readPage(t)
	var kinds []content.NodeKind
	for _, n := range p.Body {
		kinds = append(kinds, n.Kind)
	}
	want := []content.NodeKind{
		content.NodeParagraph, content.NodeParagraph,
		content.NodeHeading, content.NodeList, content.NodeQuote, content.NodeHeading,
		content.NodeTable, content.NodeCode, content.NodeCode, content.NodeParagraph, content.NodeRule,
		content.NodeHeading, content.NodeList,
	}
	if len(kinds) != len(want) {
		t.Fatalf("body kinds = %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("body node %d: Kind = %v, want %v", i, kinds[i], want[i])
		}
	}
	if h := p.Body[5]; h.Level != 3 || h.Block == nil || h.Block.Text != "Deeper heading" {
		t.Errorf("H3 node = %+v, want level 3 with block \"Deeper heading\"", h)
	}
	if l := p.Body[3]; l.Ordered || !l.Tight || len(l.Children) != 2 {
		t.Errorf("bullet list: Ordered = %v, Tight = %v, %d items; want false, true, 2", l.Ordered, l.Tight, len(l.Children))
	}
	if l := p.Body[12]; !l.Ordered || l.Start != 1 {
		t.Errorf("ordered list: Ordered = %v, Start = %d; want true, 1", l.Ordered, l.Start)
	}
	table := p.Body[6]
	if len(table.Children) != 2 {
		t.Fatalf("table has %d rows, want 2", len(table.Children))
	}
	header, row := table.Children[0], table.Children[1]
	if !header.Header || row.Header {
		t.Errorf("rows: Header = %v, %v; want true, false", header.Header, row.Header)
	}
	for i, wantAlign := range []string{"left", "right"} {
		if c := header.Children[i]; c.Align != wantAlign || !c.Header {
			t.Errorf("header cell %d: Align = %q, Header = %v; want %q, true", i, c.Align, c.Header, wantAlign)
		}
		if c := row.Children[i]; c.Align != wantAlign || c.Header {
			t.Errorf("body cell %d: Align = %q, Header = %v; want %q, false", i, c.Align, c.Header, wantAlign)
		}
	}
}

func TestParseInlineText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
	}{
		{"bold and link kept", "A **bold** [link](https://example.gov/a).", "A **bold** [link](https://example.gov/a)."},
		{"soft line breaks joined by a space", "one\ntwo\n   three", "one two three"},
		{"CRLF line endings", "one\r\ntwo", "one two"},
		{"hard break with two spaces", "one  \ntwo", "one\\\ntwo"},
		{"hard break with backslash", "one\\\ntwo", "one\\\ntwo"},
		{"trailing spaces dropped", "end   ", "end"},
		{"code span kept", "Run `l10n extract`.", "Run `l10n extract`."},
		{"non-ASCII text", "Éxito — 成功", "Éxito — 成功"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := parse(t, "+++\ntitle = \"T\"\n+++\n\n"+tt.body+"\n")
			if len(p.Blocks) != 2 {
				t.Fatalf("Parse(%q) gave %d blocks, want title and one paragraph", tt.body, len(p.Blocks))
			}
			if got := p.Blocks[1].Text; got != tt.want {
				t.Errorf("Parse(%q) text = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

// blockIDs returns the ID and text of each body block of src.
func blockIDs(t *testing.T, src string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, b := range parse(t, src).Blocks {
		out[b.ID] = b.Text
	}
	return out
}

func TestParseKeepsIDsOfLaterSectionsWhenParagraphInserted(t *testing.T) {
	t.Parallel()
	const before = `+++
title = "T"
+++

Intro.

## First

Alpha.

## Second

Beta.

- Item.
`
	after := strings.Replace(before, "Alpha.\n", "Inserted.\n\nAlpha.\n", 1)
	old, new := blockIDs(t, before), blockIDs(t, after)
	for _, id := range []string{"page.intro.p1", "page.second.heading", "page.second.p1", "page.second.li1"} {
		if old[id] == "" || old[id] != new[id] {
			t.Errorf("%s = %q before the insertion and %q after, want the same non-empty text", id, old[id], new[id])
		}
	}
	if new["page.first.p1"] != "Inserted." || new["page.first.p2"] != "Alpha." {
		t.Errorf("first section after insertion: p1 = %q, p2 = %q; want %q, %q", new["page.first.p1"], new["page.first.p2"], "Inserted.", "Alpha.")
	}
}

func TestParseSectionKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		body    string
		wantIDs []string
	}{
		{
			name:    "repeated heading gets a number",
			body:    "## Steps\n\nA\n\n## Steps\n\nB\n",
			wantIDs: []string{"page.steps.heading", "page.steps.p1", "page.steps-2.heading", "page.steps-2.p1"},
		},
		{
			name:    "heading named like a front matter key",
			body:    "## Title\n\nA\n\n## Description\n\nB\n\n## Breadcrumbs\n",
			wantIDs: []string{"page.section-title.heading", "page.section-title.p1", "page.section-description.heading", "page.section-description.p1", "page.section-breadcrumbs.heading"},
		},
		{
			name:    "heading without letters",
			body:    "## ***\n\nA\n",
			wantIDs: []string{"page.section.heading", "page.section.p1"},
		},
		{
			name:    "markup and accents dropped from key",
			body:    "## **Über** the [Border](https://example.gov)\n",
			wantIDs: []string{"page.uber-the-border.heading"},
		},
		{
			// The section headed "Intro" must not share numbering with
			// the blocks before the first heading.
			name:    "heading named Intro",
			body:    "Before.\n\n## Intro\n\nAfter.\n",
			wantIDs: []string{"page.intro.p1", "page.intro-2.heading", "page.intro-2.p1"},
		},
		{
			name:    "deeper headings numbered in their section",
			body:    "# Top\n\n## A\n\n### B\n\n#### C\n\n## D\n\n### E\n",
			wantIDs: []string{"page.intro.h1", "page.a.heading", "page.a.h1", "page.a.h2", "page.d.heading", "page.d.h1"},
		},
		{
			name:    "paragraphs in a list item",
			body:    "- a\n\n  more of a\n- b\n",
			wantIDs: []string{"page.intro.li1", "page.intro.li2", "page.intro.li3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := parse(t, "+++\ntitle = \"T\"\n+++\n\n"+tt.body)
			var got []string
			for _, b := range p.Blocks[1:] {
				got = append(got, b.ID)
			}
			if strings.Join(got, " ") != strings.Join(tt.wantIDs, " ") {
				t.Errorf("IDs = %q, want %q", got, tt.wantIDs)
			}
		})
	}
}

func TestParseIDsAreUnique(t *testing.T) {
	t.Parallel()
	src := "+++\ntitle = \"T\"\n+++\n\nA\n\n## Intro\n\nB\n\n## Intro\n\nC\n\n## Intro 2\n\nD\n\n## A\n\n> Q\n\n> R\n"
	seen := map[string]bool{}
	for _, b := range parse(t, src).Blocks {
		if seen[b.ID] {
			t.Errorf("ID %s given to two blocks", b.ID)
		}
		seen[b.ID] = true
	}
}

func TestParseSlugNamesIDsOfNestedPages(t *testing.T) {
	t.Parallel()
	p, err := content.Parse("content/What We Do/Drugs.md", []byte("+++\ntitle = \"T\"\n+++\n\nA\n"), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Slug != "what-we-do/drugs" {
		t.Errorf("Slug = %q, want %q", p.Slug, "what-we-do/drugs")
	}
	if got, want := p.Blocks[1].ID, "what-we-do.drugs.intro.p1"; got != want {
		t.Errorf("ID = %q, want %q", got, want)
	}
}
