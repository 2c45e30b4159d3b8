package build

import (
	"slices"
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
	// Read returns each locale's translations of the messages english
	// (their IDs and today's English), without those l10n check
	// rejects, and the warnings that say which it rejected. again says
	// that this build read them before: the verdicts of the check are
	// those of then, and there are no warnings.
	Read(english []*catalog.Message, again bool) ([]*catalog.File, diag.List, error)
}

// memory is the Catalogs of catalogs held in memory, checked already (or
// made by l10n, as the pseudo-locales are).
type memory []*catalog.File

func (m memory) Tags() []language.Tag { return Tags(m)[1:] }

func (m memory) Read(english []*catalog.Message, _ bool) ([]*catalog.File, diag.List, error) {
	out := make([]*catalog.File, len(m))
	for i, f := range m {
		out[i] = &catalog.File{Path: f.Path, Tag: f.Tag}
		index := f.Index()
		for _, en := range english {
			if t := index[en.ID]; t != nil {
				out[i].Messages = append(out[i].Messages, t)
			}
		}
	}
	return out, nil, nil
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
	dir     string // the check cache; "" for none
	program string
	before  map[language.Tag]*check.KeySet
	memo    *check.Memo

	mu       sync.Mutex
	passed   map[language.Tag][]*check.KeySet
	rejected map[language.Tag]map[string]bool // every translation rejected so far
}

// NewStream returns the Catalogs of sn's locale catalogs, with the check
// cache in the folder checked ("" for none) of the program.
func NewStream(sn *snapshot.Snapshot, checked, program string) *Stream {
	st := &Stream{sn: sn, dir: checked, program: program, memo: check.NewMemo(),
		passed: map[language.Tag][]*check.KeySet{}, rejected: map[language.Tag]map[string]bool{}}
	tags := sn.Tags()[1:]
	st.before = loadPassed(checked, program, tags)
	return st
}

func (st *Stream) Tags() []language.Tag { return st.sn.Tags()[1:] }

func (st *Stream) Read(english []*catalog.Message, again bool) ([]*catalog.File, diag.List, error) {
	ids := make([]string, len(english))
	for i, m := range english {
		ids[i] = m.ID
	}
	files := make([]*catalog.File, len(st.sn.Locales))
	for i, x := range st.sn.Locales {
		f, err := x.Read(ids)
		if err != nil {
			return nil, nil, err
		}
		files[i] = f
	}
	if again {
		st.mu.Lock()
		defer st.mu.Unlock()
		for i, f := range files {
			files[i] = withoutMessages(f, st.rejected[f.Tag])
		}
		return files, nil, nil
	}
	cfg := st.sn.Site.Config
	rejected, problems, passed := check.Rejected(&check.Input{
		Source:        &catalog.File{Path: site.SourceCatalog, Tag: site.Source, Messages: english},
		Locales:       files,
		Glossary:      cfg.Glossary,
		ShortcodeArgs: cfg.Content.ShortcodeArgs,
		Passed:        st.before,
		Memo:          st.memo,
	})
	st.mu.Lock()
	defer st.mu.Unlock()
	for i, f := range files {
		if len(rejected[f.Tag]) > 0 {
			files[i] = withoutMessages(f, rejected[f.Tag])
			if st.rejected[f.Tag] == nil {
				st.rejected[f.Tag] = map[string]bool{}
			}
			for id := range rejected[f.Tag] {
				st.rejected[f.Tag][id] = true
			}
		}
	}
	for tag, set := range passed {
		st.passed[tag] = append(st.passed[tag], set)
	}
	return files, notShown(problems), nil
}

// Save writes the check cache: the translations of every locale that
// passed, those Read checked and those it found in the cache. A locale
// with a rejected translation is saved too: its rejected ones are not in
// it, and are checked again next time.
func (st *Stream) Save() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	all := map[language.Tag]*check.KeySet{}
	for _, tag := range st.Tags() {
		all[tag] = check.Union(st.passed[tag]...)
	}
	return savePassed(st.dir, st.program, all, st.before)
}

// both joins the catalogs of a site (on disk) and those l10n makes (the
// pseudo-locales), in that order.
type both struct{ a, b Catalogs }

func (c both) Tags() []language.Tag { return slices.Concat(c.a.Tags(), c.b.Tags()) }

func (c both) Read(english []*catalog.Message, again bool) ([]*catalog.File, diag.List, error) {
	fa, wa, err := c.a.Read(english, again)
	if err != nil {
		return nil, nil, err
	}
	fb, wb, err := c.b.Read(english, again)
	return slices.Concat(fa, fb), slices.Concat(wa, wb), err
}
