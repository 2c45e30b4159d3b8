package locale_test

import (
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

func ExampleFormatDate() {
	d := time.Date(2024, time.April, 22, 0, 0, 0, 0, time.UTC)
	for _, chain := range [][]language.Tag{
		{language.MustParse("es")},
		{language.MustParse("zh-Hans")},
		// CLDR has no Hmong data, so the date is written the English way.
		{language.MustParse("hmn"), language.English},
	} {
		s, tag := locale.FormatDate(d, chain)
		fmt.Printf("%s: %s\n", tag, s)
	}
	// Output:
	// es: 22 de abril de 2024
	// zh-Hans: 2024年4月22日
	// en: April 22, 2024
}

func ExampleParse() {
	for _, name := range []string{"es-MX", "es_MX", "iw"} {
		tag, err := locale.Parse(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(tag, locale.Name(tag), locale.Dir(tag))
	}
	// Output:
	// es-MX español de México ltr
	// "es_MX" is not a canonical BCP 47 tag; use "es-MX"
	// iw עברית rtl
}
