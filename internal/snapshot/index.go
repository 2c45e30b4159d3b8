package snapshot

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// IndexCache is the folder of the index cache: one file per locale,
// named by its tag, holding the catalog.Index of the catalog whose
// SHA-256 it names, and the file state that proved that digest (see
// stamp.Sum). The snapshot owns it. A catalog whose digest is the one
// recorded is not read or parsed: its index is taken as it is. It is a
// cache: a missing or damaged file only makes the snapshot read the
// catalog.
const IndexCache = site.CacheDir + "/index"

// indexHeader starts a file of the index cache.
const indexHeader = "l10n index cache 1 "

// index indexes the catalogs files on every core, in their order.
func index(s *site.Site, files []site.LocaleFile) ([]*catalog.Index, error) {
	out := make([]*catalog.Index, len(files))
	errs := make([]error, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			out[i], errs[i] = loadIndex(s, f)
			return nil
		})
	}
	_ = g.Wait() // errors are in errs
	var list diag.List
	var ok []*catalog.Index
	for i := range files {
		if errs[i] != nil {
			list.Add(errs[i])
			continue
		}
		ok = append(ok, out[i])
	}
	if err := list.Err(); err != nil {
		for _, x := range ok {
			x.Close()
		}
		return nil, err
	}
	return ok, nil
}

// loadIndex returns the index of the catalog f: from the index cache if
// it holds the index of f's bytes, made anew (and kept) otherwise.
func loadIndex(s *site.Site, f site.LocaleFile) (*catalog.Index, error) {
	abs := s.Path(f.Path)
	cache := s.Path(IndexCache + "/" + f.Tag.String())
	sum, state, kept := readIndexCache(cache)
	src, now, st, err := stamp.ReadFile(abs, func(st string) string {
		if kept != nil && st == state {
			return sum
		}
		return ""
	})
	if err != nil {
		return nil, err
	}
	if kept != nil && now == sum {
		if x, err := catalog.OpenIndex(f.Path, abs, f.Tag, kept); err == nil {
			return x, nil
		}
	}
	if src == nil {
		// The state proved the digest, but the kept index is damaged.
		if src, now, st, err = stamp.ReadFile(abs, func(string) string { return "" }); err != nil {
			return nil, err
		}
	}
	x, err := catalog.IndexOf(f.Path, abs, f.Tag, src)
	if err != nil || st == "" || x.Held() {
		return x, err
	}
	if data, err := x.MarshalBinary(); err == nil {
		// A cache that cannot be written is only a slower next run.
		if os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
			_ = atomicfile.Save(cache, append([]byte(indexHeader+now+" "+st+"\n"), data...), 0o644)
		}
	}
	return x, nil
}

// readIndexCache returns what the cache file at path records: the
// catalog's SHA-256, the state that proved it, and the index; data is
// nil if there is no good file.
func readIndexCache(path string) (sum, state string, data []byte) {
	raw, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(raw, []byte(indexHeader)) {
		return "", "", nil
	}
	line, rest, ok := bytes.Cut(raw[len(indexHeader):], []byte("\n"))
	if !ok || len(line) < 66 || line[64] != ' ' {
		return "", "", nil
	}
	return string(line[:64]), string(line[65:]), rest
}
