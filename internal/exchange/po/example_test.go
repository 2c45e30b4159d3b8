package po_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
)

func ExamplePluralForms() {
	for _, tag := range []string{"zh-Hans", "es", "ar"} {
		pf, err := po.PluralForms(language.MustParse(tag))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s\n", tag, pf)
	}
	// Output:
	// zh-Hans: nplurals=1; plural=0;
	// es: nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);
	// ar: nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);
}

func ExampleWrite() {
	f := &exchange.File{Source: language.English, Target: language.Chinese, Units: []*exchange.Unit{{
		ID:       "chrome.helpful",
		Note:     "Question at the end of every page",
		Hash:     "sha256:5d4a9b7e1f3f1a0c",
		Source:   map[string]string{"other": "Was this page helpful?"},
		Target:   map[string]string{"other": "此页面有帮助吗？"},
		State:    exchange.NeedsReview,
		Stale:    true,
		Previous: "Was this helpful?",
	}}}
	if err := po.Write(os.Stdout, f); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Translations for zh (中文) of the English in locales/en.toml, written by l10n export.
	// # Translate each msgstr; msgctxt is the message ID. Import with: l10n import FILE
	// msgid ""
	// msgstr ""
	// "Project-Id-Version: \n"
	// "PO-Revision-Date: \n"
	// "Last-Translator: \n"
	// "Language-Team: \n"
	// "Language: zh\n"
	// "MIME-Version: 1.0\n"
	// "Content-Type: text/plain; charset=UTF-8\n"
	// "Content-Transfer-Encoding: 8bit\n"
	// "Plural-Forms: nplurals=1; plural=0;\n"
	// "X-Source-Language: en\n"
	//
	// #. Question at the end of every page
	// #. l10n-hash: sha256:5d4a9b7e1f3f1a0c
	// #, fuzzy
	// #| msgid "Was this helpful?"
	// msgctxt "chrome.helpful"
	// msgid "Was this page helpful?"
	// msgstr "此页面有帮助吗？"
}
