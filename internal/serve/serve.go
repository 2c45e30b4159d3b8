// Package serve is the preview stage: an [http.Handler] that shows a site
// as l10n build would write it, rendered from the files as they are on
// disk at each request, for translators and editors on their own machine.
//
// # Routes
//
// The handler serves what the build produces, by route, and nothing else;
// it never opens a file named by the URL:
//
//	/                         redirects to the reader's language (see below)
//	/index.html               the language chooser
//	/sitemap.xml              the sitemap index
//	/sitemaps/<locale>.xml    a locale's sitemap
//	/<locale>/<page>/         a page, the same HTML as the build; ?review=1 adds the review overlay
//	/_status                  the status dashboard (package dashboard)
//	/_events                  server-sent events: "change" when a file of the site changes
//
// A locale is parsed with [locale.Parse] and must be one of the site's; a
// page must be one of the pages loaded. Anything else is 404. A page not
// published in a locale (below its min_percent) is 404 too, except in
// review mode, where a translator sees how far it is.
//
// # Language
//
// / picks a locale among those with a published page: the one a ?lang=
// parameter names (which also sets the l10n_lang cookie), else the
// l10n_lang cookie (every page view sets it to the page's locale, so a
// reader who follows the language switcher keeps that language), else the
// best match of the Accept-Language header by x/text's [language.Matcher]
// (es-AR → es, zh-TW → zh-Hant), else English. A malformed header counts
// as none. It redirects to the locale's first page in content order.
//
// # Live reload
//
// Each served page holds a small script that listens to /_events. The
// page carries a fingerprint of the site's files (the size and
// modification time of l10n.toml, content/**/*.md and locales/*.toml) as
// they were before it was rendered; the stream looks at the files every
// [Options.Poll] and sends "change" as soon as the fingerprint differs,
// so a change made between the render and the stream's start is not
// missed. Polling is used rather than file system notifications: it needs
// no dependency and works on every file system, network and container
// mounts included, and a site is a few dozen files.
//
// # Errors and load
//
// A site that does not load (a TOML syntax error, a bad page) gives an
// error page listing each problem as file:line:col, with status 500; it
// reloads by itself when the files change, and the server keeps running.
// At most [Options.MaxRenders] requests load and render at once; others
// get 503 at once, with a page that retries, so a flood of requests does
// not pile up. Event streams are bounded by [Options.MaxStreams].
package serve

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/hsi-l10n/l10n/internal/build"
)

// Options configure a [Handler].
type Options struct {
	// Pseudo adds the pseudo-locales en-XA and ar-XB (package pseudo).
	Pseudo bool
	// MaxRenders bounds the requests that load and render the site at
	// once; 0 means 2 × GOMAXPROCS.
	MaxRenders int
	// MaxStreams bounds the open live-reload streams; 0 means 64.
	MaxStreams int
	// Poll is how often a live-reload stream looks at the files; 0 means
	// 250ms.
	Poll time.Duration
}

// Handler serves the site rooted at a folder.
type Handler struct {
	root    string
	opts    Options
	renders chan struct{} // a token per render under way
	streams chan struct{} // a token per open event stream
}

// New returns a handler for the site rooted at root.
func New(root string, opts Options) *Handler {
	if opts.MaxRenders <= 0 {
		opts.MaxRenders = 2 * runtime.GOMAXPROCS(0)
	}
	if opts.MaxStreams <= 0 {
		opts.MaxStreams = 64
	}
	if opts.Poll <= 0 {
		opts.Poll = 250 * time.Millisecond
	}
	return &Handler{root: root, opts: opts,
		renders: make(chan struct{}, opts.MaxRenders), streams: make(chan struct{}, opts.MaxStreams)}
}

// contentSecurityPolicy allows what the pages need and nothing else:
// inline style and script (live reload, review), data: images (the flag),
// and connections to this server (the event stream).
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// ServeHTTP routes a request; see the package documentation.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Content-Security-Policy", contentSecurityPolicy)
	hdr.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		writeMessage(w, http.StatusMethodNotAllowed, "Method not allowed", "This server only shows pages: use GET.", "")
		return
	}
	if dir, _ := path.Split(r.URL.Path); dir == "/"+build.SitemapDir+"/" {
		h.withSite(w, r, serveSitemap)
		return
	}
	switch p := r.URL.Path; p {
	case "/_events":
		h.events(w, r)
	case "/":
		h.withSite(w, r, h.chooseLanguage)
	case "/index.html":
		h.withSite(w, r, serveChooser)
	case "/sitemap.xml":
		h.withSite(w, r, serveSitemap)
	case "/_status", "/_status/", "/_status/index.html":
		h.withSite(w, r, serveDashboard)
	default:
		route, ok := parsePagePath(p)
		if !ok {
			notFound(w, r, "")
			return
		}
		h.withSite(w, r, func(w http.ResponseWriter, r *http.Request, s *loaded) {
			servePage(w, r, s, route)
		})
	}
}

// withSite loads the site and calls serve with it, if a render slot is
// free; a site that does not load gives the error page.
func (h *Handler) withSite(w http.ResponseWriter, r *http.Request, serve func(http.ResponseWriter, *http.Request, *loaded)) {
	select {
	case h.renders <- struct{}{}:
		defer func() { <-h.renders }()
	default:
		w.Header().Set("Retry-After", "1")
		writeMessage(w, http.StatusServiceUnavailable, "Busy", "The preview server is rendering as many pages as it can; this page tries again in a second.", "1")
		return
	}
	// The fingerprint is taken before the files are read: if they change
	// while they are read, the page's stream sees a difference and the
	// page reloads.
	version := fingerprint(h.root)
	s, err := load(h.root, h.opts.Pseudo)
	if err != nil {
		writeLoadError(w, err, eventsURL(version))
		return
	}
	s.version = version
	serve(w, r, s)
}

// writeHTML sends a page rendered into data.
func writeHTML(w http.ResponseWriter, status int, data []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	writeBody(w, status, data)
}

func writeBody(w http.ResponseWriter, status int, data []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	_, _ = w.Write(data) // a reader gone away is not an error of the server
}

// Serve serves h on ln until ctx is done, then shuts down, waiting a few
// seconds for requests under way. Live-reload streams end with ctx. The
// server's timeouts bound slow clients: headers must come within 5s, a
// request within 10s, a response within 30s (streams excepted). Problems
// of the server itself, such as a handler panic, are logged to logw.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, logw io.Writer) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ErrorLog:          log.New(logw, "l10n serve: ", 0),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdown)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// isPathSafe reports whether every segment of a URL path (without its
// first "/") is a plain name: not empty, not "." or "..", no backslash or
// control character. Page slugs are such paths.
func isPathSafe(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.ContainsFunc(seg, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
			return false
		}
	}
	return true
}
