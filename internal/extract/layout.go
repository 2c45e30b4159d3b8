package extract

import (
	"bytes"
	"strings"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// Locale returns locale catalog f in the canonical layout against source,
// the English catalog as it is in locales/en.toml: the bytes [Run] writes
// for f when the pages still give source. A stage that changes
// translations but not the English (import from a CAT tool) writes a
// catalog with it, so that what it writes is what extract would write,
// and extract on its output changes nothing.
func Locale(source []*catalog.Message, f *catalog.File) []byte {
	previous := make(map[string]*catalog.Message, len(source))
	for _, m := range source {
		previous[m.ID] = m
	}
	var b bytes.Buffer
	// Writing to a bytes.Buffer cannot fail.
	_ = catalog.Write(&b, localeHeader(f.Tag), Merge(source, previous, f))
	return b.Bytes()
}

// Previous returns the English a stale translation was made from, as the
// STALE comment that extract writes above it records it (on one line, a
// line break shown as \n), or "" when its comment does not say.
func Previous(m *catalog.Message) string {
	for _, line := range m.Comment {
		if s, ok := strings.CutPrefix(line, wasPrefix); ok {
			return s
		}
	}
	return ""
}
