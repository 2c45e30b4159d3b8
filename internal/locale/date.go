package locale

import (
	"strings"
	"time"

	"github.com/bep/golocales"
	"golang.org/x/text/language"
)

// FormatDate writes d as CLDR's long date format of the first locale in
// chain that CLDR has data for ("22 de abril de 2024", "2024年4月22日"),
// and returns the locale whose format it used. Month names and patterns
// come from CLDR (via golocales), never from this code.
func FormatDate(d time.Time, chain []language.Tag) (string, language.Tag) {
	for _, tag := range chain {
		if tr := golocales.New(strings.ReplaceAll(tag.String(), "-", "_")); tr != nil {
			return tr.FormatDateLong(d), tag
		}
	}
	return d.Format("2006-01-02"), language.Und
}
