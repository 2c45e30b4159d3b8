// Package xliff writes and reads the XLIFF 2.0 files (OASIS) that l10n
// exchanges with CAT tools: [Write] turns an [exchange.File] into XLIFF,
// [Parse] reads one back, as it came back from a translator. It is a
// stage: it takes values and writes to an io.Writer, or takes bytes and
// returns values; the files are opened by cmd/l10n.
//
// # The file
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi">
//	  <file id="vi" canResegment="no" xml:space="preserve">
//	    <unit id="chrome.skip">
//	      <notes>
//	        <note category="description">Site chrome: Link at the very top of every page…</note>
//	        <note category="l10n-hash">sha256:71c7487db66d5429</note>
//	      </notes>
//	      <segment state="translated">
//	        <source>Skip to main content</source>
//	        <target>Chuyển đến nội dung chính</target>
//	      </segment>
//	    </unit>
//	  </file>
//	</xliff>
//
// In detail:
//
//   - One <unit> per message; its id is the message ID. Its notes are the
//     English description (category "description") and the hash of the
//     English the file was made from (category "l10n-hash"), which import
//     compares with today's English.
//   - The segment's state is "translated" for a current translation and
//     "initial" otherwise. A stale translation (made from English that has
//     changed since) is written as the target of an "initial" segment with
//     subState="l10n:stale", and the English it was made from, when the
//     catalog recorded it, in a note of category "l10n-previous". A
//     message without a translation has no <target>.
//   - A message with plural forms is a <group type="l10n:plural"> whose id
//     is the message ID, holding one unit per plural category of the
//     target language, in CLDR order: id "<message ID>:<category>", name
//     the category. Each such unit has the English form of its category as
//     source (the English "other" where English has no such form) and
//     carries the notes. CAT tools handle groups and units as they are;
//     one unit per form keeps each form a segment of its own, with its own
//     state.
//   - Message text is the message's Markdown, as text: **bold**,
//     [links](url) and {{.Placeholders}} are characters, not inline codes.
//     &, < and > are escaped; a carriage return is written &#xD; (a parser
//     would read a raw one as a line feed); a character XML 1.0 cannot
//     hold (U+0001, U+FFFE…) is written <cp hex="0001"/>, as XLIFF 2.0
//     provides. xml:space="preserve" keeps every space, tab and line break.
//
// # Translation memory matches
//
// A unit's translation memory suggestions ([exchange.Unit] Matches) are
// written with XLIFF 2.0's Translation Candidates module, whose namespace
// <xliff> declares as xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"
// only when some unit has them, so a file without any is as before:
//
//	<unit id="page.intro.p2">
//	  <mtc:matches>
//	    <mtc:match ref="#s1" similarity="92" origin="page.intro.p1">
//	      <source>Read the guide.</source>
//	      <target>Đọc hướng dẫn.</target>
//	    </mtc:match>
//	  </mtc:matches>
//	  <notes>…</notes>
//	  <segment id="s1" state="initial">…</segment>
//	</unit>
//
// <mtc:matches> is the unit's first child: the XLIFF 2.0 schema puts
// module and extension elements before <notes>. Each match refers to the
// unit's segment ("#" and its id; the segment has an id only then).
// similarity is how alike the two English texts are, in percent; origin
// is the ID of the message the suggestion comes from. A plural message has
// its matches on the unit of its "other" form.
//
// # Reading
//
// Parse reads XLIFF 2.0 (and 2.1 and 2.2, whose core is the same), every
// file and (non-plural) group in it, and reports every problem at its
// line and column. It refuses XLIFF 1.2, a DOCTYPE or any other <!…>
// declaration (so no entity is ever defined, let alone an external one),
// an encoding other than UTF-8, and inline codes (<ph>, <pc>, <sc>, <ec>)
// that a tool may have added; it reads <cp/> back as its character, keeps
// the text inside <mrk> annotations and skips <sm/> and <em/>. Segments
// and ignorables a tool split a unit into are joined again.
//
// Parse reads <mtc:matches> back into the unit's Matches, and only
// there: a match never becomes a target, so a suggestion is never
// imported. A candidate that is not plain text is left out. Other module
// and extension elements are skipped.
//
// States map to [exchange.State]: a target in state translated, reviewed
// or final is Translated; a non-empty target in state initial needs
// review (it is never imported as current); no target, or an empty one in
// state initial, is Untranslated. A segment in state translated, reviewed
// or final without a target is an error.
package xliff
