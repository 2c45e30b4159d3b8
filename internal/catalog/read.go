package catalog

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/tomldepth"
)

// MaxSize is the largest catalog Parse gives the full TOML parser, whose
// time grows fast with some inputs (deep nesting). A catalog in the layout
// l10n writes is read by a fast reader instead, up to MaxFastSize: the
// catalogs of a site of thousands of pages are tens of megabytes.
const (
	MaxSize     = 16 << 20
	MaxFastSize = 512 << 20
)

// Parse reads the catalog in src, the contents of path (relative to the
// site root) for locale tag. Every problem is reported with its position
// and what to do; a file that Parse accepts is also accepted by go-i18n's
// own parser.
//
// The File's strings may share src's memory, so that a catalog of tens of
// megabytes is not copied value by value: src must not be changed after
// the call.
func Parse(path string, tag language.Tag, src []byte) (*File, error) {
	if err := precheck(path, src); err != nil {
		return nil, err
	}
	src = lfNewlines(src)
	// What the fast reader accepts, go-i18n's parser accepts too
	// (FuzzFastMatchesFull checks it), so it is not run again here.
	if msgs, ok := parseFast(path, src, 1); ok {
		return &File{Path: path, Tag: tag, Messages: msgs}, nil
	}
	if len(src) > MaxSize {
		return nil, diag.Errorf(diag.Pos{File: path}, "file is %d bytes and not in the layout l10n writes; the TOML parser takes at most %d: run l10n extract on a smaller file, or split it", len(src), MaxSize)
	}
	return parseFull(path, tag, src, diag.NewLines(path, src))
}

// precheck reports what makes src no catalog before any parser reads it:
// its size, a byte order mark, bytes that are not UTF-8.
func precheck(path string, src []byte) error {
	switch {
	case len(src) > MaxFastSize:
		return diag.Errorf(diag.Pos{File: path}, "file is %d bytes, more than the %d a catalog may have; split or trim it", len(src), MaxFastSize)
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		return diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "file starts with a byte order mark; save it as UTF-8 without BOM")
	case !utf8.Valid(src):
		off := diag.InvalidUTF8(src)
		return diag.Errorf(diag.NewLines(path, src).Pos(off), "invalid UTF-8; save the file as UTF-8")
	}
	return nil
}

// lfNewlines returns src with each CRLF line end made LF, as Windows
// editors save files. TOML lets a parser normalize newlines, and this one
// does, inside multi-line strings too, so a translation never holds a
// carriage return its English lacks (and takes the fast reader). Lines and
// columns do not move: a CR that ends a line has no column after it. A
// lone CR stays, for the TOML parser to report. See issue 6.
func lfNewlines(src []byte) []byte {
	if !bytes.Contains(src, []byte("\r\n")) {
		return src
	}
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
}

// parseFull reads src with the TOML parser, for any TOML a translator
// may write, and reports each problem with its position.
func parseFull(path string, tag language.Tag, src []byte, lines *diag.Lines) (*File, error) {
	// The TOML parser's time grows fast with nesting; nothing in a
	// catalog nests deeper than a table header.
	if off, deep := tomldepth.Exceeds(src, tomldepth.Max); deep {
		return nil, diag.Errorf(lines.Pos(off), "arrays or inline tables nested more than %d deep; a catalog holds only message tables and strings", tomldepth.Max)
	}
	var raw map[string]any
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, diag.Errorf(lines.Pos(perr.Position.Start), "%s; fix the TOML syntax", strings.TrimSuffix(perr.Message, "."))
		}
		return nil, diag.Errorf(diag.Pos{File: path}, "%v", err)
	}
	f := &File{Path: path, Tag: tag}
	var list diag.List
	byID := map[string]*Message{}
	c := collector{path: path, layout: scan(path, src), list: &list, out: byID}
	c.collect(raw, "")
	// File order: go-i18n's parser and toml's map lose it; the metadata
	// keeps every key in the order it appears.
	for _, k := range md.Keys() {
		// The ID joins the parts unquoted, as collect does; k.String()
		// would quote parts that are not bare keys ("a b", "ñ").
		id := strings.Join(k, ".")
		if m, ok := byID[id]; ok {
			f.Messages = append(f.Messages, m)
			delete(byID, id)
		}
	}
	for _, id := range sortedIDs(byID) { // keys toml did not list: none expected
		f.Messages = append(f.Messages, byID[id])
	}
	sameAfterNFC(f.Messages, &list)
	if err := list.Err(); err != nil {
		return nil, err
	}
	if _, err := i18n.ParseMessageFileBytes(src, path, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}); err != nil {
		return nil, diag.Errorf(diag.Pos{File: path}, "go-i18n cannot read this file: %v", err)
	}
	return f, nil
}

// sameAfterNFC reports IDs that differ only in Unicode normalization
// ("café" written with é, or with e and a combining accent): they look the
// same to a translator and in most tools, while go-i18n and l10n keep them
// apart, so one would silently shadow the other. The fast reader takes
// ASCII IDs only, so only parseFull needs this. See issue 6.
func sameAfterNFC(msgs []*Message, list *diag.List) {
	first := map[string]*Message{}
	for _, m := range msgs {
		k := norm.NFC.String(m.ID)
		if f, ok := first[k]; ok {
			list.Add(diag.Errorf(m.Pos, "[%s] is the ID of %s too, written with other Unicode code points (they are equal once normalized to NFC); keep one of the two", m.ID, f.Pos))
			continue
		}
		first[k] = m
	}
}

func sortedIDs(m map[string]*Message) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// collect walks the nested tables of a catalog, as go-i18n does: a table
// with any message key is a message whose ID is its dotted path; any
// other table holds more messages.
type collector struct {
	path   string
	layout *layout
	list   *diag.List
	out    map[string]*Message
}

func (c *collector) key(id, k string) diag.Pos {
	if id != "" {
		k = id + "." + k
	}
	if p, ok := c.layout.keys[k]; ok {
		return p.Key
	}
	// A table inside a message ([x] then [x.y]) has a header, not a key.
	return c.layout.table(c.path, k)
}

// collect collects table v, whose ID is prefix ("" at the top level):
// a message, or a table of more messages and tables.
func (c *collector) collect(v map[string]any, prefix string) {
	if isMessage(v) {
		c.message(v, prefix)
		return
	}
	list := c.list
	for _, k := range sortedKeys(v) {
		id := k
		if prefix != "" {
			id = prefix + "." + k
		}
		if k == "" || strings.Contains(k, ".") {
			// Such an ID cannot be told from a dotted one, or written
			// back so that it reads the same.
			list.Add(diag.Errorf(c.key(prefix, keyPart(k)), "%q cannot be part of a message ID: its parts must not be empty or hold a dot; rename it", k))
			continue
		}
		switch val := v[k].(type) {
		case map[string]any:
			c.collect(val, id)
		case string:
			// go-i18n reads `id = "text"` as a message with only "other".
			p := c.key("", id)
			m := &Message{ID: id, Forms: map[string]string{"other": val}, Pos: p, Comment: c.layout.comment[id]}
			m.Value.Set("other", c.layout.keys[id].Value)
			c.out[id] = m
		default:
			if slices.Contains(Keys, k) {
				list.Add(diag.Errorf(c.key("", id), "%q in [%s] is %s, not a string; write the text in quotes", k, prefix, typeName(val)))
				continue
			}
			list.Add(diag.Errorf(c.key("", id), "%q is %s; a catalog holds only message tables and strings", id, typeName(val)))
		}
	}
}

// message collects table v, a message whose ID is prefix, reporting each
// key that is not go-i18n's or whose value is not a string, and an id key
// other than the table's name. A message at the top level has no ID: it
// is reported, not collected.
func (c *collector) message(v map[string]any, prefix string) {
	list := c.list
	pos := c.layout.table(c.path, prefix)
	m := &Message{ID: prefix, Forms: map[string]string{}, Pos: pos, Comment: c.layout.comment[prefix]}
	for _, k := range sortedKeys(v) {
		s, ok := v[k].(string)
		pos := c.key(prefix, k)
		if p, ok := c.layout.keys[prefix+"."+k]; ok {
			m.Value.Set(k, p.Value)
		}
		switch {
		case !slices.Contains(Keys, k):
			list.Add(diag.Errorf(pos, "unknown key %q in [%s]; go-i18n keys are %s", k, prefix, strings.Join(Keys[1:], ", ")))
		case !ok:
			list.Add(diag.Errorf(pos, "%q in [%s] is %s, not a string; write the text in quotes", k, prefix, typeName(v[k])))
		case k == "id":
			if s != prefix && prefix != "" {
				list.Add(diag.Errorf(pos, "id %q differs from the table name [%s]; remove the id key", s, prefix))
			}
		case k == "description":
			m.Description = s
		case k == "hash":
			m.Hash = s
		default:
			m.Forms[k] = s
		}
	}
	if prefix == "" {
		// The file has no header for the top level: point at its
		// first key.
		for _, k := range sortedKeys(v) {
			if p := c.key("", k); p.Line > 0 && (pos.Line == 0 || p.Line < pos.Line) {
				pos = p
			}
		}
		list.Add(diag.Errorf(pos, "message keys at the top level have no ID; put them under a [message-id] table"))
		return
	}
	c.out[prefix] = m
}

// isMessage reports whether table v is a message: whether it has a key
// go-i18n reserves for messages with a string value.
func isMessage(v map[string]any) bool {
	for k, val := range v {
		if _, ok := val.(string); ok && slices.Contains(Keys, strings.ToLower(k)) {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// typeName names a decoded TOML value's type for a user.
func typeName(v any) string {
	switch v.(type) {
	case int64, float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	default:
		return "a date or time"
	}
}
