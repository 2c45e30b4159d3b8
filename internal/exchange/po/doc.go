// Package po writes and reads the gettext PO files that l10n exchanges
// with CAT tools (Poedit, Weblate, Lokalize, OmegaT…): [Write] turns an
// [exchange.File] into a PO file, [Parse] reads one back. It is a stage:
// it takes values and writes to an io.Writer, or takes bytes and returns
// values; the files are opened by cmd/l10n.
//
// # The file
//
//	msgid ""
//	msgstr ""
//	"Language: vi\n"
//	"Content-Type: text/plain; charset=UTF-8\n"
//	"Plural-Forms: nplurals=2; plural=(n > 1);\n"
//	…
//
//	#. Site chrome: Link at the very top of every page, for keyboard and screen reader users
//	#. l10n-hash: sha256:71c7487db66d5429
//	msgctxt "chrome.skip"
//	msgid "Skip to main content"
//	msgstr "Chuyển đến nội dung chính"
//
// In detail:
//
//   - The header gives Language (the locale's BCP 47 tag), UTF-8, and
//     Plural-Forms; Project-Id-Version, PO-Revision-Date, Last-Translator
//     and Language-Team are empty for the CAT tool to fill in, so the file
//     holds no date or name and the same catalogs give the same bytes.
//   - One entry per message: msgctxt is the message ID, msgid the English,
//     the extracted comments (#.) the description and the hash of the
//     English the file was made from ("l10n-hash: sha256:…"), which import
//     compares with today's English.
//   - A stale translation (made from English that has changed since) is
//     the msgstr of a "#, fuzzy" entry, with the English it was made from,
//     when the catalog recorded it, as the previous msgid ("#| msgid");
//     an untranslated message has an empty msgstr.
//   - A message with plural forms has msgid (the English "one"),
//     msgid_plural (the English "other") and msgstr[0], msgstr[1]… in the
//     order of the CLDR categories the language uses (zero, one, two, few,
//     many, other; go-i18n's rules, as the catalogs use them).
//   - Strings escape \\, \", line feed, tab and carriage return, and other
//     control characters as octal (\001), as gettext does; msgfmt --check
//     accepts the file. A message with U+0000 cannot be written.
//
// # Translation memory suggestions
//
// An untranslated message with translation memory matches ([exchange.Unit]
// Matches) carries the best one as msgmerge carries a fuzzy match: its
// translation as the msgstr of a fuzzy entry, the English it translates
// as the previous msgid, and a translator comment saying how alike the
// two English texts are and which message the suggestion comes from:
//
//	# l10n tm: 92% match from page.intro.p1
//	#. l10n-hash: sha256:…
//	#, fuzzy
//	#| msgid "Read the guide."
//	msgctxt "page.intro.p2"
//	msgid "Read the guides."
//	msgstr "Đọc hướng dẫn."
//
// A fuzzy entry is never imported, so the suggestion becomes a translation
// only when the translator clears the flag. A message with plural forms,
// or with a stale translation (already fuzzy, with its own previous
// msgid), gets no suggestion.
//
// # Plural-Forms
//
// gettext selects a plural form by a C expression over a whole number n.
// [PluralForms] derives the header from the locale's CLDR rules: nplurals
// is the number of categories the locale uses, and the expression is the
// first of a table of known shapes (one per family: English, French,
// Spanish with its "many" for millions, Russian, Polish, Czech,
// Lithuanian, Slovenian, Arabic, Welsh…) that gives the right category
// for every number from 0 to 1200 and for powers of ten up to a billion.
// A locale whose rule matches no shape cannot be exported as PO (XLIFF
// needs no expression).
//
// # Reading
//
// Parse reads what gettext tools write: comments of every kind,
// continuation lines, CRLF line ends, obsolete (#~) entries (skipped),
// a POSIX Language such as pt_BR (read as pt-BR). It refuses a byte order
// mark, invalid UTF-8, a charset other than UTF-8, unknown escapes, an
// entry without msgctxt, two entries with the same msgctxt and msgid, and
// a Plural-Forms whose nplurals or expression (evaluated, not compared as
// text) differ from the language's rules, each at its line and column. A
// fuzzy entry needs review and is never imported as current. A fuzzy
// entry with an "l10n tm:" comment and a previous msgid, as export writes
// a suggestion, is untranslated: its msgstr is read as the unit's match.
// Once the translator clears the flag it is a translation like any other.
package po
