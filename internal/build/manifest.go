package build

import (
	"bufio"
	"bytes"
	"os"
	"strings"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
)

// The manifest lists, one per line, "digest path" for every page output
// of the last build, in build order. It is a cache: a missing or damaged
// manifest only makes the next build render everything.

func loadManifest(path string) map[string]string {
	m := map[string]string{}
	if path == "" {
		return m
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		digest, file, ok := strings.Cut(sc.Text(), " ")
		if ok && len(digest) == 64 {
			m[file] = digest
		}
	}
	return m
}

func saveManifest(path string, pages []*content.Page, b *Builder, digests [][]string) error {
	var buf bytes.Buffer
	for i, p := range pages {
		for j, tag := range b.published[p] {
			buf.WriteString(digests[i][j] + " " + PagePath(tag, p) + "\n")
		}
	}
	return atomicfile.Save(path, buf.Bytes(), 0o644)
}
