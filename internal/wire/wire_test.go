package wire_test

import (
	"encoding/binary"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/wire"
)

// length is what Len returns.
type length struct {
	n  int
	ok bool
}

// The reads under test, each giving its result as one value.
var (
	uvarint = func(r *wire.Reader) any { return r.Uvarint() }
	varint  = func(r *wire.Reader) any { return r.Varint() }
	integer = func(r *wire.Reader) any { return r.Int() }
	uint64s = func(r *wire.Reader) any { return r.Uint64() }
	byte1   = func(r *wire.Reader) any { return r.Byte() }
	boolean = func(r *wire.Reader) any { return r.Bool() }
	lenRead = func(r *wire.Reader) any { n, ok := r.Len(); return length{n, ok} }
	raw2    = func(r *wire.Reader) any { return r.Raw(2) }
	str     = func(r *wire.Reader) any { return r.Str() }
	strs    = func(r *wire.Reader) any { return r.Strs() }
)

// over64 is a varint of more than 64 bits: ten bytes, the last one 2.
var over64 = strings.Repeat("\xff", 9) + "\x02"

// TestReads checks each read on good input, on input cut short or
// damaged, and what it leaves. A failed read returns a zero value (Strs,
// the strings it read) and leaves nothing.
func TestReads(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		in   string
		read func(*wire.Reader) any
		want any // nil: the zero value
		left int // -1: the read fails, leaving none
	}{
		{"Uvarint one byte", "\x05x", uvarint, uint64(5), 1},
		{"Uvarint two bytes", "\x80\x01", uvarint, uint64(128), 0},
		{"Uvarint longest", strings.Repeat("\xff", 9) + "\x01", uvarint, uint64(math.MaxUint64), 0},
		{"Uvarint of no bytes", "", uvarint, nil, -1},
		{"Uvarint cut", "\x80\x80", uvarint, nil, -1},
		{"Uvarint over 64 bits", over64, uvarint, nil, -1},
		{"Uvarint of eleven bytes", strings.Repeat("\x80", 10) + "\x00", uvarint, nil, -1},
		{"Varint -1", "\x01", varint, int64(-1), 0},
		{"Varint least", string(binary.AppendVarint(nil, math.MinInt64)), varint, int64(math.MinInt64), 0},
		{"Varint cut", "\xff", varint, nil, -1},
		{"Varint over 64 bits", over64, varint, nil, -1},
		{"Int", "\x03\x00", integer, -2, 1},
		{"Int cut", "\x80", integer, nil, -1},
		{"Uint64", "\x01\x02\x03\x04\x05\x06\x07\x08\x09", uint64s, uint64(0x0807060504030201), 1},
		{"Uint64 cut", "\x01\x02\x03\x04\x05\x06\x07", uint64s, nil, -1},
		{"Byte", "\xff", byte1, byte(0xff), 0},
		{"Byte of no bytes", "", byte1, nil, -1},
		{"Bool true", "\x01", boolean, true, 0},
		{"Bool false", "\x00\x01", boolean, false, 1},
		{"Bool not 0 or 1", "\x02", boolean, nil, -1},
		{"Bool of no bytes", "", boolean, nil, -1},
		{"Len of nil", "\x00a", lenRead, length{0, false}, 1},
		{"Len of empty", "\x01", lenRead, length{0, true}, 0},
		{"Len", "\x03ab", lenRead, length{2, true}, 2},
		{"Len larger than what is left", "\x04ab", lenRead, nil, -1},
		{"Len over 64 bits", over64, lenRead, nil, -1},
		{"Len cut", "\x80", lenRead, nil, -1},
		{"Raw", "abc", raw2, "ab", 1},
		{"Raw cut", "a", raw2, nil, -1},
		{"Str", "\x02abc", str, "ab", 1},
		{"Str empty", "\x00", str, "", 0},
		{"Str longer than what is left", "\x03ab", str, nil, -1},
		{"Str of a length over 64 bits", over64 + "ab", str, nil, -1},
		{"Str of a cut length", "\x80", str, nil, -1},
		{"Strs of nil", "\x00", strs, []string(nil), 0},
		{"Strs of empty", "\x01", strs, []string{}, 0},
		{"Strs", "\x03\x01a\x00x", strs, []string{"a", ""}, 1},
		{"Strs more than what is left", "\x05\x01a", strs, nil, -1},
		{"Strs cut", "\x03\x01a", strs, []string{"a", ""}, -1}, // what it read
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := wire.NewReader(tt.in)
			got := tt.read(&r)
			want := tt.want
			if want == nil {
				want = reflect.Zero(reflect.TypeOf(got)).Interface()
			}
			fail, left := tt.left < 0, max(tt.left, 0)
			if !reflect.DeepEqual(got, want) || r.Failed() != fail || r.Left() != left {
				t.Errorf("%q: got %#v, failed %v, %d bytes left; want %#v, failed %v, %d left",
					tt.in, got, r.Failed(), r.Left(), want, fail, left)
			}
		})
	}
}

// TestFailureSticks checks that after a failed read, or a decoder's own
// Fail, every read returns a zero value, even of bytes that were good.
func TestFailureSticks(t *testing.T) {
	t.Parallel()
	for name, fail := range map[string]func(*wire.Reader){
		"a cut varint": func(r *wire.Reader) { r.Uvarint() },
		"Fail":         func(r *wire.Reader) { r.Fail() },
	} {
		r := wire.NewReader("\x80")
		if name == "Fail" {
			r = wire.NewReader("\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01")
		}
		fail(&r)
		for _, read := range []func(*wire.Reader) any{uvarint, varint, integer, uint64s, byte1, boolean, lenRead, raw2, str, strs} {
			got := read(&r)
			if zero := reflect.Zero(reflect.TypeOf(got)).Interface(); !reflect.DeepEqual(got, zero) {
				t.Errorf("after %s: a read gives %#v, want %#v", name, got, zero)
			}
		}
		if !r.Failed() || r.Left() != 0 {
			t.Errorf("after %s: failed %v, %d bytes left; want failed, none left", name, r.Failed(), r.Left())
		}
	}
}

// TestAppendsReadBack checks that each append is read back by the read
// of the same name, a nil list as nil and an empty one as empty.
func TestAppendsReadBack(t *testing.T) {
	t.Parallel()
	lists := [][]string{nil, {}, {"", "ñ", strings.Repeat("x", 200)}}
	var out []byte
	out = wire.AppendBool(wire.AppendBool(out, true), false)
	out = wire.AppendLen(wire.AppendLen(out, true, 0), false, 0)
	out = wire.AppendString(out, strings.Repeat("y", 300))
	for _, list := range lists {
		out = wire.AppendStrings(out, list)
	}
	r := wire.NewReader(string(out))
	if a, b := r.Bool(), r.Bool(); !a || b {
		t.Errorf("Bool, Bool = %v, %v; want true, false", a, b)
	}
	if n, ok := r.Len(); n != 0 || ok {
		t.Errorf("Len of nil = %d, %v; want 0, false", n, ok)
	}
	if n, ok := r.Len(); n != 0 || !ok {
		t.Errorf("Len of empty = %d, %v; want 0, true", n, ok)
	}
	if s := r.Str(); s != strings.Repeat("y", 300) {
		t.Errorf("Str = %q, want 300 y", s)
	}
	for _, want := range lists {
		if got := r.Strs(); !reflect.DeepEqual(got, want) {
			t.Errorf("Strs = %#v, want %#v", got, want)
		}
	}
	if r.Failed() || r.Left() != 0 {
		t.Errorf("failed %v, %d bytes left; want neither", r.Failed(), r.Left())
	}
}

// FuzzVarintsAsBinary checks that Uvarint and Varint read what
// binary.Uvarint and binary.Varint read, and fail where they fail: the
// caches decoded with those before keep being read, and refused, the
// same.
func FuzzVarintsAsBinary(f *testing.F) {
	for _, s := range []string{"", "\x00", "\x7f", "\x80", "\x80\x01", over64, over64[:9] + "\x01", strings.Repeat("\x80", 11)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := wire.NewReader(string(data))
		u, n := binary.Uvarint(data)
		if got := r.Uvarint(); got != u || r.Failed() != (n <= 0) || n > 0 && r.Left() != len(data)-n {
			t.Errorf("Uvarint(%x) = %d, failed %v, %d left; binary.Uvarint = %d, %d", data, got, r.Failed(), r.Left(), u, n)
		}
		r = wire.NewReader(string(data))
		v, n := binary.Varint(data)
		if got := r.Varint(); got != v || r.Failed() != (n <= 0) || n > 0 && r.Left() != len(data)-n {
			t.Errorf("Varint(%x) = %d, failed %v, %d left; binary.Varint = %d, %d", data, got, r.Failed(), r.Left(), v, n)
		}
	})
}
