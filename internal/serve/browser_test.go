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

	t.Run("fallen-back blocks line up with the Arabic column", func(t *testing.T) {
		for _, width := range []int64{1280, 390} {
			err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(ts.URL+"/ar"+page))
			if err != nil {
				t.Fatal(err)
			}
			counts, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.querySelectorAll('article > [lang="en"], article li[lang="en"]').length, document.querySelectorAll('article > :is(p,h2):not([lang])').length]`))
			if err != nil {
				t.Fatal(err)
			}
			if len(counts) != 2 || counts[0] == 0 || counts[1] == 0 {
				t.Fatalf("at %d px: %v English and Arabic blocks; the partial ar fixture should mix both", width, counts)
			}
			problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutProblems))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("ar at %d px: %s", width, p)
			}
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900)); err != nil {
			t.Fatal(err)
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

// layoutProblems lists, by geometry, what would make a page that mixes
// languages look broken rather than a deliberate fallback: a block of the
// article (translated or fallen back) whose box does not span the
// article's column, a list item whose marker sits on the other side from
// its list's indent (their directions differ) or outside the list, the
// "Was this page helpful?" question on another side than its buttons, and
// any horizontal overflow. See issue 13.
const layoutProblems = `(() => {
  const out = [];
  const near = (a, b) => Math.abs(a - b) < 1;
  const name = e => e.tagName.toLowerCase() + (e.lang ? '[lang=' + e.lang + ']' : '') + ' "' + e.textContent.trim().slice(0, 30) + '"';
  const article = document.querySelector('article');
  const col = article.getBoundingClientRect();
  for (const e of article.querySelectorAll(':scope > :is(h1, h2, h3, h4, p, ul, ol, blockquote)')) {
    const r = e.getBoundingClientRect();
    if (!near(r.left, col.left) || !near(r.right, col.right)) {
      out.push(name(e) + ' spans ' + Math.round(r.left) + '–' + Math.round(r.right) + ', the column ' + Math.round(col.left) + '–' + Math.round(col.right));
    }
  }
  for (const li of article.querySelectorAll('li')) {
    const list = li.parentElement;
    const ld = getComputedStyle(list).direction, id = getComputedStyle(li).direction;
    if (ld !== id) {
      out.push(name(li) + ' has its marker on the start side of ' + id + ', its ' + ld + ' list indents the other side');
    }
    const r = li.getBoundingClientRect(), lr = list.getBoundingClientRect();
    if (r.left < lr.left - 1 || r.right > lr.right + 1) {
      out.push(name(li) + ' sticks out of its list');
    }
  }
  const helpful = document.querySelector('.helpful');
  if (helpful) {
    const sec = helpful.getBoundingClientRect();
    const rtl = getComputedStyle(helpful).direction === 'rtl';
    const fromStart = r => rtl ? sec.right - r.right : r.left - sec.left;
    const range = document.createRange();
    range.selectNodeContents(helpful.querySelector('h2'));
    const question = range.getBoundingClientRect();
    const button = helpful.querySelector('button').getBoundingClientRect();
    if (fromStart(question) > 2 || fromStart(button) > 2) {
      out.push('the helpful question starts ' + Math.round(fromStart(question)) + ' px from the section start, its first button ' + Math.round(fromStart(button)) + ' px');
    }
  }
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    out.push('the page overflows horizontally: ' + root.scrollWidth + ' px in ' + root.clientWidth);
  }
  return out;
})()`
