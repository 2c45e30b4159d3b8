package snapshot

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

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
// catalog. Like every cache, it is written only by a command that holds
// the site lock (see site.Site.Locked).
const IndexCache = site.CacheDir + "/index"

// indexHeader starts a file of the index cache.
const indexHeader = "l10n index cache 1 "

// indexBytes is how many bytes of catalogs are indexed at once, at most
// (a larger catalog is indexed alone): a catalog in the layout l10n
// writes is read as a stream, and its index takes memory in proportion
// to its messages, a few words each; one in another layout is read and
// parsed whole. Without a bound, a machine with more cores would hold
// more catalogs of hundreds of megabytes at once.
const indexBytes = 128 << 20

// index indexes the catalogs files, several at once, in their order.
func index(s *site.Site, files []site.LocaleFile) ([]*catalog.Index, error) {
	return indexWithin(s, files, indexBytes)
}

// indexWithin is index with at most limit bytes of catalogs indexed at
// once, or one catalog.
func indexWithin(s *site.Site, files []site.LocaleFile, limit int64) ([]*catalog.Index, error) {
	out := make([]*catalog.Index, len(files))
	errs := make([]error, len(files))
	b := &budget{sem: semaphore.NewWeighted(limit), limit: limit}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			out[i], errs[i] = loadIndex(s, f, b)
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
// it holds the index of f's bytes, made anew (and kept) otherwise, with
// a share of b as large as the file.
func loadIndex(s *site.Site, f site.LocaleFile, b *budget) (*catalog.Index, error) {
	abs := s.Path(f.Path)
	cache := s.Path(IndexCache + "/" + f.Tag.String())
	sum, state, kept := readIndexCache(cache)
	var x *catalog.Index
	read := func(r io.Reader) error {
		var err error
		x, err = readIndex(f, abs, r, b)
		return err
	}
	now, st, err := stamp.Stream(abs, func(st string) string {
		if kept != nil && st == state {
			return sum
		}
		return ""
	}, read)
	if x == nil && err == nil {
		// The file's state proved the digest of the kept index.
		if x, err := catalog.OpenIndex(f.Path, abs, f.Tag, kept); err == nil {
			return x, nil
		}
		// It is damaged: index the file anew.
		now, st, err = stamp.Stream(abs, func(string) string { return "" }, read)
	}
	if err != nil {
		if x != nil {
			x.Close()
		}
		return nil, err
	}
	if st == "" || x.Held() || !s.Locked() {
		return x, nil
	}
	if data, err := x.MarshalBinary(); err == nil {
		// A cache that cannot be written is only a slower next run.
		if os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
			_ = atomicfile.Save(cache, append([]byte(indexHeader+now+" "+st+"\n"), data...), 0o644)
		}
	}
	return x, nil
}

// budget bounds the bytes of catalogs indexed at once.
type budget struct {
	sem   *semaphore.Weighted
	limit int64 // sem's size
}

// readIndex indexes the catalog f at abs from r, its bytes, holding a
// share of b as large as the file (all of b, for a larger file) while it
// does.
func readIndex(f site.LocaleFile, abs string, r io.Reader, b *budget) (*catalog.Index, error) {
	var n int64 = 1
	if fi, err := os.Stat(abs); err == nil {
		n = max(min(fi.Size(), b.limit), 1)
	}
	if err := b.sem.Acquire(context.Background(), n); err != nil {
		return nil, err
	}
	defer b.sem.Release(n)
	return catalog.ReadIndex(f.Path, abs, f.Tag, r)
}

// readIndexCache returns what the cache file at path records: the
// catalog's SHA-256, the state that proved it, and the index; data is
// nil if there is no good file.
func readIndexCache(path string) (sum, state string, data []byte) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", "", nil
	}
	return indexCacheHeader(raw)
}

// indexCacheHeader splits raw, the start of a file of the index cache,
// into what its header records and the bytes after it; data is nil if
// raw does not start with a header.
func indexCacheHeader(raw []byte) (sum, state string, data []byte) {
	if !bytes.HasPrefix(raw, []byte(indexHeader)) {
		return "", "", nil
	}
	line, rest, ok := bytes.Cut(raw[len(indexHeader):], []byte("\n"))
	if !ok || len(line) < 66 || line[64] != ' ' {
		return "", "", nil
	}
	return string(line[:64]), string(line[65:]), rest
}

// readIndexCacheHeader returns the catalog's SHA-256 and the state that
// proved it, as the cache file at path records them, reading only its
// header, not the index after it.
func readIndexCacheHeader(path string) (sum, state string) {
	f, err := os.Open(path)
	if err != nil {
		return "", ""
	}
	defer f.Close()
	head := make([]byte, 512) // the header line is under 200 bytes
	n, _ := io.ReadFull(f, head)
	sum, state, _ = indexCacheHeader(head[:n])
	return sum, state
}
