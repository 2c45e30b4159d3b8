// Package status is the translators' and editors' report stage: from the
// pages, the English source messages and the locale catalogs it computes,
// per locale and per page, how much is translated, stale, missing and
// obsolete, and how much readers see in their own language. It reads
// nothing from disk and prints nothing but to the writer it is given.
//
// # Definitions
//
// The messages of a page are the site chrome ([content.Chrome], shown on
// every page) followed by the page's own blocks ([content.Page.Blocks]).
// A locale's totals count each distinct message once: the chrome once, not
// once per page.
//
// The state of a message in a locale is [fallback.Resolver.State] on the
// locale's own catalog: translated (current), stale (translated from
// English that has since changed) or missing (no entry, or an empty one).
// A message missing in es-MX but translated in es is still missing in
// es-MX: it needs work there, even if readers do not notice.
//
// A message is visible in a locale when the text readers see,
// [fallback.Resolver.Resolve] along [fallback.ChainFor] of the locale,
// comes from a locale other than English: es-MX readers see a message
// missing in es-MX in Spanish if es has it. As in a build, a locale whose
// policy is stale = "notice" shows its stale translations
// ([fallback.Resolver.ResolveShowingStale]), so they count as visible;
// they still need work. VisiblePercent is
// 100 × visible / total, rounded down to one decimal, so that a share
// below a threshold never shows as reaching it ("99.9", never "100" for
// 2 999 of 3 000). Comparisons with a threshold use the exact share.
//
// Obsolete messages are the IDs of a locale's catalog that the English
// source no longer has; they belong to no page. Filtering pages does not
// change them, and the English source is always taken whole, so a page
// left out is never mistaken for deleted.
//
// A page is published in a locale when its visible share is at least the
// locale's publishing policy minimum ([site.Policy].MinPercent), the rule
// package build follows; when it is not, [Page.Reason] says why, e.g.
// "visible 12.5% < min_percent 40".
//
// # Order
//
// Output never depends on map order: locales come in the order of the
// catalogs given (the site lists them by tag), pages in the order given,
// and the IDs that need work in catalog order (chrome first, then each
// page in order, blocks in order), obsolete IDs in catalog file order.
// English is the source, not a locale: it is never listed.
package status
