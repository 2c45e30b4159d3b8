package extract

import (
	"maps"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// Merge lays out locale catalog f against the English source: one entry
// per English message in source order, then f's obsolete messages (IDs the
// English no longer has) in their file order. A translation is never
// changed; an untranslated entry takes the current English hash.
func Merge(source []*catalog.Message, f *catalog.File) []catalog.Entry {
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
			m = &catalog.Message{ID: m.ID, Description: m.Description, Hash: en.Hash, Forms: maps.Clone(m.Forms)}
			if len(m.Forms) == 0 {
				m.Forms["other"] = ""
			}
		}
		entries = append(entries, catalog.Entry{Message: m, Comment: comment(en, m)})
	}
	first := true
	for _, m := range f.Messages {
		if seen[m.ID] {
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
// and says when a translation is stale.
func comment(en, m *catalog.Message) []string {
	c := []string{en.Description, "en: " + en.Other()}
	if m.Translated() && m.Hash != en.Hash {
		c = append(c, "STALE: the English changed since this was translated. Update the",
			"translation, then set hash = \""+en.Hash+"\".")
	}
	return c
}
