package frontmatter

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
)

// UnmarshalBinary sets m to the Matter whose bytes MarshalBinary
// returned; it fails, leaving m unusable, on bytes it did not write.
func (m *Matter) UnmarshalBinary(data []byte) error {
	r := &reader{data: data}
	m.Format = Format(r.string())
	m.Start, m.End, m.Body = r.int(), r.int(), r.int()
	if n, ok := r.len(); ok {
		m.Strings = make([]String, n)
		for i := range m.Strings {
			s := &m.Strings[i]
			s.Path = r.strings()
			s.Value = r.string()
			s.Start, s.End = r.int(), r.int()
		}
	}
	v := r.value(0)
	if r.err == nil && len(r.data) > 0 {
		r.err = errors.New("frontmatter: bytes after the front matter")
	}
	if r.err != nil {
		return r.err
	}
	m.Values, _ = v.(map[string]any)
	if v != nil && m.Values == nil {
		return errors.New("frontmatter: values are not a table")
	}
	return nil
}

// reader reads what MarshalBinary wrote; the first problem is kept in
// err, and every read after it returns zero values.
type reader struct {
	data []byte
	err  error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("frontmatter: bytes of front matter cut short or damaged")
	}
	r.data = nil
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.data)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *reader) int() int { return int(r.uvarint()) }

func (r *reader) byte() byte {
	if len(r.data) == 0 {
		r.fail()
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}

// len reads what appendLen wrote; ok is false for nil. A length longer
// than the bytes left is damage: each item takes a byte at least.
func (r *reader) len() (n int, ok bool) {
	v := r.uvarint()
	if v == 0 {
		return 0, false
	}
	if v-1 > uint64(len(r.data)) {
		r.fail()
		return 0, false
	}
	return int(v - 1), true
}

func (r *reader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.fail()
		return ""
	}
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

func (r *reader) strings() []string {
	n, ok := r.len()
	if !ok {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.string()
	}
	return out
}

// maxDepth is how deeply the values of front matter kept may nest; the
// bytes of deeper ones are taken for damage (Parse refuses TOML nested
// more than tomldepth.Max deep).
const maxDepth = 1000

// value reads a value appendValue wrote, depth tables and lists deep.
func (r *reader) value(depth int) any {
	if depth > maxDepth {
		r.fail()
		return nil
	}
	switch r.byte() {
	case valueNil:
		return nil
	case valueString:
		return r.string()
	case valueBool:
		b := r.byte()
		if b > 1 {
			r.fail()
		}
		return b == 1
	case valueInt:
		return int(r.varint())
	case valueInt64:
		return r.varint()
	case valueUint64:
		return r.uvarint()
	case valueFloat:
		if len(r.data) < 8 {
			r.fail()
			return nil
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(r.data))
		r.data = r.data[8:]
		return v
	case valueTime:
		return r.time()
	case valueList:
		return r.list(depth)
	case valueTables:
		return r.tables(depth)
	case valueTable:
		return r.table(depth)
	}
	r.fail()
	return nil
}

func (r *reader) list(depth int) []any {
	n, ok := r.len()
	if !ok {
		return nil
	}
	out := make([]any, n)
	for i := range out {
		out[i] = r.value(depth + 1)
	}
	return out
}

func (r *reader) tables(depth int) []map[string]any {
	n, ok := r.len()
	if !ok {
		return nil
	}
	out := make([]map[string]any, n)
	for i := range out {
		if r.byte() != valueTable {
			r.fail()
			return nil
		}
		out[i] = r.table(depth + 1)
	}
	return out
}

func (r *reader) table(depth int) map[string]any {
	n, ok := r.len()
	if !ok {
		return nil
	}
	out := make(map[string]any, n)
	for range n {
		k := r.string()
		out[k] = r.value(depth + 1)
	}
	return out
}

// time reads a time appendTime wrote, as Parse would make it now.
func (r *reader) time() time.Time {
	switch zone := r.byte(); zone {
	case zoneUTC:
		return time.Unix(r.varint(), r.varint()).UTC()
	case zoneOffset:
		offset := int(r.varint())
		t := time.Unix(r.varint(), r.varint())
		if _, local := t.Zone(); local == offset {
			return t.In(time.Local)
		}
		return t.In(time.FixedZone("", offset))
	case zoneLocalDatetime, zoneLocalDate, zoneLocalTime:
		var n [7]int
		for i := range n {
			n[i] = int(r.varint())
		}
		return time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], n[6], tomlZones()[zone-zoneLocalDatetime])
	}
	r.fail()
	return time.Time{}
}
