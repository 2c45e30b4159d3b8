package locale

import (
	"testing"
	"time"

	"golang.org/x/text/language"
)

func TestZZProbe(t *testing.T) {
	for _, s := range []string{"es", "es-MX", "zh-Hans", "ht", "es_MX", "iw", "tl", "ES-mx", "..", "a/b", "", "english", "und", "prs", "hmn", "zh-Hant-HK", "en-US", "sr-Latn", "x", "mo", "in"} {
		tag, err := Parse(s)
		t.Logf("Parse(%q) = %v, %v; Canonical=%q", s, tag, err, Canonical(s))
	}
	for _, s := range []string{"es", "es-MX", "zh-Hans", "ht", "prs", "ar", "he", "fa", "ur", "hmn", "vi", "en", "mh", "chk", "sm", "chr", "nv", "ht-HT", "yi", "ps", "dv", "ckb", "sd", "ug", "ks", "az-Arab"} {
		tag := language.MustParse(s)
		t.Logf("%s: Name=%q Dir=%s Script=%s", s, Name(tag), Dir(tag), Script(tag))
	}
	d := time.Date(2024, 4, 22, 0, 0, 0, 0, time.UTC)
	for _, c := range [][]string{{"es"}, {"es-MX"}, {"zh-Hans"}, {"ar"}, {"hmn", "en"}, {"ht"}, {"vi"}, {"en"}, {"hmn"}, {"he"}, {"fa"}, {"prs","fa"}, {"es-419"}, {"zh-Hant-HK"}} {
		var chain []language.Tag
		for _, s := range c {
			chain = append(chain, language.MustParse(s))
		}
		s, tag := FormatDate(d, chain)
		t.Logf("%v: %q %v", c, s, tag)
	}
}
