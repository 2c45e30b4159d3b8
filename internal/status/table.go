package status

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// WriteTable writes rep as plain-text tables with aligned columns, for a
// terminal: one line per locale, one per page and locale (after one for
// the locale's chrome, which page figures leave out), then one per ID
// that needs work (stale or missing, with the locale readers see instead)
// and per obsolete ID. Every line starts with its locale, so a reader can
// grep for one. A section with no lines is left out.
func WriteTable(w io.Writer, rep *Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LOCALE\tMESSAGES\tTRANSLATED\tSTALE\tMISSING\tOBSOLETE\tVISIBLE")
	for _, l := range rep.Locales {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\n", l.Tag, l.Total, l.Translated, l.Stale, l.Missing, l.Obsolete, percentCell(l.VisiblePercent))
	}
	if hasPages(rep) {
		fmt.Fprintln(tw, "\nLOCALE\tPAGE\tMESSAGES\tTRANSLATED\tSTALE\tMISSING\tVISIBLE\tPUBLISHED")
		for _, l := range rep.Locales {
			c := l.Chrome
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\n", l.Tag, chromeRow, c.Total, c.Translated, c.Stale, c.Missing, percentCell(c.VisiblePercent), "-")
			for _, p := range l.Pages {
				published := "yes"
				if !p.Published {
					published = "no: " + p.Reason
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\n", l.Tag, p.Slug, p.Total, p.Translated, p.Stale, p.Missing, percentCell(p.VisiblePercent), published)
			}
		}
	}
	if hasIDs(rep) {
		fmt.Fprintln(tw, "\nLOCALE\tID\tSTATE\tREADERS SEE")
		for _, l := range rep.Locales {
			for _, wk := range l.Work {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Tag, wk.ID, wk.State, wk.Shown)
			}
			for _, id := range l.ObsoleteIDs {
				fmt.Fprintf(tw, "%s\t%s\tobsolete\t-\n", l.Tag, id)
			}
		}
	}
	return tw.Flush()
}

// chromeRow names the line of the site chrome among the pages: it is on
// every page, and publishing counts it apart.
const chromeRow = "(chrome)"

// percentCell shows a percentage with one decimal, so a column lines up.
func percentCell(p float64) string {
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

func hasPages(rep *Report) bool {
	for _, l := range rep.Locales {
		if len(l.Pages) > 0 {
			return true
		}
	}
	return false
}

func hasIDs(rep *Report) bool {
	for _, l := range rep.Locales {
		if len(l.Work) > 0 || len(l.ObsoleteIDs) > 0 {
			return true
		}
	}
	return false
}
