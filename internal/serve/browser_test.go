package serve

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/hsi-l10n/l10n/internal/browsertest"
)

// The browser tests drive headless Chromium (Debian's chromium package,
// which .ci/run installs) against the handler on a loopback listener, and
// look at what a reader sees: computed styles, not strings of HTML. See
// issue 4.

// browser starts headless Chromium (see package browsertest) and returns
// a context for its first tab, or skips the test where there is none.
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests start Chromium; -short skips them")
	}
	bin, err := browsertest.Find()
	if err != nil {
		if os.Getenv("L10N_REQUIRE_BROWSER") == "1" {
			t.Fatalf("%v, and L10N_REQUIRE_BROWSER=1 (set by .ci/run, which installs it)", err)
		}
		t.Skip(err)
	}
	return browsertest.Start(t, bin)
}

// setHeaders makes the tab send these headers with every request.
func setHeaders(h network.Headers) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: h})
		return err
	})
}

// clearCookies forgets every cookie of the browser.
func clearCookies() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCookies, cdp.Empty{})
		return err
	})
}

// TestBrowser runs the reader's and the translator's paths through a real
// browser, on a copy of the shipped site served with the pseudo-locales.
func TestBrowser(t *testing.T) {
	dir := copySite(t)
	ts := httptest.NewServer(New(dir, Options{Pseudo: true, Poll: 50 * time.Millisecond}))
	// Cleanups run last first: the browser closes, ending the page's
	// event stream, before the server waits for its connections.
	t.Cleanup(ts.Close)
	ctx := browser(t)

	t.Run("Accept-Language lands on the reader's page", func(t *testing.T) {
		err := chromedp.Do(ctx,
			clearCookies(),
			setHeaders(network.Headers{"Accept-Language": "es-AR,es;q=0.9"}),
			chromedp.Navigate(ts.URL+"/"),
		)
		if err != nil {
			t.Fatal(err)
		}
		path, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, setHeaders(network.Headers{})); err != nil {
			t.Fatal(err)
		}
		if path != "/es"+page {
			t.Errorf("with Accept-Language es-AR, / lands on %s, want /es%s", path, page)
		}
	})

	t.Run("Arabic lays out right to left", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/ar"+page)); err != nil {
			t.Fatal(err)
		}
		html, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.documentElement).direction`))
		if err != nil {
			t.Fatal(err)
		}
		english, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('article [lang="en"]')).direction`))
		if err != nil {
			t.Fatal(err)
		}
		if html != "rtl" || english != "ltr" {
			t.Errorf("Arabic page: computed direction of the page %q, of an English block %q; want rtl, ltr", html, english)
		}
	})

	t.Run("review mode shows IDs without moving the page", func(t *testing.T) {
		// rects lists where each block of the article is drawn.
		const rects = `Array.from(document.querySelectorAll("article h1, article h2, article p, article li")).map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(","); }).join(" ")`
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/es"+page)); err != nil {
			t.Fatal(err)
		}
		plain, err := chromedp.Run(ctx, chromedp.Evaluate[string](rects))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/es"+page+"?review=1")); err != nil {
			t.Fatal(err)
		}
		reviewed, err := chromedp.Run(ctx, chromedp.Evaluate[string](rects))
		if err != nil {
			t.Fatal(err)
		}
		badge, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1 .rv-badge")))
		if err != nil {
			t.Fatal(err)
		}
		if want := "narcotics-smuggling.title · translated"; badge != want {
			t.Errorf("review badge of the title = %q, want %q", badge, want)
		}
		if plain == "" || plain != reviewed {
			t.Errorf("review mode moves the blocks:\nwithout: %s\nwith:    %s", plain, reviewed)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("article p[data-rv]"))); err != nil {
			t.Fatal(err)
		}
		source, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const p = document.querySelector("article p[data-rv]"); const pop = document.getElementById(p.dataset.rv); return pop.matches(":popover-open") && pop.textContent; })()`,
			chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil || !strings.Contains(source, "English: HSI tracks") {
			t.Errorf("a click on the first paragraph shows %q, want its English (%v)", source, err)
		}
	})

	t.Run("a saved catalog reloads the open page", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/es"+page)); err != nil {
			t.Fatal(err)
		}
		before, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
		if err != nil {
			t.Fatal(err)
		}
		if before != "Contrabando de narcóticos" {
			t.Fatalf("Spanish title = %q before the edit", before)
		}
		edit(t, dir, "locales/es.toml", `other = "Contrabando de narcóticos"`, `other = "Contrabando de narcóticos (revisado)"`)
		// The page reloads by itself; the poll survives no navigation, so
		// each try is a poll of its own until one sees the new title.
		var got string
		for try := 0; try < 100 && got != "Contrabando de narcóticos (revisado)"; try++ {
			got, _ = chromedp.Run(ctx, chromedp.Poll[string](`document.readyState === "complete" && document.querySelector("h1") && document.querySelector("h1").textContent`,
				chromedp.WithPollingTimeout(20*time.Second)))
		}
		if got != "Contrabando de narcóticos (revisado)" {
			t.Errorf("the open page shows the title %q, not the saved translation", got)
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		out := t.ArtifactDir()
		t.Logf("screenshots in %s", out)
		for _, tag := range []string{"en", "es", "ar", "en-XA"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"+tag+page)); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 10_000 {
				t.Errorf("screenshot of %s is not a PNG of a page (%d bytes)", tag, len(png))
			}
			if err := os.WriteFile(filepath.Join(out, tag+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}
