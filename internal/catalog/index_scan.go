package catalog

import (
	"bufio"
	"bytes"
	"cmp"
	"hash/crc64"
	"io"
	"slices"
	"unicode/utf8"
	"unsafe"
)

// spanScan finds the spans of the messages of a catalog in the layout
// parseFast reads, from its bytes as a stream, without making them
// Messages: the index of a catalog of hundreds of megabytes then takes
// memory for its spans, a few words per message, and none for the file.
// It accepts exactly the files that precheck passes, that hold no
// carriage return and that parseFast reads, and finds the spans that
// Index.index finds from parseFast's messages (TestScanFindsParseFastSpans
// and FuzzScanMatchesParseFast check both), except that it refuses a
// file two of whose IDs, or an ID and a proper prefix of another, have
// the same idHash: the caller then takes the slow path, which can tell
// them apart. It keeps no ID: tables are known by their hash.
type spanScan struct {
	found    chunks[hashedSpan] // every message, in file order
	prefixes chunks[uint64]     // the hash of each proper prefix of each ID
	last     []uint64           // the last of prefixes at each depth

	line int   // the number of the line being read
	off  int64 // the offset of the line being read

	cur   span   // the message being read, while open
	open  bool   // whether a message has begun
	hash  uint64 // the hash of cur's ID
	id    []byte // cur's ID, for its id key
	keys  uint16 // cur's keys, a bit each by index in Keys
	value []byte // the decoded value of a key, reused
	// The bytes of cur so far, the pending comment not included: a
	// message is summed at once, not line by line, as crc64 compares
	// tables on each call.
	bytes []byte

	// The comment lines right above the line being read: they belong to
	// the next message if a header follows them, else to cur.
	pend     []byte
	pendOff  int64
	pendLine int
}

// hashedSpan is a span and the hash of its message's ID, packed: an
// indexed catalog is no larger than MaxFastSize, so its offsets, lengths
// and lines fit in 32 bits, and a message takes 32 bytes, not 40 (at
// 20,000 pages, 6.6 million of them).
type hashedSpan struct {
	hash, sum    uint64
	off, n, line uint32
}

// pack returns span s of a message whose ID has hash h, packed.
func pack(h uint64, s span) hashedSpan {
	return hashedSpan{hash: h, sum: s.sum, off: uint32(s.off), n: uint32(s.end - s.off), line: uint32(s.line)}
}

// unpacked returns the span e packs.
func (e hashedSpan) unpacked() span {
	return span{off: int64(e.off), end: int64(e.off) + int64(e.n), line: int(e.line), sum: e.sum}
}

// scanIndex reads a catalog from r and returns its index, without its
// file, path or tag; ok is false if the file is not one spanScan accepts
// (see spanScan), err is an error of r.
func scanIndex(r io.Reader) (x *Index, ok bool, err error) {
	s := &spanScan{}
	lines := lineReader{r: bufio.NewReaderSize(r, 64<<10)}
	for s.line = 1; ; s.line++ {
		raw, err := lines.next()
		if len(raw) > 0 && !s.take(raw) {
			return nil, false, nil
		}
		s.off += int64(len(raw))
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	spans, ok := s.end()
	if !ok {
		return nil, false, nil
	}
	return &Index{size: s.off, byHash: spans}, true, nil
}

// take reads one line of the file, with its line end if it has one, and
// reports false if the file is not one spanScan accepts.
func (s *spanScan) take(raw []byte) bool {
	if s.off+int64(len(raw)) > MaxFastSize || !utf8.Valid(raw) || bytes.IndexByte(raw, '\r') >= 0 ||
		s.off == 0 && bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		return false // precheck or CRLF: the slow path reports or holds it
	}
	l := unsafe.String(unsafe.SliceData(raw), len(raw))
	if l[len(l)-1] == '\n' {
		l = l[:len(l)-1]
	}
	switch {
	case len(l) == 0:
		s.settle()
		s.add(raw)
	case l[0] == '#':
		if hasControl(l[1:]) {
			return false
		}
		if len(s.pend) == 0 {
			s.pendOff, s.pendLine = s.off, s.line
		}
		s.pend = append(s.pend, raw...)
	case l[0] == '[':
		return s.header(l, raw)
	default:
		if !s.open || !s.key(l) {
			return false
		}
		s.settle()
		s.add(raw)
	}
	return true
}

// settle gives the pending comment lines to the open message, or to none
// before the first message: a line that is not a header follows them.
func (s *spanScan) settle() {
	s.add(s.pend)
	s.pend = s.pend[:0]
}

// add adds b, the next bytes of the file, to the open message.
func (s *spanScan) add(b []byte) {
	if s.open {
		s.bytes = append(s.bytes, b...)
	}
}

// header reads the header line l (raw with its line end) of a message,
// which closes the open one: the pending comment lines are the new
// message's.
func (s *spanScan) header(l string, raw []byte) bool {
	id, good := header(l)
	if !good {
		return false
	}
	if !s.close() {
		return false
	}
	h := s.claim(id)
	s.open, s.hash, s.keys = true, h, 0
	s.id = append(s.id[:0], id...)
	s.cur = span{off: s.off, line: s.line}
	if len(s.pend) > 0 {
		s.cur.off, s.cur.line = s.pendOff, s.pendLine
	}
	s.bytes = append(append(s.bytes[:0], s.pend...), raw...)
	s.pend = s.pend[:0]
	return true
}

// claim records the hash of id and of each of its proper prefixes, for
// end to do what claimTable does, by hash; it returns the hash of id.
func (s *spanScan) claim(id string) uint64 {
	h := uint64(14695981039346656037) // idHash, a byte at a time
	depth := 0
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			// Neighbours share prefixes: a hash is recorded once in a
			// row at each depth.
			if depth == len(s.last) {
				s.last = append(s.last, ^h)
			}
			if s.last[depth] != h {
				s.prefixes.add(h)
				s.last[depth] = h
			}
			depth++
		}
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}

// key reads the key line l of the open message as setKey does.
func (s *spanScan) key(l string) bool {
	key, body, _, good := keyBody(l)
	if !good || key == "" {
		return false
	}
	bit := uint16(1) << keyIndex(key)
	if s.keys&bit != 0 {
		return false
	}
	s.keys |= bit
	value, good := unescapeInto(&s.value, body)
	if key == "id" {
		return good && value == string(s.id)
	}
	return good
}

// close ends the open message, if there is one, where the pending
// comment lines (or the line being read) start, and reports false if it
// has no key: an empty table is not a message.
func (s *spanScan) close() bool {
	if !s.open {
		return true
	}
	if s.keys == 0 {
		return false
	}
	s.cur.end = s.off
	if len(s.pend) > 0 {
		s.cur.end = s.pendOff
	}
	s.cur.sum = crc64.Checksum(s.bytes, ecma)
	s.found.add(pack(s.hash, s.cur))
	s.open = false
	return true
}

// end closes the last message at the end of the file (the comment lines
// at the end are its own) and returns the spans by hash, refusing the
// file as claimTable does, by hash: if two tables have one hash, or a
// table has the hash of a proper prefix of a table.
func (s *spanScan) end() ([]hashedSpan, bool) {
	s.settle()
	if !s.close() {
		return nil, false
	}
	spans := make([]hashedSpan, 0, s.found.n)
	for _, c := range s.found.all() {
		spans = append(spans, c...)
	}
	s.found = chunks[hashedSpan]{} // one copy at a time
	sortByHash(spans)
	for i := 1; i < len(spans); i++ {
		if spans[i].hash == spans[i-1].hash {
			return nil, false
		}
	}
	for _, c := range s.prefixes.all() {
		for _, h := range c {
			if _, table := slices.BinarySearchFunc(spans, h, func(e hashedSpan, h uint64) int { return cmp.Compare(e.hash, h) }); table {
				return nil, false
			}
		}
	}
	return spans, true
}

// chunks is a list that grows by chunks, never copying what it holds:
// one slice of a million spans would be copied each time it grew, with
// two copies held at once while it did.
type chunks[T any] struct {
	full [][]T
	last []T
	n    int // the number of values
}

func (c *chunks[T]) add(v T) {
	if len(c.last) == cap(c.last) {
		if c.last != nil {
			c.full = append(c.full, c.last)
		}
		size := 4096
		if len(c.full) < 6 {
			size = 64 << len(c.full) // small for a small file
		}
		c.last = make([]T, 0, size)
	}
	c.last = append(c.last, v)
	c.n++
}

// all returns the chunks, in order.
func (c *chunks[T]) all() [][]T { return append(c.full[:len(c.full):len(c.full)], c.last) }

// lineReader reads a file line by line, each line with its line end (the
// last may have none), in a buffer it reuses.
type lineReader struct {
	r    *bufio.Reader
	long []byte // a line longer than r's buffer
}

// next returns the next line, valid until the next call, and io.EOF with
// the last one.
func (lr *lineReader) next() ([]byte, error) {
	line, err := lr.r.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return line, err
	}
	lr.long = append(lr.long[:0], line...)
	for err == bufio.ErrBufferFull {
		line, err = lr.r.ReadSlice('\n')
		lr.long = append(lr.long, line...)
	}
	return lr.long, err
}
