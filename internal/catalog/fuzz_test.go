package catalog_test

import (
	"bytes"
	"testing"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// FuzzParseWriteRoundTrip checks that for any file Parse accepts, writing
// its messages and reading them back gives the same messages, and that
// writing again gives the same bytes.
func FuzzParseWriteRoundTrip(f *testing.F) {
	f.Add("# en: Skip to main content\n[chrome.skip]\nhash = \"sha256:71c7487db66d5429\"\nother = \"Saltar\"\n")
	f.Add("top = \"t\"\n[page]\nintro.p1 = \"short\"\n[page.intro]\np2 = \"two\"\n")
	f.Add("[\"a b\".\"ñ\"]\ndescription = \"d\"\nzero = \"0\"\none = \"1\"\ntwo = \"2\"\nfew = \"f\"\nmany = \"m\"\nother = \"o\"\n")
	f.Add("[x]\nother = \"\"\"\nmulti\nline\"\"\"\n")
	f.Add("[x]\nother = 'literal \\ string'\n")
	f.Add("[x]\nother = \"tab\\t quote\\\" nl\\n {{.Date}}\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		f1, err := catalog.Parse(path, es, []byte(src))
		if err != nil {
			return
		}
		var first bytes.Buffer
		if err := catalog.Write(&first, nil, commented(f1.Messages)); err != nil {
			t.Fatalf("Write: %v", err)
		}
		f2, err := catalog.Parse(path, es, first.Bytes())
		if err != nil {
			t.Fatalf("Parse(Write(Parse(src))): %v\nsrc:\n%s\nwritten:\n%s", err, src, first.Bytes())
		}
		if got, want := summarize(f2.Messages), summarize(f1.Messages); !equalSummaries(got, want) {
			t.Fatalf("Parse(Write(Parse(src))) messages:\ngot  %v\nwant %v\nwritten:\n%s", got, want, first.Bytes())
		}
		var second bytes.Buffer
		if err := catalog.Write(&second, nil, commented(f2.Messages)); err != nil {
			t.Fatalf("Write: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("writing a catalog just read changed it:\nfirst:\n%s\nsecond:\n%s", first.Bytes(), second.Bytes())
		}
	})
}

// commented makes an entry per message, keeping its comment.
func commented(msgs []*catalog.Message) []catalog.Entry {
	out := make([]catalog.Entry, len(msgs))
	for i, m := range msgs {
		out[i] = catalog.Entry{Message: m, Comment: m.Comment}
	}
	return out
}
