package xliff

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
)

// The segment states of XLIFF 2.0, in the order of progress.
var states = []string{"initial", "translated", "reviewed", "final"}

// text is what one <unit> holds: its texts joined across its segments
// and ignorables, its least advanced state, and its notes.
type text struct {
	source, target string
	hasTarget      bool
	state          int // index in states
	stale          bool
	targetOff      int
	note, hash     string
	previous       string
	matches        []exchange.Match
}

// unit reads a <unit> that is a whole message.
func (p *parser) unit(n *node) *exchange.Unit {
	id, ok := n.get("id")
	if !ok || id == "" {
		p.errorf(n.off, "<unit> has no id; every unit's id is its message ID: keep the ids l10n export wrote")
		return nil
	}
	t := p.text(n, id)
	if t == nil {
		return nil
	}
	u := &exchange.Unit{
		ID: id, Note: t.note, Hash: t.hash, Previous: t.previous, Stale: t.stale,
		Source:  map[string]string{"other": t.source},
		Matches: t.matches,
		Pos:     p.pos(n.off),
	}
	if t.hasTarget {
		u.Target = map[string]string{"other": t.target}
		u.TargetPos = map[string]diag.Pos{"other": p.pos(t.targetOff)}
	}
	u.State = unitState(t.hasTarget, t.state, t.target == "")
	return u
}

// plural reads a <group type="l10n:plural">: a message with plural forms,
// one <unit> per plural category, named by its name attribute.
func (p *parser) plural(g *node) *exchange.Unit {
	id, ok := g.get("id")
	if !ok || id == "" {
		p.errorf(g.off, "<group> has no id; a plural message's group id is its message ID: keep the ids l10n export wrote")
		return nil
	}
	u := &exchange.Unit{ID: id, Plural: true, Source: map[string]string{}, Pos: p.pos(g.off)}
	least, targets, allEmpty := len(states)-1, map[string]string{}, true
	targetPos := map[string]diag.Pos{}
	var hashOff, units int
	for _, it := range g.items {
		el := it.el
		if el == nil || el.name.Space != Namespace {
			continue
		}
		switch el.name.Local {
		case "notes":
			p.notes(el, &text{}) // a group's notes only inform
			continue
		case "unit":
		default:
			p.errorf(el.off, "unexpected <%s> in the plural group %q; it holds one <unit> per plural form", el.name.Local, id)
			continue
		}
		units++
		uid, form, ok := p.pluralForm(el, id, u.Source)
		if !ok {
			continue
		}
		t := p.text(el, uid)
		if t == nil {
			continue
		}
		u.Source[form] = t.source
		if form == "other" {
			u.Matches = t.matches // Write puts them on the unit of "other"
		}
		if t.hasTarget {
			targets[form] = t.target
			targetPos[form] = p.pos(t.targetOff)
			allEmpty = allEmpty && t.target == ""
		} else {
			t.state = 0
		}
		least = min(least, t.state)
		p.formNotes(u, t, el.off, &hashOff)
	}
	switch {
	case units == 0:
		p.errorf(g.off, "the plural group %q holds no unit; export the file again", id)
		return nil
	case len(u.Source) == 0:
		return nil // its units' errors say why
	}
	if len(targets) > 0 {
		u.Target, u.TargetPos = targets, targetPos
	}
	u.State = unitState(len(targets) > 0, least, allEmpty)
	return u
}

// pluralForm returns the id of el, a <unit> of the plural group id, and
// the plural category it holds: its name attribute, else what follows
// "id:" in its id. ok is false, after an error, when that is no plural
// category, or one that seen, the forms read so far, already has.
func (p *parser) pluralForm(el *node, id string, seen map[string]string) (uid, form string, ok bool) {
	uid, _ = el.get("id")
	form, ok = el.get("name")
	if !ok {
		_, form, _ = strings.Cut(uid, id+":")
	}
	switch {
	case !slices.Contains(catalog.Categories, form):
		p.errorf(el.off, "unit %q of the plural group %q names no plural category; its name must be one of %s", uid, id, strings.Join(catalog.Categories, ", "))
		return "", "", false
	case hasKey(seen, form):
		p.errorf(el.off, "the plural group %q has two units for the form %q; keep one", id, form)
		return "", "", false
	}
	return uid, form, true
}

// formNotes adds the notes of t, the unit of one plural form at off, to
// u, the plural message: u is stale if any form is, keeps the first
// description and previous English given, and has one hash, which every
// form that records one must agree on (*hashOff is where u's came from).
func (p *parser) formNotes(u *exchange.Unit, t *text, off int, hashOff *int) {
	u.Stale = u.Stale || t.stale
	u.Note = cmpOr(u.Note, t.note)
	u.Previous = cmpOr(u.Previous, t.previous)
	switch {
	case u.Hash == "":
		u.Hash, *hashOff = t.hash, off
	case t.hash != "" && t.hash != u.Hash:
		p.errorf(off, "the units of the plural group %q record different English (l10n-hash %s and %s at %s); export the file again", u.ID, t.hash, u.Hash, p.pos(*hashOff))
	}
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// unitState maps an XLIFF state to an exchange state: a target marked
// translated, reviewed or final is Translated; a non-empty target in state
// initial needs review; no target, or an empty one in state initial, is
// Untranslated.
func unitState(hasTarget bool, state int, empty bool) exchange.State {
	switch {
	case !hasTarget:
		return exchange.Untranslated
	case state > 0:
		return exchange.Translated
	case empty:
		return exchange.Untranslated
	}
	return exchange.NeedsReview
}

// text reads the notes, segments and ignorables of unit n (id is its id,
// for messages); nil after an error.
func (p *parser) text(n *node, id string) *text {
	t := &text{state: len(states) - 1}
	segments, bad := 0, false
	for _, it := range n.items {
		el := it.el
		if el != nil && el.name.Space == MatchesNamespace && el.name.Local == "matches" {
			t.matches = append(t.matches, p.matches(el)...)
			continue
		}
		if el == nil || el.name.Space != Namespace {
			continue // white space, or a module or extension not read
		}
		switch el.name.Local {
		case "notes":
			p.notes(el, t)
		case "segment", "ignorable":
			if el.name.Local == "segment" {
				segments++
			}
			bad = !p.segment(el, id, t) || bad
		case "originalData":
			p.errorf(el.off, "unit %q has <originalData>, the data of inline codes; l10n messages have none: export the file again", id)
			bad = true
		default:
			p.errorf(el.off, "unexpected <%s> in unit %q; a unit holds <notes>, <segment> and <ignorable>", el.name.Local, id)
			bad = true
		}
	}
	if segments == 0 {
		p.errorf(n.off, "unit %q has no <segment>; export the file again", id)
		return nil
	}
	if bad {
		return nil
	}
	return t
}

// notes reads the notes l10n wrote; a translator's own notes are kept by
// the CAT tool, not by the catalog.
func (p *parser) notes(n *node, t *text) {
	for _, it := range n.items {
		el := it.el
		if el == nil || el.name.Space != Namespace || el.name.Local != "note" {
			continue
		}
		s, ok := p.content(el, "note", false)
		if !ok {
			continue
		}
		switch cat, _ := el.get("category"); cat {
		case NoteDescription:
			t.note = s
		case NoteHash:
			t.hash = strings.TrimSpace(s)
		case NotePrevious:
			t.previous = s
		}
	}
}

// segment reads a <segment> or <ignorable> into t; false after an error.
func (p *parser) segment(n *node, id string, t *text) bool {
	isSegment := n.name.Local == "segment"
	state := 0
	if isSegment {
		s, ok := n.get("state")
		if !ok {
			s = "initial" // XLIFF 2.0's default
		}
		state = slices.Index(states, s)
		if state < 0 {
			p.errorf(n.off, "unit %q: state %q; XLIFF 2.0 states are %s", id, s, strings.Join(states, ", "))
			return false
		}
		if sub, _ := n.get("subState"); sub == SubStateStale {
			t.stale = true
		}
	}
	source, target, ok := p.parts(n, id)
	if !ok {
		return false
	}
	src, ok := p.content(source, "source of unit "+strconv.Quote(id), true)
	if !ok {
		return false
	}
	t.source += src
	if target == nil {
		if isSegment && state > 0 {
			p.errorf(n.off, "unit %q is in state %q but has no <target>; add the translation, or set state=\"initial\"", id, states[state])
			return false
		}
		if !isSegment {
			t.target += src // an ignorable without target is the same in both
			return true
		}
		t.state = min(t.state, state)
		return true
	}
	tgt, ok := p.content(target, "target of unit "+strconv.Quote(id), true)
	if !ok {
		return false
	}
	if !t.hasTarget {
		t.targetOff = target.off
	}
	t.target += tgt
	t.hasTarget = true
	if isSegment {
		t.state = min(t.state, state)
	}
	return true
}

// parts returns the <source> and the <target> (nil if none) of n, a
// <segment> or <ignorable> of unit id; ok is false, after an error, when
// n has no source or holds anything else.
func (p *parser) parts(n *node, id string) (source, target *node, ok bool) {
	for _, it := range n.items {
		el := it.el
		if el == nil || el.name.Space != Namespace {
			continue
		}
		switch {
		case el.name.Local == "source" && source == nil:
			source = el
		case el.name.Local == "target" && target == nil:
			target = el
		default:
			p.errorf(el.off, "unexpected <%s> in a <%s> of unit %q; it holds one <source> and at most one <target>", el.name.Local, n.name.Local, id)
			return nil, nil, false
		}
	}
	if source == nil {
		p.errorf(n.off, "a <%s> of unit %q has no <source>; export the file again", n.name.Local, id)
		return nil, nil, false
	}
	return source, target, true
}

// content returns the text of n. In a source or target (inline is true),
// <cp hex="…"/> is the character it stands for, <mrk> annotations are
// their text, <sm/> and <em/> are nothing, and inline codes are errors; a
// note holds text only.
func (p *parser) content(n *node, what string, inline bool) (string, bool) {
	var b strings.Builder
	ok := true
	for _, it := range n.items {
		el := it.el
		if el == nil {
			b.WriteString(it.text)
			continue
		}
		name := el.name.Local
		switch {
		case !inline || el.name.Space != Namespace:
			p.errorf(el.off, "unexpected <%s> in the %s; it holds text only", name, what)
			ok = false
		case name == "cp":
			r, good := codePoint(el)
			if !good {
				h, _ := el.get("hex")
				p.errorf(el.off, "<cp hex=%q/> in the %s is not a Unicode code point; write 1 to 6 hex digits of a code point other than a surrogate", h, what)
				ok = false
				continue
			}
			b.WriteRune(r)
		case name == "mrk":
			s, good := p.content(el, what, true)
			b.WriteString(s)
			ok = ok && good
		case name == "sm" || name == "em":
		case name == "ph" || name == "pc" || name == "sc" || name == "ec":
			p.errorf(el.off, "inline code <%s> in the %s; l10n messages have no inline codes, their Markdown is text: type links, **bold** and {{.Placeholders}} as the source shows them", name, what)
			ok = false
		default:
			p.errorf(el.off, "unexpected <%s> in the %s; XLIFF 2.0 allows text, <cp/> and inline elements there", name, what)
			ok = false
		}
	}
	return b.String(), ok
}

// codePoint reads the character of a <cp hex="…"/>.
func codePoint(n *node) (rune, bool) {
	h, _ := n.get("hex")
	if len(h) == 0 || len(h) > 6 {
		return 0, false
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return 0, false
	}
	return rune(v), true
}
