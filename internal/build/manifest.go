package build

import (
	"bufio"
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
)

// The manifest lists, one per line, "digest path" for every page output
// of the last build, in path order. It is a cache: a missing or damaged
// manifest only makes the next build render everything.

// loadManifestFile reads the manifest at path, and reports whether there
// was one ("" is none); without one it returns an empty manifest.
func loadManifestFile(path string) (map[string]string, bool) {
	if path == "" {
		return map[string]string{}, false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return map[string]string{}, false
	}
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		digest, file, ok := strings.Cut(sc.Text(), " ")
		if ok && len(digest) == 64 {
			m[file] = digest
		}
	}
	return m, true
}

// saveManifestFile writes m as a manifest, in path order.
func saveManifestFile(path string, m map[string]string) error {
	var buf bytes.Buffer
	for _, file := range slices.Sorted(maps.Keys(m)) {
		buf.WriteString(m[file] + " " + file + "\n")
	}
	return atomicfile.Save(path, buf.Bytes(), 0o644)
}

// saveManifest writes the manifest of a build: the digest of every page
// output, digests[i][j] being that of pages[i] in b.Published(pages[i])[j].
func saveManifest(path string, pages []*content.Page, b *Builder, digests [][]string) error {
	m := map[string]string{}
	for i, p := range pages {
		for j, tag := range b.published[p] {
			m[PagePath(tag, p)] = digests[i][j]
		}
	}
	return saveManifestFile(path, m)
}
