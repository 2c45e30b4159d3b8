package build

import (
	"crypto/sha256"
	"encoding/hex"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// NewInput returns the Input of a build of the snapshot sn, whose
// translations come from cats (a Stream of its catalogs, or all of them
// in memory). Its warnings are the snapshot's, and that locales/en.toml
// is out of date if it is.
func NewInput(sn *snapshot.Snapshot, cats Catalogs) *Input {
	s := sn.Site
	in := &Input{BaseURL: s.Config.BaseURL, Pages: sn.Pages, english: sn.English, Fallbacks: s.Fallbacks,
		Policies: map[language.Tag]site.Policy{}, Catalogs: cats}
	for _, tag := range cats.Tags() {
		in.Policies[tag] = s.PolicyFor(tag)
	}
	if cfg, err := s.ReadFile(site.ConfigFile); err == nil {
		sum := sha256.Sum256(cfg)
		in.Config = hex.EncodeToString(sum[:])
	}
	in.Warnings = append(in.Warnings, sn.Warnings...)
	if sn.Stale {
		in.Warnings.Add(diag.Warningf(diag.Pos{File: site.SourceCatalog}, "out of date with content/; run l10n extract so translators see the current English"))
	}
	return in
}

// Load reads the whole of a site that the preview server, the status
// report and a Markdown build need at once: the snapshot, and every
// locale catalog in full in Locales, those of its translations that l10n
// check rejects left empty (see Stream).
func Load(s *site.Site) (*Input, error) {
	sn, err := snapshot.Read(s, nil)
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	return Whole(sn)
}

// Whole is [Load] of the snapshot sn.
func Whole(sn *snapshot.Snapshot) (*Input, error) {
	s := sn.Site
	all, err := sn.Catalogs()
	if err != nil {
		return nil, err
	}
	rejected, problems, _ := check.Rejected(&check.Input{
		Source:        &catalog.File{Path: site.SourceCatalog, Tag: site.Source, Messages: sn.English()},
		Locales:       all,
		Glossary:      s.Config.Glossary,
		ShortcodeArgs: s.Config.Content.ShortcodeArgs,
	})
	for i, f := range all {
		if len(rejected[f.Tag]) > 0 {
			all[i] = withoutMessages(f, rejected[f.Tag])
		}
	}
	in := NewInput(sn, newMemory(all))
	in.Locales, in.Catalogs = all, nil
	in.Warnings = append(notShown(problems), in.Warnings...)
	return in, nil
}

// withoutMessages returns a copy of f in which the messages ids names are
// empty, as if not translated.
func withoutMessages(f *catalog.File, ids map[string]bool) *catalog.File {
	if len(ids) == 0 {
		return f
	}
	out := &catalog.File{Path: f.Path, Tag: f.Tag, Messages: make([]*catalog.Message, len(f.Messages))}
	for i, m := range f.Messages {
		if ids[m.ID] {
			m = &catalog.Message{ID: m.ID, Hash: m.Hash, Pos: m.Pos}
		}
		out.Messages[i] = m
	}
	return out
}

// notShown turns the errors check found in translations into the build's
// warnings: a rejected translation is not shown, readers see the next
// locale of the chain.
func notShown(problems diag.List) diag.List {
	var out diag.List
	for _, e := range problems {
		out.Add(diag.Warningf(e.Pos, "%s; not shown until fixed", e.Msg))
	}
	return out
}
