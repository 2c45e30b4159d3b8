package serve

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/dashboard"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/pseudo"
	"github.com/hsi-l10n/l10n/internal/render"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/status"
)

// loaded is the site as one request sees it: read from disk for that
// request alone.
type loaded struct {
	in      *build.Input
	a       *build.Assembly
	version string // fingerprint of the files before they were read
}

// load reads the site at root the way l10n build does, with the
// pseudo-locales if asked.
func load(root string, withPseudo bool) (*loaded, error) {
	s, err := site.Load(root)
	if err != nil {
		return nil, err
	}
	in, err := build.Load(s)
	if err != nil {
		return nil, err
	}
	if withPseudo {
		in.Locales = append(in.Locales, pseudo.Catalogs(in.English())...)
	}
	// Assembled as l10n build assembles it, without its caches: serve
	// only reads the site.
	a, err := build.Assemble(in, build.Options{})
	if err != nil {
		return nil, err
	}
	return &loaded{in: in, a: a}, nil
}

// page returns the page whose slug is slug, and its index, or nil.
func (s *loaded) page(slug string) (int, *content.Page) {
	for i, p := range s.in.Pages {
		if p.Address == slug {
			return i, p
		}
	}
	return -1, nil
}

// pageRoute is a request path that names a page: /<tag>/<slug>/.
type pageRoute struct {
	tag  language.Tag
	slug string
	// slash is false for /<tag>/<slug> without the final slash, which
	// redirects, so that the page's relative links resolve.
	slash bool
}

// parsePagePath parses /<tag>/<slug>/ (or …/index.html, as in public/).
// The tag must be canonical; the slug's segments plain names. Whether
// they name a locale and page of the site is for the caller to check.
func parsePagePath(p string) (pageRoute, bool) {
	rest, ok := strings.CutPrefix(p, "/")
	if !ok {
		return pageRoute{}, false
	}
	name, slug, ok := strings.Cut(rest, "/")
	if !ok {
		return pageRoute{}, false
	}
	tag, err := locale.Parse(name)
	if err != nil {
		return pageRoute{}, false
	}
	r := pageRoute{tag: tag, slug: slug}
	if s, ok := strings.CutSuffix(slug, "/index.html"); ok {
		r.slug, r.slash = s, true
	} else if s, ok := strings.CutSuffix(slug, "/"); ok {
		r.slug, r.slash = s, true
	} else if slug == "" || slug == "index.html" {
		// /<tag>/: the locale's home page (content/_index.md).
		r.slug, r.slash = "", true
	}
	if r.slug != "" && !isPathSafe(r.slug) {
		return pageRoute{}, false
	}
	return r, true
}

// pageURL is the URL path of page p in tag.
func pageURL(tag language.Tag, p *content.Page) string {
	if p.Address == "" {
		return "/" + tag.String() + "/"
	}
	return "/" + tag.String() + "/" + p.Address + "/"
}

func servePage(w http.ResponseWriter, r *http.Request, s *loaded, route pageRoute) {
	i, p := s.page(route.slug)
	if p == nil || !slices.Contains(s.a.Tags(), route.tag) {
		notFound(w, r, "")
		return
	}
	if !route.slash {
		target := pageURL(route.tag, p)
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	review := r.URL.Query().Get("review") == "1"
	published := slices.Contains(s.a.Published(p), route.tag)
	if !published && !review {
		why := ""
		if pr := s.pageStatus(route.tag, p); pr != nil {
			why = " (" + pr.Reason + ")"
		}
		notFound(w, r, fmt.Sprintf("%s is not published in %s%s. Its review view, %s?review=1, shows how far it is.", p.Slug, route.tag, why, pageURL(route.tag, p)))
		return
	}
	v, err := s.pageView(i, p, route.tag, review)
	var data []byte
	if err == nil {
		v.LiveReload = eventsURL(s.version)
		data, err = buffered(func(w io.Writer) error { return render.WritePage(w, v) })
	}
	if err != nil {
		writeLoadError(w, fmt.Errorf("%s in %s: %w", p.File, route.tag, err), eventsURL(s.version))
		return
	}
	if published {
		setLanguageCookie(w, route.tag)
	}
	writeHTML(w, http.StatusOK, data)
}

// pageView returns the view of page p, the i-th, in tag that l10n build
// renders, with the review overlay if review.
func (s *loaded) pageView(i int, p *content.Page, tag language.Tag, review bool) (*render.View, error) {
	opts := build.ViewOptions{Review: review}
	if review {
		// The switcher keeps a reviewer in review mode.
		opts.Query = "?review=1"
	}
	b, err := s.a.Page(i, p)
	if err != nil {
		return nil, err
	}
	v := b.View(p, tag, opts)
	if review {
		v.Review = s.pageReview(p, tag)
	}
	return v, nil
}

// report computes the status of the given locales and pages (all when
// empty), as l10n status does.
func (s *loaded) report(tags []language.Tag, slugs []string) *status.Report {
	in := s.in
	return status.Compute(&status.Input{Pages: in.Pages, Source: in.English(), Locales: in.Locales, Fallbacks: in.Fallbacks,
		Policies: in.Policies, OnlyLocales: tags, OnlyPages: slugs})
}

// pageStatus returns the status of page p in tag; nil for English, the
// source, which status does not report.
func (s *loaded) pageStatus(tag language.Tag, p *content.Page) *status.Page {
	rep := s.report([]language.Tag{tag}, []string{p.Slug})
	if len(rep.Locales) == 0 || len(rep.Locales[0].Pages) == 0 {
		return nil
	}
	return rep.Locales[0].Pages[0]
}

// pageReview sums up page p in tag for the review panel, with the figures
// of l10n status.
func (s *loaded) pageReview(p *content.Page, tag language.Tag) *render.PageReview {
	pr := &render.PageReview{Locale: tag.String(), Name: locale.Name(tag), Dashboard: "/_status#locale-" + tag.String()}
	chain := fallback.ChainFor(tag, s.in.Fallbacks, language.English)
	names := make([]string, len(chain))
	for i, t := range chain {
		names[i] = t.String()
	}
	pr.Chain = strings.Join(names, " → ")
	for _, w := range s.in.Warnings {
		pr.Warnings = append(pr.Warnings, w.Error())
	}
	rep := s.report([]language.Tag{tag}, []string{p.Slug})
	if tag == language.English || len(rep.Locales) == 0 {
		pr.Source, pr.Published, pr.Dashboard = true, true, "/_status"
		pr.Total = len(build.OwnMessages(p))
		return pr
	}
	loc := rep.Locales[0]
	ps := loc.Pages[0]
	pr.Total, pr.Translated, pr.Stale, pr.Missing = ps.Total, ps.Translated, ps.Stale, ps.Missing
	pr.VisiblePercent = status.Percent(ps.VisiblePercent)
	pr.Published, pr.Reason = ps.Published, ps.Reason
	for _, wk := range loc.Work {
		pr.Work = append(pr.Work, render.ReviewWork{ID: wk.ID, State: wk.State, Shown: wk.Shown.String()})
	}
	return pr
}

func serveChooser(w http.ResponseWriter, r *http.Request, s *loaded) {
	data, err := s.a.Site().Chooser()
	if err != nil {
		writeLoadError(w, err, eventsURL(s.version))
		return
	}
	writeHTML(w, http.StatusOK, data)
}

// serveSitemap serves sitemap.xml or one of the sitemaps it lists: the
// file of the built site at the request's path.
func serveSitemap(w http.ResponseWriter, r *http.Request, s *loaded) {
	files, err := s.a.Site().Sitemaps()
	if err != nil {
		writeLoadError(w, err, eventsURL(s.version))
		return
	}
	for _, f := range files {
		if "/"+f.Path == r.URL.Path {
			w.Header().Set("Content-Type", "application/xml; charset=utf-8")
			writeBody(w, http.StatusOK, f.Data)
			return
		}
	}
	notFound(w, r, "")
}

func serveDashboard(w http.ResponseWriter, r *http.Request, s *loaded) {
	rep := s.report(nil, nil)
	data, err := buffered(func(w io.Writer) error { return dashboard.Write(w, rep, "/") })
	if err != nil {
		writeLoadError(w, err, eventsURL(s.version))
		return
	}
	writeHTML(w, http.StatusOK, data)
}
