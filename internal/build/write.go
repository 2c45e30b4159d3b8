package build

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/hsi-l10n/l10n/internal/crashpoint"
)

// removeLeftovers removes what killed builds left in parent: the folders
// whose name starts with prefix, holding the new sites they were
// assembling or the old sites they had moved aside (prefix….old).
func removeLeftovers(parent, prefix string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			if err := os.RemoveAll(filepath.Join(parent, e.Name())); err != nil {
				return err
			}
			crashpoint.Done("remove", filepath.Join(parent, e.Name()))
		}
	}
	return nil
}

// syncDir syncs the folder dir, making the names in it durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		crashpoint.Done("sync", dir)
	}
	return err
}
