package site

import (
	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// Policy is what readers of a locale see of a partial or stale catalog.
type Policy struct {
	// Stale is "fallback" (the default): a stale translation is not
	// shown, the next locale of the chain is; or "notice": it is shown,
	// with a notice in the reader's language that the English has changed
	// since, and a link to the English page.
	Stale string `toml:"stale"`
	// MinPercent is the share of a page's own messages (title,
	// description, breadcrumbs and body; not the site chrome) that must
	// reach readers in the locale's language (its own catalog or a CLDR
	// parent's: es for es-MX), and the title must be one of them, for the
	// page to be published in this locale. 0 publishes every page. Left
	// out, it is the "*" policy's, else [DefaultMinPercent].
	MinPercent float64 `toml:"min_percent"`
}

// DefaultMinPercent is the min_percent of a locale whose policy gives
// none: a page is published when its title and at least half of its own
// messages are in the locale's language.
const DefaultMinPercent = 50

// Publishes reports whether a page is published under p: titleShown says
// whether its title is in the locale's language, shown of its total own
// messages are. The rule of l10n build and l10n status alike.
func (p Policy) Publishes(titleShown bool, shown, total int) bool {
	if p.MinPercent == 0 {
		return true
	}
	return titleShown && float64(shown) >= p.MinPercent/100*float64(total)
}

// The values of Policy.Stale.
const (
	StaleFallback = "fallback"
	StaleNotice   = "notice"
)

// PolicyFor returns the publishing policy of tag.
func (s *Site) PolicyFor(tag language.Tag) Policy {
	p, ok := s.Config.Publish[tag.String()]
	if !ok {
		p, ok = s.Config.Publish["*"]
	}
	if !ok {
		p.MinPercent = DefaultMinPercent
	}
	if p.Stale == "" {
		p.Stale = StaleFallback
	}
	return p
}

// checkPolicies gives the publishing policies their defaults and adds
// to list what is wrong in them.
func checkPolicies(c *Config, md toml.MetaData, list *diag.List) {
	defaultMinPercents(c, md)
	for _, name := range sortedKeys(c.Publish) {
		p := c.Publish[name]
		if name != "*" {
			if _, err := locale.Parse(name); err != nil {
				list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "publish: %v", err))
			}
		}
		if p.Stale != "" && p.Stale != StaleFallback && p.Stale != StaleNotice {
			list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "publish.%s: stale = %q; use \"fallback\" or \"notice\"", name, p.Stale))
		}
		if p.MinPercent < 0 || p.MinPercent > 100 {
			list.Add(diag.Errorf(diag.Pos{File: ConfigFile}, "publish.%s: min_percent = %v; use a number from 0 to 100", name, p.MinPercent))
		}
	}
}

// defaultMinPercents gives each publishing policy that leaves min_percent
// out the "*" policy's, or DefaultMinPercent: a key left out must not
// mean 0, "publish everything".
func defaultMinPercents(c *Config, md toml.MetaData) {
	fallback := float64(DefaultMinPercent)
	if md.IsDefined("publish", "*", "min_percent") {
		fallback = c.Publish["*"].MinPercent
	}
	for name, p := range c.Publish {
		if !md.IsDefined("publish", name, "min_percent") {
			p.MinPercent = fallback
			c.Publish[name] = p
		}
	}
}
