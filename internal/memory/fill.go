package memory

import (
	"fmt"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
)

// Filled is what [Fill] did to a locale catalog.
type Filled struct {
	// Data is the catalog with the suggestions, in extract's layout, to
	// write in its place.
	Data []byte
	// Offered is what was offered, message by message, in source order.
	Offered []Offered
	// Size is the number of translations the memory holds.
	Size int
}

// Fill builds the translation memory of loc, a locale catalog, against
// source, the English catalog, and offers its suggestions to loc's
// messages, as l10n tm does (see [Apply]: an exact match is written as
// current if exactCurrent). It returns the catalog laid out as extract
// writes it, read back to be sure it parses.
func Fill(source, loc *catalog.File, exactCurrent bool) (*Filled, error) {
	mem := New(source.Messages, loc)
	updated, offered := Apply(source.Messages, loc, mem, exactCurrent)
	data := extract.Locale(source.Messages, updated)
	if _, err := catalog.Parse(loc.Path, loc.Tag, data); err != nil {
		return nil, fmt.Errorf("tm would write a catalog that does not read back (a bug): %w", err)
	}
	return &Filled{Data: data, Offered: offered, Size: mem.Len()}, nil
}

// Counts returns how many entries of f took a translation to await
// review, how many took one as current, and how many show suggestions.
func (f *Filled) Counts() (review, current, shown int) {
	for _, o := range f.Offered {
		switch {
		case o.Current:
			current++
		case o.Applied != nil:
			review++
		}
		if len(o.Shown) > 0 {
			shown++
		}
	}
	return review, current, shown
}
