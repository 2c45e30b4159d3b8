// Package sitetree reads a whole site folder into memory and compares two
// of them, as the crash tests and the random-kill soak do: a site after a
// crash and a rerun must be the site one uninterrupted run leaves, and a
// site left by a crash must hold only files as they were before the run
// or as the run leaves them. See issue 18.
package sitetree

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// Tree is a site folder: each file's contents by slash-separated path
// relative to the site root, and each folder as its path plus "/" → "".
type Tree map[string]string

// Read reads every file and folder below dir.
func Read(dir string) (Tree, error) {
	out := Tree{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			if rel != "." {
				out[rel+"/"] = ""
			}
			return nil
		case !d.Type().IsRegular():
			return fmt.Errorf("%s is neither a file nor a folder", p)
		}
		data, err := os.ReadFile(p)
		out[rel] = string(data)
		return err
	})
	return out, err
}

// Scratch reports whether path is the commands' own working state, where
// "old or new" does not apply and a rerun may end otherwise than one run:
// the standby site a build assembles and its manifest (a cache: a rerun
// after a crash that left no manifest cannot trust it, and the next build
// starts it anew), the catalog indexes (a run keeps one only for a
// catalog old enough for its file state to prove its sum, so whether it
// is there depends on the time the run saw, and so whether the cache
// folder is), the IDs cache (kept under the locales/en.toml a run read,
// which a rerun after a crash may find rewritten already, and only when
// that file gave every block its ID), and the lock file.
func Scratch(path string) bool {
	return strings.HasPrefix(path, "."+site.PublicDir+".standby/") ||
		path == site.CacheDir+"/build.manifest.standby" ||
		strings.HasPrefix(path, site.CacheDir+"/index/") || path == site.CacheDir+"/" ||
		path == snapshot.IDsCache || path == site.LockFile
}

// Leftover reports whether path is what an interrupted write leaves: the
// temporary file of an atomic write, or a build's unfinished new site.
func Leftover(p string) bool {
	return atomicfile.IsTemp(path.Base(p)) || strings.HasPrefix(p, "."+site.PublicDir+".new-")
}

// stampFile matches what a stamp records of each input, its status (size,
// times, inode, mode) and, where it took one, its digest, before its
// path: the status differs from one copy of a site to another, and
// whether a run took a digest depends on the times it saw.
var stampFile = regexp.MustCompile(`(?m)^file "[^"]*" \S+ `)

// manifestFile matches the lines of the build manifest that record a
// catalog's SHA-256 with the state of its file (see stamp.Sum): a run
// records one only for a file old enough for its state to prove its
// contents, so whether a line is there depends on the time the run saw.
var manifestFile = regexp.MustCompile(`(?m)^file .*\n`)

// comparable is a file's bytes as trees are compared: a stamp is its
// notes and the inputs it lists; the build manifest is what it records
// of the pages and locales built.
func comparable(path, data string) string {
	switch {
	case strings.HasSuffix(path, ".stamp"):
		return stampFile.ReplaceAllString(data, "file ")
	case path == site.CacheDir+"/build.manifest":
		return manifestFile.ReplaceAllString(data, "")
	}
	return data
}

// Diff lists, sorted, the paths where got and want differ ("missing P",
// "extra P", "differs P"), the working state of a build aside.
func Diff(got, want Tree) []string {
	var out []string
	for p, w := range want {
		if Scratch(p) {
			continue
		}
		if g, ok := got[p]; !ok {
			out = append(out, "missing "+p)
		} else if comparable(p, g) != comparable(p, w) {
			out = append(out, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok && !Scratch(p) {
			out = append(out, "extra "+p)
		}
	}
	slices.Sort(out)
	return out
}

// Mixed lists, sorted, the files of got, a site a crash left, that are
// neither as they were before the run (old) nor as the run leaves them
// (want); leftovers of interrupted writes and working state aside.
func Mixed(got, old, want Tree) []string {
	var bad []string
	for p, data := range got {
		if Scratch(p) || Leftover(p) || strings.HasSuffix(p, "/") {
			continue
		}
		o, inOld := old[p]
		w, inWant := want[p]
		data, o, w = comparable(p, data), comparable(p, o), comparable(p, w)
		if (!inOld || data != o) && (!inWant || data != w) {
			bad = append(bad, p)
		}
	}
	slices.Sort(bad)
	return bad
}

// Leftovers lists, sorted, the paths of t that interrupted writes left.
func Leftovers(t Tree) []string {
	var out []string
	for p := range t {
		if Leftover(strings.TrimSuffix(p, "/")) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// Write writes t into dir, which must not hold any of its paths: folders
// with mode 0o755, files with 0o644. It copies a site for a run that
// may crash; it is not atomic.
func Write(dir string, t Tree) error {
	paths := make([]string, 0, len(t))
	for p := range t {
		paths = append(paths, p)
	}
	slices.Sort(paths) // a folder before what it holds
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(full, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(t[p]), 0o644); err != nil {
			return err
		}
	}
	return nil
}
