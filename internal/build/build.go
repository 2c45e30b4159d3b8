// Package build is the last stage: it writes the localized site, one HTML
// page per page and locale, a language chooser and a sitemap, into
// public/.
//
// Each message of a page comes from the first locale of the page locale's
// fallback chain with a current translation (see package fallback); a
// block that fell back is marked with the lang and dir of its language.
// Output depends only on the input: pages and locales are visited in a
// fixed order and nothing of the clock or the machine is written.
package build

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/render"
	"github.com/hsi-l10n/l10n/internal/site"
)

// Input is what a build reads.
type Input struct {
	BaseURL string
	Pages   []*content.Page
	// english returns the English messages of the pages and the chrome
	// (see English).
	english func() []*catalog.Message
	// Locales holds locale catalogs in memory: every one, for a build of
	// the whole site at once ([New]), or those l10n makes (the
	// pseudo-locales) beside Catalogs.
	Locales []*catalog.File
	// Catalogs, if not nil, gives the translations of the site's locales
	// page by page, for [Write]: its locales come before those of
	// Locales.
	Catalogs  Catalogs
	Fallbacks map[language.Tag][]language.Tag
	// Policies holds the publishing policy of each locale (see
	// site.Policy); a locale without one falls back and publishes all.
	Policies map[language.Tag]site.Policy
	// Warnings are problems found while loading that do not stop a build.
	Warnings diag.List
	// Config is a digest of the site's config, l10n.toml: a page's plan
	// in the plan cache holds for this config only (see plans.go).
	Config string
}

// English returns the English messages of the pages and the chrome, with
// their descriptions (snapshot.English), made when first asked for: only
// the pseudo-locales and the status report need them all at once; a
// build makes each page's as it reads its translations (see englishOf).
func (in *Input) English() []*catalog.Message { return in.english() }

// catalogs returns the Catalogs of every locale of in.
func (in *Input) catalogs() Catalogs {
	if in.Catalogs == nil {
		return newMemory(in.Locales)
	}
	if len(in.Locales) == 0 {
		return in.Catalogs
	}
	return both{in.Catalogs, newMemory(in.Locales)}
}

// File is one output file, its path relative to public/.
type File struct {
	Path string
	Data []byte
}

// Site renders the whole site in memory from the same assembly Write
// writes. Files come in a fixed order: the chooser, then each page in
// every locale that publishes it (pages in input order, locales English
// first then by tag), then the sitemaps.
func Site(in *Input) ([]File, error) {
	a, err := Assemble(in, Options{})
	if err != nil {
		return nil, err
	}
	chooser, err := a.Site().Chooser()
	if err != nil {
		return nil, err
	}
	files := []File{{Path: "index.html", Data: chooser}}
	for i, p := range in.Pages {
		b, err := a.Page(i, p)
		if err != nil {
			return nil, err
		}
		for _, tag := range a.Published(p) {
			data, err := b.Page(p, tag)
			if err != nil {
				return nil, err
			}
			files = append(files, File{Path: PagePath(tag, p), Data: data})
		}
	}
	sitemaps, err := a.Site().Sitemaps()
	if err != nil {
		return nil, err
	}
	return append(files, sitemaps...), nil
}

// Page renders page p in locale tag.
func (b *Builder) Page(p *content.Page, tag language.Tag) ([]byte, error) {
	var buf bytes.Buffer
	if err := render.WritePage(&buf, b.pageView(p, tag)); err != nil {
		return nil, fmt.Errorf("%s in %s: %w", p.File, tag, err)
	}
	return buf.Bytes(), nil
}

// Sitemaps renders sitemap.xml and the sitemaps it lists (see Sitemaps).
func (b *Builder) Sitemaps() ([]File, error) {
	return Sitemaps(b.in.BaseURL, b.tags, b.in.Pages, b.published)
}

// Published returns the locales page p is published in, English first.
func (b *Builder) Published(p *content.Page) []language.Tag { return b.published[p] }

// Tags returns the locales of the build, English first.
func (b *Builder) Tags() []language.Tag { return b.tags }

// Builder renders pages. What every page shares (fallback chains, the
// chrome, the index of pages for refs) is in *shared and computed once;
// the resolver holds the translations of one page (see Assembly.Page),
// and none for the Builder of the whole site (Assembly.Site), which
// renders the chooser and the sitemaps from what assembling learned.
type Builder struct {
	*shared
	resolver *fallback.Resolver
	// published lists, per page, the locales it is published in: English,
	// and every locale whose policy the page meets (site.Policy.Publishes).
	published map[*content.Page][]language.Tag
}

// shared is what the pages of one build share.
type shared struct {
	in     *Input
	tags   []language.Tag
	chains map[language.Tag]fallback.Chain
	// refs indexes the pages by the paths Hugo's ref shortcode names them
	// by, made once, when a Markdown page first has a ref (see refs.go).
	refsOnce sync.Once
	refs     *pagesByRef
	// chromeResolver resolves the chrome; chrome holds each locale's
	// chrome, rendered once per build.
	chromeResolver *fallback.Resolver
	chromeMu       sync.Mutex
	chrome         map[language.Tag]map[string]render.Text
	parts          map[language.Tag]render.Parts
	// titles holds, when set, each page's title in each locale it is
	// published in (in the order of published), for the chooser of a
	// page-major build, which has no resolver of the whole site.
	titles map[*content.Page][]render.Text
}

// newShared returns what the pages of a build of in in the locales tags
// (English first) share; chrome resolves the chrome.
func newShared(in *Input, tags []language.Tag, chrome *fallback.Resolver) *shared {
	sh := &shared{in: in, tags: tags, chains: map[language.Tag]fallback.Chain{}, chromeResolver: chrome,
		chrome: map[language.Tag]map[string]render.Text{}, parts: map[language.Tag]render.Parts{}}
	for _, tag := range tags {
		sh.chains[tag] = fallback.ChainFor(tag, in.Fallbacks, language.English)
	}
	return sh
}

// publishes applies tag's policy to page p, whose own messages are ids.
func (b *Builder) publishes(p *content.Page, tag language.Tag, ids []string) bool {
	chain := b.chains[tag]
	shown, total := b.resolver.Shown(chain, ids, b.showStale)
	// A title with no words is no message: it is the same in every
	// language.
	title, ok := b.resolver.ResolveShowingStale(chain, p.Title.ID, b.showStale)
	return b.in.policy(tag).Publishes(!ok || fallback.Native(tag, title.From), shown, total)
}

// partsOf returns the parts of the page of tag that are the same on
// every page, rendered once.
func (b *Builder) partsOf(tag language.Tag) render.Parts {
	chrome := b.chromeOf(tag)
	b.chromeMu.Lock()
	defer b.chromeMu.Unlock()
	p, ok := b.parts[tag]
	if !ok {
		// The template is fixed and parsed at start; executing it on a
		// chrome map cannot fail.
		p, _ = render.RenderParts(chrome)
		b.parts[tag] = p
	}
	return p
}

// chromeOf returns the chrome of tag; the same for every page.
func (b *Builder) chromeOf(tag language.Tag) map[string]render.Text {
	b.chromeMu.Lock()
	defer b.chromeMu.Unlock()
	c, ok := b.chrome[tag]
	if !ok {
		// The chrome is the same on every page, so a stale chrome string
		// falls back rather than carry a notice linking to one page.
		l := b.localizer(tag, "")
		l.Resolver = b.chromeResolver
		l.ShowStale = nil
		c = l.Chrome(time.Time{})
		b.chrome[tag] = c
	}
	return c
}

// showStale reports whether tag's policy shows stale translations.
func (b *Builder) showStale(tag language.Tag) bool {
	return b.in.policy(tag).Stale == site.StaleNotice
}

func (b *Builder) localizer(tag language.Tag, original string) *render.Localizer {
	return &render.Localizer{Tag: tag, Chain: b.chains[tag], Resolver: b.resolver, ShowStale: b.showStale, Original: original}
}

// withoutTitle returns the body of p without the heading that is its
// title (a page whose front matter gives none), which the page shows
// above the body already.
func withoutTitle(p *content.Page) []*content.Node {
	for i, n := range p.Body {
		if n.Kind == content.NodeHeading && n.Block == p.Title {
			return append(p.Body[:i:i], p.Body[i+1:]...)
		}
	}
	return p.Body
}

// OwnMessages lists the IDs of page p's own messages (title,
// description, breadcrumbs, body), without the chrome: what publishing
// counts.
func OwnMessages(p *content.Page) []string {
	ids := make([]string, len(p.Blocks))
	for i, bl := range p.Blocks {
		ids[i] = bl.ID
	}
	return ids
}

// PageMessages lists the IDs of the messages page p shows: the chrome,
// then its own blocks.
func PageMessages(p *content.Page) []string {
	ids := make([]string, 0, len(content.Chrome)+len(p.Blocks))
	for _, c := range content.Chrome {
		ids = append(ids, c.ID)
	}
	for _, bl := range p.Blocks {
		ids = append(ids, bl.ID)
	}
	return ids
}

func (in *Input) policy(tag language.Tag) site.Policy {
	p := in.Policies[tag]
	if p.Stale == "" {
		p.Stale = site.StaleFallback
	}
	return p
}

// Tags returns the locales of the site: English first, then each catalog's
// tag in the order of its name.
func Tags(locales []*catalog.File) []language.Tag {
	tags := []language.Tag{language.English}
	for _, f := range locales {
		if f.Tag != language.English {
			tags = append(tags, f.Tag)
		}
	}
	return tags
}

// PagePath is where page p in locale tag is written, relative to public/.
func PagePath(tag language.Tag, p *content.Page) string {
	return path.Join(tag.String(), p.Address, "index.html")
}

// pageURL is the folder URL of page p in tag, relative to public/.
func pageURL(tag language.Tag, p *content.Page) string {
	if p.Address == "" {
		return tag.String() + "/"
	}
	return tag.String() + "/" + p.Address + "/"
}

func (b *Builder) pageView(p *content.Page, tag language.Tag) *render.View {
	return b.view(p, tag, nil, ViewOptions{})
}

// ViewOptions add to a page's view what only a preview server shows.
type ViewOptions struct {
	// Review fills in each text's review data (ID, state, English).
	Review bool
	// Query is added to the language switcher's links ("?review=1").
	Query string
}

// View returns the view Page renders, with what opts add: the one path
// from pages to HTML that l10n build and l10n serve share.
func (b *Builder) View(p *content.Page, tag language.Tag, opts ViewOptions) *render.View {
	return b.view(p, tag, nil, opts)
}

// view is View with rendered texts shared through cache.
func (b *Builder) view(p *content.Page, tag language.Tag, cache *render.Cache, opts ViewOptions) *render.View {
	in := b.in
	root := strings.Repeat("../", 1+len(strings.FieldsFunc(p.Address, func(r rune) bool { return r == '/' })))
	original := root + pageURL(language.English, p)
	l := b.localizer(tag, original)
	l.Cache = cache
	l.Review = opts.Review
	l.Refs = p.Refs
	v := &render.View{
		Lang:      tag.String(),
		Dir:       locale.Dir(tag),
		Title:     l.Text(p.Title.ID),
		Body:      l.Body(withoutTitle(p)),
		Updated:   l.Updated(p.Updated),
		Chrome:    b.chromeOf(tag),
		Parts:     b.partsOf(tag),
		Canonical: in.BaseURL + "/" + pageURL(tag, p),
		Root:      root,
	}
	if p.Description != nil {
		v.Description = l.Text(p.Description.ID)
	}
	for _, c := range p.Breadcrumbs {
		v.Crumbs = append(v.Crumbs, render.Crumb{Label: l.Text(c.Block.ID), URL: c.URL})
	}
	for _, t := range b.published[p] {
		v.Alternates = append(v.Alternates, render.Alternate{Hreflang: t.String(), URL: in.BaseURL + "/" + pageURL(t, p)})
		v.Languages = append(v.Languages, render.Link{Lang: t.String(), Name: locale.Name(t), Dir: locale.Dir(t), URL: root + pageURL(t, p) + opts.Query, Current: t == tag})
	}
	v.Alternates = append(v.Alternates, render.Alternate{Hreflang: "x-default", URL: in.BaseURL + "/" + pageURL(language.English, p)})
	if tag != language.English {
		v.Original = original
		v.Elsewhere = render.Elsewhere(v, tag, b.chains[tag])
	}
	return v
}
