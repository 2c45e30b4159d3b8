package content

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// validPin is the form of a pinned ID: one bare TOML key.
var validPin = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// trailingID finds goldmark attribute syntax at the end of a block's text
// ("… at 1-877-4-HSI-TIP. {#tip-line}"), as goldmark reads it after a
// heading, and returns the text without it and the id it sets.
func trailingID(s string) (rest, id string, ok bool) {
	trimmed := strings.TrimRight(s, " \t")
	if !strings.HasSuffix(trimmed, "}") {
		return s, "", false
	}
	i := strings.LastIndex(trimmed, "{")
	for ; i >= 0; i = strings.LastIndex(trimmed[:i], "{") {
		r := text.NewReader([]byte(trimmed[i:]))
		attrs, ok := parser.ParseAttributes(r)
		if !ok {
			continue
		}
		if line, _ := r.PeekLine(); len(strings.TrimSpace(string(line))) > 0 {
			continue
		}
		for _, a := range attrs {
			if string(a.Name) == "id" {
				if v, ok := a.Value.([]byte); ok {
					return strings.TrimRight(trimmed[:i], " \t"), string(v), true
				}
			}
		}
		return s, "", false
	}
	return s, "", false
}
