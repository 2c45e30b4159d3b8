package catalog_test

import (
	"bytes"
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

func ExampleParse() {
	src := []byte(`# en: Skip to main content
[chrome.skip]
hash = "sha256:71c7487db66d5429"
other = "Saltar al contenido principal"

[chrome.helpful]
other = "¿Fue útil esta página?"
`)
	f, err := catalog.Parse("locales/es.toml", language.Spanish, src)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range f.Messages {
		current := m.Hash == catalog.Hash(map[string]string{"other": "Skip to main content"})
		fmt.Printf("%s %s %q current=%v\n", m.Pos, m.ID, m.Other(), current)
	}
	// Output:
	// locales/es.toml:2:1 chrome.skip "Saltar al contenido principal" current=true
	// locales/es.toml:6:1 chrome.helpful "¿Fue útil esta página?" current=false
}

func ExampleParse_error() {
	src := []byte("[chrome.skip]\ndescripton = \"Link at the top\"\nother = \"Saltar\"\n")
	_, err := catalog.Parse("locales/es.toml", language.Spanish, src)
	fmt.Println(err)
	// Output:
	// locales/es.toml:2:1: unknown key "descripton" in [chrome.skip]; go-i18n keys are description, hash, zero, one, two, few, many, other
}

func ExampleWrite() {
	en := map[string]string{"other": "Skip to main content"}
	var b bytes.Buffer
	err := catalog.Write(&b, []string{"Translations for es."}, []catalog.Entry{{
		Comment: []string{"en: Skip to main content"},
		Message: &catalog.Message{
			ID:    "chrome.skip",
			Hash:  catalog.Hash(en),
			Forms: map[string]string{"other": "Saltar al \"contenido\" principal"},
		},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(b.Bytes())
	// Output:
	// # Translations for es.
	//
	// # en: Skip to main content
	// [chrome.skip]
	// hash = "sha256:71c7487db66d5429"
	// other = "Saltar al \"contenido\" principal"
}
