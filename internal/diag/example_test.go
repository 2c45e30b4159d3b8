package diag_test

import (
	"fmt"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// A stage collects every problem, then the command sorts and prints them
// one per line.
func ExampleList() {
	src := []byte("[narcotics-smuggling.intro.p1]\nother = \"Contrabando de narcóticos\" x\n")
	lines := diag.NewLines("locales/es.toml", src)

	var l diag.List
	l.Add(diag.Warningf(lines.Line(1), "translation is stale; update it, then set hash"))
	// Byte 68 is the x: column 37, as ó is two bytes but one character.
	l.Add(diag.Errorf(lines.Pos(68), "unexpected text after the value; remove it"))
	l.Add(diag.Errorf(diag.Pos{File: "locales/es_MX.toml"}, "%q is not a canonical BCP 47 tag; rename the file es-MX.toml", "es_MX"))
	l.Sort()
	fmt.Println(l.Error())
	fmt.Println("failed:", l.Err() != nil)
	// Output:
	// locales/es.toml:1:1: warning: translation is stale; update it, then set hash
	// locales/es.toml:2:37: unexpected text after the value; remove it
	// locales/es_MX.toml: "es_MX" is not a canonical BCP 47 tag; rename the file es-MX.toml
	// failed: true
}

func ExamplePos_String() {
	fmt.Println(diag.Pos{File: "a.toml"})
	fmt.Println(diag.Pos{File: "a.toml", Line: 3})
	fmt.Println(diag.Pos{File: "a.toml", Line: 3, Col: 9})
	// Output:
	// a.toml
	// a.toml:3
	// a.toml:3:9
}
