package catalog

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// An Index knows where each message of one catalog file is, so that a
// build can read the messages of one page at a time rather than hold the
// file: a site of thousands of pages has catalogs of tens of megabytes
// each. A catalog in the layout l10n writes is read again by byte range;
// any other (the full TOML parser's, or one with CRLF line ends, whose
// offsets the parser does not keep) is held in memory as parsed. The
// ranges are found by a hash of the ID, so the index holds no ID: a few
// bytes per message. An Index is safe for concurrent use; Close releases
// its file.
type Index struct {
	Path string       // the file, relative to the site root
	Tag  language.Tag // its locale

	file  *os.File            // the file read by range; nil when held
	size  int64               // its size when indexed
	seed  maphash.Seed        // of the hashes of IDs
	spans map[uint64]span     // by the hash of the ID, when read by range
	clash map[string]span     // by ID, the messages whose ID's hash another's has too
	held  map[string]*Message // by ID, when held
	order []string            // the IDs of held, in file order
}

// span is where one message is in its file: from the comment right above
// its table header up to the next message's comment or header (or the
// end), and the line it starts on.
type span struct {
	off, end int64
	line     int
}

// LoadIndex reads the catalog at abs, whose path relative to the site
// root is path, checks it as [Parse] does, and returns its index.
func LoadIndex(path, abs string, tag language.Tag) (*Index, error) {
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	x := &Index{Path: path, Tag: tag, size: int64(len(src)), seed: maphash.MakeSeed()}
	if err := precheck(path, src); err != nil {
		return nil, err
	}
	if bytes.IndexByte(src, '\r') < 0 {
		if msgs, ok := parseFast(path, src, 1); ok {
			x.index(src, msgs)
			x.file, err = os.Open(abs)
			return x, err
		}
	}
	f, err := Parse(path, tag, src)
	if err != nil {
		return nil, err
	}
	x.held = f.Index()
	for _, m := range f.Messages {
		x.order = append(x.order, m.ID)
	}
	return x, nil
}

// index records where each of msgs, parsed from src, is in src.
func (x *Index) index(src []byte, msgs []*Message) {
	starts := make([]span, len(msgs))
	line, off := 1, 0
	for i, m := range msgs {
		start := m.Pos.Line - len(m.Comment)
		for line < start {
			off += bytes.IndexByte(src[off:], '\n') + 1
			line++
		}
		starts[i] = span{off: int64(off), end: int64(len(src)), line: line}
		if i > 0 {
			starts[i-1].end = int64(off)
		}
	}
	x.spans = make(map[uint64]span, len(msgs))
	clashed := map[uint64]bool{}
	for i, m := range msgs {
		h := maphash.String(x.seed, m.ID)
		if _, dup := x.spans[h]; dup || clashed[h] {
			clashed[h] = true
		}
		x.spans[h] = starts[i]
	}
	for i, m := range msgs {
		if h := maphash.String(x.seed, m.ID); clashed[h] {
			if x.clash == nil {
				x.clash = map[string]span{}
			}
			x.clash[strings.Clone(m.ID)] = starts[i]
			delete(x.spans, h)
		}
	}
}

// find returns where message id is, if the file may have it.
func (x *Index) find(id string) (span, bool) {
	if s, ok := x.clash[id]; ok {
		return s, true
	}
	s, ok := x.spans[maphash.String(x.seed, id)]
	return s, ok
}

// ReadAll returns every message of the file, in file order.
func (x *Index) ReadAll() (*File, error) {
	if x.held != nil {
		return x.Read(x.order)
	}
	return x.read([]span{{off: 0, end: x.size, line: 1}}, nil)
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
	var want []span
	wanted := make(map[string]bool, len(ids))
	for _, id := range ids {
		if s, ok := x.find(id); ok {
			want = append(want, s)
			wanted[id] = true
		}
	}
	slices.SortFunc(want, func(a, b span) int { return int(a.off - b.off) })
	return x.read(slices.Compact(want), wanted)
}

// read parses the ranges want of the file, in order, keeping the
// messages whose ID wanted has (every one if wanted is nil).
func (x *Index) read(want []span, wanted map[string]bool) (*File, error) {
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
		for _, m := range msgs {
			if wanted == nil || wanted[m.ID] {
				f.Messages = append(f.Messages, m)
			}
		}
		i = j
	}
	return f, nil
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
		if hasText(m) {
			out = append(out, m.ID)
		}
	}
	return out, nil
}

// hasText reports whether m has a form that is not empty.
func hasText(m *Message) bool {
	for _, text := range m.Forms {
		if text != "" {
			return true
		}
	}
	return false
}

// Close releases the file of x.
func (x *Index) Close() error {
	if x.file == nil {
		return nil
	}
	return x.file.Close()
}
