// Package wire reads and writes the primitives of the binary caches the
// stages keep between runs: the page cache (package content), the front
// matter in it (package frontmatter), the catalog index cache (package
// catalog) and the plan cache (package build). Each of those packages owns its encoding; wire only
// gives them one reader, and the appends that match it, for the parts
// they share: varints, a little-endian uint64, a byte, a bool, a length
// and a string, and the CRC-32C that ends a cache file (AppendSum,
// Checked).
//
// A [Reader] never panics on damaged bytes. Its first failed read, on
// bytes cut short or not written by these appends, sticks: the reader
// drops what is left, and every later read returns a zero value, so a
// decoder reads on and checks [Reader.Failed] once at the end.
//
// The strings a Reader returns are parts of its input, not copies: a
// decoder that keeps them keeps the input alive, and one that needs them
// on their own copies them.
package wire

import "encoding/binary"

// Reader reads, in turn, the primitives of a string of bytes.
type Reader struct {
	data string // what is left to read
	bad  bool
}

// NewReader returns a Reader of data.
func NewReader(data string) Reader { return Reader{data: data} }

// Failed reports whether a read has failed.
func (r *Reader) Failed() bool { return r.bad }

// Fail marks the input as damaged, for a decoder that finds a value
// wrong for its own reasons.
func (r *Reader) Fail() { r.bad, r.data = true, "" }

// Left returns how many bytes are left to read.
func (r *Reader) Left() int { return len(r.data) }

// Uvarint reads what binary.AppendUvarint wrote, and fails where
// binary.Uvarint does: on bytes cut short, and on more than 64 bits.
// The reads of signed numbers, lengths and strings are built on it, so
// it is kept small enough to inline into them.
func (r *Reader) Uvarint() (v uint64) {
	for i, c := range []byte(r.data) { // ranging over it does not copy
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			if i < 9 || i == 9 && c < 2 { // else more than 64 bits
				r.data = r.data[i+1:]
				return v
			}
			break
		}
	}
	r.Fail()
	return 0
}

// Varint reads what binary.AppendVarint wrote: zigzag, then Uvarint.
func (r *Reader) Varint() int64 {
	u := r.Uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// Int reads what binary.AppendVarint wrote of an int.
func (r *Reader) Int() int { return int(r.Varint()) }

// Uint64 reads what binary.LittleEndian.AppendUint64 wrote.
func (r *Reader) Uint64() uint64 {
	if len(r.data) < 8 {
		r.Fail()
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(r.data[:8]))
	r.data = r.data[8:]
	return v
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.data == "" {
		r.Fail()
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}

// Bool reads what AppendBool wrote: a byte 0 or 1.
func (r *Reader) Bool() bool {
	if r.data == "" || r.data[0] > 1 {
		r.Fail()
		return false
	}
	b := r.data[0] == 1
	r.data = r.data[1:]
	return b
}

// Len reads what AppendLen wrote; ok is false for nil. A length larger
// than the bytes left is damage, as each item takes a byte at least: a
// decoder can make a slice of that length before it reads the items.
func (r *Reader) Len() (n int, ok bool) {
	v := r.Uvarint()
	if v == 0 {
		return 0, false
	}
	if v-1 > uint64(len(r.data)) {
		r.Fail()
		return 0, false
	}
	return int(v - 1), true
}

// Raw reads the next n bytes.
func (r *Reader) Raw(n int) string {
	if n < 0 || n > len(r.data) {
		r.Fail()
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

// Str reads what AppendString wrote.
func (r *Reader) Str() string {
	n := r.Uvarint()
	if n > uint64(len(r.data)) {
		r.Fail()
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

// Strs reads what AppendStrings wrote.
func (r *Reader) Strs() []string {
	n, ok := r.Len()
	if !ok {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.Str()
	}
	return out
}
