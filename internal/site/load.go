package site

import (
	"errors"
	"io/fs"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// LoadPages reads and parses every page, reporting all problems at once.
func (s *Site) LoadPages() ([]*content.Page, error) {
	files, err := s.Pages()
	if err != nil {
		return nil, err
	}
	var pages []*content.Page
	var list diag.List
	for _, f := range files {
		src, err := s.ReadFile(f)
		if err != nil {
			list.Add(err)
			continue
		}
		p, err := content.Parse(f, src)
		if err != nil {
			list.Add(err)
			continue
		}
		pages = append(pages, p)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return pages, nil
}

// LoadCatalogs reads every catalog in locales/ (the English one first),
// reporting all problems at once. With an error, it also returns the
// catalogs it could read. A site without locales/ has none yet.
func (s *Site) LoadCatalogs() ([]*catalog.File, error) {
	files, err := s.Locales()
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var cats []*catalog.File
	var list diag.List
	list.Add(err)
	for _, lf := range files {
		src, err := s.ReadFile(lf.Path)
		if err != nil {
			list.Add(err)
			continue
		}
		f, err := catalog.Parse(lf.Path, lf.Tag, src)
		if err != nil {
			list.Add(err)
			continue
		}
		cats = append(cats, f)
	}
	return cats, list.Err()
}
