package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/render"
	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// liveReloadRE matches the live-reload script a served page adds to the
// build's HTML, and captures the stream's URL.
var liveReloadRE = regexp.MustCompile(`<script>new EventSource\("([^"]+)"\)[^\n]*</script>\n`)

// TestServedPagesAreTheBuildsPages renders every page in every locale,
// pseudo-locales included, as serve does, and builds the site as l10n
// build does (build.Publish): the bytes are the same, and the handler
// adds only the live-reload script.
func TestServedPagesAreTheBuildsPages(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	s, err := load(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	built := publish(t, dir)
	h := New(dir, Options{Pseudo: true})
	n := 0
	for i, p := range s.in.Pages {
		for _, tag := range s.a.Published(p) {
			n++
			want, err := os.ReadFile(filepath.Join(built, filepath.FromSlash(build.PagePath(tag, p))))
			if err != nil {
				t.Fatal(err)
			}
			v, err := s.pageView(i, p, tag, false)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := render.WritePage(&got, v); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s in %s: serve's view renders other HTML than build's", p.Slug, tag)
			}
			rec := get(t, h, pageURL(tag, p))
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d", pageURL(tag, p), rec.Code)
			}
			served := rec.Body.String()
			if !liveReloadRE.MatchString(served) {
				t.Errorf("GET %s has no live-reload script", pageURL(tag, p))
			}
			if stripped := liveReloadRE.ReplaceAllString(served, ""); stripped != string(want) {
				t.Errorf("GET %s: served page, less its live-reload script, differs from the built page", pageURL(tag, p))
			}
		}
	}
	if n < 8 {
		t.Errorf("compared %d pages; the shipped site with the partial catalogs and pseudo-locales publishes at least 8", n)
	}
	chooser, err := os.ReadFile(filepath.Join(built, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got := get(t, h, "/index.html").Body.String(); got != string(chooser) {
		t.Error("GET /index.html differs from the built chooser")
	}
	sitemaps, _ := s.a.Site().Sitemaps()
	if len(sitemaps) < 2 {
		t.Fatalf("%d sitemap files; want the index and one a locale", len(sitemaps))
	}
	for _, f := range sitemaps {
		want, err := os.ReadFile(filepath.Join(built, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if rec := get(t, h, "/"+f.Path); rec.Body.String() != string(want) || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/xml") {
			t.Errorf("GET /%s differs from the built one, or is not XML (%s)", f.Path, rec.Header().Get("Content-Type"))
		}
	}
	if rec := get(t, h, "/sitemaps/xx.xml"); rec.Code != http.StatusNotFound {
		t.Errorf("GET /sitemaps/xx.xml: %d; want 404", rec.Code)
	}
}

// publish builds the site at dir with the pseudo-locales as l10n build
// does, into a new folder, and returns it.
func publish(t *testing.T, dir string) string {
	t.Helper()
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	sn, err := snapshot.Read(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Publish(context.Background(), sn, out, build.Request{Pseudo: true}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPathsOutsideSiteAreNotServed sends, on the wire and as written,
// paths that try to leave the site: each is 404 or a redirect within the
// site, and no answer holds a byte of a file. See issue 6.
func TestPathsOutsideSiteAreNotServed(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	// A page that is a link out of the site is not a page.
	if err := os.Symlink(filepath.Join(dir, "l10n.toml"), filepath.Join(dir, "content", "escape.md")); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(New(dir, Options{}))
	defer ts.Close()
	// Bytes of the files a request must never see.
	secrets := []string{"base_url", "[glossary", "hash = \"sha256:", "+++", "root:x:0:0"}
	for _, path := range []string{
		"/../l10n.toml", "/%2e%2e/", "/%2e%2e/l10n.toml", "/es/../../etc/passwd", "/en/narcotics-smuggling/../../l10n.toml",
		"/l10n.toml", "/locales/es.toml", "/content/narcotics-smuggling.md", "//etc/passwd", "/en/..%2f..%2fl10n.toml",
		"/en/narcotics-smuggling%2f..%2f..%2fl10n.toml", "/en/%2e%2e/%2e%2e/l10n.toml", `/en/narcotics-smuggling/..\..\l10n.toml`,
		"/..%5cl10n.toml", "/en/narcotics-smuggling/index.html/../../../l10n.toml", "/public/index.html", "/.git/config",
		"/en/escape/", "/en/escape", "/en/./narcotics-smuggling/", "/en//narcotics-smuggling/", "/EN/narcotics-smuggling/",
		"/en/narcotics-smuggling/%00", "/en/..", "/_status/../l10n.toml", "/_events/../l10n.toml",
	} {
		t.Run(path, func(t *testing.T) {
			resp := rawGet(t, ts.Listener.Addr().String(), path)
			body := string(resp.body)
			switch {
			case resp.status == http.StatusNotFound, resp.status == http.StatusBadRequest:
			case resp.status >= 300 && resp.status < 400:
				if loc := resp.location; !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.Contains(loc, "..") {
					t.Errorf("GET %s redirects to %q, outside the site", path, loc)
				}
			default:
				t.Errorf("GET %s = %d, want 404 or a redirect within the site", path, resp.status)
			}
			for _, s := range secrets {
				if strings.Contains(body, s) {
					t.Errorf("GET %s answers with %q, from a file of the site", path, s)
				}
			}
		})
	}
}

type rawResponse struct {
	status   int
	location string
	body     []byte
}

// rawGet sends a GET request for path exactly as written, which an HTTP
// client would clean or escape.
func rawGet(t *testing.T, addr, path string) rawResponse {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(30 * time.Second)); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return rawResponse{resp.StatusCode, resp.Header.Get("Location"), body}
}

func TestPageRoutes(t *testing.T) {
	t.Parallel()
	h := New(copySite(t), Options{})
	tests := []struct {
		target   string
		code     int
		location string
	}{
		{"/es" + page, http.StatusOK, ""},
		{"/es" + page + "index.html", http.StatusOK, ""},
		{"/es/narcotics-smuggling", http.StatusMovedPermanently, "/es" + page},
		{"/es/narcotics-smuggling?review=1", http.StatusMovedPermanently, "/es" + page + "?review=1"},
		{"/fr" + page, http.StatusNotFound, ""},
		{"/es/no-such-page/", http.StatusNotFound, ""},
		{"/es/", http.StatusNotFound, ""},
		{"/_status", http.StatusOK, ""},
		{"/favicon.ico", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		rec := get(t, h, tt.target)
		if rec.Code != tt.code || rec.Header().Get("Location") != tt.location {
			t.Errorf("GET %s = %d to %q, want %d to %q", tt.target, rec.Code, rec.Header().Get("Location"), tt.code, tt.location)
		}
	}
	rec := get(t, h, "/es"+page)
	if c := rec.Result().Cookies(); len(c) != 1 || c[0].Name != languageCookie || c[0].Value != "es" || c[0].Path != "/" {
		t.Errorf("GET /es%s sets cookies %v, want %s=es for /", page, c, languageCookie)
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req := httptest.NewRequest(m, "/es"+page, strings.NewReader("x"))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /es%s = %d, Allow %q; want 405, GET, HEAD", m, page, rec.Code, rec.Header().Get("Allow"))
		}
	}
}

// reviewSite is the shipped site with one stale Spanish translation (its
// English edited), and Vietnamese published only from 90%.
func reviewSite(t *testing.T) string {
	t.Helper()
	dir := copySite(t)
	edit(t, dir, "content/narcotics-smuggling.md", "HSI tracks, intercepts, investigates, and halts", "HSI tracks, intercepts, investigates and stops")
	edit(t, dir, "l10n.toml", "[fallbacks]", "[publish.vi]\nmin_percent = 90\n\n[fallbacks]")
	return dir
}

func TestReviewShowsIDsAndStates(t *testing.T) {
	t.Parallel()
	h := New(reviewSite(t), Options{})
	tests := []struct {
		target string
		want   []string
	}{
		{"/es" + page + "?review=1", []string{
			`<h1 class="rv rv-translated" data-rv="rv1">Contrabando de narcóticos<button type="button" class="rv-badge" popovertarget="rv1" lang="en" dir="ltr">narcotics-smuggling.title · translated</button>`,
			`English: Narcotics Smuggling</span>`,
			`class="rv rv-stale"`,
			`narcotics-smuggling.intro.p1 · stale → en`,
			`English: HSI tracks, intercepts, investigates and stops the flow`,
			`<summary>Review · es: 24 translated, 1 stale, 0 missing of 25</summary>`,
			`<li><code>narcotics-smuggling.intro.p1</code> stale, readers see en</li>`,
			// the English changed, locales/en.toml did not
			`warning: out of date with content/`,
			// the switcher stays in review mode
			`href="../../ar/narcotics-smuggling/?review=1"`,
		}},
		{"/es-MX" + page + "?review=1", []string{`class="rv rv-fallback"`, `· missing → es</button>`, `Fallback chain: es-MX → es-419 → es → en`}},
		{"/ar" + page + "?review=1", []string{`class="rv rv-missing"`, `· missing → en</button>`, `% in their language. Published.`}},
		{"/en" + page + "?review=1", []string{`narcotics-smuggling.title · source`, `Review · en: the English source, 25 messages`}},
		{"/vi" + page + "?review=1", []string{`Not published: visible 48% &lt; min_percent 90.`}},
	}
	for _, tt := range tests {
		rec := get(t, h, tt.target)
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", tt.target, rec.Code)
			continue
		}
		body := rec.Body.String()
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %s", tt.target, w)
			}
		}
	}
	if body := get(t, h, "/es"+page).Body.String(); strings.Contains(body, "rv-badge") || strings.Contains(body, "data-rv") {
		t.Error("GET /es/… without ?review=1 shows the review overlay")
	}
	rec := get(t, h, "/vi"+page)
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "not published in vi (visible 48% &lt; min_percent 90)") {
		t.Errorf("GET /vi/… (below min_percent) = %d, want 404 saying why:\n%s", rec.Code, rec.Body)
	}
}

func TestDashboardLinksEveryPageReview(t *testing.T) {
	t.Parallel()
	h := New(copySite(t), Options{Pseudo: true})
	rec := get(t, h, "/_status")
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /_status = %d", rec.Code)
	}
	for _, tag := range []string{"ar", "es", "es-MX", "ht", "vi", "zh-Hans", "en-XA", "ar-XB"} {
		if want := `href="/` + tag + page + `?review=1"`; !strings.Contains(body, want) {
			t.Errorf("dashboard lacks the link %s", want)
		}
	}
	if want := "Fallback chain: <code>es-MX → es-419 → es → en</code>"; !strings.Contains(body, want) {
		t.Errorf("dashboard lacks %s", want)
	}
}

// TestBrokenTOMLShowsErrorPageThenServesAgain breaks a catalog and then
// the config: each gives an error page naming file:line:col, and once
// fixed the page is served again by the same handler.
func TestBrokenTOMLShowsErrorPageThenServesAgain(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	h := New(dir, Options{})
	tests := []struct {
		file, old, new string
		want           *regexp.Regexp
	}{
		{"locales/es.toml", `other = "Contrabando de narcóticos"`, `other = "Contrabando de <narcóticos>`, regexp.MustCompile(`<li><code>locales/es\.toml:154:\d+: [^<]+; fix the TOML syntax</code></li>`)},
		{"l10n.toml", `base_url = "https://l10n.example.gov"`, `base_url = = "x"`, regexp.MustCompile(`<li><code>l10n\.toml:4:\d+: [^<]+</code></li>`)},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, filepath.FromSlash(tt.file))
		good, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		edit(t, dir, tt.file, tt.old, tt.new)
		for _, target := range []string{"/es" + page, "/", "/_status"} {
			rec := get(t, h, target)
			if rec.Code != http.StatusInternalServerError || !tt.want.MatchString(rec.Body.String()) {
				t.Errorf("with %s broken, GET %s = %d, want 500 and an error matching %s:\n%s", tt.file, target, rec.Code, tt.want, rec.Body)
			}
			if !liveReloadRE.MatchString(rec.Body.String()) {
				t.Errorf("the error page of GET %s does not reload by itself", target)
			}
		}
		if err := os.WriteFile(path, good, 0o644); err != nil {
			t.Fatal(err)
		}
		if rec := get(t, h, "/es"+page); rec.Code != http.StatusOK {
			t.Errorf("with %s fixed, GET /es%s = %d, want 200", tt.file, page, rec.Code)
		}
	}
}

func TestErrorPageEscapesProblems(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	writeLoadError(rec, diag.List{diag.Errorf(diag.Pos{File: "locales/es.toml", Line: 3, Col: 9}, "unknown key %q", "<script>alert(1)</script>")}, eventsURL("v"))
	body := rec.Body.String()
	if want := `<li><code>locales/es.toml:3:9: unknown key &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;</code></li>`; rec.Code != http.StatusInternalServerError || !strings.Contains(body, want) {
		t.Errorf("error page = %d, want 500 with %s:\n%s", rec.Code, want, body)
	}
}

// TestRequestFloodIsBounded sends many requests at once to a server that
// renders two at a time: each gets its page or 503 at once, none waits
// for a slot, and the server answers after. See issue 6.
func TestRequestFloodIsBounded(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(New(copySite(t), Options{MaxRenders: 2}))
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
	defer client.CloseIdleConnections()
	// The deadline only stops a hung test; the test asserts no timing.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	const n = 100
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+"/es"+page, nil)
			resp, err := client.Do(req)
			if err != nil {
				t.Errorf("request %d: %v", i, err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			codes[i] = resp.StatusCode
		})
	}
	wg.Wait()
	count := map[int]int{}
	for _, c := range codes {
		count[c]++
	}
	if count[http.StatusOK] == 0 || count[http.StatusOK]+count[http.StatusServiceUnavailable] != n {
		t.Errorf("status codes of %d requests at once: %v; want only 200 and 503, some 200", n, count)
	}
	resp, err := client.Get(ts.URL + "/es" + page)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("after the flood, GET = %d, want 200", resp.StatusCode)
	}
}

// TestBusyAnswerRetries fills every render slot, so the next request is
// answered 503 at once with a page that tries again.
func TestBusyAnswerRetries(t *testing.T) {
	t.Parallel()
	h := New(copySite(t), Options{MaxRenders: 1})
	h.renders <- struct{}{} // a render under way
	rec := get(t, h, "/es"+page)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" || !strings.Contains(rec.Body.String(), `<meta http-equiv="refresh" content="1">`) {
		t.Errorf("GET while busy = %d, Retry-After %q; want 503 and a page that retries:\n%s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	<-h.renders
	if rec := get(t, h, "/es"+page); rec.Code != http.StatusOK {
		t.Errorf("GET with a free slot = %d, want 200", rec.Code)
	}
}

// TestHomeAndBundleRoutes checks the addresses of a Hugo site's pages:
// content/_index.md is the locale's home, /es/, and a bundle's page is
// its folder. See issue 12.
func TestHomeAndBundleRoutes(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	for file, src := range map[string]string{
		"content/_index.md":              "---\ntitle: Home\n---\n\nWelcome.\n",
		"content/docs/install/index.md":  "+++\ntitle = \"Install\"\n+++\n\nSteps.\n",
		"content/docs/install/notes.txt": "a resource",
	} {
		path := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The new pages are untranslated: publish them anyway.
	appendTo(t, filepath.Join(dir, "l10n.toml"), "\n[publish.\"*\"]\nmin_percent = 0\n")
	h := New(dir, Options{})
	for target, code := range map[string]int{"/es/": http.StatusOK, "/es/index.html": http.StatusOK, "/es/docs/install/": http.StatusOK, "/es/docs/install/index/": http.StatusNotFound} {
		if rec := get(t, h, target); rec.Code != code {
			t.Errorf("GET %s = %d, want %d", target, rec.Code, code)
		}
	}
}
