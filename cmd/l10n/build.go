package main

import (
	"context"
	"fmt"
	"io"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
)

func buildCmd() *command {
	return &command{
		name:  "build",
		usage: "l10n build [-C DIR]",
		short: "write the localized site into public/",
		long: `
Build writes the site into public/: public/<locale>/<page>/index.html for
English and every locale in locales/, public/index.html (a language
chooser) and public/sitemap.xml.

Each message comes from the first locale of the page locale's fallback
chain that has a current translation: the locale, its CLDR parents
(es-MX → es-419 → es), the fallbacks l10n.toml names, then English. A
translation is current when its hash is the hash of today's English; a
stale one is not shown. A block in another language than the page is
marked with lang and dir.

The new site is assembled beside public/ and swapped in at the end.`,
		run: runBuild,
	}
}

func runBuild(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	}
	in, err := build.Load(s)
	if err != nil {
		return err
	}
	files, err := build.Site(in)
	if err != nil {
		return err
	}
	if err := build.Save(s.Path(site.PublicDir), files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d pages in %d locales to %s/\n", len(in.Pages), len(build.Tags(in.Locales)), site.PublicDir)
	if len(in.Warnings) > 0 {
		return in.Warnings
	}
	return nil
}
