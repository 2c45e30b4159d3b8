package content

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// frontMatter is the TOML between the +++ lines of a page.
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

const fence = "+++"

// splitFrontMatter splits src into its TOML front matter and Markdown body,
// returning the byte offset at which each starts. The front matter must
// open on the first line with +++ and close with a line that is +++ alone;
// a page that opens it without closing it is an error, never a page whose
// body swallows its metadata.
func splitFrontMatter(src []byte, lines *diag.Lines) (fm []byte, fmStart int, body []byte, bodyStart int, err error) {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return nil, 0, nil, 0, diag.Errorf(lines.Pos(0), "file starts with a byte order mark; save it as UTF-8 without BOM")
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimRight(string(first), "\r") != fence {
		if strings.TrimRight(string(first), "\r") == "---" {
			return nil, 0, nil, 0, diag.Errorf(lines.Pos(0), "YAML front matter (---) is not supported; write TOML front matter between +++ lines")
		}
		return nil, 0, nil, 0, diag.Errorf(lines.Pos(0), "missing front matter; start the page with a +++ line, then title = \"…\", then +++")
	}
	fmStart = len(first) + 1
	off := fmStart
	for len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		if strings.TrimRight(string(line), "\r") == fence {
			bodyStart = off + len(line)
			if found {
				bodyStart++
			}
			return src[fmStart:off], fmStart, src[bodyStart:], bodyStart, nil
		}
		off += len(line)
		if found {
			off++
		}
		rest = next
	}
	return nil, 0, nil, 0, diag.Errorf(lines.Pos(0), "front matter opened here is not closed; add a line +++ after its last key")
}

// parseFrontMatter decodes fm, which starts at byte offset start of the file.
func parseFrontMatter(fm []byte, start int, lines *diag.Lines) (frontMatter, error) {
	var f frontMatter
	// Blank lines in place of the lines above the front matter make the
	// line numbers in toml's own messages (type errors have no Position)
	// those of the file.
	pad := lines.Pos(start).Line - 1
	md, err := toml.Decode(strings.Repeat("\n", pad)+string(fm), &f)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return f, diag.Errorf(lines.Pos(start-pad+perr.Position.Start), "front matter: %s", perr.Message)
		}
		return f, diag.Errorf(diag.Pos{File: lines.Pos(start).File}, "front matter: %v", err)
	}
	var list diag.List
	for _, k := range md.Undecoded() {
		list.Add(diag.Errorf(lines.Pos(start), "front matter: unknown key %q; known keys are title, description, updated, breadcrumbs (title, url)", k.String()))
	}
	if strings.TrimSpace(f.Title) == "" {
		list.Add(diag.Errorf(lines.Pos(start), "front matter: no title; add title = \"…\""))
	}
	for i, bc := range f.Breadcrumbs {
		if strings.TrimSpace(bc.Title) == "" || bc.URL == "" {
			list.Add(diag.Errorf(lines.Pos(start), "front matter: breadcrumb %d needs both title and url", i+1))
		}
	}
	return f, list.Err()
}

func (f frontMatter) updated() time.Time {
	if f.Updated.IsZero() {
		return time.Time{}
	}
	y, m, d := f.Updated.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
