package catalog

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"io"
	"unsafe"
)

// EachHeader reads a catalog from r and calls fn with the byte offset and
// the ID of each table header line ("[index.intro.p1]"), in file order,
// and returns the SHA-256 of all it read. It makes no message: it is for
// a catalog whose sum proves it as l10n wrote it (then every line that
// starts with "[" is a message's header, and no other line is), to learn
// where its messages are at the cost of a hash. id is valid only during
// the call. It reports false, and stops, at a header that is not a bare
// dotted key or at a carriage return: not the layout l10n writes.
func EachHeader(r io.Reader, fn func(off int64, id string)) (sum [sha256.Size]byte, ok bool, err error) {
	h := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(r, h), 64<<10)
	var off int64
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than the buffer is a long value, never a
			// header: read past it.
			for errors.Is(err, bufio.ErrBufferFull) {
				off += int64(len(line))
				line, err = br.ReadSlice('\n')
			}
			off += int64(len(line))
			line = nil
		}
		if len(line) > 0 {
			l := line
			if l[len(l)-1] == '\n' {
				l = l[:len(l)-1]
			}
			if len(l) > 0 && l[len(l)-1] == '\r' {
				return sum, false, nil
			}
			if len(l) > 0 && l[0] == '[' {
				id, good := header(unsafe.String(&l[0], len(l)))
				if !good {
					return sum, false, nil
				}
				fn(off, id)
			}
			off += int64(len(line))
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return sum, false, err
		}
	}
	h.Sum(sum[:0])
	return sum, true, nil
}
