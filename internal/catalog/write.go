package catalog

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// Entry is a message as Write lays it out: its comment lines (without
// "# ") above it.
type Entry struct {
	Message *Message
	Comment []string
}

// Write writes a catalog in its canonical layout: the header comment, then
// each entry in the order given, as a [id] table with its comment above it
// and its keys in go-i18n order (description, hash, then plural forms in
// CLDR order; a message with none of these gets its id key). Output is
// LF-terminated UTF-8 without BOM.
func Write(w io.Writer, header []string, entries []Entry) error {
	bw := bufio.NewWriter(w)
	writeComment(bw, header)
	for _, e := range entries {
		bw.WriteByte('\n')
		writeComment(bw, e.Comment)
		bw.WriteByte('[')
		bw.WriteString(tableKey(e.Message.ID))
		bw.WriteString("]\n")
		m := e.Message
		keys := 0
		if m.Description != "" {
			writeKey(bw, "description", m.Description)
			keys++
		}
		if m.Hash != "" {
			writeKey(bw, "hash", m.Hash)
			keys++
		}
		for _, c := range Categories {
			if v, ok := m.Forms[c]; ok {
				writeKey(bw, c, v)
				keys++
			}
		}
		if keys == 0 {
			// An empty table is not a message to go-i18n: without a key
			// the message would be lost when the file is read back.
			writeKey(bw, "id", m.ID)
		}
	}
	return bw.Flush()
}

func writeComment(w *bufio.Writer, lines []string) {
	for _, l := range lines {
		for {
			part, rest, more := strings.Cut(l, "\n")
			part = visible(strings.TrimRight(part, " \t\r"))
			if part == "" {
				w.WriteString("#\n")
			} else {
				w.WriteString("# ")
				w.WriteString(part)
				w.WriteByte('\n')
			}
			if !more {
				break
			}
			l = rest
		}
	}
}

// visible writes the control characters TOML does not allow in a comment
// (all but tab) as \xNN, so that a message holding one (an English
// paragraph with U+0001, say) still gives a valid file.
func visible(s string) string {
	if !hasControl(s) {
		return s // most text: no regexp pass over it
	}
	return controlChars.ReplaceAllStringFunc(s, func(c string) string { return fmt.Sprintf(`\x%02x`, c[0]) })
}

var controlChars = regexp.MustCompile("[\x00-\x08\x0a-\x1f\x7f]")

// writeKey writes key = "value" with toml's own string quoting. A value
// with nothing to escape (no " or \\, no control character, tab included:
// most text) is written as it is, which is what the encoder writes,
// without its reflection (a third of extract's time on large catalogs).
func writeKey(w *bufio.Writer, key, value string) {
	if !hasControl(value) && isBare(key) {
		w.WriteString(key)
		w.WriteString(` = "`)
		if strings.ContainsAny(value, "\"\\\t") {
			// The encoder's escapes of these three, without its reflection.
			quoteEscaper.WriteString(w, value)
		} else {
			w.WriteString(value)
		}
		w.WriteString("\"\n")
		return
	}
	var b strings.Builder
	// Encoding a one-key map cannot fail.
	_ = toml.NewEncoder(&b).Encode(map[string]string{key: value})
	w.WriteString(b.String())
}

// quoteEscaper escapes what toml's encoder escapes in text without
// control characters.
var quoteEscaper = strings.NewReplacer(`"`, `\"`, `\`, `\\`, "\t", `\t`)

// tableKey writes a dotted ID as a TOML table key, quoting parts that are
// not bare keys.
func tableKey(id string) string {
	if bareParts(id) {
		return id // most IDs: nothing to split, quote or join
	}
	parts := strings.Split(id, ".")
	for i, p := range parts {
		if !isBare(p) {
			var b strings.Builder
			_ = toml.NewEncoder(&b).Encode(map[string]string{"k": p})
			parts[i] = strings.TrimSuffix(strings.TrimPrefix(b.String(), "k = "), "\n")
		}
	}
	return strings.Join(parts, ".")
}

// bareParts reports whether every dot-separated part of id is a bare key.
func bareParts(id string) bool {
	for {
		part, rest, more := strings.Cut(id, ".")
		if !isBare(part) {
			return false
		}
		if !more {
			return true
		}
		id = rest
	}
}
