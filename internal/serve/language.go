package serve

import (
	"net/http"
	"slices"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// languageCookie remembers the reader's language: / sends them back to it.
const languageCookie = "l10n_lang"

// maxAcceptLanguage is the longest Accept-Language header worth parsing;
// browsers send a few dozen bytes. A longer one counts as none.
const maxAcceptLanguage = 1024

// chooseLanguage redirects / to the first page of the reader's locale.
func (h *Handler) chooseLanguage(w http.ResponseWriter, r *http.Request, s *loaded) {
	// Only a locale with a page to show can be chosen; English has all.
	var tags []language.Tag
	first := map[language.Tag]*content.Page{}
	for _, p := range s.in.Pages {
		for _, t := range s.a.Published(p) {
			if first[t] == nil {
				first[t] = p
			}
		}
	}
	for _, t := range s.a.Tags() {
		if first[t] != nil {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		notFound(w, r, "The site has no pages yet: add one under content/.")
		return
	}
	q := r.URL.Query()
	tag, ok := pick(tags, q.Get("lang"))
	if ok {
		setLanguageCookie(w, tag)
	} else {
		cookie := ""
		if c, err := r.Cookie(languageCookie); err == nil {
			cookie = c.Value
		}
		tag = Negotiate(tags, cookie, r.Header.Get("Accept-Language"))
	}
	target := pageURL(tag, first[tag])
	if q.Get("review") == "1" {
		target += "?review=1"
	}
	http.Redirect(w, r, target, http.StatusFound)
}

// Negotiate returns the locale among tags (the default first) for a
// reader whose l10n_lang cookie holds cookie and whose browser sent the
// Accept-Language header accept: the cookie's locale if it is one of
// tags, else the best match for the header (es-AR → es, zh-TW → zh-Hant),
// else the default. A malformed, hostile or empty header, "*", or
// languages the site does not have give the default; a language with q=0
// is never chosen.
//
// The languages of the header are tried in order of preference; for each,
// x/text's [language.Matcher] looks for a match of high confidence, first
// among the locales that are not tied to another region (for es-AR: es,
// es-419 or es-AR, but not es-MX, whose words are Mexico's), then among
// all. A pseudo-locale (en-XA, ar-XB) is chosen only by name.
func Negotiate(tags []language.Tag, cookie, accept string) language.Tag {
	if t, ok := pick(tags, cookie); ok {
		return t
	}
	if len(accept) > maxAcceptLanguage {
		return tags[0]
	}
	want, _, err := language.ParseAcceptLanguage(accept)
	if err != nil {
		return tags[0]
	}
	if len(want) > maxLanguages {
		want = want[:maxLanguages]
	}
	for _, w := range want {
		if t, ok := match(w, regional(tags, w, true)); ok {
			return t
		}
		if t, ok := match(w, regional(tags, w, false)); ok {
			return t
		}
	}
	return tags[0]
}

// maxLanguages is how many languages of a header are tried.
const maxLanguages = 16

// match returns the locale among tags that matches want with high
// confidence.
func match(want language.Tag, tags []language.Tag) (language.Tag, bool) {
	if len(tags) == 0 {
		return language.Und, false
	}
	_, i, conf := language.NewMatcher(tags).Match(want)
	if conf < language.High || i < 0 || i >= len(tags) {
		return language.Und, false
	}
	return tags[i], true
}

// regional returns the locales of tags that may be offered to a reader
// who wants want: a locale with a region of its own only if it is want's
// region or contains it (es-419 for es-AR) when sameRegion is set; a
// pseudo-locale (a private-use region) only if want names it exactly.
func regional(tags []language.Tag, want language.Tag, sameRegion bool) []language.Tag {
	wr, wconf := want.Region()
	var out []language.Tag
	for _, t := range tags {
		r, conf := t.Region()
		switch {
		case conf != language.Exact:
			out = append(out, t)
		case r.IsPrivateUse():
			if t == want {
				out = append(out, t)
			}
		case !sameRegion || wconf == language.Exact && (r == wr || r.Contains(wr)):
			out = append(out, t)
		}
	}
	return out
}

// pick returns the locale named name if it is one of tags.
func pick(tags []language.Tag, name string) (language.Tag, bool) {
	if name == "" {
		return language.Und, false
	}
	t, err := locale.Parse(name)
	if err != nil || !slices.Contains(tags, t) {
		return language.Und, false
	}
	return t, true
}

// setLanguageCookie remembers tag as the reader's language.
func setLanguageCookie(w http.ResponseWriter, tag language.Tag) {
	http.SetCookie(w, &http.Cookie{Name: languageCookie, Value: tag.String(), Path: "/", MaxAge: 365 * 24 * 60 * 60,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
