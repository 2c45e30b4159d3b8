package frontmatter

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/hsi-l10n/l10n/internal/wire"
)

// A Matter can be kept between runs (package site keeps parsed pages):
// MarshalBinary gives bytes that UnmarshalBinary turns back into a Matter
// equal to the one Parse would give now, in every field and every
// decoded value, times with their locations included.

// The kinds of value in the bytes of a Matter.
const (
	valueNil byte = iota
	valueString
	valueBool
	valueInt
	valueInt64
	valueUint64
	valueFloat
	valueTime
	valueList
	valueTables // []map[string]any: TOML's array of tables
	valueTable
)

// How a time's location is kept: what Parse would make of the time now
// (see appendTime).
const (
	zoneUTC byte = iota
	zoneOffset
	zoneLocalDatetime
	zoneLocalDate
	zoneLocalTime
)

// MarshalBinary returns m as UnmarshalBinary reads it. A value of a type
// Parse does not make from TOML, YAML or JSON (a YAML mapping with keys
// that are not strings) cannot be kept, and returns an error.
func (m *Matter) MarshalBinary() ([]byte, error) {
	out := wire.AppendString(nil, string(m.Format))
	for _, n := range []int{m.Start, m.End, m.Body} {
		out = binary.AppendUvarint(out, uint64(n))
	}
	out = wire.AppendLen(out, m.Strings == nil, len(m.Strings))
	for _, s := range m.Strings {
		out = wire.AppendStrings(out, s.Path)
		out = wire.AppendString(out, s.Value)
		out = binary.AppendUvarint(out, uint64(s.Start))
		out = binary.AppendUvarint(out, uint64(s.End))
	}
	if m.Values == nil {
		return append(out, valueNil), nil
	}
	return appendValue(out, m.Values)
}

// appendValue appends a decoded value and what it holds.
func appendValue(out []byte, v any) ([]byte, error) {
	var err error
	switch v := v.(type) {
	case nil:
		return append(out, valueNil), nil
	case string:
		return wire.AppendString(append(out, valueString), v), nil
	case bool:
		return wire.AppendBool(append(out, valueBool), v), nil
	case int:
		return binary.AppendVarint(append(out, valueInt), int64(v)), nil
	case int64:
		return binary.AppendVarint(append(out, valueInt64), v), nil
	case uint64:
		return binary.AppendUvarint(append(out, valueUint64), v), nil
	case float64:
		return binary.LittleEndian.AppendUint64(append(out, valueFloat), math.Float64bits(v)), nil
	case time.Time:
		return appendTime(append(out, valueTime), v)
	case []any:
		out = wire.AppendLen(append(out, valueList), v == nil, len(v))
		for _, x := range v {
			if out, err = appendValue(out, x); err != nil {
				return nil, err
			}
		}
		return out, nil
	case []map[string]any:
		out = wire.AppendLen(append(out, valueTables), v == nil, len(v))
		for _, x := range v {
			if out, err = appendValue(out, x); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[string]any:
		out = wire.AppendLen(append(out, valueTable), v == nil, len(v))
		// Sorted, so that equal front matter gives equal bytes.
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if out, err = appendValue(wire.AppendString(out, k), v[k]); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("frontmatter: a value of type %T is not kept", v)
}

// appendTime appends t as what Parse would make of it now, wherever
// that is: a time in UTC; a time with an offset, in the local zone if
// it has that offset then (as time.Parse does), else in a zone of that
// offset; or a TOML local date, time or date-time, in toml's zones, whose
// offset is that of the local zone when the program started.
func appendTime(out []byte, t time.Time) ([]byte, error) {
	loc := t.Location()
	zones := tomlZones()
	switch {
	case loc == time.UTC:
		out = append(out, zoneUTC)
	case loc == zones[0] || loc == zones[1] || loc == zones[2]:
		out = append(out, zoneLocalDatetime+byte(slices.Index(zones[:], loc)))
		y, mo, d := t.Date()
		h, mi, s := t.Clock()
		for _, n := range []int{y, int(mo), d, h, mi, s, t.Nanosecond()} {
			out = binary.AppendVarint(out, int64(n))
		}
		return out, nil
	default:
		name, offset := t.Zone()
		if loc != time.Local && name != "" {
			// Parse never makes a zone with a name of its own.
			return nil, fmt.Errorf("frontmatter: a time in zone %q is not kept", name)
		}
		out = binary.AppendVarint(append(out, zoneOffset), int64(offset))
	}
	out = binary.AppendVarint(out, t.Unix())
	return binary.AppendVarint(out, int64(t.Nanosecond())), nil
}

// tomlZones returns the locations BurntSushi/toml gives a local
// date-time, date and time, learned from the times it decodes.
var tomlZones = sync.OnceValue(func() [3]*time.Location {
	// Decoded into a map, as Parse decodes: into a struct's time.Time,
	// toml gives other locations.
	var v map[string]any
	if _, err := toml.Decode("a = 2000-01-01T00:00:00\nb = 2000-01-01\nc = 00:00:00", &v); err != nil {
		panic(err) // constant input
	}
	var out [3]*time.Location
	for i, k := range []string{"a", "b", "c"} {
		out[i] = v[k].(time.Time).Location()
	}
	return out
})
