package exchange

import (
	"fmt"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// Imported is what [Import] makes of an exchange file.
type Imported struct {
	*Result
	// Data is the catalog with the changes, in extract's layout, to
	// write in place of the catalog; nil when no translation changed.
	Data []byte
	// Warnings are the problems that did not stop the import, sorted:
	// work that was not applied.
	Warnings diag.List
}

// Import merges in, an exchange file read back from a CAT tool, into
// loc, the catalog of its target locale, against source, the English
// catalog, as l10n import does. It refuses a catalog with a message that
// could not be written back (see [catalog.IDs]); merges the units (see
// [Apply]); checks the translations that changed as l10n check does,
// with the site's glossary and shortcode arguments in cfg, each at its
// position in the imported file; and lays the catalog out as extract
// writes it, read back to be sure it parses. Every problem comes at once:
// with an error (a diag.List, sorted), the caller must write nothing.
func Import(source, loc *catalog.File, in *File, cfg *site.Config) (*Imported, error) {
	if err := clashes(source, loc); err != nil {
		return nil, err
	}
	res, list := Apply(source, loc, in)
	if res != nil {
		// in names its file in every position: the name it was read as.
		checked := &catalog.File{Path: in.TargetPos.File, Tag: loc.Tag, Messages: res.Changed}
		list = append(list, check.Run(&check.Input{Source: source, Locales: []*catalog.File{checked}, Glossary: cfg.Glossary, ShortcodeArgs: cfg.Content.ShortcodeArgs})...)
	}
	list.Sort()
	if list.HasErrors() {
		return nil, list
	}
	out := &Imported{Result: res, Warnings: list}
	if len(res.Changed) == 0 {
		return out, nil
	}
	out.Data = extract.Locale(source.Messages, res.Catalog)
	// What import writes, check and extract must read: never write a
	// catalog that does not parse.
	if _, err := catalog.Parse(loc.Path, loc.Tag, out.Data); err != nil {
		return nil, fmt.Errorf("import would write a catalog that does not read back (a bug): %w", err)
	}
	return out, nil
}

// clashes reports the messages of loc, a locale catalog, that the English
// catalog source lacks and that would be a table inside one of its
// messages (see [catalog.IDs]): a catalog with one cannot be written
// back. l10n check reports them so too.
func clashes(source, loc *catalog.File) error {
	var list diag.List
	ids, english := catalog.NewIDs(source.Messages), source.Index()
	for _, m := range loc.Messages {
		if english[m.ID] != nil {
			continue
		}
		if other, key := ids.Clash(m.ID); other != "" {
			list.Add(catalog.ClashError(m, other, key))
		}
	}
	return list.Err()
}
