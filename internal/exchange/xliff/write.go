package xliff

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// Namespace is the XML namespace of XLIFF 2.0 (and 2.1, 2.2) core.
const Namespace = "urn:oasis:names:tc:xliff:document:2.0"

// MatchesNamespace is the namespace of the XLIFF 2.0 Translation
// Candidates module (<mtc:matches>), which carries a unit's translation
// memory suggestions.
const MatchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"

// SegmentID is the id of the segment of a unit with matches: each
// <mtc:match> refers to it as "#" + SegmentID. Other segments have no id.
const SegmentID = "s1"

// The note categories l10n writes and reads, and the value of a stale
// segment's subState and of a plural message's group type.
const (
	NoteDescription = "description"
	NoteHash        = "l10n-hash"
	NotePrevious    = "l10n-previous"
	SubStateStale   = "l10n:stale"
	GroupPlural     = "l10n:plural"
)

// Write writes f as an XLIFF 2.0 document: one <file> whose id is the
// target locale, and in it one <unit> per message, or for a message with
// plural forms one <group> of units, one per plural category of the target
// language. A unit's translation memory matches are its <mtc:matches>
// (see the package doc); they are never a target. The output is
// deterministic: units in f's order, attributes and notes in a fixed
// order, LF line ends, UTF-8.
//
// Write fails on a message ID that cannot be an XLIFF id (an XML NMTOKEN:
// letters, digits, ".", "-", "_", ":"); extract never makes one.
func Write(w io.Writer, f *exchange.File) error {
	for _, u := range f.Units {
		if !isNMToken(u.ID) {
			return fmt.Errorf("message ID %q cannot be an XLIFF unit id (an XML NMTOKEN); rename it, or export --format po", u.ID)
		}
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	// The mtc prefix is declared only when a unit has matches, so that a
	// file without any keeps the bytes it had before matches existed.
	mtc := ""
	if slices.ContainsFunc(f.Units, func(u *exchange.Unit) bool { return len(u.Matches) > 0 }) {
		mtc = " xmlns:mtc=" + attr(MatchesNamespace)
	}
	fmt.Fprintf(bw, "<xliff xmlns=%s%s version=\"2.0\" srcLang=%s trgLang=%s>\n", attr(Namespace), mtc, attr(f.Source.String()), attr(f.Target.String()))
	// canResegment="no": a tool must not split or join segments, since
	// each segment is a whole message or plural form. xml:space: every
	// space, tab and line break of a message is part of it.
	fmt.Fprintf(bw, "  <file id=%s canResegment=\"no\" xml:space=\"preserve\">\n", attr(f.Target.String()))
	categories := locale.PluralCategories(f.Target)
	for _, u := range f.Units {
		if !u.Plural {
			writeUnit(bw, "    ", u.ID, "", u, "other", u.Source["other"])
			continue
		}
		fmt.Fprintf(bw, "    <group id=%s type=%s>\n", attr(u.ID), attr(GroupPlural))
		for _, c := range formsOf(u, categories) {
			src, ok := u.Source[c]
			if !ok {
				src = u.Source["other"]
			}
			writeUnit(bw, "      ", u.ID+":"+c, c, u, c, src)
		}
		fmt.Fprintf(bw, "    </group>\n")
	}
	fmt.Fprintf(bw, "  </file>\n</xliff>\n")
	return bw.Flush()
}

// formsOf returns the plural categories a plural unit has units for: those
// of its target, else the target language's, in CLDR order.
func formsOf(u *exchange.Unit, categories []string) []string {
	if u.Target == nil {
		return categories
	}
	var out []string
	for _, c := range catalog.Categories {
		if _, ok := u.Target[c]; ok {
			out = append(out, c)
		}
	}
	return out
}

func writeUnit(w *bufio.Writer, indent, id, name string, u *exchange.Unit, form, source string) {
	w.WriteString(indent + "<unit id=" + attr(id))
	if name != "" {
		w.WriteString(" name=" + attr(name))
	}
	w.WriteString(">\n")
	// A plural message's matches translate its English "other" form, so
	// they go to the unit of that form.
	matches := form == "other" && len(u.Matches) > 0
	if matches {
		writeMatches(w, indent+"  ", u.Matches)
	}
	var notes [][2]string // category, text
	if u.Note != "" {
		notes = append(notes, [2]string{NoteDescription, u.Note})
	}
	if u.Hash != "" {
		notes = append(notes, [2]string{NoteHash, u.Hash})
	}
	if u.Stale && u.Previous != "" {
		notes = append(notes, [2]string{NotePrevious, u.Previous})
	}
	if len(notes) > 0 { // <notes> must hold at least one note
		w.WriteString(indent + "  <notes>\n")
		for _, n := range notes {
			w.WriteString(indent + "    <note category=" + attr(n[0]) + ">" + noteText(n[1]) + "</note>\n")
		}
		w.WriteString(indent + "  </notes>\n")
	}
	state := "initial"
	if u.State == exchange.Translated {
		state = "translated"
	}
	w.WriteString(indent + "  <segment")
	if matches {
		w.WriteString(" id=" + attr(SegmentID))
	}
	w.WriteString(" state=\"" + state + "\"")
	if u.Stale {
		w.WriteString(" subState=\"" + SubStateStale + "\"")
	}
	w.WriteString(">\n")
	w.WriteString(indent + "    <source>" + content(source) + "</source>\n")
	if u.Target != nil && u.State != exchange.Untranslated {
		w.WriteString(indent + "    <target>" + content(u.Target[form]) + "</target>\n")
	}
	w.WriteString(indent + "  </segment>\n")
	w.WriteString(indent + "</unit>\n")
}

// writeMatches writes ms as the <mtc:matches> of a unit, each match
// referring to the unit's segment, in ms's order (best first). It is the
// unit's first child: the XLIFF 2.0 core schema has a unit hold elements
// of other namespaces (modules such as mtc, and extensions) first, then
// <notes>, <originalData> and the segments.
func writeMatches(w *bufio.Writer, indent string, ms []exchange.Match) {
	w.WriteString(indent + "<mtc:matches>\n")
	for _, m := range ms {
		w.WriteString(indent + "  <mtc:match ref=" + attr("#"+SegmentID) + " similarity=\"" + strconv.Itoa(min(max(m.Similarity, 0), 100)) + "\"")
		if m.Origin != "" {
			w.WriteString(" origin=" + attr(m.Origin))
		}
		w.WriteString(">\n")
		w.WriteString(indent + "    <source>" + content(m.Source) + "</source>\n")
		w.WriteString(indent + "    <target>" + content(m.Target) + "</target>\n")
		w.WriteString(indent + "  </mtc:match>\n")
	}
	w.WriteString(indent + "</mtc:matches>\n")
}

// content escapes s as the content of <source> or <target>: the XML
// specials as entities, a carriage return as a character reference (a
// parser would turn a raw one into a line feed), and each character XML
// 1.0 cannot hold at all as XLIFF's <cp hex="…"/>, so every message
// survives the trip exactly.
func content(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;") // "]]>" may not appear in text
		case r == '\r':
			b.WriteString("&#xD;")
		case !xmlChar(r):
			fmt.Fprintf(&b, "<cp hex=\"%04X\"/>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// noteText escapes s as the text of a note, which cannot hold <cp>: a
// character XML cannot hold becomes U+FFFD. Notes only inform.
func noteText(s string) string {
	return content(strings.Map(func(r rune) rune {
		if !xmlChar(r) {
			return utf8.RuneError
		}
		return r
	}, s))
}

// attr quotes s as an attribute value.
func attr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if xmlChar(r) {
				b.WriteRune(r)
			} else {
				b.WriteRune(utf8.RuneError)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// isNMToken reports whether s is an XML NMTOKEN, which XLIFF ids are.
func isNMToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r == '.' || r == '-' || r == '_' || r == ':':
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
		case r == 0xB7 || r >= 0xC0 && r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x37D ||
			r >= 0x37F && r <= 0x1FFF || r == 0x200C || r == 0x200D || r >= 0x203F && r <= 0x2040 ||
			r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
			r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF:
		default:
			return false
		}
	}
	return true
}
