package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// Old is a message of the English catalog as it was, as Assign and
// SameSource read it: its ID, its hash and its English. A site's English
// is tens of thousands of them, read once per command: three strings
// each, not a catalog.Message with its map of forms.
type Old struct {
	ID, Hash, Text string
}

// OldOf returns the Old of each of msgs, English messages of one form.
func OldOf(msgs []*catalog.Message) []Old {
	out := make([]Old, len(msgs))
	for i, m := range msgs {
		out[i] = Old{ID: m.ID, Hash: m.Hash, Text: m.Other()}
	}
	return out
}

// Assign gives every block of pages its message ID, keeping the IDs of the
// previous English catalog wherever the block is still there, so that a
// translation stays attached to its block through edits around it:
//
//   - a block pinned in the Markdown with {#id} is <page>.<id> (an H2's
//     pin also names its section: <page>.<id>.heading);
//   - a block whose English is unchanged keeps its ID, even if blocks were
//     inserted or removed before it, or if it moved;
//   - a block whose English changed keeps the ID of the old block in the
//     same place (between the same unchanged neighbours, of the same
//     kind), so its translations become stale, not lost;
//   - any other block is new and gets the next free ID of its kind in its
//     section. A free ID is one no catalog holds a translation of, so a
//     new block never inherits the translation of a deleted one.
//
// previous is the English catalog as it was (nil for none; see Old); taken holds
// every ID of every catalog. Assign is deterministic, and idempotent:
// assigning again against its own output changes no ID.
func Assign(pages []*content.Page, previous []Old, taken map[string]bool) error {
	var list diag.List
	used := map[string]bool{}
	for id := range taken {
		used[id] = true
	}
	for _, m := range previous {
		used[m.ID] = true
	}
	// The previous messages of each page, found in one pass: a page's
	// prefix ends at one of the dots of the ID; the longest one that is a
	// page's wins, so "a.b.intro.p1" is page a/b's, not page a's.
	byPage := make(map[string][]Old, len(pages))
	for _, p := range pages {
		byPage[content.Prefix(p.Slug)+"."] = nil
	}
	for _, p := range pages {
		clearOfPages(p, byPage)
	}
	for _, m := range previous {
		page := ""
		for i := 0; i < len(m.ID); i++ {
			if m.ID[i] != '.' {
				continue
			}
			if _, ok := byPage[m.ID[:i+1]]; ok {
				page = m.ID[:i+1]
			}
		}
		if page != "" {
			byPage[page] = append(byPage[page], m)
		}
	}
	for _, p := range pages {
		prefix := content.Prefix(p.Slug) + "."
		assignPage(p, prefix, byPage[prefix], used, &list)
	}
	checkIDs(pages, &list)
	return list.Err()
}

// clearOfPages renames each H2 section of p whose natural ID prefix is
// another page's ("Concepts" in docs/_index.md and the page
// docs/concepts.md are both docs.concepts.): the section is keyed
// section-<name>, as a section named after a front matter key is, so the
// messages of the two never mix, whatever the order pages are read in.
// pages holds each page's prefix with its final dot.
func clearOfPages(p *content.Page, pages map[string][]Old) {
	prefix := content.Prefix(p.Slug) + "."
	renamed := map[string]string{}
	for _, b := range p.Blocks {
		if b.Key != "heading" || b.Pin != "" || !strings.HasSuffix(b.ID, ".heading") {
			continue
		}
		section := strings.TrimSuffix(b.ID, "heading")
		if _, ok := pages[section]; ok {
			renamed[section] = prefix + "section-" + strings.TrimPrefix(section, prefix)
		}
	}
	// A section's blocks, its heading among them, are the IDs that
	// start with its prefix; no other block's does.
	for _, b := range p.Blocks {
		for from, to := range renamed {
			if strings.HasPrefix(b.ID, from) {
				b.ID = to + strings.TrimPrefix(b.ID, from)
			}
		}
	}
}

// body returns the blocks that take part in matching: the body blocks,
// not the front matter, whose IDs are fixed names.
func body(p *content.Page) []*content.Block {
	var out []*content.Block
	for _, b := range p.Blocks {
		switch b.Kind {
		case content.Title, content.Description, content.Breadcrumb, content.Field:
		default:
			out = append(out, b)
		}
	}
	return out
}

// assignPage gives the blocks of page p their IDs, prefix being the
// page's and old its messages in the previous English catalog; used
// holds every ID in use, and gets each one given.
func assignPage(p *content.Page, prefix string, old []Old, used map[string]bool, list *diag.List) {
	blocks := body(p)
	match := matchOld(blocks, prefix, old)
	for i, b := range blocks {
		if match[i] >= 0 {
			b.ID = old[match[i]].ID
		}
		if match[i] >= 0 || b.Pin != "" {
			used[b.ID] = true
		}
	}
	// New blocks get the next free ID of their kind in their section.
	for i, b := range blocks {
		if match[i] >= 0 || b.Pin != "" {
			continue
		}
		if b.Key == "heading" {
			b.ID = freeSection(prefix, b, used)
		} else {
			b.ID = freeID(sectionOf(prefix, b), b.Key, used)
		}
		used[b.ID] = true
	}
}

// matching pairs the body blocks of a page with its old messages, each
// with at most one of the other.
type matching struct {
	blocks []*content.Block
	old    []Old
	match  []int  // block → index in old, or -1
	taken  []bool // old message → paired
}

// matchOld returns, for each of blocks, the index in old of the message
// whose ID it keeps, or -1, by the rules of Assign; on the way it names
// each pinned block: prefix, then its pin.
func matchOld(blocks []*content.Block, prefix string, old []Old) []int {
	m := &matching{blocks: blocks, old: old, match: make([]int, len(blocks)), taken: make([]bool, len(old))}
	for i := range m.match {
		m.match[i] = -1
	}
	m.pins(prefix)
	// Unchanged blocks in the same order: the anchors.
	for _, pair := range lcs(blocks, old, m.match, m.taken) {
		m.claim(pair[0], pair[1])
	}
	anchors := slices.Clone(m.match)
	m.moved()
	m.edited(anchors)
	return m.match
}

func (m *matching) claim(bi, oi int) {
	m.match[bi], m.taken[oi] = oi, true
}

// pins names each pinned block after its pin, and pairs it with the old
// message of that ID if there is one.
func (m *matching) pins(prefix string) {
	var oldIndex map[string]int // made for a page with a pin
	for i, b := range m.blocks {
		if b.Pin == "" {
			continue
		}
		if oldIndex == nil {
			oldIndex = make(map[string]int, len(m.old))
			for i, msg := range m.old {
				oldIndex[msg.ID] = i
			}
		}
		b.ID = prefix + b.Pin
		if b.Kind == content.Heading && b.Key == "heading" {
			b.ID += ".heading"
		}
		if oi, ok := oldIndex[b.ID]; ok {
			m.claim(i, oi)
		}
	}
}

// moved pairs each block not paired yet with the first free old message
// of the same English and kind: an unchanged block that moved.
func (m *matching) moved() {
	for i, b := range m.blocks {
		if m.match[i] >= 0 {
			continue
		}
		for oi, msg := range m.old {
			if !m.taken[oi] && msg.Text == b.Text && sameKind(b, msg.ID) {
				m.claim(i, oi)
				break
			}
		}
	}
}

// edited pairs each block not paired yet, and not pinned, with the first
// free old message of its kind between the same anchors (the pairs of
// unchanged blocks in order): an edited block keeps its place's ID. A
// pinned old message is not given to another block.
func (m *matching) edited(anchors []int) {
	for i, b := range m.blocks {
		if m.match[i] >= 0 || b.Pin != "" {
			continue
		}
		lo, hi := gap(anchors, i, len(m.old))
		for oi := lo; oi < hi; oi++ {
			if !m.taken[oi] && sameKind(b, m.old[oi].ID) && !isPinned(m.old[oi].ID) {
				m.claim(i, oi)
				break
			}
		}
	}
}

// lcs returns the pairs (block, old) of a longest common subsequence of
// blocks and old messages with equal English and kind, among those not
// matched yet.
func lcs(blocks []*content.Block, old []Old, match []int, taken []bool) [][2]int {
	n, m := len(blocks), len(old)
	eq := func(i, j int) bool {
		return match[i] < 0 && !taken[j] && blocks[i].Pin == "" && old[j].Text == blocks[i].Text && sameKind(blocks[i], old[j].ID)
	}
	// t[i*w+j] is the LCS length of blocks[i:] and old[j:]: one array,
	// not a row each, for every page of every extract.
	w := m + 1
	t := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if eq(i, j) {
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			} else {
				t[i*w+j] = max(t[(i+1)*w+j], t[i*w+j+1])
			}
		}
	}
	var pairs [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case eq(i, j):
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return pairs
}

// gap returns the range of old indexes between the anchors around block i.
func gap(anchors []int, i, n int) (lo, hi int) {
	lo, hi = 0, n
	for k := i - 1; k >= 0; k-- {
		if anchors[k] >= 0 {
			lo = anchors[k] + 1
			break
		}
	}
	for k := i + 1; k < len(anchors); k++ {
		if anchors[k] >= 0 {
			hi = anchors[k]
			break
		}
	}
	return lo, hi
}

// kindOf returns the kind of an ID's last part: "p12" → "p".
func kindOf(id string) string {
	last := id[strings.LastIndexByte(id, '.')+1:]
	return strings.TrimRight(last, "0123456789")
}

func sameKind(b *content.Block, id string) bool { return kindOf(id) == b.Key }

// isPinned reports whether id was a pin: its last part is not <kind><n>.
func isPinned(id string) bool {
	last := id[strings.LastIndexByte(id, '.')+1:]
	k := kindOf(id)
	return last != "heading" && (k == last || !slices.Contains([]string{"h", "p", "li", "quote", "cell"}, k))
}

// sectionOf returns the ID prefix of the blocks of b's section:
// "<page>.<section>.", taken from the ID its heading has now.
func sectionOf(prefix string, b *content.Block) string {
	if b.Heading == nil {
		return prefix + "intro."
	}
	return strings.TrimSuffix(b.Heading.ID, "heading")
}

// freeSection names a new H2 section after its heading, numbered if the
// name is in use.
func freeSection(prefix string, b *content.Block, used map[string]bool) string {
	natural := strings.TrimSuffix(b.ID, ".heading")
	name := natural
	for i := 2; sectionUsed(name, used); i++ {
		name = fmt.Sprintf("%s-%d", natural, i)
	}
	return name + ".heading"
}

func sectionUsed(section string, used map[string]bool) bool {
	for id := range used {
		if strings.HasPrefix(id, section+".") || id == section {
			return true
		}
	}
	return false
}

func freeID(section, key string, used map[string]bool) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s%s%d", section, key, n)
		if !used[id] {
			return id
		}
	}
}

// checkIDs reports two blocks with one ID (a pin used twice) and an ID
// that is a prefix of another: go-i18n cannot hold both, a message table
// cannot also hold messages.
func checkIDs(pages []*content.Page, list *diag.List) {
	seen := map[string]*content.Block{}
	var ids []string
	for _, p := range pages {
		for _, b := range p.Blocks {
			if first, ok := seen[b.ID]; ok {
				list.Add(diag.Errorf(b.Pos, "message ID %s is also used at %s; pin another {#id}", b.ID, first.Pos))
				continue
			}
			seen[b.ID] = b
			ids = append(ids, b.ID)
		}
	}
	slices.Sort(ids)
	for i := 1; i < len(ids); i++ {
		if strings.HasPrefix(ids[i], ids[i-1]+".") {
			b := seen[ids[i-1]]
			list.Add(diag.Errorf(b.Pos, "message ID %s would hold %s inside it; pin another {#id}", ids[i-1], ids[i]))
		}
	}
}
