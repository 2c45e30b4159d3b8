package memory

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/hsi-l10n/l10n/internal/editdist"
)

// token matches, in turn: a Markdown link's destination, a code span, a
// bare URL, a number, a word, any other character but a space.
var token = regexp.MustCompile("\\]\\([^)\\s]*\\)|`+[^`]+`+|https?://[^\\s)>\\]]+|\\p{Nd}+(?:[.,]\\p{Nd}+)*|[\\p{L}\\p{M}][\\p{L}\\p{M}'’-]*|\\S")

// tokenize splits text into tokens (see token).
func tokenize(text string) []string { return token.FindAllString(text, -1) }

// anchor reports whether tok is carried over from English to a
// translation as it is: a link's destination, code, a URL, a number.
func anchor(tok string) bool {
	r := []rune(tok)[0]
	return strings.HasPrefix(tok, "](") || r == '`' || unicode.IsDigit(r) || strings.HasPrefix(tok, "http")
}

// words returns the tokens that are words, folded to lowercase.
func words(tokens []string) []string {
	var out []string
	for _, t := range tokens {
		if r := []rune(t)[0]; unicode.IsLetter(r) && !strings.HasPrefix(t, "http") {
			out = append(out, strings.ToLower(t))
		}
	}
	return out
}

// distinct returns ws sorted, each once.
func distinct(ws []string) []string {
	ws = slices.Clone(ws)
	slices.Sort(ws)
	return slices.Compact(ws)
}

// similarity is how alike two token sequences are, in percent rounded
// down: 100 less the edit distance (insertions, deletions and
// substitutions of tokens) over the longer length.
func similarity(a, b []string) int {
	n := max(len(a), len(b))
	if n == 0 {
		return 100
	}
	return 100 * (n - editdist.Distance(a, b)) / n
}

// mapAnchors returns text, a translation of the English tokens from,
// made a translation of the English tokens to: where the two differ only
// in anchors (2 days → 3 days, a link's destination), each anchor of from
// that differs is replaced in text by the one of to. ok is false where
// they differ otherwise, or an anchor to replace is not in text exactly
// once (a translator wrote the number their own way).
func mapAnchors(from, to []string, text string) (string, bool) {
	if len(from) != len(to) {
		return "", false
	}
	repl := map[string]string{}
	for i := range from {
		if from[i] == to[i] {
			continue
		}
		if !anchor(from[i]) || !anchor(to[i]) {
			return "", false
		}
		if r, ok := repl[from[i]]; ok && r != to[i] {
			return "", false // one anchor becomes two different ones
		}
		repl[from[i]] = to[i]
	}
	if len(repl) == 0 {
		return "", false
	}
	spans := token.FindAllStringIndex(text, -1)
	count := map[string]int{}
	for _, s := range spans {
		count[text[s[0]:s[1]]]++
	}
	for old := range repl {
		if count[old] != 1 {
			return "", false
		}
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if r, ok := repl[text[s[0]:s[1]]]; ok {
			b.WriteString(text[last:s[0]])
			b.WriteString(r)
			last = s[1]
		}
	}
	b.WriteString(text[last:])
	return b.String(), true
}
