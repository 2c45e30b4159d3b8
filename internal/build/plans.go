package build

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"sync"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// The plan cache (Options.Plans) keeps what the first pass of a build
// learned of each page in each locale (see entry), by its key (pages.keys, keys.go):
// a digest of everything the entry is made of, the bytes of the page's
// translations in the catalogs of the locale's chain among them. The
// catalogs of a page in a locale whose key it holds are not read in the
// first pass: after one translation changed, the pages that do not show
// it, and the locales that cannot, cost a lookup. It is a file of lines
// "key JSON", in key order, of the entries of the last build; a missing
// or damaged file, or line, only makes the build read those pages.
type plans struct {
	last map[string][]byte // by key, as read
	mu   sync.Mutex
	next map[string][]byte // by key, this build's
}

// entryRecord is an entry as the cache keeps it.
type entryRecord struct {
	entry
	Warnings []warningRecord
}

// warningRecord is a warning as the cache keeps it.
type warningRecord struct {
	File      string
	Line, Col int
	Msg       string
}

// loadPlans reads the plan cache at path ("" is none: it returns nil).
func loadPlans(path string) *plans {
	if path == "" {
		return nil
	}
	c := &plans{last: map[string][]byte{}, next: map[string][]byte{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	// The records are parts of data, which stays in memory with them.
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		if key, rec, ok := bytes.Cut(line, []byte(" ")); ok && len(key) == 64 {
			c.last[string(key)] = rec
		}
	}
	return c
}

// get returns the entry the cache holds for key, or nil.
func (c *plans) get(key string) *entry {
	raw, ok := c.last[key]
	if !ok {
		return nil
	}
	var rec entryRecord
	if json.Unmarshal(raw, &rec) != nil || len(rec.Content) != 64 {
		return nil
	}
	e := rec.entry
	e.Warnings = nil
	for _, w := range rec.Warnings {
		e.Warnings = append(e.Warnings, &diag.Error{Pos: diag.Pos{File: w.File, Line: w.Line, Col: w.Col}, Msg: w.Msg, Warning: true})
	}
	c.mu.Lock()
	c.next[key] = raw
	c.mu.Unlock()
	return &e
}

// put records e as the entry of key.
func (c *plans) put(key string, e *entry) {
	rec := entryRecord{entry: *e}
	rec.entry.Warnings = nil
	for _, w := range e.Warnings {
		rec.Warnings = append(rec.Warnings, warningRecord{File: w.Pos.File, Line: w.Pos.Line, Col: w.Pos.Col, Msg: w.Msg})
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		return // not kept: the page is read next time
	}
	c.mu.Lock()
	c.next[key] = raw
	c.mu.Unlock()
}

// save writes this build's plans to path, unless they are those read.
func (c *plans) save(path string) error {
	if c == nil || maps.EqualFunc(c.last, c.next, bytes.Equal) {
		return nil
	}
	var buf bytes.Buffer
	for _, key := range slices.Sorted(maps.Keys(c.next)) {
		buf.WriteString(key + " ")
		buf.Write(c.next[key])
		buf.WriteByte('\n')
	}
	return atomicfile.Save(path, buf.Bytes(), 0o644)
}
