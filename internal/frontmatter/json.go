package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// parseJSON decodes JSON front matter and finds its strings with
// encoding/json's token stream, which tells the offset after each token.
func parseJSON(m *Matter, text []byte, lines *diag.Lines) error {
	if err := json.Unmarshal(text, &m.Values); err != nil {
		off := 0
		var serr *json.SyntaxError
		if errors.As(err, &serr) {
			off = int(serr.Offset)
		}
		return diag.Errorf(lines.Pos(m.Start+off), "front matter: %v; fix the JSON syntax", err)
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	w := jsonWalker{m: m, dec: dec, text: text}
	return w.value(nil)
}

// jsonWalker lists the strings of a JSON document from its tokens.
type jsonWalker struct {
	m    *Matter
	dec  *json.Decoder
	text []byte
}

// value reads one value at path.
func (w *jsonWalker) value(path []string) error {
	before := int(w.dec.InputOffset())
	tok, err := w.dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return err
	}
	switch tok := tok.(type) {
	case string:
		// The string starts at its quote, after the white space and the
		// ":" or "," that the decoder skips before it.
		start := before + bytes.IndexByte(w.text[before:], '"')
		w.m.Strings = append(w.m.Strings, String{Path: path, Value: tok, Start: w.m.Start + start, End: w.m.Start + int(w.dec.InputOffset())})
	case json.Delim:
		switch tok {
		case '{':
			for w.dec.More() {
				key, err := w.dec.Token()
				if err != nil {
					return err
				}
				k, _ := key.(string)
				if err := w.value(append(path[:len(path):len(path)], k)); err != nil {
					return err
				}
			}
		case '[':
			for i := 0; w.dec.More(); i++ {
				if err := w.value(append(path[:len(path):len(path)], strconv.Itoa(i))); err != nil {
					return err
				}
			}
		}
		_, err := w.dec.Token() // the closing delimiter
		return err
	}
	return nil
}

// jsonString writes s as a JSON string, without escaping <, > and & as
// encoding/json does for HTML.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}
