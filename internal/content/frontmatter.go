package content

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/tomldepth"
)

// frontMatter is the metadata between the fences at the top of a page:
// TOML between +++ lines, or YAML between --- lines (see yaml.go).
type frontMatter struct {
	Title       string          `toml:"title"`
	Description string          `toml:"description"`
	Updated     time.Time       `toml:"updated"`
	Breadcrumbs []frontMatterBC `toml:"breadcrumbs"`
}

type frontMatterBC struct {
	Title string `toml:"title"`
	URL   string `toml:"url"`
}

// The fences of front matter, as Hugo reads them: +++ for TOML, --- for
// YAML.
const (
	fence     = "+++"
	yamlFence = "---"
)

// knownKeys is the end of every "unknown key" message.
const knownKeys = "known keys are title, description, updated, breadcrumbs (title, url)"

// splitFrontMatter splits src into its front matter and Markdown body,
// returning the byte offset at which each starts, and the fence. The front
// matter must open on the first line with +++ (TOML) or --- (YAML) and
// close with a line that is the same fence alone; a page that opens it
// without closing it is an error, never a page whose body swallows its
// metadata.
func splitFrontMatter(src []byte, lines *diag.Lines) (fm []byte, fmStart int, body []byte, bodyStart int, kind string, err error) {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return nil, 0, nil, 0, "", diag.Errorf(lines.Pos(0), "file starts with a byte order mark; save it as UTF-8 without BOM")
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	kind = strings.TrimRight(string(first), "\r")
	if kind != fence && kind != yamlFence {
		return nil, 0, nil, 0, "", diag.Errorf(lines.Pos(0), "missing front matter; start the page with a +++ line, then title = \"…\", then +++")
	}
	fmStart = len(first) + 1
	off := fmStart
	for len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		if strings.TrimRight(string(line), "\r") == kind {
			bodyStart = off + len(line)
			if found {
				bodyStart++
			}
			return src[fmStart:off], fmStart, src[bodyStart:], bodyStart, kind, nil
		}
		off += len(line)
		if found {
			off++
		}
		rest = next
	}
	return nil, 0, nil, 0, "", diag.Errorf(lines.Pos(0), "front matter opened here is not closed; add a line %s after its last key", kind)
}

// parseFrontMatter decodes fm, which starts at byte offset start of the
// file, as TOML or, when kind is the YAML fence, as YAML.
func parseFrontMatter(fm []byte, start int, kind string, lines *diag.Lines) (frontMatter, error) {
	parse := parseTOML
	if kind == yamlFence {
		parse = parseYAML
	}
	f, list, err := parse(fm, start, lines)
	if err != nil {
		return f, err // the syntax is wrong: nothing else to say
	}
	if strings.TrimSpace(f.Title) == "" {
		example := `title = "…"`
		if kind == yamlFence {
			example = "title: …"
		}
		list.Add(diag.Errorf(lines.Pos(start), "front matter: no title; add %s", example))
	}
	for i, bc := range f.Breadcrumbs {
		if strings.TrimSpace(bc.Title) == "" || bc.URL == "" {
			list.Add(diag.Errorf(lines.Pos(start), "front matter: breadcrumb %d needs both title and url", i+1))
		}
	}
	return f, list.Err()
}

// parseTOML decodes TOML front matter. It returns the problems with its
// keys, or err when it cannot be read at all.
func parseTOML(fm []byte, start int, lines *diag.Lines) (f frontMatter, list diag.List, err error) {
	// The TOML parser's time grows fast with nesting (see tomldepth).
	if off, deep := tomldepth.Exceeds(fm, tomldepth.Max); deep {
		return f, nil, diag.Errorf(lines.Pos(start+off), "front matter: arrays or inline tables nested more than %d deep; front matter holds title, description, updated and breadcrumbs", tomldepth.Max)
	}
	// Blank lines in place of the lines above the front matter make the
	// line numbers in toml's own messages (type errors have no Position)
	// those of the file.
	pad := lines.Pos(start).Line - 1
	md, err := toml.Decode(strings.Repeat("\n", pad)+string(fm), &f)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return f, nil, diag.Errorf(lines.Pos(start-pad+perr.Position.Start), "front matter: %s", strings.TrimSuffix(perr.Message, "."))
		}
		return f, nil, diag.Errorf(diag.Pos{File: lines.Pos(start).File}, "front matter: %v", err)
	}
	for _, k := range md.Undecoded() {
		list.Add(diag.Errorf(lines.Pos(start), "front matter: %s", unknownKey(k.String())))
	}
	return f, list, nil
}

// unknownKey says that key is not a key of front matter. Hugo's keys that
// would move a page (slug, url, aliases) get a word of their own: a page's
// address is its file name, always a safe path. See issue 6.
func unknownKey(key string) string {
	switch key {
	case "slug", "url", "aliases":
		return "unknown key \"" + key + "\"; a page's address comes from its file name (content/about-us.md is about-us/), so rename the file instead; " + knownKeys
	}
	return "unknown key \"" + key + "\"; " + knownKeys
}

func (f frontMatter) updated() time.Time {
	if f.Updated.IsZero() {
		return time.Time{}
	}
	y, m, d := f.Updated.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
