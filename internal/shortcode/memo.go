package shortcode

import (
	"bytes"

	"github.com/yuin/goldmark/parser"
)

// scanner parses tags. Its zero value is ready to use; one scanner serves
// one source only, because it remembers what it learnt about it, which
// keeps a scan of the whole source linear where repeated attempts would
// otherwise cover the same bytes again: a failed attempt can run on far
// ("{{%a x={{%a x={{%a …" is one long list of named arguments), and the
// next attempt, starting inside it, would run over the same bytes.
type scanner struct {
	noEscaped bool // fail on escaped tags without searching for their end
	limit     int  // the length of the source, for contextScanner

	// For the plain [0] and Markdown [1] forms: searched says that a
	// search for "*/" + close began at from and found the first one at
	// found (-1 when there is none after from).
	searched [2]bool
	from     [2]int
	found    [2]int

	// spaceFrom and spaceAt: the first ASCII white space at or after
	// spaceFrom is at spaceAt (len(src) when there is none), once
	// spaceSearched.
	spaceSearched      bool
	spaceFrom, spaceAt int

	// failed[at-base] holds, for an offset at where a failed attempt
	// stood between two arguments, one bit per form and argument kind
	// (see stateBit): an attempt that reaches the same offset in the same
	// state fails too. It covers the source from the first failed
	// attempt on, as attempts only move forward (in Find, and in goldmark,
	// which reads lines and inlines in order); size is the source's
	// length. visited collects the offsets of the current attempt.
	failed  []uint8
	base    int
	size    int
	visited []visit
}

// visit is an offset between two arguments and the parser's state there.
type visit struct {
	at  int
	bit uint8
}

// stateBit is the bit of failed for a form and an argument kind.
func stateBit(markdown bool, kind int) uint8 {
	if markdown {
		kind += 3
	}
	return 1 << kind
}

// known reports whether an attempt already failed from offset at in the
// state bit, and records the visit.
func (s *scanner) known(at int, bit uint8) bool {
	if k := at - s.base; k >= 0 && k < len(s.failed) && s.failed[k]&bit != 0 {
		return true
	}
	s.visited = append(s.visited, visit{at, bit})
	return false
}

// fail records the visits of the current attempt as failures. Offsets
// before the first failed attempt are not recorded, which costs time,
// never a wrong answer.
func (s *scanner) fail() {
	if len(s.visited) == 0 {
		return
	}
	if s.failed == nil {
		s.base = s.visited[0].at
		s.failed = make([]uint8, max(s.size-s.base, 0))
	}
	for _, v := range s.visited {
		if k := v.at - s.base; k >= 0 && k < len(s.failed) {
			s.failed[k] |= v.bit
		}
	}
	s.visited = s.visited[:0]
}

// commentEnd returns the offset of the first "*/" followed by close at or
// after from, or -1. It reuses the previous search of the same form when
// that began at or before from and found nothing before from.
func (s *scanner) commentEnd(src []byte, from int, markdown bool, close string) int {
	k := 0
	if markdown {
		k = 1
	}
	if s.searched[k] && s.from[k] <= from && (s.found[k] < 0 || s.found[k] >= from) {
		return s.found[k]
	}
	q := bytes.Index(src[from:], []byte(closeComment+close))
	if q >= 0 {
		q += from
	}
	s.searched[k], s.from[k], s.found[k] = true, from, q
	return q
}

// nextSpace returns the offset of the first ASCII white space at or after
// i, or len(b.src). A bare value may hold "{{<" and so run over the next
// attempts' bytes, so the scanner remembers the answer for them.
func (b *body) nextSpace(i int) int {
	s := b.memo
	if s != nil && s.spaceSearched && s.spaceFrom <= i && i <= s.spaceAt {
		return s.spaceAt
	}
	j := i
	for j < len(b.src) && !isSpace(b.src[j]) {
		j++
	}
	if s != nil {
		s.spaceSearched, s.spaceFrom, s.spaceAt = true, i, j
	}
	return j
}

// Keys of the scanners kept in a parser.Context for the block and the
// inline parser. goldmark numbers context keys in a registry of its own,
// so they are set once when the package loads and never change.
var (
	blockScannerKey  = parser.NewContextKey()
	inlineScannerKey = parser.NewContextKey()
)

// contextScanner returns the scanner kept in pc under key for a source
// cut at limit, making a new one when there is none or it was made for
// another limit. Keeping it for the whole parse lets the parsers reuse
// what earlier attempts learnt about the source, so that a document full
// of unclosed tags is still parsed in linear time.
func contextScanner(pc parser.Context, key parser.ContextKey, limit int, noEscaped bool) *scanner {
	if s, ok := pc.Get(key).(*scanner); ok && s.limit == limit {
		return s
	}
	s := &scanner{noEscaped: noEscaped, limit: limit}
	pc.Set(key, s)
	return s
}
