package sitegen_test

import (
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// Generate writes a site that l10n reads as it is; a Go benchmark makes
// one in b.TempDir() the same way.
func ExampleGenerate() {
	dir, err := os.MkdirTemp("", "sitegen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	o := sitegen.Options{Pages: 2, Locales: []string{"es", "zh-Hans"}, Coverage: []int{100, 50}, Stale: 5, Seed: 1}
	if err := sitegen.Generate(dir, o); err != nil {
		log.Fatal(err)
	}
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			fmt.Println(filepath.ToSlash(rel))
		}
		return err
	})
	// Output:
	// content/topics/counter-proliferation/new-threat-task-force.md
	// content/topics/cultural-property/qualified-license-guidance.md
	// l10n.toml
	// locales/en.toml
	// locales/es.toml
	// locales/zh-Hans.toml
}
