package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
)

// statusJSON is the part of "l10n status -json" the tests read.
type statusJSON struct {
	Locales []struct {
		Locale         string  `json:"locale"`
		Total          int     `json:"total"`
		Translated     int     `json:"translated"`
		Stale          int     `json:"stale"`
		Missing        int     `json:"missing"`
		Obsolete       int     `json:"obsolete"`
		VisiblePercent float64 `json:"visible_percent"`
		Pages          []struct {
			Page           string  `json:"page"`
			VisiblePercent float64 `json:"visible_percent"`
			Published      bool    `json:"published"`
			Reason         string  `json:"reason"`
		} `json:"pages"`
		Work []struct {
			ID    string `json:"id"`
			State string `json:"state"`
			Shown string `json:"shown"`
		} `json:"work"`
	} `json:"locales"`
}

func statusReport(t *testing.T, args ...string) statusJSON {
	t.Helper()
	code, out, stderr := l10n(t, append(args, "status", "-json")...)
	if code != 0 {
		t.Fatalf("l10n status -json: exit %d: %s", code, stderr)
	}
	var rep statusJSON
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("l10n status -json is not JSON: %v\n%s", err, out)
	}
	return rep
}

func TestStatusJSONOnShippedSite(t *testing.T) {
	t.Parallel()
	rep := statusReport(t, "-C", copySite(t))
	var tags []string
	for _, l := range rep.Locales {
		tags = append(tags, l.Locale)
		if l.VisiblePercent != 100 || len(l.Pages) != 1 || !l.Pages[0].Published {
			t.Errorf("%s: visible %v%%, pages %+v; want every shipped locale complete and published", l.Locale, l.VisiblePercent, l.Pages)
		}
	}
	if want := []string{"ar", "es", "es-MX", "ht", "vi", "zh-Hans"}; !slices.Equal(tags, want) {
		t.Fatalf("locales = %q, want %q", tags, want)
	}
}

// TestStatusJSONOnPartialSite reports on the shipped site with the partly
// translated ar, vi and ht catalogs of testdata/partial.
func TestStatusJSONOnPartialSite(t *testing.T) {
	t.Parallel()
	rep := statusReport(t, "-C", copyPartialSite(t))
	complete := []string{"es", "es-MX", "zh-Hans"}
	for _, l := range rep.Locales {
		if got := l.Translated + l.Stale + l.Missing; got != l.Total {
			t.Errorf("%s: translated %d + stale %d + missing %d = %d, want total %d", l.Locale, l.Translated, l.Stale, l.Missing, got, l.Total)
		}
		if slices.Contains(complete, l.Locale) {
			if l.VisiblePercent != 100 {
				t.Errorf("%s: visible_percent = %v, want 100", l.Locale, l.VisiblePercent)
			}
		} else if l.VisiblePercent >= 100 {
			t.Errorf("%s: visible_percent = %v, want below 100", l.Locale, l.VisiblePercent)
		}
		// The default min_percent: the title and half the page's own
		// messages in the locale's language. The partial ht catalog has
		// the chrome only.
		published := l.Locale != "ht"
		if len(l.Pages) != 1 || l.Pages[0].Page != "narcotics-smuggling" || l.Pages[0].Published != published {
			t.Errorf("%s: pages = %+v, want narcotics-smuggling, published %v", l.Locale, l.Pages, published)
		}
		if len(l.Work) != l.Stale+l.Missing {
			t.Errorf("%s: %d IDs need work, want stale %d + missing %d", l.Locale, len(l.Work), l.Stale, l.Missing)
		}
		if l.Locale == "ht" {
			if l.Translated != len(content.Chrome) {
				t.Errorf("ht: translated = %d, want %d, the chrome messages", l.Translated, len(content.Chrome))
			}
			for _, w := range l.Work {
				if strings.HasPrefix(w.ID, "chrome.") {
					t.Errorf("ht: %s needs work, want the chrome complete", w.ID)
				}
			}
			if p := l.Pages[0]; p.Reason != "title shown in en" {
				t.Errorf("ht: reason %q, want %q", p.Reason, "title shown in en")
			}
		}
		if l.Locale == "es-MX" {
			for _, w := range l.Work {
				if w.Shown != "es" {
					t.Errorf("es-MX: readers see %s of %s, want es", w.Shown, w.ID)
				}
			}
		}
	}
}

func TestStatusMinNamesEveryLocaleBelow(t *testing.T) {
	t.Parallel()
	code, out, stderr := l10n(t, "-C", copyPartialSite(t), "status", "-min", "90")
	if code != 1 {
		t.Fatalf("l10n status -min 90: exit %d, want 1; stderr: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "LOCALE ") {
		t.Errorf("l10n status -min 90 printed no table before failing:\n%s", out)
	}
	for _, tag := range []string{"ar", "vi", "ht"} {
		if !regexp.MustCompile(`\b` + tag + ` \d+(\.\d)?%`).MatchString(stderr) {
			t.Errorf("stderr does not name %s with its percentage: %s", tag, stderr)
		}
	}
	for _, tag := range []string{"es", "es-MX", "zh-Hans"} {
		if strings.Contains(stderr, " "+tag+" ") {
			t.Errorf("stderr names %s, which is complete: %s", tag, stderr)
		}
	}
	if code, _, stderr := l10n(t, "-C", copyPartialSite(t), "status", "-min", "30"); code != 0 {
		t.Errorf("l10n status -min 30: exit %d, want 0 (every locale is above): %s", code, stderr)
	}
}

func TestStatusFilters(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	tests := []struct {
		name    string
		args    []string
		locales []string // first column of the locale table
	}{
		{"one locale", []string{"-locale", "es"}, []string{"es"}},
		{"comma-separated", []string{"-locale", "vi,es-MX"}, []string{"es-MX", "vi"}},
		{"repeated", []string{"-locale", "zh-Hans", "-locale", "ar"}, []string{"ar", "zh-Hans"}},
		{"one page", []string{"-page", "narcotics-smuggling"}, []string{"ar", "es", "es-MX", "ht", "vi", "zh-Hans"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, stderr := l10n(t, append([]string{"-C", dir, "status"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			seen := map[string]bool{}
			for _, line := range strings.Split(out, "\n") {
				if f := strings.Fields(line); len(f) > 0 && f[0] != "LOCALE" {
					seen[f[0]] = true
				}
			}
			var got []string
			for tag := range seen {
				got = append(got, tag)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.locales) {
				t.Errorf("l10n status %q shows locales %q, want %q", tt.args, got, tt.locales)
			}
		})
	}
}

func TestStatusMisuseExitsTwo(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"-locale", "es_MX"}, `use "es-MX"`},
		{[]string{"-locale", "es,xx-!"}, `"xx-!" is not a BCP 47 language tag`},
		{[]string{"-locale", "fr"}, "no locales/fr.toml"},
		{[]string{"-locale", "en"}, "English source"},
		{[]string{"-page", "no-such-page"}, "pages are narcotics-smuggling"},
		{[]string{"-min", "101"}, "from 0 to 100"},
		{[]string{"-min", "most"}, "-min"},
		{[]string{"es"}, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			code, _, stderr := l10n(t, append([]string{"-C", dir, "status"}, tt.args...)...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("l10n status %q = exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
			}
		})
	}
}

// TestStatusSaysWhyPageIsNotPublished: a page below its locale's
// min_percent is not published there, and status gives the reason. See
// issue 3.
func TestStatusSaysWhyPageIsNotPublished(t *testing.T) {
	t.Parallel()
	dir := copyPartialSite(t)
	config := "base_url = \"https://l10n.example.gov\"\n\n[publish.\"*\"]\nmin_percent = 0\n\n[publish.vi]\nmin_percent = 60\n"
	if err := os.WriteFile(filepath.Join(dir, "l10n.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := statusReport(t, "-C", dir)
	reason := regexp.MustCompile(`^visible \d+(\.\d)?% < min_percent 60$`)
	for _, l := range rep.Locales {
		p := l.Pages[0]
		switch {
		case l.Locale == "vi" && (p.Published || !reason.MatchString(p.Reason)):
			t.Errorf("vi: published %v, reason %q; want false and %q", p.Published, p.Reason, reason)
		case l.Locale != "vi" && (!p.Published || p.Reason != ""):
			t.Errorf("%s: published %v, reason %q; want true and no reason (min_percent 0)", l.Locale, p.Published, p.Reason)
		}
	}
	code, out, stderr := l10n(t, "-C", dir, "status", "-locale", "vi")
	if code != 0 {
		t.Fatalf("l10n status -locale vi: exit %d: %s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^vi +narcotics-smuggling .* no: visible \d+(\.\d)?% < min_percent 60$`).MatchString(out) {
		t.Errorf("the table does not say why vi is not published:\n%s", out)
	}
	// The build agrees: the page is there in every locale but vi.
	if code, _, stderr := l10n(t, "-C", dir, "build"); code != 0 {
		t.Fatalf("l10n build: exit %d: %s", code, stderr)
	}
	for _, l := range rep.Locales {
		_, err := os.Stat(filepath.Join(dir, "public", l.Locale, "narcotics-smuggling", "index.html"))
		if built := err == nil; built != l.Pages[0].Published {
			t.Errorf("%s: status says published %v, build wrote the page: %v", l.Locale, l.Pages[0].Published, built)
		}
	}
}
