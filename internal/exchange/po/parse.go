package po

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// Parse reads src, the PO file name, and returns its units. name is the
// file as the user named it; every problem is reported at its line and
// column in it, all at once.
//
// Parse refuses a byte order mark, invalid UTF-8, a charset other than
// UTF-8, bad escapes, an entry without msgctxt (the message ID), two
// entries with the same msgctxt and msgid, and a Plural-Forms header whose
// nplurals or expression differ from the plural rules of the file's
// Language. A fuzzy entry needs review; an entry whose msgstr is empty is
// untranslated, and so is a suggestion as Write makes one (fuzzy, with a
// TMComment and a previous msgid): its msgstr is read as the unit's match,
// never as its target.
func Parse(name string, src []byte) (*exchange.File, error) {
	if err := check(name, src); err != nil {
		return nil, err
	}
	l := &lexer{name: name}
	l.lex(src)
	list := l.list
	p := &parser{name: name, list: &list}
	f := p.file(l.entries)
	if err := list.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

type parser struct {
	name       string
	list       *diag.List
	categories []string
}

func (p *parser) errorf(pos diag.Pos, format string, args ...any) {
	p.list.Add(diag.Errorf(pos, format, args...))
}

// header is the header entry's fields.
type header struct {
	entry  *entry
	fields map[string]string
	pos    map[string]diag.Pos
}

func (p *parser) file(entries []*entry) *exchange.File {
	var h *header
	var live []*entry
	for _, e := range entries {
		switch {
		case e.obsolete || e.bad || e.id == nil && e.ctxt == nil:
			// Obsolete, already reported, or comments only.
		case e.id == nil:
			p.errorf(e.pos, "msgctxt without a msgid after it; add the msgid and msgstr")
		case len(e.strs) == 0:
			p.errorf(e.pos, "msgid without a msgstr after it; add the msgstr")
		case e.ctxt == nil && len(e.id.text) == 0:
			if h != nil {
				p.errorf(e.pos, "a second header entry (msgid \"\"); keep the first, at %s", h.entry.pos)
				continue
			}
			h = p.header(e)
		default:
			live = append(live, e)
		}
	}
	f := &exchange.File{Source: language.English}
	if h == nil {
		p.errorf(diag.Pos{File: p.name, Line: 1, Col: 1}, "the file has no header entry (msgid \"\" with Language and Content-Type); export it again with l10n export")
		return f
	}
	f.TargetPos = h.at("Language")
	f.Source, f.Target = p.languages(h)
	p.categories = locale.PluralCategories(f.Target)
	plural := false
	for _, e := range live {
		plural = plural || e.plural != nil
	}
	if v, ok := h.fields["Plural-Forms"]; ok && f.Target != language.Und {
		if msg := checkPluralForms(v, f.Target); msg != "" {
			p.errorf(h.at("Plural-Forms"), "%s", msg)
		}
	} else if plural && f.Target != language.Und {
		use, err := PluralForms(f.Target)
		if err != nil {
			use = "nplurals=…; plural=…;"
		}
		p.errorf(h.at(""), "the file has plural entries but no Plural-Forms header; add \"Plural-Forms: %s\\n\"", use)
	}
	seen := map[string]*entry{}
	for _, e := range live {
		if u := p.unit(e, seen, f.Target != language.Und); u != nil {
			f.Units = append(f.Units, u)
		}
	}
	return f
}

// header reads the fields of the header entry, "Key: value" per line.
func (p *parser) header(e *entry) *header {
	h := &header{entry: e, fields: map[string]string{}, pos: map[string]diag.Pos{}}
	s := e.strs[0]
	off := 0
	for _, line := range strings.SplitAfter(string(s.text), "\n") {
		key, value, ok := strings.Cut(strings.TrimSuffix(line, "\n"), ":")
		if ok {
			key = strings.TrimSpace(key)
			h.fields[key] = strings.TrimSpace(value)
			h.pos[key] = s.at(off)
		}
		off += len(line)
	}
	if ct, ok := h.fields["Content-Type"]; ok {
		_, cs, _ := strings.Cut(strings.ToLower(ct), "charset=")
		if cs = strings.TrimSpace(cs); cs != "utf-8" && cs != "utf8" {
			p.errorf(h.at("Content-Type"), "the charset is %q; save the file as UTF-8 and set \"Content-Type: text/plain; charset=UTF-8\"", cs)
		}
	}
	return h
}

// at returns where field key is, or the header's msgstr.
func (h *header) at(key string) diag.Pos {
	if p, ok := h.pos[key]; ok {
		return p
	}
	return h.entry.strs[0].pos
}

// languages reads Language (the target) and X-Source-Language (English
// when absent). A POSIX locale name such as pt_BR, as gettext tools
// write, is read as the BCP 47 tag pt-BR.
func (p *parser) languages(h *header) (source, target language.Tag) {
	source = language.English
	if v, ok := h.fields["X-Source-Language"]; ok {
		tag, err := locale.Parse(strings.ReplaceAll(v, "_", "-"))
		if err != nil {
			p.errorf(h.at("X-Source-Language"), "X-Source-Language: %v", err)
		}
		source = tag
	}
	v, ok := h.fields["Language"]
	if !ok || v == "" {
		p.errorf(h.at("Language"), "the header has no Language; add \"Language: vi\\n\" with the locale's BCP 47 tag")
		return source, language.Und
	}
	tag, err := locale.Parse(strings.ReplaceAll(v, "_", "-"))
	if err != nil {
		p.errorf(h.at("Language"), "Language: %v", err)
		return source, language.Und
	}
	return source, tag
}

// unit turns a live entry into a unit; nil after an error.
func (p *parser) unit(e *entry, seen map[string]*entry, rules bool) *exchange.Unit {
	if e.ctxt == nil {
		p.errorf(e.pos, "an entry without msgctxt; each entry's msgctxt is its message ID: keep the msgctxt lines l10n export wrote")
		return nil
	}
	if !p.validStrings(e) {
		return nil
	}
	id := string(e.ctxt.text)
	key := id + "\x04" + string(e.id.text) // gettext's own key: context EOT msgid
	if first, ok := seen[key]; ok {
		p.errorf(e.pos, "duplicate entry: msgctxt %q with this msgid is also at %s; keep one", id, first.pos)
		return nil
	}
	seen[key] = e
	u := &exchange.Unit{
		ID: id, Note: strings.Join(e.notes, "\n"), Hash: e.hash, Plural: e.plural != nil,
		Source: map[string]string{"other": string(e.id.text)},
		Pos:    e.pos,
	}
	if prev := e.prev["msgid"]; prev != nil {
		u.Stale, u.Previous = true, string(prev.text)
	}
	if u.Plural {
		u.Source = map[string]string{"one": string(e.id.text), "other": string(e.plural.text)}
		if !rules {
			return nil // the Language error says why
		}
	}
	target, targetPos, ok := p.targets(e, id)
	if !ok {
		return nil
	}
	empty := true
	for _, v := range target {
		empty = empty && v == ""
	}
	switch {
	case empty:
		u.State = exchange.Untranslated
	case e.fuzzy:
		u.State = exchange.NeedsReview
	default:
		u.State = exchange.Translated
	}
	if m, ok := parseTM(e.tm); ok && u.State == exchange.NeedsReview && !u.Plural && e.prev["msgid"] != nil {
		// A suggestion as Write makes one, still fuzzy: its msgstr is
		// the match, not a translation, and reads back as the match.
		m.Source, m.Target = u.Previous, target["other"]
		u.Matches = []exchange.Match{m}
		u.State, u.Stale, u.Previous = exchange.Untranslated, false, ""
		return u
	}
	if u.State != exchange.Untranslated {
		u.Target, u.TargetPos = target, targetPos
	}
	return u
}

// validStrings reports whether every string of e is valid UTF-8 without
// U+0000, which no message may hold; it reports the first that is not, at
// its position.
func (p *parser) validStrings(e *entry) bool {
	for _, s := range append([]*str{e.ctxt, e.id, e.plural}, e.strs...) {
		if s == nil {
			continue
		}
		if !utf8.Valid(s.text) {
			p.errorf(s.pos, "the escapes in this string make invalid UTF-8; write the characters as they are")
			return false
		}
		if bytes.IndexByte(s.text, 0) >= 0 {
			p.errorf(s.pos, "the string holds \\0 (U+0000), which no message may hold; remove it")
			return false
		}
	}
	return true
}

// targets returns the msgstr forms of e, the entry of message id, and
// where each starts, by plural category: "other" for an entry without
// msgid_plural, else one per category of the file's language, in order.
// ok is false, after an error, when a plural entry has another number
// of forms.
func (p *parser) targets(e *entry, id string) (target map[string]string, pos map[string]diag.Pos, ok bool) {
	target, pos = map[string]string{}, map[string]diag.Pos{}
	if e.plural == nil {
		target["other"], pos["other"] = string(e.strs[0].text), e.strs[0].pos
		return target, pos, true
	}
	if len(e.strs) != len(p.categories) {
		p.errorf(e.pos, "[%s] has %d plural forms, but the language has %d (%s); give msgstr[0] to msgstr[%d]", id, len(e.strs), len(p.categories), strings.Join(p.categories, ", "), len(p.categories)-1)
		return nil, nil, false
	}
	for i, c := range p.categories {
		target[c], pos[c] = string(e.strs[i].text), e.strs[i].pos
	}
	return target, pos, true
}

// parseTM reads the text of a TMComment, "92% match" or "92% match from
// page.intro.p1", into a match's similarity and origin. A comment that
// does not read so is a translator's note like any other.
func parseTM(s string) (exchange.Match, bool) {
	pct, rest, ok := strings.Cut(strings.TrimRight(s, " \t"), "% match")
	n, err := strconv.Atoi(pct)
	if !ok || err != nil || n < 0 || n > 100 {
		return exchange.Match{}, false
	}
	m := exchange.Match{Similarity: n}
	if rest != "" {
		origin, ok := strings.CutPrefix(rest, " from ")
		if !ok {
			return exchange.Match{}, false
		}
		m.Origin = strings.TrimSpace(origin)
	}
	return m, true
}
