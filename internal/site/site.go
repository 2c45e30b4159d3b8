// Package site finds the parts of a site on disk: its root folder, the
// config file l10n.toml, the English pages under content/ and the catalogs
// under locales/. It is the edge where paths become values: every other
// stage works on what this package read.
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// ConfigFile is the name of the site config file in the site root.
const ConfigFile = "l10n.toml"

// Folders of a site, relative to its root.
const (
	ContentDir = "content"
	LocalesDir = "locales"
	PublicDir  = "public"
	// CacheDir holds what speeds up the next run (the build manifest);
	// deleting it only makes the next run slower.
	CacheDir = ".l10n-cache"
)

// Source is the language the pages are written in.
var Source = language.English

// Config is the site config file.
type Config struct {
	// BaseURL is the public address of the site, without a final slash;
	// the sitemap and hreflang links are absolute under it.
	BaseURL string `toml:"base_url"`
	// Fallbacks names, per locale, locales to try after its CLDR parents
	// and before English.
	Fallbacks map[string][]string `toml:"fallbacks"`
	// Glossary lists, per locale, key terms and their agreed translation;
	// "*" holds terms that stay as they are in every language.
	Glossary map[string]map[string]string `toml:"glossary"`
	// Publish holds the publishing policy per locale; "*" applies to
	// every locale that has no entry of its own.
	Publish map[string]Policy `toml:"publish"`
}

// Policy is what readers of a locale see of a partial or stale catalog.
type Policy struct {
	// Stale is "fallback" (the default): a stale translation is not
	// shown, the next locale of the chain is; or "notice": it is shown,
	// with a notice in the reader's language that the English has changed
	// since, and a link to the English page.
	Stale string `toml:"stale"`
	// MinPercent is the share of a page's messages (chrome included) that
	// must reach readers in their language, through the fallback chain,
	// for the page to be published in this locale. 0 publishes every page.
	MinPercent float64 `toml:"min_percent"`
}

// The values of Policy.Stale.
const (
	StaleFallback = "fallback"
	StaleNotice   = "notice"
)

// PolicyFor returns the publishing policy of tag.
func (s *Site) PolicyFor(tag language.Tag) Policy {
	p, ok := s.Config.Publish[tag.String()]
	if !ok {
		p = s.Config.Publish["*"]
	}
	if p.Stale == "" {
		p.Stale = StaleFallback
	}
	return p
}

// Site is a site on disk.
type Site struct {
	Root   string // folder holding l10n.toml, content/ and locales/
	Config Config
	// Fallbacks is Config.Fallbacks with validated tags.
	Fallbacks map[language.Tag][]language.Tag
}

// Load reads the site rooted at root.
func Load(root string) (*Site, error) {
	s := &Site{Root: root, Fallbacks: map[language.Tag][]language.Tag{}}
	src, err := os.ReadFile(filepath.Join(root, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no %s here; run l10n in a site folder or give one with -C DIR", filepath.Join(root, ConfigFile), ConfigFile)
	}
	if err != nil {
		return nil, err
	}
	lines := diag.NewLines(ConfigFile, src)
	md, err := toml.Decode(string(src), &s.Config)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, diag.Errorf(lines.Pos(perr.Position.Start), "%s; fix the TOML syntax", perr.Message)
		}
		return nil, diag.Errorf(diag.Pos{File: ConfigFile}, "%v", err)
	}
	var list diag.List
	for _, k := range md.Undecoded() {
		list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "unknown key %q; known keys are base_url, fallbacks, glossary, publish (stale, min_percent)", k.String()))
	}
	for _, name := range sortedKeys(s.Config.Publish) {
		p := s.Config.Publish[name]
		if name != "*" {
			if _, err := locale.Parse(name); err != nil {
				list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "publish: %v", err))
			}
		}
		if p.Stale != "" && p.Stale != StaleFallback && p.Stale != StaleNotice {
			list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "publish.%s: stale = %q; use \"fallback\" or \"notice\"", name, p.Stale))
		}
		if p.MinPercent < 0 || p.MinPercent > 100 {
			list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "publish.%s: min_percent = %v; use a number from 0 to 100", name, p.MinPercent))
		}
	}
	s.Config.BaseURL = strings.TrimRight(s.Config.BaseURL, "/")
	for _, name := range sortedKeys(s.Config.Fallbacks) {
		tag, err := locale.Parse(name)
		if err != nil {
			list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "fallbacks: %v", err))
			continue
		}
		for _, fb := range s.Config.Fallbacks[name] {
			ft, err := locale.Parse(fb)
			if err != nil {
				list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "fallbacks for %s: %v", name, err))
				continue
			}
			s.Fallbacks[tag] = append(s.Fallbacks[tag], ft)
		}
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Path returns the absolute path of rel, a slash-separated path relative to
// the site root.
func (s *Site) Path(rel string) string {
	return filepath.Join(s.Root, filepath.FromSlash(rel))
}

// ReadFile reads rel, a slash-separated path relative to the site root.
func (s *Site) ReadFile(rel string) ([]byte, error) {
	return os.ReadFile(s.Path(rel))
}

// Pages returns the pages under content/ as slash-separated paths relative
// to the site root, sorted, so every stage sees them in one order. Symbolic
// links are not followed: a page is a regular file inside content/.
func (s *Site) Pages() ([]string, error) {
	var pages []string
	root := s.Path(ContentDir)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || filepath.Ext(path) != ".md" {
			return nil
		}
		rel, err := filepath.Rel(s.Root, path)
		if err != nil {
			return err
		}
		pages = append(pages, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(pages)
	return pages, nil
}

// LocaleFile is a catalog file of one locale.
type LocaleFile struct {
	Tag  language.Tag
	Path string // relative to the site root: "locales/es-MX.toml"
}

// Locales lists locales/*.toml, sorted by tag, the source locale (en)
// first. A file whose name is not a canonical BCP 47 tag is an error that
// names the right file name; the files with good names are returned
// with it, so a check can report on them too.
func (s *Site) Locales() ([]LocaleFile, error) {
	entries, err := os.ReadDir(s.Path(LocalesDir))
	if err != nil {
		return nil, err
	}
	var files []LocaleFile
	var list diag.List
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		rel := LocalesDir + "/" + e.Name()
		if !e.Type().IsRegular() {
			list.Add(diag.Errorf(diag.Pos{File: rel}, "not a regular file; a catalog must be a plain file, not a link or folder"))
			continue
		}
		tag, err := locale.Parse(name)
		if err != nil {
			msg := err.Error()
			if c := locale.Canonical(name); c != "" && c != name {
				msg = fmt.Sprintf("%q is not a canonical BCP 47 tag; rename the file %s.toml", name, c)
			}
			list.Add(diag.Errorf(diag.Pos{File: rel}, "%s", msg))
			continue
		}
		files = append(files, LocaleFile{Tag: tag, Path: rel})
	}
	slices.SortFunc(files, func(a, b LocaleFile) int {
		switch {
		case a.Tag == Source:
			return -1
		case b.Tag == Source:
			return 1
		}
		return strings.Compare(a.Tag.String(), b.Tag.String())
	})
	return files, list.Err()
}

// SourceCatalog is the path of the English catalog that extract writes.
const SourceCatalog = LocalesDir + "/en.toml"

// CatalogPath returns the catalog path of tag.
func CatalogPath(tag language.Tag) string {
	return LocalesDir + "/" + tag.String() + ".toml"
}
