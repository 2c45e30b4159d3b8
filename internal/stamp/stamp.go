// Package stamp records the state of a command's input files (size,
// modification and change times, inode), so that a command run again on
// inputs that have not changed since its last run can stop at once,
// without reading them: the no-op l10n build and l10n extract.
//
// A file changed within the clock tick of the stamp could keep its size
// and times; such a "racy" file (changed less than [RacyWindow] before the
// stamp was taken, as in Git's index) is also recorded by the SHA-256 of
// its bytes (of a folder: of its entries' names), checked again each
// time. A stamp is a cache: a missing,
// damaged or different stamp only makes the command do its full work.
package stamp

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
)

// RacyWindow is how recently a file may have changed before its times no
// longer prove it unchanged: well above the coarse clock tick of Linux
// file systems (1–10 ms).
const RacyWindow = time.Second

// header starts every stamp file; another version is not read.
const header = "l10n stamp 1"

// Stamp is the state of a list of files, with notes the command keeps.
type Stamp struct {
	// Notes are key=value lines the command reads back on a no-op run:
	// what the run was (program, flags) and what it printed.
	Notes map[string]string
	files map[string]entry // slash path relative to the root → state
}

type entry struct {
	state  string // "size mtime ctime inode", or "" if it could not be read
	digest string // SHA-256 of the bytes of a racy file, else ""
}

// Take records the state of paths (slash-separated, relative to root; a
// folder records its own times, which change when an entry is added or
// removed). A path that does not exist is recorded as missing.
func Take(root string, paths []string) (*Stamp, error) {
	s := &Stamp{Notes: map[string]string{}, files: make(map[string]entry, len(paths))}
	now := time.Now()
	for _, p := range paths {
		e, err := read(filepath.Join(root, filepath.FromSlash(p)), now)
		if err != nil {
			return nil, err
		}
		s.files[p] = e
	}
	return s, nil
}

// Wrote records that the command itself just wrote data to path, whose
// state Take recorded before: its new state, and the digest of data (a
// file written just now is racy).
func (s *Stamp) Wrote(root, path string, data []byte) error {
	sum := sha256.Sum256(data)
	return s.WroteSum(root, path, hex.EncodeToString(sum[:]))
}

// WroteSum is Wrote for a command that knows the SHA-256 (hex) of what
// it wrote.
func (s *Stamp) WroteSum(root, path, sum string) error {
	st, err := state(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil {
		return err
	}
	s.files[path] = entry{state: st, digest: sum}
	return nil
}

// Unchanged reports whether the files s recorded under root are all as
// they were when last was saved: the same list, each with the same state
// and, where last holds a digest, the same bytes.
func (s *Stamp) Unchanged(root string, last *Stamp) bool {
	if last == nil || len(s.files) != len(last.files) {
		return false
	}
	for p, e := range s.files {
		l, ok := last.files[p]
		if !ok || e.state == "" || e.state != l.state {
			return false
		}
		if l.digest != "" {
			d, err := digest(filepath.Join(root, filepath.FromSlash(p)))
			if err != nil || d != l.digest {
				return false
			}
		}
	}
	return true
}

// read returns the entry of path, with a digest if it changed within
// RacyWindow of now.
func read(path string, now time.Time) (entry, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return entry{state: "missing"}, nil
	}
	if err != nil {
		return entry{}, err
	}
	st := stateOf(fi)
	if now.Sub(changed(fi)) >= RacyWindow {
		return entry{state: st}, nil
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		return entry{}, nil
	}
	d, err := digest(path)
	if err != nil {
		return entry{}, err
	}
	// Changed while it was read: no state proves anything about it.
	if again, err := state(path); err != nil || again != st {
		return entry{}, nil
	}
	return entry{state: st, digest: d}, nil
}

// Sum returns the SHA-256 (hex) of the file at path, taking it from
// cached (which maps a file state to the sum recorded with it, or "")
// when the file's times prove it unchanged since. It also returns the
// state to record the sum under: "" if the file is racy or changed while
// it was read, when no state proves its bytes.
func Sum(path string, cached func(state string) string) (sum, st string, err error) {
	return sumAt(path, cached, time.Now())
}

// Proved returns the sum cached records for the state the file at path
// is in now, if that state proves its bytes (the file is not racy); ""
// otherwise. Unlike Sum, it never reads the file.
func Proved(path string, cached func(state string) string) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if time.Since(changed(fi)) < RacyWindow {
		return "", nil
	}
	return cached(stateOf(fi)), nil
}

// sumAt is Sum at the time now.
func sumAt(path string, cached func(state string) string, now time.Time) (sum, st string, err error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return "", "", err
	}
	st = stateOf(fi)
	racy := now.Sub(changed(fi)) < RacyWindow
	if !racy {
		if sum := cached(st); sum != "" {
			return sum, st, nil
		}
	}
	if sum, err = digest(path); err != nil {
		return "", "", err
	}
	if again, err := state(path); err != nil || again != st || racy {
		return sum, "", nil
	}
	return sum, st, nil
}

// Stream is Sum for a caller that reads the bytes too, as a stream: it
// calls read with a reader of the file that hashes what read takes, then
// hashes what read left, so that the file is read once. It returns the
// file's SHA-256 and the state to record it under ("" if the file is
// racy or changed while it was read), and read's error; when the file's
// times prove cached's sum, it returns that sum without calling read.
func Stream(path string, cached func(state string) string, read func(io.Reader) error) (sum, st string, err error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return "", "", err
	}
	st = stateOf(fi)
	racy := time.Since(changed(fi)) < RacyWindow
	if !racy {
		if sum := cached(st); sum != "" {
			return sum, st, nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	h := sha256.New()
	if err := read(io.TeeReader(f, h)); err != nil {
		return "", "", err
	}
	if _, err := io.Copy(h, f); err != nil {
		return "", "", err
	}
	sum = hex.EncodeToString(h.Sum(nil))
	if again, err := state(path); err != nil || again != st || racy {
		return sum, "", nil
	}
	return sum, st, nil
}

func state(path string) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	return stateOf(fi), nil
}

func stateOf(fi fs.FileInfo) string {
	var ctime, ino int64
	if sys, ok := fi.Sys().(*syscall.Stat_t); ok {
		ctime, ino = sys.Ctim.Nano(), int64(sys.Ino)
	}
	return fmt.Sprintf("%d %d %d %d %o", fi.Size(), fi.ModTime().UnixNano(), ctime, ino, fi.Mode())
}

// changed is the later of fi's modification and change times.
func changed(fi fs.FileInfo) time.Time {
	t := fi.ModTime()
	if sys, ok := fi.Sys().(*syscall.Stat_t); ok {
		if c := time.Unix(sys.Ctim.Unix()); c.After(t) {
			t = c
		}
	}
	return t
}

// digest returns the SHA-256 of the bytes of a file, or of the names of
// the entries of a folder.
func digest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		names, err := f.Readdirnames(-1)
		if err != nil {
			return "", err
		}
		slices.Sort(names)
		for _, n := range names {
			io.WriteString(h, n+"\x00")
		}
	} else if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Save writes s to path, atomically.
func (s *Stamp) Save(path string) error {
	var b bytes.Buffer
	b.WriteString(header + "\n")
	for _, k := range slices.Sorted(maps.Keys(s.Notes)) {
		v := s.Notes[k]
		if strings.ContainsAny(k, "=\n") || strings.Contains(v, "\n") {
			return fmt.Errorf("stamp note %q: a key holds no = or line break, a value no line break", k)
		}
		fmt.Fprintf(&b, "note %s=%s\n", k, v)
	}
	for _, p := range slices.Sorted(maps.Keys(s.files)) {
		e := s.files[p]
		if e.state == "" {
			// A file that changed while it was read never matches.
			continue
		}
		d := e.digest
		if d == "" {
			d = "-"
		}
		fmt.Fprintf(&b, "file %s %s %s\n", strconv.Quote(e.state), d, strconv.Quote(p))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.Save(path, b.Bytes(), 0o644)
}

// Load reads the stamp saved at path; nil if there is none or it cannot
// be read, which only means the command does its full work.
func Load(path string) *Stamp {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != header {
		return nil
	}
	s := &Stamp{Notes: map[string]string{}, files: map[string]entry{}}
	for sc.Scan() {
		line := sc.Text()
		if note, ok := strings.CutPrefix(line, "note "); ok {
			k, v, ok := strings.Cut(note, "=")
			if !ok {
				return nil
			}
			s.Notes[k] = v
			continue
		}
		rest, ok := strings.CutPrefix(line, "file ")
		if !ok {
			return nil
		}
		st, rest, err := unquote(rest)
		if err != nil {
			return nil
		}
		d, rest, ok := strings.Cut(rest, " ")
		if !ok {
			return nil
		}
		p, rest, err := unquote(rest)
		if err != nil || rest != "" {
			return nil
		}
		if d == "-" {
			d = ""
		}
		s.files[p] = entry{state: st, digest: d}
	}
	if sc.Err() != nil {
		return nil
	}
	return s
}

// unquote reads a Go-quoted string at the start of s and returns it and
// what follows it after one space.
func unquote(s string) (string, string, error) {
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", "", err
	}
	v, err := strconv.Unquote(q)
	if err != nil {
		return "", "", err
	}
	return v, strings.TrimPrefix(s[len(q):], " "), nil
}

// Program returns the SHA-256 of the running executable, so that a stamp
// or cache made by another version of l10n is not trusted. It is taken
// once per process: the stamps, the build and the page cache ask for it.
func Program() (string, error) { return program() }

var program = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	return digest(exe)
})

// Record records the state of path as it is now, for a path the command
// itself made (a built site it swapped in): no digest, however recent.
// A path that does not exist is recorded as missing.
func (s *Stamp) Record(root, path string) error {
	st, err := state(filepath.Join(root, filepath.FromSlash(path)))
	if errors.Is(err, fs.ErrNotExist) {
		st, err = "missing", nil
	}
	if err != nil {
		return err
	}
	s.files[path] = entry{state: st}
	return nil
}
