package main

// buildHelp is the help of l10n build (l10n help build).
const buildHelp = `
Build writes the site into public/: public/<locale>/<page>/index.html for
English and every locale in locales/, public/index.html (a language
chooser), public/sitemaps/<locale>.xml (each locale's pages with their
alternates) and public/sitemap.xml, which lists them.

Each message comes from the first locale of the page locale's fallback
chain that has a current translation: the locale, its CLDR parents
(es-MX → es-419 → es), the fallbacks l10n.toml names, then English. A
translation is current when its hash is the hash of today's English; a
stale one is not shown. A block in another language than the page is
marked with lang and dir.

With --status, the coordinators' dashboard that l10n serve shows at
/_status is also written to public/_status/index.html, for a team's
internal site.

With --markdown DIR, build writes localized Markdown for Hugo instead of
HTML: for every locale that publishes a page, DIR/<locale>/<the page's
path under content/>, the English file with each block's text replaced
by the text the fallback chain chose and every other byte kept (front
matter keys, shortcodes, code, raw HTML), and each other file under
content/ (a bundle's images) beside it. A block that fell back is marked
with a Hugo block attribute list, {lang="en" dir="ltr"}. Point each Hugo
language's contentDir at DIR/<locale> (see the README). A file whose
bytes would not change is not written.

With --locales es,fr, build writes only those locales' files into
public/: their pages, aliases, resources and sitemaps, with complete
language switchers, hreflang links and sitemaps for every locale. The
build whose --locales name en also writes the files of the whole site
(index.html, sitemap.xml, the dashboard). Shards built on separate
machines, each locale in one, merge by plain copy into the site one
build writes: no file is in two shards.

With --pseudo, the site also has the pseudo-locales en-XA (accented,
about 35% longer, bracketed) and ar-XB (mirrored, right to left), made
from the English on the fly, to find layout bugs before translations
exist. They are never written to locales/.

The new site is assembled beside public/, in .public.standby/, and
swapped in at the end by one atomic exchange of the two folders; the site
served until then stays in .public.standby/ for the next build to update.
The build reads one page at a time from every catalog, so memory holds
the pages in flight, not the catalogs. It is incremental: a file whose
bytes would not change is not written (it is linked from the old site),
a page whose inputs have not changed since the last build is not
rendered again, a translation checked before is not checked again, and a
file the standby already holds as it should be is not touched (the
caches in .l10n-cache/ remember them; deleting them only makes the next
build slower). When nothing changed at all since the last build that
gave no warning (l10n.toml, content/, locales/, public/, the flags and
l10n itself, told by the files' sizes, times and inodes, and for files
changed within a second by their bytes), the build stops at once. It
does not look inside public/: to make it anew, delete public/ and
.public.standby/. Pages are rendered on every core; on a terminal a
progress bar shows for builds longer than a second.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`
