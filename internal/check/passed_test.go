package check_test

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
)

func msg(id, text string) *catalog.Message {
	return &catalog.Message{ID: id, Forms: map[string]string{"other": text}}
}

// cacheInput is an English catalog and a Spanish one with one good
// translation, one that loses a link, and one that is fine unless the
// glossary keeps "HSI".
func cacheInput() *check.Input {
	return &check.Input{
		Source: &catalog.File{Path: "locales/en.toml", Tag: language.English, Messages: []*catalog.Message{
			msg("a", "Report smuggling."), msg("b", "See [the tip line](https://ice.gov/tip)."), msg("c", "Call HSI today."),
		}},
		Locales: []*catalog.File{{Path: "locales/es.toml", Tag: language.Spanish, Messages: []*catalog.Message{
			msg("a", "Denuncie el contrabando."), msg("b", "Vea la línea de denuncias."), msg("c", "Llame a la agencia hoy."),
		}}},
	}
}

func ids(m map[string]bool) []string {
	var out []string
	for id := range m {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// TestRejectedWithPassedKeys: the keys Rejected returns, given back,
// give the same verdicts, and a translation or glossary that changed is
// checked again.
func TestRejectedWithPassedKeys(t *testing.T) {
	in := cacheInput()
	rejected, errs, passed := check.Rejected(in)
	if got := ids(rejected[language.Spanish]); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("rejected %v; want [b]", got)
	}
	if n := passed[language.Spanish].Len(); n != 2 {
		t.Fatalf("%d keys passed; want 2 (a and c)", n)
	}

	in.Passed = passed
	again, errsAgain, passedAgain := check.Rejected(in)
	if got := ids(again[language.Spanish]); !slices.Equal(got, []string{"b"}) || errsAgain.Error() != errs.Error() {
		t.Errorf("with the passed keys: rejected %v, %v; want [b], %v", got, errsAgain, errs)
	}
	if !slices.Equal(passedAgain[language.Spanish].Bytes(), passed[language.Spanish].Bytes()) {
		t.Error("with the passed keys, the keys passed changed")
	}

	// The glossary now keeps "HSI", which c lacks: c's key is another.
	in.Glossary = map[string]map[string]string{"*": {"HSI": "HSI"}}
	rejected, _, _ = check.Rejected(in)
	if got := ids(rejected[language.Spanish]); !slices.Equal(got, []string{"b", "c"}) {
		t.Errorf("with HSI kept: rejected %v; want [b c]", got)
	}
	// A translation edited to lose its link: a's key is another.
	in.Glossary = nil
	in.Locales[0].Messages[0] = msg("a", "Denuncie el [contrabando](https://example.com).")
	rejected, _, _ = check.Rejected(in)
	if got := ids(rejected[language.Spanish]); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("after a changed: rejected %v; want [a b]", got)
	}
}

// TestKeySetBytes: a KeySet reads back what it wrote, and refuses bytes
// that are not a set of keys.
func TestKeySetBytes(t *testing.T) {
	_, _, passed := check.Rejected(cacheInput())
	set := passed[language.Spanish]
	back, ok := check.ParseKeySet(set.Bytes())
	if !ok || !slices.Equal(back.Bytes(), set.Bytes()) || back.Len() != 2 {
		t.Fatalf("ParseKeySet(Bytes()) = %v, %t", back, ok)
	}
	data := set.Bytes()
	if _, ok := check.ParseKeySet(data[:len(data)-1]); ok {
		t.Error("a cut set was read")
	}
	swapped := append(append([]byte{}, data[16:]...), data[:16]...)
	if _, ok := check.ParseKeySet(swapped); ok {
		t.Error("keys out of order were read")
	}
}
