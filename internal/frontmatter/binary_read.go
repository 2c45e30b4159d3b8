package frontmatter

import (
	"errors"
	"math"
	"time"

	"github.com/hsi-l10n/l10n/internal/wire"
)

// UnmarshalBinary sets m to the Matter whose bytes MarshalBinary
// returned; it fails, leaving m unusable, on bytes it did not write.
// Its strings are parts of one copy of data.
func (m *Matter) UnmarshalBinary(data []byte) error {
	r := &reader{wire.NewReader(string(data))}
	m.Format = Format(r.Str())
	m.Start, m.End, m.Body = int(r.Uvarint()), int(r.Uvarint()), int(r.Uvarint())
	if n, ok := r.Len(); ok {
		m.Strings = make([]String, n)
		for i := range m.Strings {
			s := &m.Strings[i]
			s.Path = r.Strs()
			s.Value = r.Str()
			s.Start, s.End = int(r.Uvarint()), int(r.Uvarint())
		}
	}
	v := r.value(0)
	if r.Failed() {
		return errors.New("frontmatter: bytes of front matter cut short or damaged")
	}
	if r.Left() > 0 {
		return errors.New("frontmatter: bytes after the front matter")
	}
	m.Values, _ = v.(map[string]any)
	if v != nil && m.Values == nil {
		return errors.New("frontmatter: values are not a table")
	}
	return nil
}

// reader reads what MarshalBinary wrote: the primitives of wire.Reader,
// and the values of front matter below.
type reader struct{ wire.Reader }

// maxDepth is how deeply the values of front matter kept may nest; the
// bytes of deeper ones are taken for damage (Parse refuses TOML nested
// more than tomldepth.Max deep).
const maxDepth = 1000

// value reads a value appendValue wrote, depth tables and lists deep.
func (r *reader) value(depth int) any {
	if depth > maxDepth {
		r.Fail()
		return nil
	}
	switch r.Byte() {
	case valueNil:
		return nil
	case valueString:
		return r.Str()
	case valueBool:
		return r.Bool()
	case valueInt:
		return r.Int()
	case valueInt64:
		return r.Varint()
	case valueUint64:
		return r.Uvarint()
	case valueFloat:
		return math.Float64frombits(r.Uint64())
	case valueTime:
		return r.time()
	case valueList:
		return r.list(depth)
	case valueTables:
		return r.tables(depth)
	case valueTable:
		return r.table(depth)
	}
	r.Fail()
	return nil
}

func (r *reader) list(depth int) []any {
	n, ok := r.Len()
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
	n, ok := r.Len()
	if !ok {
		return nil
	}
	out := make([]map[string]any, n)
	for i := range out {
		if r.Byte() != valueTable {
			r.Fail()
			return nil
		}
		out[i] = r.table(depth + 1)
	}
	return out
}

func (r *reader) table(depth int) map[string]any {
	n, ok := r.Len()
	if !ok {
		return nil
	}
	out := make(map[string]any, n)
	for range n {
		k := r.Str()
		out[k] = r.value(depth + 1)
	}
	return out
}

// time reads a time appendTime wrote, as Parse would make it now.
func (r *reader) time() time.Time {
	switch zone := r.Byte(); zone {
	case zoneUTC:
		return time.Unix(r.Varint(), r.Varint()).UTC()
	case zoneOffset:
		offset := r.Int()
		t := time.Unix(r.Varint(), r.Varint())
		if _, local := t.Zone(); local == offset {
			return t.In(time.Local)
		}
		return t.In(time.FixedZone("", offset))
	case zoneLocalDatetime, zoneLocalDate, zoneLocalTime:
		var n [7]int
		for i := range n {
			n[i] = r.Int()
		}
		return time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], n[6], tomlZones()[zone-zoneLocalDatetime])
	}
	r.Fail()
	return time.Time{}
}
