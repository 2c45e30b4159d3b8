package frontmatter_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hsi-l10n/l10n/internal/frontmatter"
)

// kept are front matter with every kind of value and time Parse makes,
// beside pages.
var kept = map[string]string{
	"none":       "Body.\n",
	"yaml empty": "---\n---\nBody.\n",
	"toml times": "+++\nutc = 2024-04-22T10:00:00Z\noffset = 2024-04-22T10:00:00-05:00\nlocal = 2024-04-22T10:00:00\n" +
		"day = 2024-04-22\nclock = 10:30:00.5\nfloat = -0.0\nnan = nan\nbig = 9223372036854775807\n" +
		"list = [1, \"a\", [true], { x = 1.5 }]\n[[t]]\na = 1\n[[t]]\n+++\n",
	"yaml times": "---\nutc: 2024-04-22T10:00:00Z\noffset: 2024-04-22T10:00:00+09:30\nspace: 2024-04-22 10:00:00\n" +
		"day: 2024-4-2\nnull: ~\nbig: 18446744073709551615\nneg: -3\nlist: [1, a, [yes], {x: 1.5}]\n---\n",
	"json nulls": "{\"a\": null, \"b\": [], \"c\": {}, \"d\": [null, 1.25, false]}\n",
}

// TestMarshalBinaryGivesTheParsedMatterBack checks that a Matter read from
// its bytes equals the one parsed, every value of the same type, every
// time in the same location.
func TestMarshalBinaryGivesTheParsedMatterBack(t *testing.T) {
	t.Parallel()
	for _, set := range []map[string]string{pages, kept} {
		for name, src := range set {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				m := parse(t, src)
				data, err := m.MarshalBinary()
				if err != nil {
					t.Fatalf("MarshalBinary: %v", err)
				}
				var got frontmatter.Matter
				if err := got.UnmarshalBinary(data); err != nil {
					t.Fatalf("UnmarshalBinary: %v", err)
				}
				// NaN is not equal to itself: compare its bytes.
				if !reflect.DeepEqual(&got, m) && !(name == "toml times" && sameBytes(t, &got, data)) {
					t.Errorf("UnmarshalBinary gives\n%#v\nwant\n%#v", got, *m)
				}
			})
		}
	}
}

// sameBytes reports whether m marshals to data.
func sameBytes(t *testing.T, m *frontmatter.Matter, data []byte) bool {
	t.Helper()
	again, err := m.MarshalBinary()
	return err == nil && string(again) == string(data)
}

// TestMarshalBinaryKeepsTimeLocations checks the locations of times read
// back: TOML's local times in toml's zones, a UTC time in UTC, an offset
// in a zone of that offset (or the local one, if it has that offset).
func TestMarshalBinaryKeepsTimeLocations(t *testing.T) {
	t.Parallel()
	// A time at the local zone's offset is in the local zone.
	_, offset := time.Date(2024, 4, 22, 10, 0, 0, 0, time.Local).Zone()
	here := time.Date(2024, 4, 22, 10, 0, 0, 0, time.FixedZone("", offset)).Format("2006-01-02T15:04:05-07:00")
	m := parse(t, strings.Replace(kept["toml times"], "+++\nutc", "+++\nhere = "+here+"\nutc", 1))
	if m.Values["here"].(time.Time).Location() != time.Local {
		t.Fatalf("here = %v: not in the local zone", m.Values["here"])
	}
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got frontmatter.Matter
	if err := got.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"here", "utc", "offset", "local", "day", "clock"} {
		a, b := m.Values[key].(time.Time), got.Values[key].(time.Time)
		if a.Location() != b.Location() && !reflect.DeepEqual(a.Location(), b.Location()) || !a.Equal(b) || a.String() != b.String() {
			t.Errorf("%s = %v in %q, want %v in %q", key, b, b.Location(), a, a.Location())
		}
	}
}

// TestUnmarshalBinaryRefusesDamagedBytes checks that every cut of the
// bytes, and bytes after them, is refused rather than read as another
// Matter, and that no damage panics.
func TestUnmarshalBinaryRefusesDamagedBytes(t *testing.T) {
	t.Parallel()
	data, err := parse(t, pages["toml"]).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		var m frontmatter.Matter
		if err := m.UnmarshalBinary(data[:n]); err == nil {
			t.Errorf("UnmarshalBinary of the first %d of %d bytes: no error", n, len(data))
		}
	}
	var m frontmatter.Matter
	if err := m.UnmarshalBinary(append(data, 0)); err == nil {
		t.Error("UnmarshalBinary with a byte more: no error")
	}
	for i := range data {
		flipped := append([]byte(nil), data...)
		flipped[i] ^= 0xff
		_ = m.UnmarshalBinary(flipped) // must not panic
	}
}

// TestMarshalBinaryRefusesValuesParseDoesNotKeep checks that a value of
// a type MarshalBinary does not know is an error, not a wrong value.
func TestMarshalBinaryRefusesValuesParseDoesNotKeep(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"key not a string": "---\na:\n  1: one\n---\n",
	} {
		m := parse(t, src)
		if _, err := m.MarshalBinary(); err == nil || !strings.Contains(err.Error(), "not kept") {
			t.Errorf("%s: MarshalBinary error = %v, want a value that is not kept", name, err)
		}
	}
	named := &frontmatter.Matter{Values: map[string]any{"t": time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("EST", -5*3600))}}
	if _, err := named.MarshalBinary(); err == nil {
		t.Error("MarshalBinary of a time in a named zone: no error")
	}
}
