package catalog

import (
	"testing"

	"github.com/hsi-l10n/l10n/internal/diag"
)

func TestPositionsHoldEveryKey(t *testing.T) {
	if len(Keys) != numKeys {
		t.Fatalf("len(Keys) = %d, numKeys = %d; make them equal", len(Keys), numKeys)
	}
	var p Positions
	for i, k := range Keys {
		p.Set(k, diag.Pos{File: "locales/es.toml", Line: i + 1, Col: 2 * i})
	}
	p.Set("descripton", diag.Pos{File: "locales/es.toml", Line: 99, Col: 1})
	if p.Len() != len(Keys) {
		t.Errorf("Len() = %d, want %d", p.Len(), len(Keys))
	}
	for i, k := range Keys {
		got, ok := p.Get(k)
		if want := (diag.Pos{File: "locales/es.toml", Line: i + 1, Col: 2 * i}); !ok || got != want {
			t.Errorf("Get(%q) = %v, %v; want %v, true", k, got, ok, want)
		}
	}
	if _, ok := p.Get("descripton"); ok {
		t.Error(`Get("descripton") found a key go-i18n does not have`)
	}
	if _, ok := (&Positions{}).Get("other"); ok {
		t.Error(`Get("other") on no positions = true`)
	}
}
