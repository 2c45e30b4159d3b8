package extract_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/extract"
)

// page parses a page whose body is body.
func page(t *testing.T, body string) *content.Page {
	t.Helper()
	p, err := content.Parse("content/page.md", []byte("+++\ntitle = \"Page\"\n+++\n\n"+body), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// ids returns "ID=text" for each body block.
func ids(p *content.Page) []string {
	var out []string
	for _, b := range p.Blocks[1:] {
		out = append(out, b.ID+"="+b.Text)
	}
	return out
}

// assign extracts v1 from scratch, then assigns v2 against the result.
func assign(t *testing.T, v1, v2 string, extraTaken ...string) *content.Page {
	t.Helper()
	p1 := page(t, v1)
	if err := extract.Assign([]*content.Page{p1}, nil, nil); err != nil {
		t.Fatal(err)
	}
	prev := extract.Source([]*content.Page{p1})
	taken := map[string]bool{}
	for _, m := range prev {
		taken[m.ID] = true
	}
	for _, id := range extraTaken {
		taken[id] = true
	}
	p2 := page(t, v2)
	if err := extract.Assign([]*content.Page{p2}, extract.OldOf(prev), taken); err != nil {
		t.Fatal(err)
	}
	return p2
}

func TestAssign(t *testing.T) {
	tests := []struct {
		name, v1, v2 string
		extra        []string
		want         []string
	}{
		{
			name: "inserting a paragraph at the top keeps every ID",
			v1:   "A.\n\nB.\n",
			v2:   "New.\n\nA.\n\nB.\n",
			want: []string{"page.intro.p3=New.", "page.intro.p1=A.", "page.intro.p2=B."},
		},
		{
			name: "an edited paragraph keeps its ID between unchanged neighbours",
			v1:   "A.\n\nB.\n\nC.\n",
			v2:   "A.\n\nB, edited.\n\nC.\n",
			want: []string{"page.intro.p1=A.", "page.intro.p2=B, edited.", "page.intro.p3=C."},
		},
		{
			name: "a moved list item keeps its ID",
			v1:   "- One.\n- Two.\n- Three.\n",
			v2:   "- Two.\n- Three.\n- One.\n",
			want: []string{"page.intro.li2=Two.", "page.intro.li3=Three.", "page.intro.li1=One."},
		},
		{
			name: "a paragraph moved to another section keeps its ID",
			v1:   "A.\n\n## S\n\nB.\n",
			v2:   "## S\n\nB.\n\nA.\n",
			want: []string{"page.s.heading=S", "page.s.p1=B.", "page.intro.p1=A."},
		},
		{
			name: "deleting a paragraph renumbers nothing",
			v1:   "A.\n\nB.\n\nC.\n",
			v2:   "A.\n\nC.\n",
			want: []string{"page.intro.p1=A.", "page.intro.p3=C."},
		},
		{
			name: "an edited heading keeps its section's IDs",
			v1:   "## Old name\n\nA.\n",
			v2:   "## New name\n\nA.\n\nB.\n",
			want: []string{"page.old-name.heading=New name", "page.old-name.p1=A.", "page.old-name.p2=B."},
		},
		{
			name:  "a new block never takes an ID another catalog holds",
			v1:    "A.\n",
			v2:    "A.\n\nB.\n",
			extra: []string{"page.intro.p2"},
			want:  []string{"page.intro.p1=A.", "page.intro.p3=B."},
		},
		{
			name: "a pinned ID survives a rewrite",
			v1:   "Call the tip line. {#tip-line}\n",
			v2:   "Please call our tip line today. {#tip-line}\n",
			want: []string{"page.tip-line=Please call our tip line today."},
		},
		{
			name: "a pinned heading names its section",
			v1:   "## Drugs {#drugs}\n\nA.\n",
			v2:   "## Illegal drugs {#drugs}\n\nA.\n",
			want: []string{"page.drugs.heading=Illegal drugs", "page.drugs.p1=A."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := ids(assign(t, tt.v1, tt.v2, tt.extra...))
			if !slices.Equal(got, tt.want) {
				t.Errorf("IDs after the edit:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAssignIsIdempotent(t *testing.T) {
	v1 := "A.\n\nB.\n\n## S\n\n- x\n- y\n"
	v2 := "New.\n\nA.\n\n## S renamed\n\n- y\n- x\n- z\n\nB, edited.\n"
	p := assign(t, v1, v2)
	prev := extract.Source([]*content.Page{p})
	again := page(t, v2)
	if err := extract.Assign([]*content.Page{again}, extract.OldOf(prev), nil); err != nil {
		t.Fatal(err)
	}
	if a, b := ids(p), ids(again); !slices.Equal(a, b) {
		t.Errorf("assigning against its own output changed IDs:\n%q\n%q", a, b)
	}
}

func TestAssignRejectsDuplicatePins(t *testing.T) {
	p := page(t, "A. {#x}\n\nB. {#x}\n")
	err := extract.Assign([]*content.Page{p}, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "content/page.md:7:1: message ID page.x is also used at content/page.md:5:1") {
		t.Errorf("Assign with a pin used twice: %v; want an error at the second one naming the first", err)
	}
}

func ExampleAssign() {
	v1, _ := content.Parse("content/page.md", []byte("+++\ntitle = \"Page\"\n+++\nFirst.\n\nSecond.\n"), content.Options{})
	_ = extract.Assign([]*content.Page{v1}, nil, nil)
	previous := extract.Source([]*content.Page{v1})

	v2, _ := content.Parse("content/page.md", []byte("+++\ntitle = \"Page\"\n+++\nInserted.\n\nFirst.\n\nSecond.\n"), content.Options{})
	_ = extract.Assign([]*content.Page{v2}, extract.OldOf(previous), map[string]bool{})
	for _, b := range v2.Blocks {
		fmt.Println(b.ID, b.Text)
	}
	// Output:
	// page.title Page
	// page.intro.p3 Inserted.
	// page.intro.p1 First.
	// page.intro.p2 Second.
}

// A section of docs/_index.md named like the page docs/concepts.md would
// share its ID prefix, docs.concepts.: the section is renamed, the same
// way in whichever order the pages come, and extracting again keeps every
// ID.
func TestAssignKeepsSectionsClearOfPages(t *testing.T) {
	parse := func(file, src string) *content.Page {
		t.Helper()
		p, err := content.Parse(file, []byte(src), content.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	load := func(reverse bool) []*content.Page {
		pages := []*content.Page{
			parse("content/docs/_index.md", "# Docs\n\n## Concepts\n\nThe ideas behind it.\n"),
			parse("content/docs/concepts.md", "---\ntitle: Concepts\n---\n\nA page of its own.\n\n## Terms\n\nWords.\n"),
		}
		if reverse {
			slices.Reverse(pages)
		}
		return pages
	}
	all := func(pages []*content.Page) []string {
		var out []string
		for _, p := range pages {
			for _, b := range p.Blocks {
				out = append(out, b.ID+"="+b.Text)
			}
		}
		slices.Sort(out)
		return out
	}
	first := load(false)
	if err := extract.Assign(first, nil, nil); err != nil {
		t.Fatal(err)
	}
	got := all(first)
	want := []string{
		"docs.concepts.intro.p1=A page of its own.",
		"docs.concepts.terms.heading=Terms",
		"docs.concepts.terms.p1=Words.",
		"docs.concepts.title=Concepts",
		"docs.intro.h1=Docs",
		"docs.section-concepts.heading=Concepts",
		"docs.section-concepts.p1=The ideas behind it.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("IDs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	prev := extract.Source(first)
	taken := map[string]bool{}
	for _, m := range prev {
		taken[m.ID] = true
	}
	again := load(true)
	if err := extract.Assign(again, extract.OldOf(prev), taken); err != nil {
		t.Fatal(err)
	}
	if got := all(again); !slices.Equal(got, want) {
		t.Errorf("IDs extracted again, pages in the other order:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
