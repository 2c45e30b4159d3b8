package wire

import (
	"encoding/binary"
	"hash/crc32"
)

// The appends below write what the Reader of the same name reads. Numbers
// are written with binary.AppendUvarint, binary.AppendVarint and
// binary.LittleEndian.AppendUint64, which need no wrapper.

// AppendBool appends b as a byte 0 or 1.
func AppendBool(out []byte, b bool) []byte {
	if b {
		return append(out, 1)
	}
	return append(out, 0)
}

// AppendLen appends the length n of a slice, or that it is nil: n+1, and
// 0 for nil, so that a decoded slice is nil where the encoded one was.
func AppendLen(out []byte, isNil bool, n int) []byte {
	if isNil {
		return append(out, 0)
	}
	return binary.AppendUvarint(out, uint64(n)+1)
}

// AppendString appends the length of s, then s.
func AppendString(out []byte, s string) []byte {
	return append(binary.AppendUvarint(out, uint64(len(s))), s...)
}

// AppendStrings appends the length of list, as AppendLen does, then each
// string of it.
func AppendStrings(out []byte, list []string) []byte {
	out = AppendLen(out, list == nil, len(list))
	for _, s := range list {
		out = AppendString(out, s)
	}
	return out
}

// AppendSum appends the CRC-32C of out, so that Checked can tell a
// cache file whole from one damaged or cut short.
func AppendSum(out []byte) []byte {
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
}

// Checked returns data without the sum AppendSum appended, and whether
// that sum is data's.
func Checked(data []byte) ([]byte, bool) {
	if len(data) < 4 {
		return nil, false
	}
	body := data[:len(data)-4]
	return body, crc32.Checksum(body, castagnoli) == binary.LittleEndian.Uint32(data[len(body):])
}

// castagnoli is the table of the sums of AppendSum.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)
