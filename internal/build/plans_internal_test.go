package build

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/render"
)

// TestPlanCacheReadsBackWhatItSaved: an entry saved in the plan cache
// reads back equal, field by field; a file with one byte changed, cut
// short, or of another format reads as empty (every page is read again),
// never as other entries.
func TestPlanCacheReadsBackWhatItSaved(t *testing.T) {
	e := &entry{Published: true, Content: strings.Repeat("ab", 32),
		Title:    render.Text{HTML: "Contrabando de <em>narcóticos</em>", Plain: "Contrabando de narcóticos", Lang: "es", Dir: "ltr", Notice: "<a>old</a>"},
		Rejected: []string{"page.p1", "page.p2"},
		Warnings: diag.List{{Pos: diag.Pos{File: "locales/es.toml", Line: 12, Col: 3}, Msg: "loses a link", Warning: true}}}
	bare := &entry{Content: strings.Repeat("cd", 32)}
	key1, key2 := strings.Repeat("1", 64), strings.Repeat("2", 64)
	path := filepath.Join(t.TempDir(), "build.plans")
	c := loadPlans(path)
	c.put(key1, e)
	c.put(key2, bare)
	if err := c.save(path); err != nil {
		t.Fatal(err)
	}
	back := loadPlans(path)
	for key, want := range map[string]*entry{key1: e, key2: bare} {
		if got := back.get(key); !reflect.DeepEqual(got, want) {
			t.Errorf("entry %s… read back as %+v; want %+v", key[:4], got, want)
		}
	}
	if back.get(strings.Repeat("3", 64)) != nil {
		t.Error("a key never saved has an entry")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damaged := map[string][]byte{
		"one byte changed": func() []byte { d := []byte(string(data)); d[len(plansHeader)+70] ^= 1; return d }(),
		"cut short":        data[:len(data)-9],
		"another format":   []byte(key1 + ` {"Published":true}` + "\n"),
	}
	for name, d := range damaged {
		if err := os.WriteFile(path, d, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := loadPlans(path); len(got.last) != 0 {
			t.Errorf("%s: %d entries read; want none", name, len(got.last))
		}
	}
}
