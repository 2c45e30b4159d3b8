// Package dashboard renders a status report (package status) as one
// self-contained HTML page for the coordinator of a translation effort:
// per locale, a bar of translated, stale and missing messages, the
// fallback chain readers go through, and per page the same bar with a
// link into the page's review view (l10n serve's ?review=1). l10n serve
// shows it at /_status; it is meant to be looked at, not read.
//
// It is a pure stage: it reads nothing, prints nothing but to the writer
// it is given, needs no script, fetches nothing from the network, and its
// output depends only on the report (locales and pages in the report's
// order).
package dashboard

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"
	"strings"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/locale"
	"github.com/hsi-l10n/l10n/internal/status"
)

//go:embed dashboard.html
var pageHTML string

//go:embed dashboard.css
var styleCSS string

var pageTemplate = template.Must(template.New("dashboard").Parse(pageHTML))

type view struct {
	CSS     template.CSS
	Locales []localeView
}

type localeView struct {
	Tag, Name, Dir string
	Chain          string
	*status.Locale
	Pages []pageView
}

type pageView struct {
	*status.Page
	Review string // URL of the page's review view
}

// Write writes the dashboard of rep. Links into the review view of a page
// are linkPrefix + "<locale>/<page>/?review=1": "/" on l10n serve, "../"
// for a copy written to public/_status/index.html (where the query does
// nothing and the link opens the published page).
func Write(w io.Writer, rep *status.Report, linkPrefix string) error {
	v := view{CSS: template.CSS(styleCSS)}
	for _, l := range rep.Locales {
		chain := make([]string, len(l.Chain))
		for i, t := range l.Chain {
			chain[i] = t.String()
		}
		lv := localeView{Tag: l.Tag.String(), Name: locale.Name(l.Tag), Dir: locale.Dir(l.Tag), Chain: strings.Join(chain, " → "), Locale: l}
		for _, p := range l.Pages {
			dir := lv.Tag + "/"
			if p.Address != "" {
				dir += p.Address + "/"
			}
			lv.Pages = append(lv.Pages, pageView{Page: p, Review: linkPrefix + dir + "?review=1"})
		}
		v.Locales = append(v.Locales, lv)
	}
	return pageTemplate.Execute(w, v)
}

// Page renders the dashboard of the whole site of in, every catalog in
// full, as l10n build --status writes it to public/_status/index.html
// (its links go up one folder).
func Page(in *build.Input) ([]byte, error) {
	rep := status.Compute(&status.Input{Pages: in.Pages, Source: in.English(), Locales: in.Locales, Fallbacks: in.Fallbacks, Policies: in.Policies})
	var buf bytes.Buffer
	err := Write(&buf, rep, "../")
	return buf.Bytes(), err
}
