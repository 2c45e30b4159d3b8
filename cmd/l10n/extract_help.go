package main

// extractHelp is the help of l10n extract (l10n help extract).
const extractHelp = `
Extract reads every page under content/ and writes locales/en.toml: one
message per title, heading, paragraph, list item, quote and table cell,
with a stable ID, a description for translators and the hash of its
English. It then brings every other catalog in locales/ up to date: new
messages are added with an empty "other", translations are kept as they
are (a changed English marks them stale), and messages the English no
longer has are kept at the end as obsolete.

To start a new locale, create an empty locales/<tag>.toml (a BCP 47 tag
such as vi or es-MX) and run l10n extract.

Every input is checked before any file is written; on an error no file
changes. Files that would not change are not touched. When no page or
catalog changed since the last extract, it stops at once. When only the
text of some pages changed (no block added, removed or moved), each
catalog still as the last extract wrote it has only their entries laid
out again and the rest copied as it is; the index in
.l10n-cache/extract.index says where each page's entries are. A catalog
edited since (by a translator) is laid out whole. On a
terminal a progress bar shows for extracts longer than a second; a last
line sums up: pages, catalogs written and unchanged, time.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`
