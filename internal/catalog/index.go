package catalog

import (
	"bytes"
	"cmp"
	"hash/crc64"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// An Index knows where each message of one catalog file is, so that a
// build can read the messages of one page at a time rather than hold the
// file: a site of thousands of pages has catalogs of tens of megabytes
// each. A catalog in the layout l10n writes is read again by byte range;
// any other (the full TOML parser's, or one with CRLF line ends, whose
// offsets the parser does not keep) is held in memory as parsed. The
// ranges are found by a hash of the ID, so the index holds no ID: a few
// bytes per message; each range also has a hash of its bytes, so that a
// build can tell a page whose translations did not change without reading
// them. An Index is safe for concurrent use; Close releases its file.
type Index struct {
	Path string       // the file, relative to the site root
	Tag  language.Tag // its locale

	file *os.File // the file read by range; nil when held
	size int64    // its size when indexed
	// byHash holds where each message is, sorted by the hash of its ID
	// (idHash), when read by range: an array, not a map, as it is a
	// large build's largest part (a map took 72 bytes a message, this
	// 32).
	byHash []hashedSpan
	clash  map[string]span     // by ID, the messages whose ID's hash another's has too
	held   map[string]*Message // by ID, when held
	order  []string            // the IDs of held, in file order
}

// span is where one message is in its file: from the comment right above
// its table header up to the next message's comment or header (or the
// end), and the line it starts on.
type span struct {
	off, end int64
	line     int
	sum      uint64 // CRC-64 (ECMA) of its bytes
}

// LoadIndex reads the catalog at abs, whose path relative to the site
// root is path, checks it as [Parse] does, and returns its index. A
// catalog in the layout l10n writes is indexed from its bytes as they
// are read, without making its messages (see spanScan): the index takes
// memory for its ranges only.
func LoadIndex(path, abs string, tag language.Tag) (*Index, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadIndex(path, abs, tag, f)
}

// ReadIndex is LoadIndex of the file whose bytes the caller gives as r
// (hashing them, say, as they are read). A file in the layout l10n
// writes is read from r once, as a stream, and never held whole; any
// other is read again from abs, whole, and r is not read to its end.
func ReadIndex(path, abs string, tag language.Tag, r io.Reader) (*Index, error) {
	x, ok, err := scanIndex(r)
	if err != nil {
		return nil, err
	}
	if !ok {
		src, err := os.ReadFile(abs)
		if err != nil {
			return nil, err
		}
		return IndexOf(path, abs, tag, src)
	}
	if err := x.open(path, abs, tag); err != nil {
		return nil, err
	}
	return x, nil
}

// IndexOf is LoadIndex of the file whose bytes, read by the caller, are
// src.
func IndexOf(path, abs string, tag language.Tag, src []byte) (*Index, error) {
	if x, ok, _ := scanIndex(bytes.NewReader(src)); ok {
		if err := x.open(path, abs, tag); err != nil {
			return nil, err
		}
		return x, nil
	}
	// Not in the layout spanScan reads: the errors of Parse, or the
	// messages of a file in another layout, held.
	if err := precheck(path, src); err != nil {
		return nil, err
	}
	x := &Index{Path: path, Tag: tag, size: int64(len(src))}
	if bytes.IndexByte(src, '\r') < 0 {
		if msgs, ok := parseFast(path, src, 1); ok {
			x.index(src, msgs) // IDs of one hash, which spanScan refuses
			var err error
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

// open makes x, read by range, the index of the catalog at abs.
func (x *Index) open(path, abs string, tag language.Tag) error {
	x.Path, x.Tag = path, tag
	var err error
	x.file, err = os.Open(abs)
	return err
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
	for i := range starts {
		starts[i].sum = crc64.Checksum(src[starts[i].off:starts[i].end], ecma)
	}
	all := make([]hashedSpan, len(msgs))
	for i, m := range msgs {
		all[i] = pack(idHash(m.ID), starts[i])
	}
	sortByHash(all)
	clashed := map[uint64]bool{}
	for i := 1; i < len(all); i++ {
		if all[i].hash == all[i-1].hash {
			clashed[all[i].hash] = true
		}
	}
	for i, m := range msgs {
		if len(clashed) > 0 && clashed[idHash(m.ID)] {
			if x.clash == nil {
				x.clash = map[string]span{}
			}
			x.clash[strings.Clone(m.ID)] = starts[i]
		}
	}
	x.byHash = slices.DeleteFunc(all, func(e hashedSpan) bool { return clashed[e.hash] })
}

// sortByHash sorts spans by the hash of their IDs.
func sortByHash(spans []hashedSpan) {
	slices.SortFunc(spans, func(a, b hashedSpan) int { return cmp.Compare(a.hash, b.hash) })
}

// find returns where message id is, if the file may have it.
func (x *Index) find(id string) (span, bool) {
	if s, ok := x.clash[id]; ok {
		return s, true
	}
	h := idHash(id)
	i, ok := slices.BinarySearchFunc(x.byHash, h, func(e hashedSpan, h uint64) int { return cmp.Compare(e.hash, h) })
	if !ok {
		return span{}, false
	}
	return x.byHash[i].unpacked(), true
}

// Sum returns a hash of the bytes of message id in the file and of the
// line it starts on (so of the positions of any problem in it), and
// whether the file has id; ok is false too for a file held in memory,
// which has no ranges. Two equal sums say that the file holds the same
// message at the same place.
func (x *Index) Sum(id string) (sum uint64, ok bool) {
	if x.held != nil {
		return 0, false
	}
	s, ok := x.find(id)
	return s.sum ^ uint64(s.line)*0x9e3779b97f4a7c15, ok
}

// Held reports whether x holds its messages in memory rather than
// reading them by range (see Index).
func (x *Index) Held() bool { return x.held != nil }

// idHash is the hash that finds a message's range: FNV-1a of its ID.
func idHash(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}

// ecma is the table of the CRC-64 of a range's bytes.
var ecma = crc64.MakeTable(crc64.ECMA)

// Len returns the number of messages of the file.
func (x *Index) Len() int {
	if x.held != nil {
		return len(x.order)
	}
	return len(x.byHash) + len(x.clash)
}

// Close releases the file of x.
func (x *Index) Close() error {
	if x.file == nil {
		return nil
	}
	return x.file.Close()
}
