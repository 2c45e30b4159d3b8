package build

import (
	"bufio"
	"bytes"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
)

// The manifest lists, one per line, "digest path" for every page output
// of the last build, in path order; then "locale tag key part" for each
// locale whose group built from inputs with that key (see Scope) without
// a rejected translation, part being the locale's part of the chooser as
// a quoted Go string; then "file sum path state" for each catalog whose
// SHA-256 a file state proves (see stamp.Sum). It is a cache: a missing
// or damaged manifest only makes the next build read and render
// everything.
type manifest struct {
	outputs map[string]string       // page output path → digest of its inputs
	locales map[string]localeRecord // by tag
	files   map[string]fileRecord   // by catalog path
}

// fileRecord is a catalog's SHA-256 and the state of the file it was
// taken from.
type fileRecord struct {
	sum, state string
}

// localeRecord is what the manifest keeps of a locale.
type localeRecord struct {
	key     string // its group's key (see Scope)
	chooser string // its part of the chooser
}

// loadManifestFile reads the manifest at path, and reports whether there
// was one ("" is none); without one it returns an empty manifest.
func loadManifestFile(path string) (*manifest, bool) {
	m := &manifest{outputs: map[string]string{}, locales: map[string]localeRecord{}, files: map[string]fileRecord{}}
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
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "locale "); ok {
			tag, rest, _ := strings.Cut(rest, " ")
			key, part, _ := strings.Cut(rest, " ")
			if chooser, err := strconv.Unquote(part); err == nil && len(key) == 64 {
				m.locales[tag] = localeRecord{key: key, chooser: chooser}
			}
			continue
		}
		if rest, ok := strings.CutPrefix(line, "file "); ok {
			sum, rest, _ := strings.Cut(rest, " ")
			file, state, _ := strings.Cut(rest, " ")
			if len(sum) == 64 && state != "" {
				m.files[file] = fileRecord{sum: sum, state: state}
			}
			continue
		}
		digest, file, ok := strings.Cut(line, " ")
		if ok && len(digest) == 64 {
			m.outputs[file] = digest
		}
	}
	return m, true
}

// saveManifestFile writes m as a manifest, in path and tag order.
func saveManifestFile(path string, m *manifest) error {
	var buf bytes.Buffer
	for _, file := range slices.Sorted(maps.Keys(m.outputs)) {
		buf.WriteString(m.outputs[file] + " " + file + "\n")
	}
	for _, tag := range slices.Sorted(maps.Keys(m.locales)) {
		r := m.locales[tag]
		buf.WriteString("locale " + tag + " " + r.key + " " + strconv.Quote(r.chooser) + "\n")
	}
	for _, file := range slices.Sorted(maps.Keys(m.files)) {
		r := m.files[file]
		buf.WriteString("file " + r.sum + " " + file + " " + r.state + "\n")
	}
	return atomicfile.Save(path, buf.Bytes(), 0o644)
}

// saveManifest writes the manifest of a build: the digest of every page
// output, digests[i][j] being that of pages[i] in b.Published(pages[i])[j],
// and the record of every locale with a key, chooser holding each
// locale's part of the chooser.
func saveManifest(path string, pages []*content.Page, b *Builder, digests [][]string, chooser map[string]string) error {
	m := &manifest{outputs: map[string]string{}, locales: map[string]localeRecord{}, files: b.in.files}
	for i, p := range pages {
		for j, tag := range b.published[p] {
			m.outputs[PagePath(tag, p)] = digests[i][j]
		}
	}
	for tag, key := range b.in.keys {
		m.locales[tag.String()] = localeRecord{key: key, chooser: chooser[tag.String()]}
	}
	return saveManifestFile(path, m)
}
