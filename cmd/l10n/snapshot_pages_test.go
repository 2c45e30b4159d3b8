package main

import (
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
)

// snapshotPages returns the pages of s with their IDs given, as every
// stage takes them (see snapshot.Read).
func snapshotPages(s *site.Site) ([]*content.Page, error) {
	sn, err := snapshotpkg.Read(s, nil)
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	return sn.Pages, nil
}
