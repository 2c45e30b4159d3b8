package extract

import (
	"maps"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// Merge lays out locale catalog f against the English source: one entry
// per English message in source order, then f's obsolete messages (IDs the
// English no longer has) in their file order. A translation is never
// changed; an untranslated entry takes the current English hash. previous
// holds the English catalog as it was before this extract, to show a
// translator of a stale entry the English it was translated from.
func Merge(source []*catalog.Message, previous map[string]*catalog.Message, f *catalog.File) []catalog.Entry {
	have := f.Index()
	entries := make([]catalog.Entry, 0, len(source))
	seen := map[string]bool{}
	for _, en := range source {
		seen[en.ID] = true
		m, ok := have[en.ID]
		switch {
		case !ok:
			m = &catalog.Message{ID: en.ID, Hash: en.Hash, Forms: map[string]string{"other": ""}}
		case !m.Translated():
			m = &catalog.Message{ID: m.ID, Description: m.Description, Hash: en.Hash, Forms: maps.Clone(m.Forms), Comment: m.Comment}
			if len(m.Forms) == 0 {
				m.Forms["other"] = ""
			}
		}
		entries = append(entries, catalog.Entry{Message: m, Comment: comment(en, previous[en.ID], m)})
	}
	first := true
	for _, m := range f.Messages {
		// An obsolete entry without a translation holds nothing to keep.
		if seen[m.ID] || !m.Translated() && m.Description == "" {
			continue
		}
		c := []string{"OBSOLETE: the English pages no longer have this message.", "Kept so no translation is lost; \"l10n prune\" removes it."}
		if !first {
			c = []string{"OBSOLETE"}
		}
		first = false
		entries = append(entries, catalog.Entry{Message: m, Comment: c})
	}
	return entries
}

// comment shows the translator the context and the English of a message,
// and, when a translation is stale, what the English was when it was
// translated and how to mark it current again.
func comment(en, prev, m *catalog.Message) (c []string) {
	c = []string{en.Description, "en: " + oneLine(en.Other())}
	if m.Translated() && m.Hash == en.Hash {
		return c
	}
	// What a translation memory suggests (l10n tm), kept while the entry
	// needs work.
	defer func() {
		for _, line := range m.Comment {
			if strings.HasPrefix(line, suggestionPrefix) {
				c = append(c, line)
			}
		}
	}()
	if !m.Translated() {
		return c
	}
	if proposed, ok := m.InReview(); ok {
		c = append(c, "REVIEW: proposed, not yet reviewed; never shown to readers. Check it",
			"against the English, correct it if need be, then set hash = \""+en.Hash+"\".")
		for _, line := range m.Comment {
			if strings.HasPrefix(line, proposedPrefix) {
				c = append(c, line)
			}
		}
		if proposed == en.Hash {
			return c
		}
		// Proposed for English that has changed since: what it was.
		if prev != nil && prev.Hash == proposed {
			return append(c, wasPrefix+oneLine(prev.Other()))
		}
		for _, line := range m.Comment {
			if strings.HasPrefix(line, wasPrefix) {
				return append(c, line)
			}
		}
		return c
	}
	c = append(c, "STALE: the English changed since this was translated. Update the",
		"translation, then set hash = \""+en.Hash+"\".")
	switch {
	case prev != nil && prev.Hash == m.Hash:
		c = append(c, wasPrefix+oneLine(prev.Other()))
	default:
		// Carried over from an earlier extract.
		for _, line := range m.Comment {
			if strings.HasPrefix(line, wasPrefix) {
				c = append(c, line)
				break
			}
		}
	}
	return c
}

// proposedPrefix starts the comment lines that say where a translation
// awaiting review came from (l10n align's page, line and confidence);
// extract keeps them until it is reviewed.
const proposedPrefix = "proposed by "

// suggestionPrefix starts the comment lines of a translation memory's
// suggestions (memory.SuggestionPrefix; extract does not import package
// memory, which reads catalogs extract writes).
const suggestionPrefix = "tm "

// wasPrefix starts the comment line that holds the English a stale
// translation was made from.
const wasPrefix = "was: "

// oneLine keeps a comment on one line: a hard line break shows as "\n".
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }
