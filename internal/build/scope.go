package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"runtime"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// A build after a change in one locale need not read the others. The
// locales of a site fall into groups: a locale is in the group of every
// locale of its fallback chain that has a catalog (es-MX with es; fr
// alone). A page in a locale shows messages of its group's catalogs and
// English only, so its output depends on the English (content/ and
// locales/en.toml), the config, l10n itself, the catalogs of its group,
// and the locales the page is published in. These inputs but the last
// make a group's key.
//
// The manifest records each locale's key when its group was built
// without a rejected translation. A locale whose group has the key
// recorded is frozen: Load does not read its catalog, and the build takes
// its published pages, their digests and its part of the chooser from the
// manifest; its files are those of the site served. If the pages the
// other locales publish changed too, every page's alternates changed:
// Write then returns ErrRescope and the caller loads everything.

// Scope says which build a load is for.
type Scope struct {
	// Manifest is the build manifest; "" reads every catalog.
	Manifest string
	// Program identifies the running l10n (stamp.Program).
	Program string
	// Note says what of the command's flags shapes the output.
	Note string
	// ReadAll reads every catalog, freezing none, but still records the
	// keys for the next build.
	ReadAll bool
	// Checked is the folder of the check cache (see loadPassed); ""
	// checks every translation.
	Checked string
	// Lean reads the catalogs as a stream, keeping only what pages show
	// (see loadLean): for a build that needs no catalog's messages
	// afterwards, as the status dashboard does. The Input's Locales then
	// hold no messages.
	Lean bool
}

// ErrRescope says that a build cannot use its frozen locales after all:
// load it again with ReadAll.
var ErrRescope = errors.New("build: the frozen locales changed; load every catalog")

// groupKeys returns the key of the group of every locale with a catalog
// but English, and the catalogs' sums to record: those last recorded
// for files in the same state are taken as they are.
func groupKeys(s *site.Site, pages []*content.Page, sc Scope, last *manifest) (map[language.Tag]string, map[string]fileRecord, error) {
	files, err := s.Locales()
	if err != nil {
		return nil, nil, err
	}
	sums := make([]string, len(files))
	states := make([]string, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			var err error
			sums[i], states[i], err = stamp.Sum(s.Path(f.Path), func(state string) string {
				if r := last.files[f.Path]; r.state == state {
					return r.sum
				}
				return ""
			})
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	records := map[string]fileRecord{}
	for i, f := range files {
		if states[i] != "" {
			records[f.Path] = fileRecord{sum: sums[i], state: states[i]}
		}
	}
	common := sha256.New()
	field := func(h io.Writer, s string) {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	config, err := json.Marshal(s.Config)
	if err != nil {
		return nil, nil, err
	}
	field(common, sc.Program)
	field(common, sc.Note)
	field(common, string(config))
	for _, p := range pages {
		field(common, p.File)
		field(common, p.Digest)
	}
	sum := map[language.Tag]string{}
	group := map[language.Tag]language.Tag{} // union-find: tag → a tag of its group
	var root func(language.Tag) language.Tag
	root = func(t language.Tag) language.Tag {
		if group[t] == t {
			return t
		}
		r := root(group[t])
		group[t] = r
		return r
	}
	var tags []language.Tag // in file order: by tag
	for i, f := range files {
		if f.Tag == site.Source {
			field(common, sums[i])
			continue
		}
		sum[f.Tag] = sums[i]
		group[f.Tag] = f.Tag
		tags = append(tags, f.Tag)
	}
	for _, t := range tags {
		for _, c := range fallback.ChainFor(t, s.Fallbacks, language.English) {
			if _, ok := group[c]; ok {
				group[root(c)] = root(t)
			}
		}
	}
	hashes := map[language.Tag]hash.Hash{}
	for _, t := range tags {
		h := hashes[root(t)]
		if h == nil {
			h = sha256.New()
			h.Write(common.Sum(nil))
			hashes[root(t)] = h
		}
		field(h, t.String())
		field(h, sum[t])
	}
	keys := map[language.Tag]string{}
	for _, t := range tags {
		keys[t] = hex.EncodeToString(hashes[root(t)].Sum(nil))
	}
	return keys, records, nil
}

// frozenLocales returns the locales whose group has the key last
// recorded for each of its members.
func frozenLocales(keys map[language.Tag]string, last *manifest) map[language.Tag]bool {
	changed := map[string]bool{} // group keys some member was not recorded with
	for t, k := range keys {
		if last.locales[t.String()].key != k {
			changed[k] = true
		}
	}
	frozen := map[language.Tag]bool{}
	for t, k := range keys {
		if !changed[k] {
			frozen[t] = true
		}
	}
	if len(frozen) == 0 {
		return nil
	}
	return frozen
}

// publishedAsLast reports whether every page is published in the locales
// the last build published it in (only then are the frozen locales'
// pages as they were).
func (b *Builder) publishedAsLast() bool {
	n := 0
	for _, p := range b.in.Pages {
		for _, tag := range b.published[p] {
			if _, ok := b.in.last.outputs[PagePath(tag, p)]; !ok {
				return false
			}
			n++
		}
	}
	return n == len(b.in.last.outputs)
}

// cleanKeys returns keys without the groups of which a catalog had a
// problem: the next build must read them again, to report it again.
// (A group's members share its key.)
func cleanKeys(keys map[language.Tag]string, locales []*catalog.File, problems diag.List) map[language.Tag]string {
	files := map[string]bool{}
	for _, e := range problems {
		files[e.Pos.File] = true
	}
	bad := map[string]bool{}
	for _, f := range locales {
		if files[f.Path] {
			bad[keys[f.Tag]] = true
		}
	}
	clean := map[language.Tag]string{}
	for t, k := range keys {
		if !bad[k] {
			clean[t] = k
		}
	}
	return clean
}
