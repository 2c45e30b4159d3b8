package sitegen

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/fallback"
	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/render"
)

// GenerateHugo writes the site that [Generate] writes for the same
// options as a multilingual Hugo site into dir: hugo.toml (English and
// each locale as a language), one Markdown file per page and language
// (translation by file name: page.md, page.es.md, …), the chrome strings
// as Hugo i18n files, and a layout that does what an l10n page does (the
// .gov banner, hreflang alternates, a language switcher, breadcrumbs, the
// localized "Last Updated" date).
//
// Each locale's page is assembled as l10n build shows it: every message
// in the first locale of the locale's fallback chain with a current
// translation, else in English; a block from another language than the
// page's carries its lang and dir as a Markdown attribute.
func GenerateHugo(dir string, o Options) error {
	g, err := newGen(o)
	if err != nil {
		return err
	}
	chains := g.chains()
	if err := writeFile(filepath.Join(dir, "hugo.toml"), g.hugoConfig()); err != nil {
		return err
	}
	for _, l := range hugoLayouts() {
		if err := writeFile(filepath.Join(dir, "layouts", filepath.FromSlash(l.name)), []byte(l.text)); err != nil {
			return err
		}
	}
	// The chrome: English, then each locale as its readers see it.
	var chromeText []string
	for _, c := range content.Chrome {
		chromeText = append(chromeText, c.Text)
	}
	trs := g.translators()
	if err := writeFile(filepath.Join(dir, "i18n", "en.toml"), hugoI18n(chromeText)); err != nil {
		return err
	}
	for li, tag := range g.tags {
		texts, _ := g.resolve(trs, chains[li], 0, chromeText)
		if err := writeFile(filepath.Join(dir, "i18n", tag.String()+".toml"), hugoI18n(texts)); err != nil {
			return err
		}
	}
	return parallel(len(g.pages), func(i int) error {
		p := g.pages[i]
		trs := g.translators() // a translator's cache is not shared between goroutines
		base := filepath.Join(dir, "content", "topics", p.area, p.slug)
		english := p.texts()
		if err := writeFile(base+".md", p.hugoMarkdown(english, nil, "")); err != nil {
			return err
		}
		for li, tag := range g.tags {
			texts, from := g.resolve(trs, chains[li], p.index+1, english)
			if err := writeFile(base+"."+tag.String()+".md", p.hugoMarkdown(texts, from, tag.String())); err != nil {
				return err
			}
		}
		return nil
	})
}

func (g *gen) translators() []*translator {
	trs := make([]*translator, len(g.tags))
	for i, tag := range g.tags {
		trs[i] = newTranslator(tag)
	}
	return trs
}

// chains returns, for each locale, the indexes in g.tags of the locales of
// its fallback chain that the site has, in chain order; English ends
// every chain and is not listed.
func (g *gen) chains() [][]int {
	index := map[language.Tag]int{}
	for i, tag := range g.tags {
		index[tag] = i
	}
	chains := make([][]int, len(g.tags))
	for i, tag := range g.tags {
		for _, t := range fallback.ChainFor(tag, nil, language.English) {
			if j, ok := index[t]; ok {
				chains[i] = append(chains[i], j)
			}
		}
	}
	return chains
}

// resolve returns the text readers of a locale see for each English
// message of a unit (see plan), and the tag it comes from ("en" for
// English).
func (g *gen) resolve(trs []*translator, chain []int, unit int, english []string) (texts, from []string) {
	states := make([][]state, len(chain))
	for k, li := range chain {
		states[k] = plan(g.o.Seed, g.tags[li].String(), unit, len(english), g.coverage[li], g.o.Stale)
	}
	texts, from = make([]string, len(english)), make([]string, len(english))
	for i, en := range english {
		texts[i], from[i] = en, "en"
		for k, li := range chain {
			if states[k][i] == current {
				texts[i], from[i] = trs[li].Translate(en), g.tags[li].String()
				break
			}
		}
	}
	return texts, from
}

// hugoMarkdown returns the page in one language as a Hugo page: texts are
// its messages in message order, from the tag each comes from (nil for
// the English page), lang the page's language.
func (p *page) hugoMarkdown(texts, from []string, lang string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\ntitle = %s\ndescription = %s\ndate = %s\nbreadcrumbs = [\n", tomlString(texts[0]), tomlString(texts[1]), p.updated)
	for i, c := range p.crumbs {
		fmt.Fprintf(&b, "  { title = %s, url = %s },\n", tomlString(texts[2+i]), tomlString(c.url))
	}
	b.WriteString("]\n+++\n")
	n := 2 + len(p.crumbs)
	var attrs []string
	if from != nil {
		attrs = make([]string, len(p.body))
		for i := range p.body {
			if f := from[n+i]; f != lang {
				tag, _ := locale.Parse(f)
				attrs[i] = fmt.Sprintf("{lang=%q dir=%q}", f, locale.Dir(tag))
			}
		}
	}
	writeBody(&b, p.body, texts[n:], attrs)
	return b.Bytes()
}

func (g *gen) hugoConfig() []byte {
	var b bytes.Buffer
	b.WriteString(`# A Hugo twin of an l10n site, written by sitegen for benchmarks: the same
# pages and translations, one file per page and language.
baseURL = "https://l10n.example.gov/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "rss", "section", "404", "robotstxt"]

[markup.goldmark.parser.attribute]
block = true
`)
	tags := append([]language.Tag{language.English}, g.tags...)
	for i, tag := range tags {
		fmt.Fprintf(&b, "\n[languages.%s]\nweight = %d\nlanguageCode = %s\nlanguageName = %s\nlanguageDirection = %s\n",
			tag, i+1, tomlString(tag.String()), tomlString(locale.Name(tag)), tomlString(locale.Dir(tag)))
	}
	return b.Bytes()
}

// hugoI18n returns the chrome messages as a Hugo i18n file (go-i18n TOML),
// with IDs made bare keys: chrome.banner.label → chrome_banner_label.
func hugoI18n(texts []string) []byte {
	var b bytes.Buffer
	for i, c := range content.Chrome {
		fmt.Fprintf(&b, "[%s]\nother = %s\n\n", hugoID(c.ID), tomlString(texts[i]))
	}
	return b.Bytes()
}

func hugoID(id string) string { return strings.ReplaceAll(id, ".", "_") }

// hugoLayouts returns the layout files, by path under layouts/: the same
// parts as an l10n page, with the same style sheet.
func hugoLayouts() []struct{ name, text string } {
	baseof := strings.ReplaceAll(hugoBaseof, "CSS", string(render.CSS()))
	return []struct{ name, text string }{{"_default/baseof.html", baseof}, {"_default/single.html", hugoSingle}, {"index.html", hugoHome}}
}

// hugoBaseof is the base layout: the document head (title, description,
// canonical and hreflang links, the style sheet in place of CSS), the .gov
// banner and the header with the language switcher, around a "main" block.
const hugoBaseof = `<!DOCTYPE html>
<html lang="{{ site.Language.LanguageCode }}" dir="{{ site.Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ with .Title }}{{ . }} | {{ end }}{{ i18n "chrome_site_name" }}</title>
{{- with .Description }}
<meta name="description" content="{{ . }}">
{{- end }}
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.LanguageCode }}" href="{{ .Permalink }}">
{{- end }}
{{- with index .AllTranslations 0 }}
<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{- end }}
<style>CSS</style>
</head>
<body>
<a class="skip" href="#main">{{ i18n "chrome_skip" }}</a>
<section class="banner" aria-label="{{ i18n "chrome_banner_label" }}">
<details>
<summary><img class="flag" src="data:image/svg+xml,%3Csvg%20xmlns=%27http://www.w3.org/2000/svg%27%20viewBox=%270%200%2016%2011%27%3E%3Cpath%20fill=%27%23b22234%27%20d=%27M0%200h16v11H0z%27/%3E%3C/svg%3E" width="16" height="11" alt="{{ i18n "chrome_banner_flag_alt" }}">
<span>{{ i18n "chrome_banner_text" }}</span>
<span class="banner-action">{{ i18n "chrome_banner_action" }}</span></summary>
<div class="banner-content">
<div class="banner-guidance">
<p><strong>{{ i18n "chrome_banner_domain_heading" }}</strong><br>
<span>{{ i18n "chrome_banner_domain_text" | markdownify }}</span></p>
</div>
<div class="banner-guidance">
<p><strong>{{ i18n "chrome_banner_https_heading" }}</strong><br>
<span>{{ i18n "chrome_banner_https_text" (dict "LockIcon" "🔒") | markdownify }}</span></p>
</div>
</div>
</details>
</section>
<header class="site-header">
<div class="wrap">
<p class="site-name">{{ i18n "chrome_site_name" }}</p>
<nav class="languages" aria-label="{{ i18n "chrome_languages" }}">
<ul>
{{- range .AllTranslations }}
<li><a href="{{ .RelPermalink }}" lang="{{ .Language.LanguageCode }}" hreflang="{{ .Language.LanguageCode }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">{{ .Language.LanguageName }}</a></li>
{{- end }}
</ul>
</nav>
</div>
</header>
{{ block "main" . }}{{ end }}
</body>
</html>
`

// hugoSingle is the layout of a page: breadcrumbs, the title, the
// translation notice on a translated page, the content, the localized
// "Last Updated" date and the "was this helpful" buttons.
const hugoSingle = `{{ define "main" }}
<div class="wrap">
<nav class="breadcrumb" aria-label="{{ i18n "chrome_breadcrumb" }}">
<ol>
{{- range .Params.breadcrumbs }}
<li><a href="{{ .url }}">{{ .title }}</a></li>
{{- end }}
<li aria-current="page">{{ .Title }}</li>
</ol>
</nav>
<main id="main">
<h1>{{ .Title }}</h1>
{{- if ne site.Language.Lang "en" }}
<p class="notice">{{ i18n "chrome_translation_notice" }} <a href="{{ with index .AllTranslations 0 }}{{ .RelPermalink }}{{ end }}" hreflang="en" lang="en">{{ i18n "chrome_translation_link" }}</a></p>
{{- end }}
{{ .Content }}
<p class="updated">{{ i18n "chrome_last_updated" (dict "Date" (.Date | time.Format ":date_long")) }}</p>
<section class="helpful">
<p>{{ i18n "chrome_helpful" }}</p>
<button type="button">{{ i18n "chrome_helpful_yes" }}</button>
<button type="button">{{ i18n "chrome_helpful_no" }}</button>
</section>
</main>
</div>
{{ end }}
`

// hugoHome is the layout of the home page: a list of the site's languages.
const hugoHome = `{{ define "main" }}
<main id="main" class="wrap">
<h1>{{ i18n "chrome_choose_language" }}</h1>
<ul>
{{- range site.Languages }}
<li><a href="/{{ .Lang }}/" lang="{{ .LanguageCode }}">{{ .LanguageName }}</a></li>
{{- end }}
</ul>
</main>
{{ end }}
`
