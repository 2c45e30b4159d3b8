package check

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// TestPassedKeysAreNotCheckedAgain: a translation whose key is in Passed
// is taken as passed without being checked (here, wrongly, one that
// loses its link: keys are trusted, which is why they cover everything
// the check reads).
func TestPassedKeysAreNotCheckedAgain(t *testing.T) {
	en := &catalog.Message{ID: "b", Forms: map[string]string{"other": "See [the tip line](https://ice.gov/tip)."}}
	es := &catalog.Message{ID: "b", Forms: map[string]string{"other": "Vea la línea de denuncias."}}
	in := &Input{
		Source:  &catalog.File{Tag: language.English, Messages: []*catalog.Message{en}},
		Locales: []*catalog.File{{Tag: language.Spanish, Messages: []*catalog.Message{es}}},
	}
	if rejected, _, _ := Rejected(in); !rejected[language.Spanish]["b"] {
		t.Fatal("a translation that loses its link was not rejected")
	}
	key := newKeyer(language.Spanish, nil, nil, in.args()).key(en, es)
	in.Passed = map[language.Tag]*KeySet{language.Spanish: newKeySet([]Key{key})}
	if rejected, errs, _ := Rejected(in); len(rejected) != 0 || len(errs) != 0 {
		t.Errorf("with its key passed, it was checked again: %v, %v", rejected, errs)
	}
}

// TestUnionIsTheLargestSetWhenItHoldsEveryKey: Union holds every key of
// its sets, once and in order, and is the largest set itself (not a copy)
// only when the others add no key to it.
func TestUnionIsTheLargestSetWhenItHoldsEveryKey(t *testing.T) {
	key := func(b byte) Key { return Key{b} }
	big := newKeySet([]Key{key(1), key(3), key(5), key(7)})
	within := newKeySet([]Key{key(3), key(7)})
	beyond := newKeySet([]Key{key(2), key(7)})
	if u := Union(within, nil, big); u != big {
		t.Errorf("Union(within, nil, big) is a copy; want big itself")
	}
	u := Union(beyond, big, within)
	if u == big {
		t.Fatal("Union(beyond, big, within) is big, which lacks key 2")
	}
	want := []Key{key(1), key(2), key(3), key(5), key(7)}
	if len(u.keys) != len(want) {
		t.Fatalf("Union(beyond, big, within) = %v; want %v", u.keys, want)
	}
	for i := range want {
		if u.keys[i] != want[i] {
			t.Fatalf("Union(beyond, big, within) = %v; want %v", u.keys, want)
		}
	}
	if big.Len() != 4 {
		t.Errorf("Union changed its input: big has %d keys", big.Len())
	}
	if u := Union(nil, nil); u == nil || u.Len() != 0 {
		t.Errorf("Union(nil, nil) = %v; want an empty set", u)
	}
}
