package build

import (
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/shortcode"
)

// Shortcodes returns a warning for each Hugo shortcode in pages: the HTML
// build does not run them, and they show as nothing (the Markdown between
// a paired shortcode's tags shows as any other). Hugo runs them from the
// Markdown of l10n build --markdown, which needs no such warning. Pages
// come in order, each shortcode in page order.
func Shortcodes(pages []*content.Page) diag.List {
	var list diag.List
	warn := func(pos diag.Pos, name string) {
		list.Add(diag.Warningf(pos, "shortcode %q is not run by l10n build and shows as nothing; Hugo runs it from the Markdown of l10n build --markdown", name))
	}
	var visit func(nodes []*content.Node)
	visit = func(nodes []*content.Node) {
		for _, n := range nodes {
			for _, name := range n.Shortcodes {
				warn(n.Pos, name)
			}
			if n.Block != nil && n.Kind != content.NodeArg {
				for _, t := range shortcode.Find([]byte(n.Block.Text)) {
					if !t.Closing && !t.Escaped {
						warn(n.Block.Pos, t.Name)
					}
				}
			}
			visit(n.Children)
		}
	}
	for _, p := range pages {
		visit(p.Body)
	}
	return list
}
