package build

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sync"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// contentDigest identifies what output (p, tag) is made of but for the
// locales p is published in: the program, the page's source and IDs, and
// every message it shows as resolved for tag. With those locales it makes
// the output's digest (outputDigest): equal digests give equal bytes.
func (b *Builder) contentDigest(p *content.Page, tag language.Tag, version string) string {
	// The fields are gathered in one pooled buffer and hashed at once:
	// io.WriteString to a hash copies each string first.
	bp := digestBuffers.Get().(*[]byte)
	buf := (*bp)[:0]
	field := func(s string) {
		buf = append(buf, s...)
		buf = append(buf, 0)
	}
	field(version)
	field(b.in.BaseURL)
	field(p.File)
	field(p.Digest)
	field(tag.String())
	chain := b.chains[tag]
	for _, id := range PageMessages(p) {
		res, _ := b.resolver.ResolveShowingStale(chain, id, b.showStale)
		field(id)
		field(res.From.String())
		if res.Stale {
			field("stale")
		}
		field(res.Text)
	}
	sum := sha256.Sum256(buf)
	*bp = buf
	digestBuffers.Put(bp)
	return hex.EncodeToString(sum[:])
}

// outputDigest returns the digest of an output whose content digest is
// content, of a page published in the locales published.
func outputDigest(content string, published []language.Tag) string {
	h := sha256.New()
	io.WriteString(h, content)
	for _, t := range published {
		io.WriteString(h, " "+t.String())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// digestBuffers holds the buffers of contentDigest.
var digestBuffers = sync.Pool{New: func() any { return new([]byte) }}
