package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/sitegen"
)

// mislabelled lists, on the page loaded, each text whose script says it
// is in one language while its element's language (the lang of its
// nearest ancestor with one) says another: text in the page's script
// marked as another language (a fallen-back aria-label that relabels an
// element's translated content), and prose in another script marked as
// the page's language (an English block left unmarked). It compares
// scripts, so it applies to pages whose script is not English's; three
// or more words are prose (a term such as "HSI" or ".gov" kept in a
// translation is not). Attributes that name an element (aria-label, alt,
// title) are held to their element's language too. scripts maps each
// locale to the Unicode script it is written in.
const mislabelled = `((scripts) => {
  const names = ['Latin', 'Arabic', 'Han', 'Hebrew', 'Cyrillic', 'Hangul', 'Thai', 'Devanagari', 'Hiragana', 'Katakana'];
  const res = names.map(n => [n, new RegExp('\\p{Script=' + n + '}', 'u')]);
  const scriptOf = s => {
    const count = {};
    // A Chinese, Japanese or Korean character says about as much as two
    // letters of an alphabet.
    for (const ch of s) for (const [n, re] of res) if (re.test(ch)) { count[n] = (count[n] || 0) + (['Han', 'Hangul', 'Hiragana', 'Katakana'].includes(n) ? 2 : 1); break; }
    let best = '', most = 0;
    for (const n in count) if (count[n] > most) { best = n; most = count[n]; }
    return [best, most];
  };
  const words = s => s.split(/\s+/).filter(w => /\p{L}{2}/u.test(w)).length;
  const langOf = el => { const l = el.closest('[lang]'); return l ? l.lang : ''; };
  const page = scripts[document.documentElement.lang];
  const out = [];
  if (!page || page === scripts['en']) return out;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement, text = n.nodeValue.trim();
    if (!text || el.closest('script, style')) continue;
    const [script, letters] = scriptOf(text), want = scripts[langOf(el)];
    if (letters < 3 || !want) continue;
    if (script === page && want !== page) out.push('"' + text.slice(0, 40) + '" is in ' + script + ' but marked ' + langOf(el));
    if (script !== page && want === page && words(text) >= 3) out.push('"' + text.slice(0, 40) + '" is in ' + script + ' but marked ' + langOf(el));
  }
  for (const el of document.body.querySelectorAll('[aria-label], [alt], [title]')) {
    for (const a of ['aria-label', 'alt', 'title']) {
      const v = el.getAttribute(a);
      if (!v) continue;
      const [script, letters] = scriptOf(v), want = scripts[langOf(el)];
      if (letters >= 4 && want && script !== want) out.push(el.tagName.toLowerCase() + ' ' + a + '="' + v.slice(0, 40) + '" is in ' + script + ' but its element is marked ' + langOf(el));
    }
  }
  return out;
})`

// unicodeScript names the Unicode script of an ISO 15924 code, as a
// JavaScript regexp's \p{Script=…} does.
func unicodeScript(code string) string {
	switch code {
	case "Latn":
		return "Latin"
	case "Arab":
		return "Arabic"
	case "Hans", "Hant", "Hani", "Jpan":
		return "Han"
	case "Hebr":
		return "Hebrew"
	case "Cyrl":
		return "Cyrillic"
	case "Kore", "Hang":
		return "Hangul"
	case "Thai":
		return "Thai"
	case "Deva":
		return "Devanagari"
	}
	return ""
}

// TestBuiltPagesLabelLanguagesTruthfully loads in Chromium every page
// built from the shipped site, from the shipped site with the partial
// catalogs of testdata/partial, and from a generated site with 60% of
// its messages (the chrome's too) translated into Arabic and Chinese, and
// checks with mislabelled that each text's marked language is its
// script's. See issue 13.
func TestBuiltPagesLabelLanguagesTruthfully(t *testing.T) {
	if testing.Short() {
		t.Skip("the label check runs in Chromium; -short skips it")
	}
	t.Parallel()
	ctx := validatorBrowser(t)
	generated := t.TempDir()
	if err := sitegen.Generate(generated, sitegen.Options{Pages: 6, Locales: []string{"ar", "zh-Hans", "es"}, Coverage: []int{60}, Stale: 10, Seed: 13}); err != nil {
		t.Fatal(err)
	}
	sites := map[string]string{"shipped": copySite(t), "partial": copyPartialSite(t), "generated": generated}
	checked := 0
	for name, dir := range sites {
		if code, _, stderr := l10n(t, "-C", dir, "build", "-q"); code != 0 {
			t.Fatalf("%s site: build: exit %d: %s", name, code, stderr)
		}
		public := filepath.Join(dir, "public")
		scripts := map[string]string{}
		var pages []string
		entries, err := os.ReadDir(public)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			tag, err := locale.Parse(e.Name())
			if !e.IsDir() || err != nil {
				continue
			}
			scripts[e.Name()] = unicodeScript(locale.Script(tag))
			matches, _ := filepath.Glob(filepath.Join(public, e.Name(), "*", "index.html"))
			deeper, _ := filepath.Glob(filepath.Join(public, e.Name(), "*", "*", "*", "index.html"))
			for _, m := range append(matches, deeper...) {
				rel, _ := filepath.Rel(public, m)
				pages = append(pages, filepath.ToSlash(rel))
			}
		}
		arg, _ := json.Marshal(scripts)
		ts := httptest.NewServer(http.FileServer(http.Dir(public)))
		for _, page := range pages {
			err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"+strings.TrimSuffix(page, "index.html")))
			if err != nil {
				t.Fatalf("loading %s: %v", page, err)
			}
			problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](mislabelled+"("+string(arg)+")"))
			if err != nil {
				t.Fatalf("%s site, %s: %v", name, page, err)
			}
			for _, p := range problems {
				t.Errorf("%s site, public/%s: %s", name, page, p)
			}
			if scripts[strings.SplitN(page, "/", 2)[0]] != "Latin" {
				checked++
			}
		}
		ts.Close()
	}
	if checked < 10 {
		t.Errorf("checked %d pages in a script other than Latin; want the Arabic and Chinese pages of all three sites", checked)
	}
}
