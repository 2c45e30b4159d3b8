package site

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"strings"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// PageCache is the page cache: every page LoadPages parsed, in the bytes
// content.Encode gives, keyed by a digest of the program, the content
// options, the page's path and the SHA-256 of its bytes. A page whose key
// is the one recorded is decoded (content.Decode), not parsed. The cache
// can only miss, never be wrong: a page whose key differs is parsed, and
// a file that is cut short or damaged (its CRC-32C differs) is no cache.
// It is one file, read whole by every command that loads the pages, and
// written anew, whole, by the first command after a page changed, came or
// went. Only a command that holds the site lock writes it (see Lock); l10n
// serve, status, check and export only read it.
const PageCache = CacheDir + "/pages"

// pageCacheMagic starts the page cache; the entries follow, each its
// path, its key and its bytes, and a CRC-32C of all before ends it.
const pageCacheMagic = "l10n page cache 1\n"

// castagnoli is the CRC-32C table: the CRC the processor computes.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// pageCache is the page cache of one LoadPages.
type pageCache struct {
	opts content.Options
	// prefix starts every key: the program and the options. Without it
	// (the program's digest could not be taken) there is no cache.
	prefix []byte
	old    map[string]pageEntry // as read
	write  bool                 // whether to keep what changed
}

// pageEntry is one page of the page cache.
type pageEntry struct {
	path  string
	key   [sha256.Size]byte
	data  string // "": none (a page that failed, or is not kept)
	fresh bool   // encoded by this run, not read
}

// openPageCache reads the page cache of s, for pages read with opts.
func (s *Site) openPageCache(opts content.Options) *pageCache {
	c := &pageCache{opts: opts, write: s.Locked()}
	program, err := stamp.Program()
	if err != nil {
		return c
	}
	c.prefix = pagesKey(program, opts)
	c.old = readPageCache(s.Path(PageCache))
	return c
}

// page returns the page file, whose bytes are src, from the cache if it
// holds it, else parsed; and its entry, to be kept. A decoded page's
// texts are parts of src, which must not change afterwards.
func (c *pageCache) page(file string, src []byte) (*content.Page, pageEntry, error) {
	if c.prefix == nil {
		p, err := content.Parse(file, src, c.opts)
		return p, pageEntry{}, err
	}
	e := pageEntry{path: file, key: c.key(file, src)}
	if old, ok := c.old[file]; ok && old.key == e.key {
		if p, err := content.Decode(old.data, src); err == nil {
			return p, old, nil
		}
	}
	p, err := content.Parse(file, src, c.opts)
	if err != nil || !c.write {
		return p, pageEntry{}, err
	}
	// A page Encode refuses is parsed every time.
	if data, err := content.Encode(p, src); err == nil {
		e.data, e.fresh = string(data), true
	}
	return p, e, nil
}

// key returns the key of the page file whose bytes are src.
func (c *pageCache) key(file string, src []byte) [sha256.Size]byte {
	sum := sha256.Sum256(src)
	h := sha256.New()
	h.Write(c.prefix)
	h.Write(binary.AppendUvarint(nil, uint64(len(file))))
	h.Write([]byte(file))
	h.Write(sum[:])
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// save writes the page cache anew with entries, in the order of the
// pages, if it may and they differ from what it holds. A cache that
// cannot be written is only a slower next run: its error is dropped.
func (c *pageCache) save(path string, entries []pageEntry) {
	if !c.write || c.prefix == nil {
		return
	}
	kept, changed := entries[:0:0], false
	for _, e := range entries {
		if e.data != "" {
			kept = append(kept, e)
			changed = changed || e.fresh
		}
	}
	if !changed && len(kept) == len(c.old) {
		return
	}
	_ = atomicfile.SaveFunc(path, 0o644, func(w io.Writer) error {
		crc := crc32.New(castagnoli)
		b := bufio.NewWriterSize(io.MultiWriter(w, crc), 1<<16)
		b.WriteString(pageCacheMagic)
		for _, e := range kept {
			b.Write(binary.AppendUvarint(nil, uint64(len(e.path))))
			b.WriteString(e.path)
			b.Write(e.key[:])
			b.Write(binary.AppendUvarint(nil, uint64(len(e.data))))
			b.WriteString(e.data)
		}
		if err := b.Flush(); err != nil {
			return err
		}
		_, err := w.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32()))
		return err
	})
}

// readPageCache returns the entries of the page cache at path, by path;
// none if there is no good file. The file is read into one string, which
// the entries, and the strings of the pages decoded from them, share.
func readPageCache(path string) map[string]pageEntry {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() < int64(len(pageCacheMagic))+4 {
		return nil
	}
	var body strings.Builder
	body.Grow(int(fi.Size()) - 4)
	crc := crc32.New(castagnoli)
	var sum [4]byte
	if _, err := io.CopyN(io.MultiWriter(&body, crc), f, fi.Size()-4); err != nil {
		return nil
	}
	if _, err := io.ReadFull(f, sum[:]); err != nil || crc.Sum32() != binary.LittleEndian.Uint32(sum[:]) {
		return nil
	}
	rest, ok := strings.CutPrefix(body.String(), pageCacheMagic)
	if !ok {
		return nil
	}
	out := map[string]pageEntry{}
	for rest != "" {
		var e pageEntry
		if e, rest, ok = readPageEntry(rest); !ok {
			return nil
		}
		out[e.path] = e
	}
	return out
}

// readPageEntry reads the entry at the start of data and returns it with
// the bytes after it; ok is false if data does not start with one.
func readPageEntry(data string) (e pageEntry, rest string, ok bool) {
	field := func(fixed int) (string, bool) {
		n := uint64(fixed)
		if fixed == 0 {
			var w int
			if n, w = uvarint(data); w <= 0 {
				return "", false
			}
			data = data[w:]
		}
		if n > uint64(len(data)) {
			return "", false
		}
		b := data[:n]
		data = data[n:]
		return b, true
	}
	path, ok1 := field(0)
	key, ok2 := field(sha256.Size)
	page, ok3 := field(0)
	if !ok1 || !ok2 || !ok3 || page == "" {
		return pageEntry{}, "", false
	}
	e = pageEntry{path: path, data: page}
	copy(e.key[:], key)
	return e, data, true
}

// uvarint is binary.Uvarint for a string.
func uvarint(s string) (uint64, int) {
	var b [binary.MaxVarintLen64]byte
	return binary.Uvarint(b[:copy(b[:], s)])
}
