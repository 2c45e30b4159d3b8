package extract_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/extract"
)

// TestRunReportsEveryCatalogItCannotRead: a catalog that cannot be read
// (es.toml) and one that does not parse (vi.toml) are both reported, in
// one error, and no output is returned, though the other catalogs could
// be spliced or laid out. See issue 5.
func TestRunReportsEveryCatalogItCannotRead(t *testing.T) {
	t.Parallel()
	s, idx := extractedSite(t)
	editPage(t, s, 4, appendTo(0, " Updated."))
	for _, opts := range []extract.Options{{}, {Prune: true}} {
		in, _ := siteInput(t, s, idx)
		for i, c := range in.Catalogs {
			switch c.Path {
			case "locales/es.toml":
				in.Catalogs[i].Src = nil // it could not be opened
				in.Catalogs[i].Read = func() ([]byte, error) {
					return nil, &fs.PathError{Op: "open", Path: "locales/es.toml", Err: fs.ErrPermission}
				}
			case "locales/vi.toml":
				bad := []byte("[x\n")
				in.Catalogs[i].Src, in.Catalogs[i].Size = bytes.NewReader(bad), int64(len(bad))
				in.Catalogs[i].Read = func() ([]byte, error) { return bad, nil }
			}
		}
		outs, err := extract.Run(in, opts)
		if outs != nil {
			t.Errorf("Prune %t: Run returned %d outputs with its error", opts.Prune, len(outs))
		}
		var list diag.List
		if !errors.As(err, &list) || len(list) != 2 {
			t.Fatalf("Prune %t: Run = %v; want a diag.List of 2 problems", opts.Prune, err)
		}
		if !errors.Is(list[0], fs.ErrPermission) || !strings.Contains(err.Error(), "locales/es.toml: permission denied") {
			t.Errorf("Prune %t: Run = %v; want es.toml's permission denied", opts.Prune, err)
		}
		if !strings.Contains(err.Error(), "locales/vi.toml:1:") {
			t.Errorf("Prune %t: Run = %v; want vi.toml's syntax error, at its line", opts.Prune, err)
		}
	}
}

// TestSpliceRefusesACatalogChangedMeanwhile: a catalog edited between
// Run's check of its sum and its write is not written over.
func TestSpliceRefusesACatalogChangedMeanwhile(t *testing.T) {
	t.Parallel()
	s, idx := extractedSite(t)
	editPage(t, s, 2, appendTo(0, " Updated."))
	in, cs := siteInput(t, s, idx)
	outs, err := extract.Run(in, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vi := cs.data["locales/vi.toml"]
	vi[len(vi)-2] ^= 1 // a translator's edit, while extract runs
	for _, o := range outs {
		if o.Splice == nil {
			t.Fatalf("%s was not spliced after an edit of a paragraph", o.Path)
		}
		_, err := o.Splice.WriteTo(io.Discard)
		if o.Path == "locales/vi.toml" && err == nil {
			t.Error("the changed vi.toml was written over")
		}
		if o.Path != "locales/vi.toml" && err != nil {
			t.Errorf("%s: %v", o.Path, err)
		}
	}
}
