// Package catalog reads and writes translation catalogs: go-i18n v2 message
// files in TOML, one per locale (locales/<tag>.toml).
//
// A catalog holds only go-i18n's own keys (id, description, hash, zero,
// one, two, few, many, other) and comments, so go-i18n's parser and tools
// such as Weblate read it as it is. Each message's hash is the [Hash] of
// the English it was translated from; a translation whose hash differs
// from the English hash is stale.
//
// [Write] produces one canonical layout (the order it is given, keys in a
// fixed order, a comment above each entry), so writing a catalog that was
// just read changes nothing.
package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// Message is one entry of a catalog.
type Message struct {
	ID          string
	Description string
	Hash        string
	// Forms holds the text of each plural form that is present, keyed by
	// CLDR category ("zero", "one", "two", "few", "many", "other").
	// Content messages have only "other".
	Forms map[string]string
	Pos   diag.Pos  // its table header in the file
	Value Positions // where the value of each key starts
	// Comment holds the comment lines right above the message in its
	// file, without "# ".
	Comment []string
}

// Categories lists the plural categories in CLDR order; it is the order of
// keys in a written catalog and of forms in a hash.
var Categories = []string{"zero", "one", "two", "few", "many", "other"}

// Keys lists the keys go-i18n knows in a message table.
var Keys = []string{"id", "description", "hash", "zero", "one", "two", "few", "many", "other"}

// Other returns the text of the "other" form.
func (m *Message) Other() string { return m.Forms["other"] }

// Translated reports whether m has any non-empty form.
func (m *Message) Translated() bool {
	for _, v := range m.Forms {
		if v != "" {
			return true
		}
	}
	return false
}

// ReviewPrefix starts the hash of a translation that awaits a
// translator's review: one l10n align paired with the English by
// structure and with a confidence below what it trusts, or one a
// translation memory proposed. "review:" followed by the hash of the
// English it was proposed for; never current, so never shown to readers,
// even where stale translations are. Setting the hash to the English
// hash (dropping "review:") marks it reviewed. See issue 14.
const ReviewPrefix = "review:"

// InReview reports whether m is a translation that awaits review, and
// the hash of the English it was proposed for.
func (m *Message) InReview() (proposedFor string, ok bool) {
	return strings.CutPrefix(m.Hash, ReviewPrefix)
}

// Hash returns the hash that identifies the English text of a message: a
// SHA-256 over all its plural forms in CLDR order, not its description (so
// fixing a description never makes a translation stale).
func Hash(forms map[string]string) string {
	h := sha256.New()
	for _, c := range Categories {
		if v, ok := forms[c]; ok {
			h.Write([]byte(c))
			h.Write([]byte{0})
			h.Write([]byte(v))
			h.Write([]byte{0})
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:8])
}

// English returns the English message id of one form, text: what l10n
// extract writes to locales/en.toml for a block, without its
// description.
func English(id, text string) *Message {
	return &Message{ID: id, Hash: HashOther(text), Forms: map[string]string{"other": text}}
}

// HashOther is Hash of the forms {"other": text}, the English of a
// block, without a map.
func HashOther(text string) string {
	h := sha256.New()
	h.Write([]byte("other\x00"))
	h.Write([]byte(text))
	h.Write([]byte{0})
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:8])
}

// File is a catalog: the messages of one locale, in file order.
type File struct {
	Path     string // relative to the site root
	Tag      language.Tag
	Messages []*Message
}

// Index returns the messages by ID.
func (f *File) Index() map[string]*Message {
	m := make(map[string]*Message, len(f.Messages))
	for _, msg := range f.Messages {
		m[msg.ID] = msg
	}
	return m
}

// SameEnglish reports whether two English catalogs hold the same messages
// with the same hashes in the same order: whether locales/en.toml is up
// to date with the pages.
func SameEnglish(a, b []*Message) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Hash != b[i].Hash {
			return false
		}
	}
	return true
}
