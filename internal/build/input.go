package build

import (
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// Load reads what a build of s needs: its pages, the English messages
// they make (the pages are the truth, not locales/en.toml), and every
// locale catalog.
func Load(s *site.Site) (*Input, error) {
	pages, err := s.LoadPages()
	if err != nil {
		return nil, err
	}
	cats, err := s.LoadCatalogs()
	if err != nil {
		return nil, err
	}
	in := &Input{BaseURL: s.Config.BaseURL, Pages: pages, Source: extract.Source(pages), Fallbacks: s.Fallbacks}
	for _, c := range cats {
		if c.Tag != site.Source {
			in.Locales = append(in.Locales, c)
		}
	}
	return in, nil
}
