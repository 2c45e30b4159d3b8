package catalog

import "github.com/hsi-l10n/l10n/internal/diag"

// Positions holds where the value of each go-i18n key of a message starts
// in its file. It is a fixed array, not a map: a catalog of 40,000
// messages held a map each, a tenth of a large build's memory.
type Positions struct {
	file string
	at   [numKeys]struct{ line, col int32 } // by index in Keys; line 0: absent
}

// numKeys is len(Keys); TestPositionsHoldEveryKey checks it.
const numKeys = 9

// keyIndex returns the index of key in Keys, or -1.
func keyIndex(key string) int {
	for i, k := range Keys {
		if k == key {
			return i
		}
	}
	return -1
}

// Get returns where the value of key starts, and whether m has key.
func (p *Positions) Get(key string) (diag.Pos, bool) {
	i := keyIndex(key)
	if i < 0 || p.at[i].line == 0 {
		return diag.Pos{}, false
	}
	return diag.Pos{File: p.file, Line: int(p.at[i].line), Col: int(p.at[i].col)}, true
}

// Set records that the value of key, one of Keys, starts at pos; other
// keys are not recorded. The positions of one message are in one file.
func (p *Positions) Set(key string, pos diag.Pos) {
	i := keyIndex(key)
	if i < 0 || pos.Line <= 0 {
		return
	}
	p.file = pos.File
	p.at[i].line, p.at[i].col = int32(pos.Line), int32(pos.Col)
}

// Len returns how many keys have a position.
func (p *Positions) Len() int {
	n := 0
	for _, a := range p.at {
		if a.line != 0 {
			n++
		}
	}
	return n
}

// All returns the position of each key that has one.
func (p *Positions) All() map[string]diag.Pos {
	out := map[string]diag.Pos{}
	for _, k := range Keys {
		if pos, ok := p.Get(k); ok {
			out[k] = pos
		}
	}
	return out
}
