package catalog

import (
	"bufio"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// writeKey's shortcut for text with nothing to escape must write what
// toml's encoder writes, for every value.
func TestWriteKeyMatchesTheEncoder(t *testing.T) {
	values := []string{"", "plain text", "Sitio web oficial", "ünïcödé — “quotes” 中文 العربية", "tab\there", `a "quote"`, `back\slash`,
		"line\nbreak", "nul\x00", "del\x7f", "bell\x07", "cr\r", "{{.Date}}", "trailing space ", "'single'", "#hash", "[brackets]"}
	for _, v := range values {
		for _, key := range []string{"other", "description", "hash"} {
			var want strings.Builder
			if err := toml.NewEncoder(&want).Encode(map[string]string{key: v}); err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			w := bufio.NewWriter(&got)
			writeKey(w, key, v)
			w.Flush()
			if got.String() != want.String() {
				t.Errorf("writeKey(%q, %q) = %q, want the encoder's %q", key, v, got.String(), want.String())
			}
		}
	}
}
