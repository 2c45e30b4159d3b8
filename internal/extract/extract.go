// Package extract is the editors' stage: it turns the English pages and
// the site chrome into the English catalog (locales/en.toml), and brings
// every locale catalog up to date with it.
//
// Nothing is lost: a locale keeps every translation it has, with its hash,
// plural forms and description; a message the English no longer has is
// kept at the end of the file as obsolete. New messages arrive with an
// empty "other" and the current English hash, so a translator who fills in
// the text has marked it current. Output depends only on the input: the
// same pages and catalogs give the same bytes.
//
// # One path
//
// [Run] is the only way catalogs are laid out, one catalog per core. A
// catalog is laid out whole from its bytes ([Merge]), unless the
// [Index] of the last extract proves that splicing it gives the same
// bytes: then only the entries of the pages whose text changed are laid
// out again, and the rest is copied ([Splice]). The Index is keyed by
// content digests (each page's, each catalog's SHA-256), so it can only
// be missing, never wrong: a catalog it does not prove is laid out whole,
// and gives the bytes a splice would.
//
// The stage is pure, from values to values; package disk
// (internal/extract/disk) runs it on the files of a site.
package extract

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
)

// Output is a file extract wants written.
type Output struct {
	Path string // relative to the site root
	Data []byte
	// Pruned lists the obsolete messages left out (with Options.Prune).
	Pruned []*catalog.Message
	// Bounds are the offsets in Data where the entries of each page
	// begin, in page order, and where the last page's end (see Index).
	Bounds []int
	// Splice, if not nil, holds the catalog instead of Data (see Run).
	Splice *Splice
	// Sum is the SHA-256 (hex) of the catalog when known, or "".
	Sum string
	// Unchanged says the file already holds the catalog, which is not
	// in Data (see Run); Sum is set.
	Unchanged bool
}

// Bytes returns the catalog.
func (o *Output) Bytes() []byte {
	if o.Splice == nil {
		return o.Data
	}
	var b bytes.Buffer
	// Writing to a bytes.Buffer cannot fail.
	_, _ = o.Splice.WriteTo(&b)
	return b.Bytes()
}

// Options change what [Run] does.
type Options struct {
	// Prune leaves the obsolete messages out of the locale catalogs:
	// translations of blocks the English no longer has are deleted. Only
	// "l10n prune" sets it; extract never deletes a translation.
	Prune bool
	// Progress, if not nil, is called after each locale catalog is laid
	// out, with the number done and the total. Calls do not overlap.
	Progress func(done, total int)
}

// progress returns a function to call after each of total catalogs is
// laid out: it calls opts.Progress, one call at a time.
func (opts Options) progress(total int) func() {
	if opts.Progress == nil {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		opts.Progress(done, total)
	}
}

// Source returns the English catalog of pages, in catalog order: chrome
// first, then the pages in the order given, each in block order.
func Source(pages []*content.Page) []*catalog.Message {
	// Each page's messages are made on every core into their own slot
	// (hashing and describing 40,000 blocks took a third of a second).
	perPage := make([][]*catalog.Message, len(pages))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range pages {
		g.Go(func() error {
			perPage[i] = pageSource(p)
			return nil
		})
	}
	msgs := make([]*catalog.Message, 0, len(content.Chrome))
	for _, c := range content.Chrome {
		msgs = append(msgs, message(c.ID, c.Text, "Site chrome: "+c.Description))
	}
	_ = g.Wait() // the goroutines return no error
	for _, m := range perPage {
		msgs = append(msgs, m...)
	}
	return msgs
}

// pageSource returns the English messages of page p's blocks.
func pageSource(p *content.Page) []*catalog.Message {
	msgs := make([]*catalog.Message, len(p.Blocks))
	for j, b := range p.Blocks {
		msgs[j] = message(b.ID, b.Text, Describe(p, b))
	}
	return msgs
}

// SameSource reports whether previous (an English catalog as read) holds
// the messages Source(pages) makes, as catalog.SameEnglish compares them
// (IDs and hashes, in order), without making them: no description is
// written and no message held.
func SameSource(previous []Old, pages []*content.Page) bool {
	if len(previous) < len(content.Chrome) {
		return false
	}
	for i, c := range content.Chrome {
		if !same(previous[i], c.ID, c.Text) {
			return false
		}
	}
	return SamePages(previous[len(content.Chrome):], pages)
}

// SamePages is SameSource for the messages of pages alone, without the
// site chrome: previous holds the messages of those pages, in order.
func SamePages(previous []Old, pages []*content.Page) bool {
	i := 0
	for _, p := range pages {
		for _, b := range p.Blocks {
			if i == len(previous) || !same(previous[i], b.ID, b.Text) {
				return false
			}
			i++
		}
	}
	return i == len(previous)
}

// same reports whether m is the message of ID id with English text.
func same(m Old, id, text string) bool {
	return m.ID == id && m.Hash == catalog.HashOther(text)
}

func message(id, text, desc string) *catalog.Message {
	m := catalog.English(id, text)
	m.Description = desc
	return m
}

// Describe tells a translator where a block is and what it is.
func Describe(p *content.Page, b *content.Block) string {
	page := fmt.Sprintf("page %q (%s)", p.Title.Text, p.File)
	if b.Kind == content.ShortcodeArg {
		// "figure caption": say which shortcode, and that it stays one.
		sc, arg, _ := strings.Cut(b.Arg, " ")
		where := "in the introduction"
		if b.Section != "" {
			where = fmt.Sprintf("in section %q", b.Section)
		}
		return fmt.Sprintf("Argument %s of the shortcode %s %s, %s", arg, sc, where, page)
	}
	switch {
	case b.Kind == content.Heading && strings.HasSuffix(b.ID, ".heading"):
		return fmt.Sprintf("Heading of a section, %s", page)
	case b.Section != "":
		return fmt.Sprintf("%s in section %q, %s", capitalize(string(b.Kind)), b.Section, page)
	case b.Field != "" || b.Kind == content.Title:
		return fmt.Sprintf("%s, %s", capitalize(string(b.Kind)), page)
	default:
		return fmt.Sprintf("%s in the introduction, %s", capitalize(string(b.Kind)), page)
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
