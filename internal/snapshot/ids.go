package snapshot

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"os"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/stamp"
	"github.com/hsi-l10n/l10n/internal/wire"
)

// IDsCache is the file of the IDs cache: the IDs giveIDs gave every
// block of the pages, and whether locales/en.toml was out of date with
// them, keyed by what they were worked out from (idsKey): the program,
// the content options, locales/en.toml's SHA-256 and every page's path
// and digest. A site whose pages and en.toml did not change since takes
// them from it instead of reading en.toml's messages and assigning them
// again (on the bench's 2,000 pages, 0.5 s of a 1.7 s rebuild after one
// translation changed, and of every start of status, check and serve).
// The snapshot owns it. Only IDs that en.toml gave every block are kept
// (a new block's ID depends on the locale catalogs too), under a digest
// of en.toml proven without reading it: the one the extract index
// records, or the one its file state proves for the index cache. It is a
// cache: a missing or damaged file only makes the snapshot give the IDs
// anew.
const IDsCache = site.CacheDir + "/ids"

// idsHeader starts the file of the IDs cache.
const idsHeader = "l10n ids 1\n"

// idsKey returns the key of the IDs of pages as read from
// locales/en.toml whose SHA-256 is sum (see IDsCache), or "" for no sum.
func idsKey(s *site.Site, sum string, pages []*content.Page) string {
	program, err := stamp.Program()
	if sum == "" || err != nil {
		return ""
	}
	h := sha256.New()
	h.Write(s.PagesKey(program))
	field := func(v string) { h.Write(append(binary.AppendUvarint(nil, uint64(len(v))), v...)) }
	field(sum)
	for _, p := range pages {
		field(p.File)
		field(p.Digest)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// provenSum returns the SHA-256 of the English catalog en that its file
// state proves, as the index cache records them, without reading it; ""
// if nothing proves it.
func provenSum(s *site.Site, en site.LocaleFile) string {
	kept, state := readIndexCacheHeader(s.Path(IndexCache + "/" + en.Tag.String()))
	if kept == "" {
		return ""
	}
	sum, err := stamp.Proved(s.Path(en.Path), func(st string) string {
		if st == state {
			return kept
		}
		return ""
	})
	if err != nil {
		return ""
	}
	return sum
}

// cachedIDs gives pages the IDs the cache holds under key, and returns
// whether en.toml was stale with them; ok is false, and no page changed,
// if it holds none.
func cachedIDs(s *site.Site, key string, pages []*content.Page) (stale, ok bool) {
	data, err := os.ReadFile(s.Path(IDsCache))
	body, ok := wire.Checked(data)
	if err != nil || !ok || key == "" || !bytes.HasPrefix(body, []byte(idsHeader+key)) {
		return false, false
	}
	r := wire.NewReader(string(body[len(idsHeader)+len(key):]))
	stale = r.Bool()
	ids := make([][]string, len(pages))
	for i, p := range pages {
		if ids[i] = r.Strs(); len(ids[i]) != len(p.Blocks) {
			return false, false
		}
	}
	if r.Failed() || r.Left() > 0 {
		return false, false
	}
	for i, p := range pages {
		for j, b := range p.Blocks {
			b.ID = ids[i][j]
		}
	}
	return stale, true
}

// keepIDs writes the IDs of pages, and whether en.toml is stale with
// them, to the cache under key, if the command holds the site lock. A
// cache that cannot be written is only a slower next run.
func keepIDs(s *site.Site, key string, pages []*content.Page, stale bool) {
	if key == "" || !s.Locked() || holdsKey(s, key) {
		return
	}
	// Sized once: grown by doubling, the buffer's copies were most of
	// what an extract after one edit allocates once it has read the
	// pages, and so raised its peak by a fifth.
	size := len(idsHeader) + len(key) + 1 + 4
	for _, p := range pages {
		size += binary.MaxVarintLen64
		for _, b := range p.Blocks {
			size += binary.MaxVarintLen64 + len(b.ID)
		}
	}
	out := make([]byte, 0, size)
	out = append(append(out, idsHeader...), key...)
	out = wire.AppendBool(out, stale)
	for _, p := range pages {
		out = wire.AppendLen(out, false, len(p.Blocks))
		for _, b := range p.Blocks {
			out = wire.AppendString(out, b.ID)
		}
	}
	out = wire.AppendSum(out)
	if os.MkdirAll(s.Path(site.CacheDir), 0o755) == nil {
		_ = atomicfile.Save(s.Path(IDsCache), out, 0o644)
	}
}

// holdsKey reports whether the IDs cache is of key, reading only its
// start: a command that proves the IDs itself (see quickIDs) keeps them
// once, not every time.
func holdsKey(s *site.Site, key string) bool {
	f, err := os.Open(s.Path(IDsCache))
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(idsHeader)+len(key))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == idsHeader+key
}
