package site

import (
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// Pages returns the pages under content/ as slash-separated paths relative
// to the site root, sorted, so every stage sees them in one order. A page
// is a regular file inside content/ whose name ends in .md.
//
// Symbolic links are not followed: they may lead out of the site, or
// loop. A link that could be a page (named *.md) or hold pages (to a
// folder), and a *.md that is not a regular file (a named pipe would block
// the read), are skipped; [Site.Skipped] lists them, so that check and
// extract can warn. The folders must not overlap with public/, which a
// build replaces as a whole (see checkFolders). See issue 6.
func (s *Site) Pages() ([]string, error) {
	pages, _, err := s.walkContent()
	return pages, err
}

// Resources returns the files under content/ that are not pages (a
// bundle's images and other files), as slash-separated paths relative to
// the site root, sorted. Links and files that are not regular are left
// out, as Pages leaves them out.
func (s *Site) Resources() ([]string, error) {
	var out []string
	root := s.Path(ContentDir)
	translated := s.translations()
	leaves := leafBundles{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(s.Root, path)
		if err != nil {
			return err
		}
		if d.IsDir() && translated(filepath.ToSlash(rel), true) {
			return filepath.SkipDir
		}
		leaves.visit(path, filepath.ToSlash(rel), d)
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if filepath.Ext(path) == ".md" && !leaves.resource(filepath.ToSlash(rel)) {
			return nil
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	slices.Sort(out)
	return out, err
}

// Warnings returns what every command that reads the site warns of: a
// file or folder under content/ that [Site.Pages] skips but that looks
// like a page or holds pages, saying why; the temporary file of an
// interrupted write in locales/ or .l10n-cache/ (commands that write
// remove them first, so l10n check is the one that sees them); and a
// catalog named with a deprecated code ("iw" for Hebrew), kept as
// written, naming its current one.
func (s *Site) Warnings() (diag.List, error) {
	_, skipped, err := s.walkContent()
	if err != nil {
		return nil, err
	}
	for _, dir := range []string{LocalesDir, CacheDir} {
		entries, _ := os.ReadDir(s.Path(dir)) // none: nothing left there
		for _, e := range entries {
			if e.Type().IsRegular() && atomicfile.IsTemp(e.Name()) {
				skipped.Add(diag.Warningf(diag.Pos{File: dir + "/" + e.Name()}, "left by a write that was interrupted (a crash or a kill); the next l10n extract, import, prune or build removes it, or delete it"))
			}
		}
	}
	files, _ := s.Locales() // a bad name is an error the commands report
	for _, f := range files {
		if cur := locale.Current(f.Tag); cur != "" {
			skipped.Add(diag.Warningf(diag.Pos{File: f.Path}, "%q is a deprecated code; the current tag of its language is %q: rename the file %s.toml (pages are written under %q until then)", f.Tag, cur, cur, f.Tag))
		}
	}
	return skipped, nil
}

func (s *Site) walkContent() (pages []string, skipped diag.List, err error) {
	if err := s.checkFolders(); err != nil {
		return nil, nil, err
	}
	root := s.Path(ContentDir)
	translated := s.translations()
	leaves := leafBundles{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(s.Root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if translated(rel, d.IsDir()) {
			// Hugo's translation of a page, or another language's
			// content folder: not an English page.
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		leaves.visit(path, rel, d)
		isPage := filepath.Ext(path) == ".md" && !leaves.resource(rel)
		const why = "l10n does not follow links in " + ContentDir + "/ (they may lead out of the site, or loop)"
		switch {
		case path == root:
			// content/ itself may be a link: filepath.WalkDir walks
			// its target, which checkFolders has checked.
		case d.Type()&fs.ModeSymlink != 0:
			if fi, err := os.Stat(path); err == nil && fi.IsDir() {
				skipped.Add(diag.Warningf(diag.Pos{File: rel}, "skipped: a symbolic link to a folder; %s: put the folder itself here", why))
			} else if isPage {
				skipped.Add(diag.Warningf(diag.Pos{File: rel}, "skipped: a symbolic link; %s: put the page itself here", why))
			}
		case d.IsDir() || !isPage:
		case !d.Type().IsRegular():
			skipped.Add(diag.Warningf(diag.Pos{File: rel}, "skipped: not a regular file; a page must be a plain file"))
		default:
			pages = append(pages, rel)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(pages)
	return pages, skipped, nil
}

// leafBundles are the folders of content/ that hold an index.md: Hugo's
// leaf bundles, every other file under which, Markdown included, is a
// resource of the bundle's page, not a page.
type leafBundles map[string]bool

// visit records the folder at path (rel from the site root) if it is a
// leaf bundle.
func (l leafBundles) visit(path, rel string, d fs.DirEntry) {
	if !d.IsDir() || d.Type()&fs.ModeSymlink != 0 || rel == ContentDir {
		return // content/index.md is the home page, not a bundle of the site
	}
	for _, name := range []string{"index.md", "index.en.md"} {
		if fi, err := os.Lstat(filepath.Join(path, name)); err == nil && fi.Mode().IsRegular() {
			l[rel] = true
			return
		}
	}
}

// resource reports whether the file rel is a resource of a leaf bundle:
// under one of its folders, and not the bundle's own index.md.
func (l leafBundles) resource(rel string) bool {
	own := pathpkg.Dir(rel)
	for dir := own; dir != "." && dir != "/"; dir = pathpkg.Dir(dir) {
		if !l[dir] {
			continue
		}
		if dir != own {
			return true // inside a bundle's folder, its own index too
		}
		if base := pathpkg.Base(rel); base != "index.md" && base != "index.en.md" {
			return true
		}
	}
	return false
}

// translations returns a function that reports whether rel, a path
// under content/, is a translation as Hugo names them for a locale of
// the site other than English: a page "name.<locale>.md", or the folder
// content/<locale>/ of a site whose languages each have a content folder.
// Such files are not English pages; extract leaves them alone.
func (s *Site) translations() func(rel string, dir bool) bool {
	files, _ := s.Locales() // a bad name is reported by those who list them
	tags := map[string]bool{}
	for _, f := range files {
		if f.Tag != Source {
			tags[strings.ToLower(f.Tag.String())] = true
		}
	}
	return func(rel string, dir bool) bool {
		if len(tags) == 0 {
			return false
		}
		if dir {
			sub, ok := strings.CutPrefix(rel, ContentDir+"/")
			return ok && !strings.Contains(sub, "/") && tags[strings.ToLower(sub)]
		}
		name, ok := strings.CutSuffix(pathpkg.Base(rel), ".md")
		if !ok {
			return false
		}
		ext := pathpkg.Ext(name)
		return ext != "" && tags[strings.ToLower(ext[1:])]
	}
}
