// Package tomldepth measures how deeply a TOML document nests arrays and
// inline tables, cheaply and before it is parsed. BurntSushi/toml v1.6.0
// takes seconds and gigabytes for twenty kilobytes of
// "a = {b={b={…}}}", so every reader of a site's TOML (catalogs, front
// matter, l10n.toml) first asks [Exceeds] and refuses deep nesting at its
// position. See issue 6.
package tomldepth

// Max is the deepest nesting of arrays and inline tables that a file of a
// site may have. l10n's own files nest two levels at most (breadcrumbs =
// [{ … }]); a table header counts one level ([[x]] two) while it is read.
const Max = 32

// Exceeds returns the byte offset of the first '[' or '{' in src that
// opens a level deeper than max, and true; or 0 and false. It skips
// strings and comments as TOML reads them, in one pass without
// allocating. On invalid TOML its answer is a guess, which is enough: the
// parser that runs next reports the real error.
func Exceeds(src []byte, max int) (int, bool) {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '#':
			i = lineEnd(src, i)
		case '"', '\'':
			i = stringEnd(src, i)
		case '[', '{':
			depth++
			if depth > max {
				return i, true
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, false
}

// lineEnd returns the offset of the newline that ends the line holding
// offset i, or the last offset of src.
func lineEnd(src []byte, i int) int {
	for ; i < len(src); i++ {
		if src[i] == '\n' {
			return i
		}
	}
	return len(src) - 1
}

// stringEnd returns the offset of the last byte of the string that starts
// at offset i with a quote: basic (double quotes, with escapes), literal
// (single quotes), or their multi-line forms (three quotes). A one-line
// string ends at the end of its line at the latest.
func stringEnd(src []byte, i int) int {
	q := src[i]
	basic := q == '"'
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			switch {
			case basic && src[j] == '\\':
				j++
			case src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
				// Up to two more quotes may end the string's text.
				j += 2
				for j+1 < len(src) && src[j+1] == q {
					j++
				}
				return j
			}
		}
		return len(src) - 1
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\n':
			return j
		case basic && src[j] == '\\':
			j++
		case src[j] == q:
			return j
		}
	}
	return len(src) - 1
}
