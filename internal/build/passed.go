package build

import (
	"bytes"
	"os"
	"path/filepath"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/check"
)

// The check cache is a folder (NewStream's checked) with one file per locale,
// named by its tag: a header naming the program, then the keys of the
// locale's translations in which the check found no error (see
// check.Key). A build checks only the other translations: after one
// translation changed, one instead of 40,000. It is a cache: a missing,
// damaged or older file only makes the build check everything.

// passedHeader starts a check cache file of program.
func passedHeader(program string) []byte {
	return []byte("l10n check cache 1 " + program + "\n")
}

// loadPassed reads the check cache in dir of each locale of tags.
func loadPassed(dir, program string, tags []language.Tag) map[language.Tag]*check.KeySet {
	out := map[language.Tag]*check.KeySet{}
	if dir == "" {
		return out
	}
	head := passedHeader(program)
	for _, tag := range tags {
		data, err := os.ReadFile(filepath.Join(dir, tag.String()))
		if err != nil || !bytes.HasPrefix(data, head) {
			continue
		}
		if set, ok := check.ParseKeySet(data[len(head):]); ok {
			out[tag] = set
		}
	}
	return out
}

// savePassed writes the check cache in dir of each locale whose set
// differs from the one read (old).
func savePassed(dir, program string, passed, old map[language.Tag]*check.KeySet) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	head := passedHeader(program)
	for tag, set := range passed {
		if set == old[tag] {
			continue // the set read, as it was (see check.Union)
		}
		data := set.Bytes()
		if o := old[tag]; o != nil && bytes.Equal(o.Bytes(), data) {
			continue
		}
		if err := atomicfile.Save(filepath.Join(dir, tag.String()), append(head, data...), 0o644); err != nil {
			return err
		}
	}
	return nil
}
