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
	"sync/atomic"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
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
	// Content says how the pages are read.
	Content ContentConfig `toml:"content"`
	// Memory says how l10n tm applies the translation memory.
	Memory MemoryConfig `toml:"memory"`
}

// MemoryConfig is the [memory] table of the config.
type MemoryConfig struct {
	// Exact is how l10n tm writes the site's translation of the same
	// English into an untranslated entry: "review" (the default: it
	// awaits a translator's review, never shown before) or "current".
	Exact string `toml:"exact"`
}

// The values of memory.exact.
const (
	ExactReview  = "review"
	ExactCurrent = "current"
)

// ContentConfig is the [content] table of the config: what of a page is
// translated besides its Markdown.
type ContentConfig struct {
	// FrontMatter lists the front matter keys whose values are
	// translated; nested keys are joined with dots ("params.subtitle").
	// Unset: content.DefaultKeys.
	FrontMatter []string `toml:"front_matter"`
	// ShortcodeArgs lists the named shortcode arguments whose values are
	// translated. Unset: content.DefaultArgs.
	ShortcodeArgs []string `toml:"shortcode_args"`
	// CodeShortcodes lists the paired shortcodes whose inner text is
	// code. Unset: content.DefaultCodeShortcodes.
	CodeShortcodes []string `toml:"code_shortcodes"`
	// MarkdownShortcodes lists the paired {{< >}} shortcodes whose
	// inner text is Markdown. Unset: content.DefaultMarkdownShortcodes.
	MarkdownShortcodes []string `toml:"markdown_shortcodes"`
}

// ContentOptions returns how the site's pages are read.
func (s *Site) ContentOptions() content.Options {
	return content.Options{Keys: s.Config.Content.FrontMatter, Args: s.Config.Content.ShortcodeArgs, CodeShortcodes: s.Config.Content.CodeShortcodes, MarkdownShortcodes: s.Config.Content.MarkdownShortcodes}
}

// PagesKey returns what, besides a page's bytes, shapes the page that
// program reads from them in s: the program and the content options. A
// cache of what pages hold (the page cache, the extract index) is kept
// under it.
func (s *Site) PagesKey(program string) []byte {
	return pagesKey(program, s.ContentOptions())
}

func pagesKey(program string, opts content.Options) []byte {
	return fmt.Appendf(nil, "%s\n%#v\n", program, opts)
}

// Site is a site on disk.
type Site struct {
	Root   string // folder holding l10n.toml, content/ and locales/
	Config Config
	// Fallbacks is Config.Fallbacks with validated tags.
	Fallbacks map[language.Tag][]language.Tag

	// locked is set while this process holds the site lock (Lock): then,
	// and only then, LoadPages writes the page cache (see Locked).
	locked atomic.Bool
}

// Locked reports whether this process holds the site lock (see Lock).
// Caches under CacheDir are written only then: a command that only
// reads the site (serve, status, check, export) writes nothing in it,
// and two commands never write one cache file at once.
func (s *Site) Locked() bool { return s.locked.Load() }

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
		list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "unknown key %q; known keys are base_url, fallbacks, glossary, publish (stale, min_percent), content (front_matter, shortcode_args, code_shortcodes, markdown_shortcodes), memory (exact)", k.String()))
	}
	for _, k := range s.Config.Content.FrontMatter {
		for _, part := range strings.Split(k, ".") {
			if !validKeyPart(part) {
				list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "content.front_matter: %q is not a key path; write keys of letters, digits, - and _, nested ones joined with dots (params.subtitle)", k))
				break
			}
		}
	}
	checkPolicies(&s.Config, md, &list)
	if e := s.Config.Memory.Exact; e != "" && e != ExactReview && e != ExactCurrent {
		list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "memory: exact = %q; use \"review\" or \"current\"", e))
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

// validKeyPart reports whether part can be one part of a message ID: a
// bare TOML key.
func validKeyPart(part string) bool {
	if part == "" {
		return false
	}
	for _, r := range part {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
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

// checkFolders refuses a site whose content/ or locales/ is inside
// public/ (through a symbolic link), which l10n build replaces as a whole
// and so would delete, or whose public/ is inside content/, where the
// built site would be mixed with the pages. See issue 6.
func (s *Site) checkFolders() error {
	public, err := resolve(s.Path(PublicDir))
	if err != nil {
		return err
	}
	real := map[string]string{}
	for _, dir := range []string{ContentDir, LocalesDir} {
		if real[dir], err = resolve(s.Path(dir)); err != nil {
			return err
		}
		if within(real[dir], public) {
			return diag.Errorf(diag.Pos{File: dir}, "is inside %s/ (it is %s), which l10n build replaces as a whole, so it would be deleted; move it out of %s/", PublicDir, s.shown(real[dir]), PublicDir)
		}
	}
	if within(public, real[ContentDir]) {
		return diag.Errorf(diag.Pos{File: PublicDir}, "is inside %s/ (it is %s), so the built site would be mixed with the pages; make %s/ a folder of its own beside %s/", ContentDir, s.shown(public), PublicDir, ContentDir)
	}
	return nil
}

// resolve returns the absolute path of path with symbolic links resolved;
// a path that does not exist yet is taken as it is.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return abs, nil
	}
	return real, err
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// shown returns real, a resolved path, relative to the site root when it
// is inside it, for messages.
func (s *Site) shown(real string) string {
	if root, err := resolve(s.Root); err == nil && within(real, root) {
		if rel, err := filepath.Rel(root, real); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return real
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
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
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
			list.Add(diag.Errorf(diag.Pos{File: rel}, "%s", badName(name, err, names)))
			continue
		}
		if cur := locale.Current(tag); cur != "" && names[cur+".toml"] {
			// iw.toml beside he.toml: two catalogs of one language.
			list.Add(diag.Errorf(diag.Pos{File: rel}, "%q is the deprecated code of %q, and %s/%s.toml is the catalog of that locale; move its translations there and delete this file", name, cur, LocalesDir, cur))
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

// badName says what is wrong with name, the base name of a catalog file
// that locale.Parse refused with err, and what the file should be called.
// names holds the names of the files in locales/.
func badName(name string, err error, names map[string]bool) string {
	what, fix := "is not a canonical BCP 47 tag", locale.Canonical(name)
	if fix == "" {
		what, fix = "is the name of a language, not its BCP 47 tag", locale.ByName(name)
	}
	switch {
	case fix == "" || fix == name:
		return err.Error()
	case names[fix+".toml"]:
		// Two files for one locale ("ES.toml" beside "es.toml", "iw.toml"
		// beside "he.toml"): renaming would overwrite. See issue 6.
		return fmt.Sprintf("%q %s, and %s/%s.toml is the catalog of that locale; move its translations there and delete this file", name, what, LocalesDir, fix)
	default:
		return fmt.Sprintf("%q %s; rename the file %s.toml", name, what, fix)
	}
}

// SourceCatalog is the path of the English catalog that extract writes.
const SourceCatalog = LocalesDir + "/en.toml"

// CatalogPath returns the catalog path of tag.
func CatalogPath(tag language.Tag) string {
	return LocalesDir + "/" + tag.String() + ".toml"
}

// Inputs lists every file and folder a command's output depends on, as
// slash-separated paths relative to the root: the config file, locales/
// and its entries, content/ and everything under it (links not
// followed). A folder is listed so that adding or removing an entry shows
// in its times. See package stamp.
func (s *Site) Inputs() ([]string, error) {
	paths := []string{ConfigFile, LocalesDir}
	entries, err := os.ReadDir(s.Path(LocalesDir))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		// A hidden file is no catalog: the temporary file of an
		// interrupted write is not an input, and goes.
		if !strings.HasPrefix(e.Name(), ".") {
			paths = append(paths, LocalesDir+"/"+e.Name())
		}
	}
	root := s.Path(ContentDir)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(s.Root, path)
		if err != nil {
			return err
		}
		paths = append(paths, filepath.ToSlash(rel))
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return paths, nil
}
