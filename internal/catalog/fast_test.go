package catalog

import (
	"bytes"
	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// FuzzFastMatchesFull checks the fast reader against the TOML parser: on
// every input the fast reader accepts, the full parser must accept it too
// and read the same messages, positions and comments.
func FuzzFastMatchesFull(f *testing.F) {
	files, _ := filepath.Glob("../../locales/*.toml")
	if len(files) == 0 {
		f.Fatal("no shipped catalogs to seed from")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"[a]\nother = \"x\"\n",
		"# c\n[a.b]\nhash = \"h\"\nother = \"\\u00e9\\t\\\"q\\\" \\\\ \\U0001F600\"\n",
		"[a]\nother = \"x\"\n[a.b]\nother = \"y\"\n",
		"[a.b]\nother = \"y\"\n[a]\nother = \"x\"\n",
		"[a]\nid = \"a\"\nother = \"x\"\n",
		"[a]\nother = \"x\"\nother = \"y\"\n",
		"[a]\n\n# between\nother = \"x\"\n",
		"[a]\nother = \"\\ud800\"\n",
		"[a]\nother = \"a\\x41\"\n",
		"[a]\nother = \"tab\there\"\n",
		"#\x01\n[a]\nother = \"x\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// Parse refuses invalid UTF-8 and a BOM before either reader runs.
		if !utf8.Valid(src) || bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
			return
		}
		fast, ok := parseFast("locales/es.toml", src, 1)
		if !ok {
			return
		}
		full, err := parseFull("locales/es.toml", language.Spanish, src, diag.NewLines("locales/es.toml", src))
		if err != nil {
			t.Fatalf("fast reader accepted what the TOML parser refuses (%v):\n%q", err, src)
		}
		if _, err := i18n.ParseMessageFileBytes(src, "locales/es.toml", map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}); err != nil {
			t.Fatalf("fast reader accepted what go-i18n refuses (%v):\n%q", err, src)
		}
		if !reflect.DeepEqual(fast, full.Messages) {
			t.Fatalf("fast and full readers differ on\n%q\nfast: %s\nfull: %s", src, dump(fast), dump(full.Messages))
		}
	})
}

func dump(msgs []*Message) string {
	var s string
	for _, m := range msgs {
		s += m.ID + " " + m.Pos.String() + " " + m.Description + "|" + m.Hash + "|"
		for k, v := range m.Forms {
			s += k + "=" + v + ";"
		}
		for k, v := range m.Value.All() {
			s += k + "@" + v.String() + ";"
		}
		for _, c := range m.Comment {
			s += "#" + c
		}
		s += "\n"
	}
	return s
}

func TestFastReaderTakesShippedCatalogs(t *testing.T) {
	files, _ := filepath.Glob("../../locales/*.toml")
	if len(files) == 0 {
		t.Fatal("no shipped catalogs")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := parseFast(file, data, 1); !ok {
			t.Errorf("%s, written by l10n extract, is not read by the fast reader", file)
		}
	}
}
