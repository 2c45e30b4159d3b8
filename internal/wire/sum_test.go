package wire

import (
	"bytes"
	"testing"
)

// TestCheckedReadsWhatAppendSumSealed: Checked gives back the bytes
// AppendSum sealed, and refuses them with any byte changed, cut short, or
// too short to hold a sum.
func TestCheckedReadsWhatAppendSumSealed(t *testing.T) {
	body := []byte("l10n cache 1\nsome records")
	sealed := AppendSum(bytes.Clone(body))
	if got, ok := Checked(sealed); !ok || !bytes.Equal(got, body) {
		t.Fatalf("Checked(AppendSum(%q)) = %q, %t", body, got, ok)
	}
	for i := range sealed {
		damaged := bytes.Clone(sealed)
		damaged[i] ^= 1
		if _, ok := Checked(damaged); ok {
			t.Errorf("byte %d changed, and Checked took it", i)
		}
	}
	for _, d := range [][]byte{sealed[:len(sealed)-1], sealed[:3], nil} {
		if _, ok := Checked(d); ok {
			t.Errorf("Checked took %q", d)
		}
	}
}
