package po

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// HashComment starts the extracted comment ("#.") that records the hash of
// the English an entry was made from.
const HashComment = "l10n-hash: "

// TMComment starts the translator comment ("# ") that marks an entry's
// msgstr as a translation memory suggestion, not a translation:
// "# l10n tm: 92% match from page.intro.p1".
const TMComment = "l10n tm: "

// Write writes f as a gettext PO file: a header entry, then one entry per
// unit in f's order (see the package doc); an untranslated message
// without plural forms carries its best translation memory match as a
// fuzzy suggestion. It fails when a message holds
// U+0000, which a PO file cannot carry, or when f has plural messages and
// no Plural-Forms is known for its language.
func Write(w io.Writer, f *exchange.File) error {
	plural := false
	for _, u := range f.Units {
		plural = plural || u.Plural
		for _, m := range []map[string]string{u.Source, u.Target} {
			for _, s := range m {
				if strings.ContainsRune(s, 0) {
					return fmt.Errorf("[%s] holds the character U+0000, which a PO file cannot carry; remove it, or export --format xliff", u.ID)
				}
			}
		}
	}
	pluralForms, err := PluralForms(f.Target)
	if err != nil && plural {
		return err
	}
	bw := bufio.NewWriter(w)
	writeHeader(bw, f, pluralForms)
	categories := locale.PluralCategories(f.Target)
	for _, u := range f.Units {
		bw.WriteByte('\n')
		writeEntry(bw, u, categories)
	}
	return bw.Flush()
}

func writeHeader(w *bufio.Writer, f *exchange.File, pluralForms string) {
	fmt.Fprintf(w, "# Translations for %s (%s) of the English in locales/en.toml, written by l10n export.\n", f.Target, locale.Name(f.Target))
	w.WriteString("# Translate each msgstr; msgctxt is the message ID. Import with: l10n import FILE\n")
	fields := []string{
		// Empty: a CAT tool fills them in; l10n writes no date or name.
		"Project-Id-Version: ",
		"PO-Revision-Date: ",
		"Last-Translator: ",
		"Language-Team: ",
		"Language: " + f.Target.String(),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
	}
	if pluralForms != "" {
		fields = append(fields, "Plural-Forms: "+pluralForms)
	}
	fields = append(fields, "X-Source-Language: "+f.Source.String())
	w.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, fl := range fields {
		w.WriteString(quote(fl+"\n") + "\n")
	}
}

func writeEntry(w *bufio.Writer, u *exchange.Unit, categories []string) {
	m, suggest := suggestion(u)
	if suggest {
		// A translator comment comes first in an entry, as gettext
		// orders them.
		w.WriteString("# " + TMComment + strconv.Itoa(m.Similarity) + "% match")
		if origin := strings.Join(strings.Fields(m.Origin), " "); origin != "" {
			w.WriteString(" from " + origin) // on the comment's one line
		}
		w.WriteString("\n")
	}
	if u.Note != "" {
		for _, line := range strings.Split(u.Note, "\n") {
			if line = strings.TrimRight(line, " \t\r"); line == "" {
				w.WriteString("#.\n")
			} else {
				w.WriteString("#. " + line + "\n")
			}
		}
	}
	if u.Hash != "" {
		w.WriteString("#. " + HashComment + u.Hash + "\n")
	}
	switch {
	case suggest:
		w.WriteString("#, fuzzy\n")
		writeString(w, "#| ", "msgid", m.Source)
	case u.State == exchange.NeedsReview:
		w.WriteString("#, fuzzy\n")
		if u.Stale && u.Previous != "" && !u.Plural {
			writeString(w, "#| ", "msgid", u.Previous)
		}
	}
	writeString(w, "", "msgctxt", u.ID)
	target := func(c string) string {
		if u.State == exchange.Untranslated {
			return ""
		}
		return u.Target[c]
	}
	if !u.Plural {
		writeString(w, "", "msgid", u.Source["other"])
		if suggest {
			writeString(w, "", "msgstr", m.Target)
		} else {
			writeString(w, "", "msgstr", target("other"))
		}
		return
	}
	one, ok := u.Source["one"]
	if !ok {
		one = u.Source["other"]
	}
	writeString(w, "", "msgid", one)
	writeString(w, "", "msgid_plural", u.Source["other"])
	for i, c := range categories {
		writeString(w, "", fmt.Sprintf("msgstr[%d]", i), target(c))
	}
}

// suggestion returns the match u's entry carries as a suggestion: the
// best, for a message without plural forms and without a translation,
// as msgmerge fills in a new entry from a similar old one: the match's
// translation as the msgstr of a fuzzy entry, the English it translates as
// the previous msgid, and a TMComment saying so. A fuzzy entry is never
// imported, so the suggestion cannot become a translation unless the
// translator clears the flag. A stale unit keeps its own fuzzy
// translation and previous English, and a match PO cannot carry (empty,
// or holding U+0000) is not suggested.
func suggestion(u *exchange.Unit) (exchange.Match, bool) {
	if u.Plural || u.State != exchange.Untranslated || len(u.Matches) == 0 {
		return exchange.Match{}, false
	}
	m := u.Matches[0]
	if m.Source == "" || m.Target == "" || strings.ContainsRune(m.Source+m.Target, 0) {
		return exchange.Match{}, false
	}
	m.Similarity = min(max(m.Similarity, 0), 100)
	return m, true
}

// writeString writes keyword and s as a PO string, one line per line of s
// (after an empty first string, as gettext does), each line prefixed by
// prefix ("#| " for a previous string).
func writeString(w *bufio.Writer, prefix, keyword, s string) {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) <= 1 {
		w.WriteString(prefix + keyword + " " + quote(s) + "\n")
		return
	}
	w.WriteString(prefix + keyword + " \"\"\n")
	for _, l := range lines {
		w.WriteString(prefix + quote(l) + "\n")
	}
}

// quote writes s as a PO string literal: \\, \", \n, \t and \r escaped,
// other control characters as three-digit octal escapes (which msgfmt and
// every PO reader know), everything else as UTF-8.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\%03o`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
