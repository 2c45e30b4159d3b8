package catalog

import (
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"unsafe"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/wire"
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
	out = binary.AppendUvarint(out, uint64(len(x.byHash)))
	for _, e := range x.byHash {
		out = binary.LittleEndian.AppendUint64(out, e.hash)
		out = appendSpan(out, e.unpacked())
	}
	out = binary.AppendUvarint(out, uint64(len(x.clash)))
	for _, id := range slices.Sorted(maps.Keys(x.clash)) {
		out = wire.AppendString(out, id)
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
	if len(data) < len(indexMagic)+8 || string(data[:len(indexMagic)]) != indexMagic {
		return nil, errIndex
	}
	// data as a string, without a copy (the caller does not change it
	// while OpenIndex runs); no part of it is kept: IDs are copied.
	rest := data[len(indexMagic):]
	r := wire.NewReader(unsafe.String(unsafe.SliceData(rest), len(rest)))
	x := &Index{Path: path, Tag: tag, size: int64(r.Uint64())}
	n := count(&r)
	if x.size > MaxFastSize {
		r.Fail() // no index of a larger file is made
	}
	x.byHash = make([]hashedSpan, n)
	for i := range x.byHash {
		h := r.Uint64()
		s := readSpan(&r)
		inFile := s.off >= 0 && s.end >= s.off && s.end <= x.size && s.line >= 1 && int64(s.line) <= x.size+1
		if !inFile || i > 0 && h <= x.byHash[i-1].hash {
			r.Fail() // MarshalBinary writes them in order, each once, in the file
			break
		}
		x.byHash[i] = pack(h, s)
	}
	if m := count(&r); m > 0 {
		x.clash = map[string]span{}
		for range m {
			id := strings.Clone(r.Str())
			x.clash[id] = readSpan(&r)
		}
	}
	if r.Failed() || r.Left() != 0 {
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

// count reads how many entries follow. Each takes bytes, so a count
// larger than the bytes left is damage, refused at once rather than
// looped over.
func count(r *wire.Reader) int {
	n := r.Uvarint()
	if n > uint64(r.Left()) {
		r.Fail()
		return 0
	}
	return int(n)
}

// readSpan reads what appendSpan wrote.
func readSpan(r *wire.Reader) span {
	off := r.Uvarint()
	length := r.Uvarint()
	line := r.Uvarint()
	sum := r.Uint64()
	return span{off: int64(off), end: int64(off + length), line: int(line), sum: sum}
}
