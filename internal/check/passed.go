package check

import (
	"bytes"
	"crypto/sha256"
	"io"
	"slices"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// Key identifies everything the check of one translation reads: the
// locale (and so its plural forms), the glossary terms it keeps and
// agreed on, and every form of the English and of the translation. Two
// translations with one key get one verdict, so a build that kept the
// keys of the translations without an error need not check them again.
type Key [16]byte

// KeySet is a set of keys, kept between runs as the keys' bytes in
// order.
type KeySet struct{ keys []Key }

// ParseKeySet reads the bytes of a KeySet; it reports false for bytes
// that are not.
func ParseKeySet(data []byte) (*KeySet, bool) {
	if len(data)%len(Key{}) != 0 {
		return nil, false
	}
	s := &KeySet{keys: make([]Key, len(data)/len(Key{}))}
	for i := range s.keys {
		copy(s.keys[i][:], data[i*len(Key{}):])
		if i > 0 && bytes.Compare(s.keys[i-1][:], s.keys[i][:]) >= 0 {
			return nil, false
		}
	}
	return s, true
}

// newKeySet returns the set of keys, which it sorts. The set holds keys
// of its own, no more than it needs: a build keeps a set of every page
// until it ends, and keys grown by appending have room for up to twice
// as many.
func newKeySet(keys []Key) *KeySet {
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	return &KeySet{keys: slices.Clone(slices.Compact(keys))}
}

// Has reports whether k is in s (nil: an empty set).
func (s *KeySet) Has(k Key) bool {
	if s == nil {
		return false
	}
	_, ok := slices.BinarySearchFunc(s.keys, k, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	return ok
}

// Len returns the number of keys in s.
func (s *KeySet) Len() int { return len(s.keys) }

// Bytes returns s as ParseKeySet reads it.
func (s *KeySet) Bytes() []byte {
	out := make([]byte, 0, len(s.keys)*len(Key{}))
	for _, k := range s.keys {
		out = append(out, k[:]...)
	}
	return out
}

// keyer computes the keys of one locale's translations.
type keyer struct {
	locale []byte // digest of the locale and its glossary terms
	buf    []byte // what a key hashes (io.WriteString to a hash would copy)
}

func newKeyer(tag language.Tag, keep []string, agreed []agreedTerm, args []string) *keyer {
	h := sha256.New()
	field(h, tag.String())
	for _, t := range keep {
		field(h, t)
	}
	field(h, "")
	for _, a := range agreed {
		field(h, a.term)
		field(h, a.tr)
	}
	field(h, "")
	for _, a := range args {
		field(h, a)
	}
	return &keyer{locale: h.Sum(nil)}
}

// key returns the key of the check of m against en.
func (k *keyer) key(en, m *catalog.Message) Key {
	k.buf = append(k.buf[:0], k.locale...)
	for _, msg := range []*catalog.Message{en, m} {
		for _, form := range catalog.Categories {
			if text, ok := msg.Forms[form]; ok {
				k.buf = append(append(append(append(k.buf, form...), 0), text...), 0)
			}
		}
		k.buf = append(k.buf, 0)
	}
	sum := sha256.Sum256(k.buf)
	return Key(sum[:16])
}

func field(w io.Writer, s string) {
	io.WriteString(w, s)
	w.Write([]byte{0})
}

// Union returns the set of the keys of every set of sets. When the
// largest holds every key of the others, it is that set, not a copy: a
// rebuild after one translation changed adds nothing to the sets of the
// locales it did not read, and sorting each anew took a tenth of it.
func Union(sets ...*KeySet) *KeySet {
	if big := largest(sets); big != nil && holdsAll(big, sets) {
		return big
	}
	var keys []Key
	for _, s := range sets {
		if s != nil {
			keys = append(keys, s.keys...)
		}
	}
	return newKeySet(keys)
}

// largest returns the set of sets with the most keys (nil if none).
func largest(sets []*KeySet) *KeySet {
	var big *KeySet
	for _, s := range sets {
		if s != nil && (big == nil || len(s.keys) > len(big.keys)) {
			big = s
		}
	}
	return big
}

// holdsAll reports whether big has every key of every set of sets.
func holdsAll(big *KeySet, sets []*KeySet) bool {
	for _, s := range sets {
		if s == nil || s == big {
			continue
		}
		for _, k := range s.keys {
			if !big.Has(k) {
				return false
			}
		}
	}
	return true
}
