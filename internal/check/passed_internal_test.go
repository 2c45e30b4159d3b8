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
