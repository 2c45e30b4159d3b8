package exchange

import (
	"maps"
	"slices"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// Result is what [Apply] makes of an imported file.
type Result struct {
	// Catalog is the locale catalog with the changes made: its messages
	// in their order, each changed one replaced.
	Catalog *catalog.File
	// Changed lists the new messages, in file order. Their Pos and Value
	// are where their unit and its target forms are in the imported file,
	// so that check.Run on them reports problems there.
	Changed []*catalog.Message
	// Unchanged counts the units that already equal the catalog, or that
	// carry no translation.
	Unchanged int
	// Skipped counts the units with a translation that was not applied:
	// made from older English, or not marked done. Each has a warning.
	Skipped int
}

// Apply merges the units of in into loc, the catalog of in's target
// locale, against source, the English catalog (see the package doc for
// the rules). It returns every problem at once: errors (an ID this site
// does not have, a translation of a message the catalog lacks, a unit
// given twice, a target marked done but empty, the wrong languages) and
// warnings (work that was not applied: made from older English, needing
// review, of a message the English no longer has). With an error, the caller
// must write nothing.
func Apply(source, loc *catalog.File, in *File) (*Result, diag.List) {
	var list diag.List
	if list = languages(source, loc, in); list.HasErrors() {
		return nil, list
	}
	english := source.Index()
	have := loc.Index()
	res := &Result{Catalog: &catalog.File{Path: loc.Path, Tag: loc.Tag}}
	changed := map[string]*catalog.Message{}
	seen := map[string]*Unit{}
	for _, u := range in.Units {
		if first, ok := seen[u.ID]; ok {
			list.Add(diag.Errorf(u.Pos, "[%s] appears twice (first at %s); keep one", u.ID, first.Pos))
			continue
		}
		seen[u.ID] = u
		en, m := english[u.ID], have[u.ID]
		switch {
		case en == nil && m == nil:
			list.Add(diag.Errorf(u.Pos, "[%s] is not a message of this site; remove the unit, or export the file again", u.ID))
			continue
		case u.State == Untranslated && (en == nil || m == nil):
			// Nothing to import, and nothing lost.
			res.Unchanged++
			continue
		case en == nil:
			// The English dropped the block since the export.
			list.Add(diag.Warningf(u.Pos, "[%s] is obsolete: the English pages no longer have it; not imported", u.ID))
			res.Skipped++
			continue
		case m == nil:
			list.Add(diag.Errorf(u.Pos, "%s has no [%s]; run l10n extract, then import again", loc.Path, u.ID))
			continue
		}
		switch nm, skipped := apply(u, en, m, &list); {
		case nm != nil:
			changed[u.ID] = nm
			res.Changed = append(res.Changed, nm)
		case skipped:
			res.Skipped++
		default:
			res.Unchanged++
		}
	}
	for _, m := range loc.Messages {
		if nm, ok := changed[m.ID]; ok {
			m = nm
		}
		res.Catalog.Messages = append(res.Catalog.Messages, m)
	}
	list.Sort()
	return res, list
}

// languages reports, as errors, the languages of in that are not those
// of source, the English catalog, and loc, the catalog to import into.
func languages(source, loc *catalog.File, in *File) diag.List {
	var list diag.List
	if in.Source != source.Tag {
		list.Add(diag.Errorf(diag.Pos{File: in.TargetPos.File}, "the source language is %s, not %s; export the file again with l10n export", in.Source, source.Tag))
	}
	if in.Target == source.Tag {
		list.Add(diag.Errorf(in.TargetPos, "the target language is %s, the source language; import a file made for a locale to translate into", in.Target))
		return list
	}
	if in.Target != loc.Tag {
		list.Add(diag.Errorf(in.TargetPos, "the target language is %s, but the catalog is %s's (%s); import a file made for %s", in.Target, loc.Tag, loc.Path, loc.Tag))
	}
	return list
}

// apply returns the message m becomes with unit u, or nil when u changes
// nothing; skipped is true, with a warning in list, when u holds work
// that is not applied.
func apply(u *Unit, en, m *catalog.Message, list *diag.List) (nm *catalog.Message, skipped bool) {
	same := maps.Equal(u.Target, current(m, u))
	switch {
	case u.State == Untranslated:
		return nil, false
	case u.State == Translated && empty(u.Target):
		list.Add(diag.Errorf(u.Pos, "[%s] is marked translated but its target is empty; translate it, or mark it untranslated", u.ID))
		return nil, false
	case same && (u.State != Translated || m.Hash == en.Hash):
		return nil, false
	case !madeFrom(u, en):
		list.Add(diag.Warningf(u.Pos, "[%s] was translated from English that has changed since the export; not imported, the entry stays %s; export again and translate the current English", u.ID, entryState(m, en)))
		return nil, true
	case u.State == NeedsReview:
		list.Add(diag.Warningf(u.Pos, "[%s] needs review (PO fuzzy, or XLIFF state initial); not imported, the entry stays %s; review it, clear fuzzy or set state=\"translated\", and import again", u.ID, entryState(m, en)))
		return nil, true
	}
	out := &catalog.Message{
		ID:          m.ID,
		Description: m.Description,
		Hash:        en.Hash,
		Forms:       maps.Clone(u.Target),
		Pos:         u.Pos,
		Comment:     m.Comment,
	}
	for form, pos := range u.TargetPos {
		out.Value.Set(form, pos)
	}
	return out, false
}

// current returns the forms of m that a unit like u carries, to compare
// with its target: nil when m has no translation.
func current(m *catalog.Message, u *Unit) map[string]string {
	if !m.Translated() {
		return nil
	}
	if !u.Plural {
		return map[string]string{"other": m.Forms["other"]}
	}
	t := make(map[string]string, len(u.Target))
	for c := range u.Target {
		t[c] = m.Forms[c]
	}
	return t
}

func empty(forms map[string]string) bool {
	return !slices.ContainsFunc(slices.Collect(maps.Values(forms)), func(s string) bool { return s != "" })
}

// madeFrom reports whether u was made from the English of en: by the hash
// the file records, or, when a tool dropped it, by the source texts.
func madeFrom(u *Unit, en *catalog.Message) bool {
	if u.Hash != "" {
		return u.Hash == en.Hash
	}
	for c, v := range en.Forms {
		if u.Source[c] != v {
			return false
		}
	}
	return true
}

// entryState names the state of m, which an import leaves as it is.
func entryState(m, en *catalog.Message) string {
	switch {
	case !m.Translated():
		return "untranslated"
	case m.Hash != en.Hash:
		return "stale"
	}
	return "as it is (current)"
}
