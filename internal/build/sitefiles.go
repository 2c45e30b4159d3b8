package build

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/render"
)

// The files of the whole site are made only of what the first pass
// learns of every page, in two groups: the chooser, of each page's
// address, the locales it is published in and its title in each; and the
// maps (the sitemaps and the aliases), of each page's address, aliases
// and locales. A build records each file in the manifest under a digest
// of its group's inputs (siteDigest) and its path; when the served site
// holds a group's files under the same digests, they are taken over as
// unchanged pages are, neither rendered nor read. On the benchmark's site
// of 2,000 pages in 11 locales they are 45 MB (the sitemaps 42 of them),
// whose rendering and comparing with the served site's took a fifth of a
// rebuild after one changed translation; a changed title makes only the
// chooser again.

// The groups of site files.
const (
	chooserGroup = "chooser"
	mapsGroup    = "maps"
)

// groupOf returns the group of the site file at path.
func groupOf(path string) string {
	if path == chooserPath {
		return chooserGroup
	}
	return mapsGroup
}

// chooserPath is where the chooser is, in public/.
const chooserPath = "index.html"

// siteDigest identifies the inputs of the site files of group the build
// a writes in the shard only (nil: every locale): the program, the base
// URL, the sitemaps' limits, the locales and, of every page, what the
// group shows of it.
func (a *Assembly) siteDigest(group string, only []language.Tag) string {
	var buf []byte
	field := func(s string) {
		buf = append(buf, s...)
		buf = append(buf, 0)
	}
	count := func(n int) { field(strconv.Itoa(n)) }
	field("site files: " + group)
	field(a.ps.version)
	field(a.ps.in.BaseURL)
	count(sitemapMaxURLs)
	count(sitemapMaxBytes)
	tags := func(list []language.Tag) {
		count(len(list))
		for _, t := range list {
			field(t.String())
		}
	}
	tags(a.ps.tags)
	if only == nil {
		field("every locale")
	} else {
		tags(only)
	}
	for _, p := range a.ps.in.Pages {
		field(p.Address)
		tags(a.published[p])
		if group == chooserGroup {
			for _, t := range a.ps.titles[p] {
				text(field, t)
			}
			continue
		}
		count(len(p.Aliases))
		for _, alias := range p.Aliases {
			field(alias)
		}
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// text adds to a digest, by field, what a rendered text shows.
func text(field func(string), t render.Text) {
	field(string(t.HTML))
	field(t.Plain)
	field(t.Lang)
	field(t.Dir)
	field(string(t.Notice))
}

// siteOutputs are the site files of a build in a shard.
type siteOutputs struct {
	digests map[string]string // by group
	only    []language.Tag    // the shard (nil: every locale)
	// held are the paths the served site holds under their digests, in
	// path order.
	held []string
	// paths are those put into the new site, once they are.
	paths []string
}

// siteOutputs returns the site files of the build a in the shard only
// (nil: every locale), of which last, the manifest of the served site,
// may list the paths under their digests.
func (a *Assembly) siteOutputs(last map[string]string, only []language.Tag) *siteOutputs {
	site := &siteOutputs{only: only, digests: map[string]string{}}
	for _, g := range []string{chooserGroup, mapsGroup} {
		site.digests[g] = a.siteDigest(g, only)
	}
	for path, d := range last {
		if d == site.digestOf(path) {
			site.held = append(site.held, path)
		}
	}
	slices.Sort(site.held)
	return site
}

// digestOf returns the digest of the site file at path: one of its own,
// as every output has, so that equal digests stand for equal bytes.
func (site *siteOutputs) digestOf(path string) string {
	sum := sha256.Sum256([]byte(site.digests[groupOf(path)] + "\x00" + path))
	return hex.EncodeToString(sum[:])
}

// holds reports whether the served site holds the files of group: it
// holds one of them under its digest, and so all (their paths follow
// from the inputs the digest covers).
func (site *siteOutputs) holds(group string) bool {
	return slices.ContainsFunc(site.held, func(p string) bool { return groupOf(p) == group })
}

// files returns the site files put into the new site, by path only.
func (site *siteOutputs) files() []File {
	out := make([]File, len(site.paths))
	for i, p := range site.paths {
		out[i] = File{Path: p}
	}
	return out
}

// siteFiles puts the site files into the new site: each held one from
// the standby or the served site, like an unchanged page; the files of a
// group the served site holds none of, or one of which cannot be taken
// over (it is missing), are rendered one at a time, and those not taken
// over written.
func (w *treeWriter) siteFiles(a *Assembly, site *siteOutputs) error {
	taken := map[string]bool{}
	render := map[string]bool{chooserGroup: !site.holds(chooserGroup), mapsGroup: !site.holds(mapsGroup)}
	for _, p := range site.held {
		ok, err := w.taken(p, site.digestOf(p))
		if err != nil {
			return err
		}
		taken[p] = ok
		if ok {
			site.paths = append(site.paths, p)
		} else {
			render[groupOf(p)] = true
		}
	}
	return a.eachSiteFile(render[chooserGroup], render[mapsGroup], func(f File) error {
		if !owned(f.Path, a.ps.tags, site.only) || taken[f.Path] {
			return nil
		}
		site.paths = append(site.paths, f.Path)
		return w.put(f.Path, "", f.Data)
	})
}
