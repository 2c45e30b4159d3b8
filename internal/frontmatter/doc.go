// Package frontmatter reads the front matter of a page as Hugo reads it,
// in any of its formats, and writes it back with some of its strings
// replaced and every other byte kept.
//
// # Reading
//
// A page may open with front matter in TOML (between +++ lines), YAML
// (between --- lines) or JSON (an object whose closing brace ends a
// line), after any white space and a UTF-8 byte order mark; or have none.
// [Parse] finds it with Hugo's rules, decodes every key (no key is
// unknown: Hugo sites write weight, aliases, params, cSpell:ignore, …),
// and lists every string value with its key path and its byte span in
// the file, so that a translated value can be put back in its place.
//
// # Writing
//
// [Matter.Replace] writes the page with chosen strings replaced by new
// text, each encoded as a string of the front matter's own format;
// comments, key order, quoting and every other value stay byte for byte.
// It reads what it wrote back and refuses to return front matter whose
// keys or values differ from what was asked, so a layout it cannot edit
// is an error, never a broken page.
//
// # Keeping
//
// [Matter.MarshalBinary] and [Matter.UnmarshalBinary] keep a Matter
// between runs, for the page cache of package site: what is read back
// equals what Parse gives, every decoded value of the same type and every
// time in the location Parse would give it in the zone the program runs
// in.
package frontmatter
