package catalog

import (
	"fmt"
	"slices"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// Reading messages by range: a page's run, the whole file, or every
// message a piece at a time (see Index).

// ReadAll returns every message of the file, in file order.
func (x *Index) ReadAll() (*File, error) {
	if x.held != nil {
		return x.Read(x.order)
	}
	return x.read([]span{{off: 0, end: x.size, line: 1}}, nil)
}

// wanted is a range to read and the ID asked for that found it: the
// message the range holds, unless that has another ID whose hash is the
// same (find only says the file may have it).
type wanted struct {
	span
	id string
}

// Read returns the messages of the file among ids, in file order, read
// from the file by range: a catalog with only those messages.
func (x *Index) Read(ids []string) (*File, error) {
	if x.held != nil {
		f := &File{Path: x.Path, Tag: x.Tag}
		for _, id := range ids {
			if m := x.held[id]; m != nil {
				f.Messages = append(f.Messages, m)
			}
		}
		slices.SortFunc(f.Messages, func(a, b *Message) int { return a.Pos.Line - b.Pos.Line })
		return f, nil
	}
	if f, ok, err := x.readRun(ids); ok || err != nil {
		return f, err
	}
	want := make([]wanted, 0, len(ids))
	for _, id := range ids {
		if s, ok := x.find(id); ok {
			want = append(want, wanted{s, id})
		}
	}
	slices.SortFunc(want, func(a, b wanted) int { return int(a.off - b.off) })
	want = slices.CompactFunc(want, func(a, b wanted) bool { return a.off == b.off })
	spans := make([]span, len(want))
	for i, w := range want {
		spans[i] = w.span
	}
	f, err := x.read(spans, func(i int, m *Message) bool { return i >= 0 && m.ID == want[i].id })
	if err != nil || len(f.Messages) == len(want) {
		return f, err
	}
	// A range held other than one message each (it cannot, in the
	// layout spanScan indexes): keep the messages by ID.
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return x.read(spans, func(_ int, m *Message) bool { return set[m.ID] })
}

// runBytes bounds the range readRun reads: about a page's messages.
const runBytes = 1 << 20

// readRun is Read of ids that are, in their order, the messages from the
// first one's range to the last one's, as a page's messages are in the
// layout extract writes: two lookups and one read rather than one of
// each per message. It reports false, having read nothing or what it
// drops, when they are not.
func (x *Index) readRun(ids []string) (*File, bool, error) {
	if len(ids) == 0 {
		return nil, false, nil
	}
	first, ok := x.find(ids[0])
	last, ok2 := x.find(ids[len(ids)-1])
	if !ok || !ok2 || last.end <= first.off || last.end-first.off > runBytes {
		return nil, false, nil
	}
	f, err := x.read([]span{{off: first.off, end: last.end, line: first.line}}, nil)
	if err != nil || len(f.Messages) != len(ids) {
		return nil, false, err
	}
	for i, m := range f.Messages {
		if m.ID != ids[i] {
			return nil, false, nil
		}
	}
	return f, true, nil
}

// read parses the ranges want of the file, in order, keeping the
// messages keep says yes to (every one if keep is nil): keep is given
// the index in want of the range a message is from, when each range
// holds one message; else -1.
func (x *Index) read(want []span, keep func(i int, m *Message) bool) (*File, error) {
	f := &File{Path: x.Path, Tag: x.Tag}
	for i := 0; i < len(want); {
		// Neighbours in the file are read at once.
		j := i + 1
		for j < len(want) && want[j].off == want[j-1].end {
			j++
		}
		buf := make([]byte, want[j-1].end-want[i].off)
		if _, err := x.file.ReadAt(buf, want[i].off); err != nil {
			return nil, fmt.Errorf("%s: %w", x.Path, err)
		}
		msgs, ok := parseFast(x.Path, buf, want[i].line)
		if !ok {
			return nil, diag.Errorf(diag.Pos{File: x.Path, Line: want[i].line}, "changed while l10n read it; run the command again")
		}
		for k, m := range msgs {
			at := i + k
			if len(msgs) != j-i {
				at = -1
			}
			if keep == nil || keep(at, m) {
				f.Messages = append(f.Messages, m)
			}
		}
		i = j
	}
	return f, nil
}

// eachBytes is about how many bytes of the file Each reads and parses at
// once.
const eachBytes = 1 << 20

// Each calls fn with every message of the file, in file order, reading it
// by range about a mebibyte at a time, so that no more of it is held:
// the strings of a message are parts of its piece, which a caller that
// keeps them copies. It stops at fn's first error.
func (x *Index) Each(fn func(*Message) error) error {
	if x.held != nil {
		for _, id := range x.order {
			if err := fn(x.held[id]); err != nil {
				return err
			}
		}
		return nil
	}
	all := make([]span, 0, len(x.byHash)+len(x.clash))
	for _, e := range x.byHash {
		all = append(all, e.unpacked())
	}
	for _, s := range x.clash {
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b span) int { return int(a.off - b.off) })
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].off == all[j-1].end && all[j].end-all[i].off <= eachBytes {
			j++
		}
		f, err := x.read(all[i:j], nil)
		if err != nil {
			return err
		}
		for _, m := range f.Messages {
			if err := fn(m); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// Taken returns the IDs of the messages of the file with a form that is
// not empty.
func (x *Index) Taken() ([]string, error) {
	f, err := x.ReadAll()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range f.Messages {
		if m.Translated() {
			out = append(out, m.ID)
		}
	}
	return out, nil
}
