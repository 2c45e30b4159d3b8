package check_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
	"golang.org/x/tools/txtar"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// wantRE finds a "# want" marker: the diagnostic expected on that line.
var wantRE = regexp.MustCompile(`#\s*want\s+"((?:[^"\\]|\\.)*)"`)

type want struct {
	file string
	line int
	re   *regexp.Regexp
}

// TestRules runs check on each archive in testdata/: locales/*.toml files
// (locales/en.toml is the English) and an optional l10n.toml glossary.
// Each line marked # want "regexp" must get a diagnostic matching it, and
// no other line may get one.
func TestRules(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test archives in testdata/ (%v)", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := &check.Input{}
			var wants []want
			for _, f := range ar.Files {
				for i, line := range strings.Split(string(f.Data), "\n") {
					for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
						wants = append(wants, want{f.Name, i + 1, regexp.MustCompile(strings.ReplaceAll(m[1], `\"`, `"`))})
					}
				}
				if f.Name == "l10n.toml" {
					var cfg struct{ Glossary map[string]map[string]string }
					if _, err := toml.Decode(string(f.Data), &cfg); err != nil {
						t.Fatal(err)
					}
					in.Glossary = cfg.Glossary
					continue
				}
				name := strings.TrimSuffix(strings.TrimPrefix(f.Name, "locales/"), ".toml")
				tag, err := locale.Parse(name)
				if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
				cat, err := catalog.Parse(f.Name, tag, f.Data)
				if err != nil {
					t.Fatalf("%s does not parse: %v", f.Name, err)
				}
				if tag == language.English {
					in.Source = cat
				} else {
					in.Locales = append(in.Locales, cat)
				}
			}
			if in.Source == nil {
				t.Fatal("archive has no locales/en.toml")
			}
			got := check.Run(in)
			matched := make([]bool, len(wants))
		diags:
			for _, d := range got {
				for i, w := range wants {
					if !matched[i] && w.file == d.Pos.File && w.line == d.Pos.Line && w.re.MatchString(d.Error()) {
						matched[i] = true
						continue diags
					}
				}
				t.Errorf("unexpected diagnostic: %s", d)
			}
			for i, w := range wants {
				if !matched[i] {
					t.Errorf("%s:%d: no diagnostic matching %q", w.file, w.line, w.re)
				}
			}
		})
	}
}

func ExampleRun() {
	en, _ := catalog.Parse("locales/en.toml", language.English, []byte(`
[tip]
hash = "sha256:1"
other = "Call the [HSI Tip Line](tel:+18774474847)."
`))
	es, _ := catalog.Parse("locales/es.toml", language.Spanish, []byte(`
[tip]
hash = "sha256:1"
other = "Llame a la Línea de Denuncias de HSI."
`))
	for _, d := range check.Run(&check.Input{Source: en, Locales: []*catalog.File{es}}) {
		fmt.Println(d)
	}
	// Output:
	// locales/es.toml:4:9: [tip] links (none) differ from the English [tel:+18774474847]; keep every link and its URL
}
