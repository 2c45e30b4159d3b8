package build

import (
	"crypto/sha256"
	"encoding/hex"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// The key of a page's entry in a locale in the plan cache (see plans.go)
// is a digest of what the entry is made of: the program, the config, the
// page's source and message IDs, and where the translations of those
// messages are in the catalogs of the locale's chain, with their bytes
// (Catalogs.Key). Each catalog is asked once per page, for the page's own
// messages, and once per build, for the chrome: the locales' chains share
// catalogs, and every page shows the chrome.

// keys returns the key of page p's entry in each locale of the build, in
// the order of ps.tags; "" for a locale whose catalogs cannot tell (see
// Catalogs.Key), whose entry is worked out each time.
func (ps *pages) keys(p *content.Page) []string {
	page := ps.pageKey(p)
	own := OwnMessages(p)
	byCatalog := make(map[language.Tag]string, len(ps.chromeKeys))
	for tag, chrome := range ps.chromeKeys {
		if chrome != "" {
			byCatalog[tag] = catalogKey(ps.cats, own, tag)
		}
	}
	out := make([]string, len(ps.tags))
	for i, tag := range ps.tags {
		h := sha256.New()
		field(h, page)
		field(h, tag.String())
		known := true
		for _, t := range ps.chains[tag] {
			chrome, ok := ps.chromeKeys[t]
			if !ok {
				continue // no catalog: English, or a locale the site lacks
			}
			c := byCatalog[t]
			if chrome == "" || c == "" {
				known = false
				break
			}
			field(h, t.String())
			field(h, chrome)
			field(h, c)
		}
		if known {
			out[i] = hex.EncodeToString(h.Sum(nil))
		}
	}
	return out
}

// pageKey returns the part of the keys of page p's entries that every
// locale shares: a digest of the program, the config, the page's source
// and its message IDs (the chrome's and its own).
func (ps *pages) pageKey(p *content.Page) string {
	h := sha256.New()
	field(h, ps.version)
	field(h, ps.in.Config)
	field(h, p.File)
	field(h, p.Digest)
	for _, id := range PageMessages(p) {
		field(h, id)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// catalogKey returns a digest of what the translations of ids are in the
// catalog of tag in cats, or "" if it cannot tell (see Catalogs.Key).
func catalogKey(cats Catalogs, ids []string, tag language.Tag) string {
	h := sha256.New()
	if !cats.Key(h, ids, tag) {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// chromeIDs lists the IDs of the chrome's messages.
func chromeIDs() []string {
	ids := make([]string, len(content.Chrome))
	for i, c := range content.Chrome {
		ids[i] = c.ID
	}
	return ids
}
