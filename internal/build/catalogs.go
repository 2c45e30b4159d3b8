package build

import (
	"encoding/binary"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// Catalogs gives a build the translations of its locales one page at a
// time, so that memory holds the pages in flight, not every catalog.
type Catalogs interface {
	// Tags lists the locales, in the order Read returns them.
	Tags() []language.Tag
	// Read returns the translations of the messages english (their IDs
	// and today's English) in the locales sel selects (see Selection),
	// without those l10n check rejects.
	Read(english []*catalog.Message, sel Selection) (*Translations, error)
	// Key writes to h what the translations of ids are in the catalog of
	// locale tag, so that equal keys mean the same translations at the
	// same places in its file; it reports false when it cannot tell.
	Key(h io.Writer, ids []string, tag language.Tag) bool
	// Save keeps what reading learned for the next build (the check
	// cache). Write calls it once the first pass is done, before it keeps
	// the plans that pass made, which rely on it.
	Save() error
}

// Translations are what Catalogs.Read returns.
type Translations struct {
	Files    []*catalog.File // by locale, in the order of Tags
	Warnings diag.List       // which translations check rejected, and why
	// Rejected holds, by locale, the IDs of the translations check
	// rejected, sorted.
	Rejected map[language.Tag][]string
}

// Selection says what Catalogs.Read reads.
type Selection struct {
	// Locales, if not nil, are the locales read; the others come back
	// empty.
	Locales map[language.Tag]bool
	// Rejected, if not nil, holds the verdicts of an earlier check of the
	// same messages: the translations it names are left out, and the
	// check does not run. With Rejected nil, it runs on what is read.
	Rejected map[language.Tag][]string
}

// reads reports whether sel reads locale tag.
func (sel Selection) reads(tag language.Tag) bool { return sel.Locales == nil || sel.Locales[tag] }

// dropRejected returns files without the translations rejected names.
func dropRejected(files []*catalog.File, rejected map[language.Tag][]string) []*catalog.File {
	for i, f := range files {
		if ids := rejected[f.Tag]; len(ids) > 0 {
			set := make(map[string]bool, len(ids))
			for _, id := range ids {
				set[id] = true
			}
			files[i] = withoutMessages(f, set)
		}
	}
	return files
}

// memory is the Catalogs of catalogs held in memory, checked already (or
// made by l10n, as the pseudo-locales are).
type memory struct {
	files []*catalog.File
	index []map[string]*catalog.Message
}

func newMemory(files []*catalog.File) *memory {
	m := &memory{files: files}
	for _, f := range files {
		m.index = append(m.index, f.Index())
	}
	return m
}

func (m *memory) Tags() []language.Tag { return Tags(m.files)[1:] }

func (m *memory) Read(english []*catalog.Message, sel Selection) (*Translations, error) {
	out := &Translations{Files: make([]*catalog.File, len(m.files))}
	for i, f := range m.files {
		out.Files[i] = &catalog.File{Path: f.Path, Tag: f.Tag}
		if !sel.reads(f.Tag) {
			continue
		}
		for _, en := range english {
			if t := m.index[i][en.ID]; t != nil {
				out.Files[i].Messages = append(out.Files[i].Messages, t)
			}
		}
	}
	return out, nil
}

func (m *memory) Key(h io.Writer, ids []string, tag language.Tag) bool {
	for i, f := range m.files {
		if f.Tag != tag {
			continue
		}
		for _, id := range ids {
			t := m.index[i][id]
			if t == nil {
				field(h, "")
				continue
			}
			field(h, id)
			field(h, t.Hash)
			for _, c := range catalog.Categories {
				field(h, t.Forms[c])
			}
		}
	}
	return true
}

func (m *memory) Save() error { return nil }

// field writes s to h, ended by a zero byte.
func field(h io.Writer, s string) {
	io.WriteString(h, s)
	h.Write([]byte{0})
}

// Stream is the Catalogs of a snapshot's catalogs, read from their files
// page by page (see catalog.Index) and checked as they are read: a
// translation l10n check rejects (a changed link, a template action, HTML,
// a lost do-not-translate term…) is not shown, readers see the next
// locale of the chain, and the build says why. Translations that passed
// are remembered in the check cache (see passed.go), so that a rebuild
// checks only what changed; Save writes it.
type Stream struct {
	sn      *snapshot.Snapshot
	locales []*catalog.Index
	dir     string // the check cache; "" for none
	program string
	before  map[language.Tag]*check.KeySet

	mu     sync.Mutex
	passed map[language.Tag][]*check.KeySet
}

// NewStream returns the Catalogs of sn's locale catalogs, with the check
// cache in the folder checked ("" for none) of the program. It reports
// the problems of every catalog at once.
func NewStream(sn *snapshot.Snapshot, checked, program string) (*Stream, error) {
	locales, err := sn.Locales()
	if err != nil {
		return nil, err
	}
	st := &Stream{sn: sn, locales: locales, dir: checked, program: program,
		passed: map[language.Tag][]*check.KeySet{}}
	st.before = loadPassed(checked, program, st.Tags())
	return st, nil
}

func (st *Stream) Tags() []language.Tag { return st.sn.Tags()[1:] }

func (st *Stream) Read(english []*catalog.Message, sel Selection) (*Translations, error) {
	ids := make([]string, len(english))
	for i, m := range english {
		ids[i] = m.ID
	}
	out := &Translations{Files: make([]*catalog.File, len(st.locales))}
	for i, x := range st.locales {
		if !sel.reads(x.Tag) {
			out.Files[i] = &catalog.File{Path: x.Path, Tag: x.Tag}
			continue
		}
		f, err := x.Read(ids)
		if err != nil {
			return nil, err
		}
		out.Files[i] = f
	}
	if sel.Rejected != nil {
		out.Files = dropRejected(out.Files, sel.Rejected)
		return out, nil
	}
	cfg := st.sn.Site.Config
	var read []*catalog.File
	for _, f := range out.Files {
		if sel.reads(f.Tag) {
			read = append(read, f)
		}
	}
	rejected, problems, passed := check.Rejected(&check.Input{
		Source:        &catalog.File{Path: site.SourceCatalog, Tag: site.Source, Messages: english},
		Locales:       read,
		Glossary:      cfg.Glossary,
		ShortcodeArgs: cfg.Content.ShortcodeArgs,
		Passed:        st.before,
	})
	out.Rejected = map[language.Tag][]string{}
	for tag, set := range rejected {
		// The IDs are kept until the page is rendered: copies, not
		// parts of the bytes read.
		ids := slices.Sorted(maps.Keys(set))
		for i, id := range ids {
			ids[i] = strings.Clone(id)
		}
		out.Rejected[tag] = ids
	}
	out.Files = dropRejected(out.Files, out.Rejected)
	out.Warnings = notShown(problems)
	st.mu.Lock()
	defer st.mu.Unlock()
	for tag, set := range passed {
		st.passed[tag] = append(st.passed[tag], set)
	}
	return out, nil
}

// Key writes the sum of each message of ids in the catalog (see
// catalog.Index.Sum): it cannot tell for a catalog held in memory.
func (st *Stream) Key(h io.Writer, ids []string, tag language.Tag) bool {
	var buf [9]byte
	for _, x := range st.locales {
		if x.Tag != tag {
			continue
		}
		if x.Held() {
			return false
		}
		for _, id := range ids {
			sum, ok := x.Sum(id)
			buf[0] = 0
			if ok {
				buf[0] = 1
			}
			binary.LittleEndian.PutUint64(buf[1:], sum)
			h.Write(buf[:])
		}
	}
	return true
}

// Save writes the check cache: the translations of every locale that
// passed, those Read checked, those it found in the cache, and those the
// cache held before (a build that took a page's plan from the plan cache
// did not read them, and a key's verdict never changes). A rejected
// translation is never in it, and is checked again next time.
func (st *Stream) Save() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	all := map[language.Tag]*check.KeySet{}
	for _, tag := range st.Tags() {
		all[tag] = check.Union(append(st.passed[tag], st.before[tag])...)
	}
	return savePassed(st.dir, st.program, all, st.before)
}

// both joins the catalogs of a site (on disk) and those l10n makes (the
// pseudo-locales), in that order.
type both struct{ a, b Catalogs }

func (c both) Tags() []language.Tag { return slices.Concat(c.a.Tags(), c.b.Tags()) }

func (c both) Read(english []*catalog.Message, sel Selection) (*Translations, error) {
	a, err := c.a.Read(english, sel)
	if err != nil {
		return nil, err
	}
	b, err := c.b.Read(english, sel)
	if err != nil {
		return nil, err
	}
	a.Files = slices.Concat(a.Files, b.Files)
	a.Warnings = slices.Concat(a.Warnings, b.Warnings)
	return a, nil
}

func (c both) Save() error {
	if err := c.a.Save(); err != nil {
		return err
	}
	return c.b.Save()
}

func (c both) Key(h io.Writer, ids []string, tag language.Tag) bool {
	if slices.Contains(c.a.Tags(), tag) {
		return c.a.Key(h, ids, tag)
	}
	return c.b.Key(h, ids, tag)
}
