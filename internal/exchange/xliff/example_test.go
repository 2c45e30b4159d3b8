package xliff_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
)

func ExampleWrite() {
	f := &exchange.File{Source: language.English, Target: language.Vietnamese, Units: []*exchange.Unit{{
		ID:     "chrome.helpful",
		Note:   "Question at the end of every page",
		Hash:   "sha256:5d4a9b7e1f3f1a0c",
		Source: map[string]string{"other": "Was this page helpful?"},
		Target: map[string]string{"other": "Trang này có hữu ích không?"},
		State:  exchange.Translated,
	}}}
	if err := xliff.Write(os.Stdout, f); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi">
	//   <file id="vi" canResegment="no" xml:space="preserve">
	//     <unit id="chrome.helpful">
	//       <notes>
	//         <note category="description">Question at the end of every page</note>
	//         <note category="l10n-hash">sha256:5d4a9b7e1f3f1a0c</note>
	//       </notes>
	//       <segment state="translated">
	//         <source>Was this page helpful?</source>
	//         <target>Trang này có hữu ích không?</target>
	//       </segment>
	//     </unit>
	//   </file>
	// </xliff>
}

func ExampleParse() {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi">
  <file id="vi">
    <unit id="chrome.helpful">
      <segment state="final">
        <source>Was this page helpful?</source>
      </segment>
    </unit>
  </file>
</xliff>
`
	_, err := xliff.Parse("vi.xlf", []byte(src))
	fmt.Println(err)
	// Output:
	// vi.xlf:5:7: unit "chrome.helpful" is in state "final" but has no <target>; add the translation, or set state="initial"
}
