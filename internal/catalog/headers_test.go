package catalog

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestEachHeaderFindsWhatParseFinds: in a catalog as Write lays it out
// (comments that look like tables, values with brackets, quotes and
// newlines, a value longer than EachHeader's buffer), EachHeader gives
// each message's ID in order at the offset of its header line, and the
// SHA-256 of the file.
func TestEachHeaderFindsWhatParseFinds(t *testing.T) {
	var entries []Entry
	for i := range 40 {
		m := English(fmt.Sprintf("page-%d.intro.p%d", i/7, i), fmt.Sprintf("[x] \"quoted\"\n[y.z] text %d", i))
		if i == 20 {
			m = English("long.intro.p1", strings.Repeat("[a] ", 50000))
		}
		entries = append(entries, Entry{Message: m, Comment: []string{"[not.a.table]", "was: [old]"}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, []string{"[header]"}, entries); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	f, err := Parse("en.toml", language.English, data)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	sum, ok, err := EachHeader(bytes.NewReader(data), func(off int64, id string) {
		ids = append(ids, strings.Clone(id))
		if !bytes.HasPrefix(data[off:], []byte("["+id+"]\n")) {
			t.Errorf("header of %s not at offset %d", id, off)
		}
	})
	if err != nil || !ok {
		t.Fatalf("EachHeader: %t, %v", ok, err)
	}
	if sum != sha256.Sum256(data) {
		t.Error("EachHeader's sum is not the file's SHA-256")
	}
	if len(ids) != len(f.Messages) {
		t.Fatalf("EachHeader found %d headers, Parse %d messages", len(ids), len(f.Messages))
	}
	for i, m := range f.Messages {
		if ids[i] != m.ID {
			t.Errorf("header %d is %s, message %s", i, ids[i], m.ID)
		}
	}
}

// TestEachHeaderRefusesOtherLayouts: a quoted key or a CRLF line end is
// not the layout l10n writes.
func TestEachHeaderRefusesOtherLayouts(t *testing.T) {
	for _, src := range []string{
		"[\"a b\".c]\nother = \"x\"\n",
		"[a.b]\r\nother = \"x\"\r\n",
	} {
		_, ok, err := EachHeader(strings.NewReader(src), func(int64, string) {})
		if ok || err != nil {
			t.Errorf("EachHeader(%q) = %t, %v; want false", src, ok, err)
		}
	}
}
