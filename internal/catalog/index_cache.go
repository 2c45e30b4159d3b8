package catalog

import (
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"slices"

	"golang.org/x/text/language"
)

// An Index of a file read by range can be kept between runs: the caller
// keys the bytes MarshalBinary returns by the file's content digest, and
// with bytes of a file with that digest, OpenIndex gives the index back
// without reading the file.

// indexMagic starts the bytes of an Index.
const indexMagic = "l10n catalog index 1\n"

// errIndex says that bytes are no Index.
var errIndex = errors.New("catalog: not an index")

// MarshalBinary returns x as OpenIndex reads it; an index that holds its
// messages in memory cannot be kept, and returns an error.
func (x *Index) MarshalBinary() ([]byte, error) {
	if x.held != nil {
		return nil, errors.New("catalog: an index held in memory is not kept")
	}
	out := append([]byte(indexMagic), 0, 0, 0, 0, 0, 0, 0, 0)
	binary.LittleEndian.PutUint64(out[len(indexMagic):], uint64(x.size))
	// In order, so that equal indexes give equal bytes.
	out = binary.AppendUvarint(out, uint64(len(x.spans)))
	for _, h := range slices.Sorted(maps.Keys(x.spans)) {
		out = binary.LittleEndian.AppendUint64(out, h)
		out = appendSpan(out, x.spans[h])
	}
	out = binary.AppendUvarint(out, uint64(len(x.clash)))
	for _, id := range slices.Sorted(maps.Keys(x.clash)) {
		out = binary.AppendUvarint(out, uint64(len(id)))
		out = append(out, id...)
		out = appendSpan(out, x.clash[id])
	}
	return out, nil
}

func appendSpan(out []byte, s span) []byte {
	out = binary.AppendUvarint(out, uint64(s.off))
	out = binary.AppendUvarint(out, uint64(s.end-s.off))
	out = binary.AppendUvarint(out, uint64(s.line))
	return binary.LittleEndian.AppendUint64(out, s.sum)
}

// OpenIndex returns the index of the catalog at abs (path relative to the
// site root) that data, from MarshalBinary of an index of a file with
// the same bytes, holds. It does not read the file; it fails if data is
// no index or the file's size differs.
func OpenIndex(path, abs string, tag language.Tag, data []byte) (*Index, error) {
	r := reader{data: data}
	if len(data) < len(indexMagic)+8 || string(data[:len(indexMagic)]) != indexMagic {
		return nil, errIndex
	}
	r.data = data[len(indexMagic):]
	x := &Index{Path: path, Tag: tag, size: int64(r.u64())}
	n := r.uvarint()
	x.spans = make(map[uint64]span, min(n, uint64(len(data))))
	for range n {
		h := r.u64()
		x.spans[h] = r.span()
	}
	if m := r.uvarint(); m > 0 {
		x.clash = map[string]span{}
		for range m {
			id := string(r.bytes(r.uvarint()))
			x.clash[id] = r.span()
		}
	}
	if r.bad || len(r.data) != 0 {
		return nil, errIndex
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || fi.Size() != x.size {
		f.Close()
		return nil, errIndex
	}
	x.file = f
	return x, nil
}

// reader reads what MarshalBinary wrote; a short or bad input sets bad.
type reader struct {
	data []byte
	bad  bool
}

func (r *reader) u64() uint64 {
	if len(r.data) < 8 {
		r.bad, r.data = true, nil
		return 0
	}
	v := binary.LittleEndian.Uint64(r.data)
	r.data = r.data[8:]
	return v
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.bad, r.data = true, nil
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *reader) bytes(n uint64) []byte {
	if uint64(len(r.data)) < n {
		r.bad, r.data = true, nil
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *reader) span() span {
	off := r.uvarint()
	length := r.uvarint()
	line := r.uvarint()
	sum := r.u64()
	return span{off: int64(off), end: int64(off + length), line: int(line), sum: sum}
}
