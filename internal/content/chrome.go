package content

// ChromeMessage is an English string of the page template (the site
// chrome): the .gov banner, navigation labels, "Last Updated", the
// translation notice. Chrome is translated through the same catalogs as
// the pages, under IDs that start with "chrome.".
type ChromeMessage struct {
	ID, Text, Description string
}

// Chrome lists the chrome strings in the order they appear on a page. The
// banner's wording is the official USWDS English; its Spanish is official
// too (see locales/es.toml). {{.LockIcon}} and {{.Date}} are placeholders
// the template fills in after rendering; they are never run as templates.
var Chrome = []ChromeMessage{
	{"chrome.skip", "Skip to main content", "Link at the very top of every page, for keyboard and screen reader users"},
	{"chrome.banner.label", "Official website of the United States government", "Accessible name of the .gov banner region (USWDS official wording)"},
	{"chrome.banner.flag_alt", "U.S. flag", "Alternative text of the small U.S. flag image in the .gov banner"},
	{"chrome.banner.text", "An official website of the United States government", "Text of the .gov banner (USWDS official wording)"},
	{"chrome.banner.action", "Here’s how you know", "Button that opens the .gov banner (USWDS official wording)"},
	{"chrome.banner.domain_heading", "Official websites use .gov", "Heading in the opened .gov banner (USWDS official wording)"},
	{"chrome.banner.domain_text", "A **.gov** website belongs to an official government organization in the United States.", "Text in the opened .gov banner (USWDS official wording); keep .gov in bold"},
	{"chrome.banner.https_heading", "Secure .gov websites use HTTPS", "Heading in the opened .gov banner (USWDS official wording)"},
	{"chrome.banner.https_text", "A **lock** ({{.LockIcon}}) or **https://** means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites.", "Text in the opened .gov banner (USWDS official wording); {{.LockIcon}} is replaced by a padlock icon: keep it in the parentheses"},
	{"chrome.banner.lock_title", "Lock", "Accessible name of the padlock icon in the .gov banner"},
	{"chrome.banner.lock_desc", "A locked padlock", "Accessible description of the padlock icon in the .gov banner"},
	{"chrome.site_name", "U.S. Immigration and Customs Enforcement", "Name of the agency in the page header"},
	{"chrome.languages", "Languages", "Label of the language switcher"},
	{"chrome.breadcrumb", "Breadcrumb", "Accessible name of the breadcrumb navigation above the page title"},
	{"chrome.translation_notice", "This page is a translation of the original English page.", "Notice at the top of every translated page; not shown on the English page"},
	{"chrome.translation_link", "Read the original in English", "Link from a translated page to the English original"},
	{"chrome.partial_notice", "Parts of this page are not yet translated and are shown in {{.Languages}}.", "Notice at the top of a translated page where some text is still shown in another language, in place of the notice above; {{.Languages}} is replaced by the names of those languages written in this page’s language (for example “English”)"},
	{"chrome.stale_notice", "The English original of this text has changed since it was translated.", "Notice after a translated block whose English has changed since, where the site shows such translations"},
	{"chrome.stale_link", "Read the current English", "Link after that notice, to the English page"},
	{"chrome.last_updated", "Last Updated: {{.Date}}", "Date the page was last changed; {{.Date}} is replaced by the date written the way the language writes dates"},
	{"chrome.helpful", "Was this page helpful?", "Question at the end of every page, above Yes and No buttons"},
	{"chrome.helpful_yes", "Yes", "Answer button to “Was this page helpful?”"},
	{"chrome.helpful_no", "No", "Answer button to “Was this page helpful?”"},
	{"chrome.choose_language", "Choose a language", "Heading of the site’s language chooser page"},
}
