package build

import (
	"bufio"
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
)

// The manifest lists, one per line, "digest path" for every page output
// and site file (see sitefiles.go) of the last build, in path order. It is a cache: a missing or damaged
// manifest only makes the next build render everything. Lines of other
// kinds (older builds recorded locales and catalogs) are left unread.
type manifest struct {
	outputs map[string]string // output path → digest of its inputs
}

// loadManifestFile reads the manifest at path, and reports whether there
// was one ("" is none); without one it returns an empty manifest.
func loadManifestFile(path string) (*manifest, bool) {
	m := &manifest{outputs: map[string]string{}}
	if path == "" {
		return m, false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return m, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		digest, file, ok := strings.Cut(sc.Text(), " ")
		if ok && len(digest) == 64 {
			m.outputs[file] = digest
		}
	}
	return m, true
}

// saveManifestFile writes m as a manifest, in path order.
func saveManifestFile(path string, m *manifest) error {
	var buf bytes.Buffer
	for _, file := range slices.Sorted(maps.Keys(m.outputs)) {
		buf.WriteString(m.outputs[file] + " " + file + "\n")
	}
	return atomicfile.Save(path, buf.Bytes(), 0o644)
}

// saveManifest writes the manifest of a build: the digest of every page
// output, digests[i][j] being that of pages[i] in published[pages[i]][j],
// and the site files under theirs.
func saveManifest(path string, pages []*content.Page, published map[*content.Page][]language.Tag, digests [][]string, site *siteOutputs) error {
	if path == "" {
		return nil
	}
	m := &manifest{outputs: map[string]string{}}
	for _, f := range site.files() {
		m.outputs[f.Path] = site.digestOf(f.Path)
	}
	for i, p := range pages {
		for j, tag := range published[p] {
			m.outputs[PagePath(tag, p)] = digests[i][j]
		}
	}
	return saveManifestFile(path, m)
}
