// Package locale turns locale names at the edges (file names, flags, config)
// into validated language.Tag values, and tells what the page template needs
// to know of a locale: its native name, its writing direction, and how its
// dates are written.
//
// Inside l10n every locale is a language.Tag; a string is accepted only if
// it is a well-formed BCP 47 tag written in canonical case and form, so
// that a file name can never be "es_MX" or a path part such as "..".
package locale

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ErrNotCanonical reports a name that parses but is not in canonical form.
var ErrNotCanonical = errors.New("not a canonical BCP 47 tag")

// Parse returns the tag named by s. s must be a valid BCP 47 tag written
// the way language.Tag.String writes it: "es-MX", not "es_MX" or
// "ES-mx". A valid tag that CLDR aliases to another ("tl", Tagalog, to
// "fil") is kept as written, and so is a code the IANA registry
// deprecates ("iw" for Hebrew): the caller warns with [Current], but
// never rewrites a user's tag into another.
func Parse(s string) (language.Tag, error) {
	if s == "" || strings.ContainsAny(s, `/\.`) {
		return language.Und, fmt.Errorf("%q is not a BCP 47 language tag; use a tag such as \"es\" or \"es-MX\"", s)
	}
	// Raw: the tag as written, never replaced by another language's
	// code. CLDR's aliases would make "tl" (Tagalog, the tag US
	// government sites use) "fil"; the user's tag is kept everywhere
	// l10n writes it.
	tag, err := language.Raw.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("%q is not a BCP 47 language tag (%v); use a tag such as \"es\" or \"es-MX\"", s, err)
	}
	if tag == language.Und {
		return language.Und, fmt.Errorf("%q is the undetermined language; name a real language", s)
	}
	if c := tag.String(); c != s {
		return language.Und, fmt.Errorf("%q is %w; use %q", s, ErrNotCanonical, c)
	}
	if privateUse(tag) {
		return language.Und, fmt.Errorf("%q is a private-use tag: it names no language that readers, browsers or translators know; use the tag of the language, such as \"es\" or \"es-MX\"", s)
	}
	return tag, nil
}

// privateUse reports a tag whose language is for private use: "x-…"
// alone, qaa–qtz, or with a private-use subtag "-x-…". (A private-use
// region, as in the pseudo-locales en-XA and ar-XB, names a real
// language and is allowed.) See issue 6.
func privateUse(tag language.Tag) bool {
	base, _ := tag.Base()
	b := base.String()
	if len(b) == 3 && b[0] == 'q' && b[1] >= 'a' && b[1] <= 't' {
		return true
	}
	for _, e := range tag.Extensions() {
		if e.Type() == 'x' {
			return true
		}
	}
	return false
}

// Canonical returns the canonical form of a name that language.Parse
// accepts, or "" if it accepts none: the fix to suggest for a bad name.
func Canonical(s string) string {
	tag, err := language.Raw.Parse(s)
	if err != nil || tag == language.Und {
		return ""
	}
	if d := language.Deprecated.Make(tag.String()); d != tag {
		return d.String() // "iw" → "he"
	}
	return tag.String() // "TL" → "tl", not CLDR's "fil"
}

// Current returns the tag that replaces tag, a code the IANA registry
// deprecates ("he" for "iw", "id" for "in", "ro-MD" for "mo"), or "" if
// tag is current.
func Current(tag language.Tag) string {
	if d := language.Deprecated.Make(tag.String()); d.String() != tag.String() {
		return d.String()
	}
	return ""
}

// ByName returns the tag of the language that s names in English or in
// the language itself ("english" → "en", "Español" → "es", "haitian
// creole" → "ht"; case, "-" and "_" do not matter), or "" if none: the fix
// to suggest for a catalog named after its language. See issue 6.
func ByName(s string) string {
	norm := func(n string) string {
		return strings.ToLower(strings.NewReplacer("_", " ", "-", " ").Replace(n))
	}
	want := norm(s)
	if want == "" {
		return ""
	}
	tags := display.Supported.Tags()
	for name := range extra {
		tags = append(tags, language.MustParse(name))
	}
	english := display.English.Languages()
	for _, t := range tags {
		if norm(english.Name(t)) == want || norm(Name(t)) == want {
			return t.String()
		}
	}
	return ""
}

// extra describes languages that US agencies serve but for which x/text
// has no native name or likely script. Names are the ones the communities
// themselves use (CLDR where it has them, else the language's own
// standard spelling).
var extra = map[string]struct{ name, script string }{
	"ht":  {"Kreyòl ayisyen", "Latn"},
	"hmn": {"Hmoob", "Latn"},
	"prs": {"دری", "Arab"},
	"mh":  {"Kajin M̧ajeļ", "Latn"},
	"chk": {"Chuuk", "Latn"},
	"sm":  {"Gagana Sāmoa", "Latn"},
	"chr": {"ᏣᎳᎩ", "Cher"},
	"nv":  {"Diné bizaad", "Latn"},
	// Pseudo-locales (package pseudo), named for the developers who use them.
	"en-XA": {"Pseudo-accented", "Latn"},
	"ar-XB": {"Pseudo-bidi", "Arab"},
}

// Name returns the name of tag in its own language and script ("español de
// México", "简体中文", "Kreyòl ayisyen").
func Name(tag language.Tag) string {
	if e, ok := extra[tag.String()]; ok {
		return e.name
	}
	if n := display.Self.Name(tag); n != "" {
		return n
	}
	base, _ := tag.Base()
	if e, ok := extra[base.String()]; ok {
		return e.name
	}
	return tag.String()
}

// NameIn returns the name of language tag as readers of in write it:
// "inglés" for English in es. CLDR names languages in only some hundred
// languages; for any other in (ht), and where CLDR has no name, it is
// tag's own name ([Name]), never a third language's: x/text would answer
// ht readers in French.
func NameIn(tag, in language.Tag) string {
	if !displayed(in) {
		return Name(tag)
	}
	if n := display.Tags(in).Name(tag); n != "" {
		return n
	}
	return Name(tag)
}

// displayed reports whether CLDR's language names, as x/text has them,
// include names written in tag's language.
func displayed(tag language.Tag) bool {
	base, _ := tag.Base()
	_, i, conf := displayMatcher.Match(language.Make(base.String()))
	return conf == language.Exact && i >= 0
}

// displayMatcher matches the languages x/text has display names in.
var displayMatcher = language.NewMatcher(display.Supported.Tags())

// rtlScripts are the scripts written right to left (Unicode bidi class R or AL).
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true,
	"Adlm": true, "Rohg": true, "Mand": true, "Samr": true, "Mend": true,
}

// Script returns the ISO 15924 code of the script tag is most likely
// written in.
func Script(tag language.Tag) string {
	s, conf := tag.Script()
	if conf == language.No || s.String() == "Zzzz" {
		base, _ := tag.Base()
		if e, ok := extra[base.String()]; ok {
			return e.script
		}
	}
	return s.String()
}

// Dir returns "rtl" for locales written right to left, else "ltr".
func Dir(tag language.Tag) string {
	if rtlScripts[Script(tag)] {
		return "rtl"
	}
	return "ltr"
}
