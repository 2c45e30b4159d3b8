package build

import (
	"bytes"
	"encoding/binary"
	"html/template"
	"maps"
	"os"
	"slices"
	"sync"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/wire"
)

// The plan cache (Options.Plans) keeps what the first pass of a build
// learned of each page in each locale (see entry), by its key (pages.keys, keys.go):
// a digest of everything the entry is made of, the bytes of the page's
// translations in the catalogs of the locale's chain among them. The
// catalogs of a page in a locale whose key it holds are not read in the
// first pass: after one translation changed, the pages that do not show
// it, and the locales that cannot, cost a lookup. It is a file of a
// header line, then each key and its entry (encoded with package wire),
// in key order, of the entries of the last build, then a CRC-32C of all
// that: a missing or damaged file only makes the build read every page.
// (It was a line of JSON per entry: decoding them took a third of the
// first pass of a rebuild after one translation changed.)
type plans struct {
	last map[string]string // by key, as read
	mu   sync.Mutex
	next map[string]string // by key, this build's
}

// plansHeader starts a plan cache file.
const plansHeader = "l10n plans 2\n"

// loadPlans reads the plan cache at path ("" is none: it returns nil).
func loadPlans(path string) *plans {
	if path == "" {
		return nil
	}
	c := &plans{last: map[string]string{}, next: map[string]string{}}
	data, err := os.ReadFile(path)
	body, ok := wire.Checked(data)
	if err != nil || !ok || !bytes.HasPrefix(body, []byte(plansHeader)) {
		return c
	}
	// The records are parts of data, which stays in memory with them.
	r := wire.NewReader(string(body[len(plansHeader):]))
	for r.Left() > 0 && !r.Failed() {
		key, rec := r.Str(), r.Str()
		if len(key) == 64 {
			c.last[key] = rec
		}
	}
	if r.Failed() {
		c.last = map[string]string{}
	}
	return c
}

// get returns the entry the cache holds for key, or nil.
func (c *plans) get(key string) *entry {
	raw, ok := c.last[key]
	if !ok {
		return nil
	}
	e, ok := decodeEntry(raw)
	if !ok {
		return nil
	}
	c.mu.Lock()
	c.next[key] = raw
	c.mu.Unlock()
	return e
}

// put records e as the entry of key.
func (c *plans) put(key string, e *entry) {
	raw := string(encodeEntry(e))
	c.mu.Lock()
	c.next[key] = raw
	c.mu.Unlock()
}

// save writes this build's plans to path, unless they are those read.
func (c *plans) save(path string) error {
	if c == nil || maps.Equal(c.last, c.next) {
		return nil
	}
	buf := []byte(plansHeader)
	for _, key := range slices.Sorted(maps.Keys(c.next)) {
		buf = wire.AppendString(buf, key)
		buf = wire.AppendString(buf, c.next[key])
	}
	return atomicfile.Save(path, wire.AppendSum(buf), 0o644)
}

// encodeEntry returns e as the plan cache keeps it.
func encodeEntry(e *entry) []byte {
	out := wire.AppendBool(nil, e.Published)
	out = wire.AppendString(out, e.Content)
	for _, s := range []string{string(e.Title.HTML), e.Title.Plain, e.Title.Lang, e.Title.Dir, string(e.Title.Notice)} {
		out = wire.AppendString(out, s)
	}
	out = wire.AppendStrings(out, e.Rejected)
	out = binary.AppendUvarint(out, uint64(len(e.Warnings)))
	for _, w := range e.Warnings {
		out = wire.AppendString(out, w.Pos.File)
		out = binary.AppendVarint(out, int64(w.Pos.Line))
		out = binary.AppendVarint(out, int64(w.Pos.Col))
		out = wire.AppendString(out, w.Msg)
	}
	return out
}

// decodeEntry reads what encodeEntry wrote; ok is false if raw is
// damaged. The entry's strings are parts of raw.
func decodeEntry(raw string) (e *entry, ok bool) {
	r := wire.NewReader(raw)
	e = &entry{Published: r.Bool(), Content: r.Str()}
	e.Title.HTML, e.Title.Plain, e.Title.Lang, e.Title.Dir = template.HTML(r.Str()), r.Str(), r.Str(), r.Str()
	e.Title.Notice = template.HTML(r.Str())
	e.Rejected = r.Strs()
	n := r.Uvarint()
	for i := uint64(0); i < n && !r.Failed(); i++ {
		pos := diag.Pos{File: r.Str(), Line: r.Int(), Col: r.Int()}
		e.Warnings = append(e.Warnings, &diag.Error{Pos: pos, Msg: r.Str(), Warning: true})
	}
	if r.Failed() || r.Left() > 0 || len(e.Content) != 64 {
		return nil, false
	}
	return e, true
}
