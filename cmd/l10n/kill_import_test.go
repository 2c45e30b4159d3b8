package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	importPages      = 24  // generated pages of the site of the import kill test
	importKills      = 120 // kills of a child l10n import
	importKillsShort = 10  // with -short
)

// TestKillDuringImportLosesNothing kills "l10n import" at many points
// while it merges a translator's file into locales/es.toml, and checks
// that every catalog is then either as it was or as the import writes it,
// byte for byte; that each parses, with our parser and go-i18n's; that
// every Spanish translation is there, as it was or as imported; and that
// what a kill leaves beside the catalogs is never read as one, and is
// removed by the next extract. See issue 3.
//
// The files imported, in turn, are the Spanish catalog exported as XLIFF
// and as PO, with the translations of ten pages changed: both give the
// same catalog. Before each kill locales/es.toml is put back as it was.
// Kill points are drawn by killPlan from three imports to completion of
// each file, the events being the changes to locales/. The test does not
// run in parallel with others: they would change the timings the kill
// points are drawn from.
func TestKillDuringImportLosesNothing(t *testing.T) {
	kills := killCount(t, importKills, importKillsShort)
	bin := l10nBinary(t)
	dir, es := largeSite(t, importPages)
	edit := func(s string) string {
		return strings.ReplaceAll(s, "ES generated-page-00", "ES imported generated-page-00")
	}
	files := []string{"es.xlf", "es.po"}
	for _, name := range files {
		if code, _, stderr := l10n(t, "-C", dir, "export", "-locale", "es", "-o", name); code != 0 {
			t.Fatalf("export to %s: exit %d: %s", name, code, stderr)
		}
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		edited := edit(string(src))
		if n := strings.Count(string(src), "ES generated-page-00"); n < 10*genSections*genParagraphs {
			t.Fatalf("%s has %d translations of pages 0–9 to edit", name, n)
		}
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	imported := map[string]string{} // the translations after the import
	for id, text := range es {
		imported[id] = edit(text)
	}

	checked := parsed{}
	old := snapshot(t, dir)
	for name, data := range old {
		checked.check(t, name, data)
	}
	esPath := filepath.Join(dir, "locales", "es.toml")
	restore := func() {
		t.Helper()
		if err := os.WriteFile(esPath, old["es.toml"], 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Imports to completion, three of each file: they write the same
	// catalog, with exactly the translations edited changed.
	watched := []string{"locales"}
	rng := newKillRand(t)
	plans := map[string]*killPlan{} // by file imported
	for _, name := range files {
		plans[name] = &killPlan{rng: rng}
	}
	var want map[string][]byte
	const timings = 6
	for i := range timings {
		restore()
		name := files[i%2]
		c := runKilled(bin, dir, watched, nil, "-C", dir, "import", name)
		if c.err != nil {
			t.Fatalf("import of %s: %v\n%s", name, c.err, c.out)
		}
		if err := plans[name].learn(c); err != nil {
			t.Logf("import of %s: left out of the timings: %v", name, err)
		}
		after := snapshot(t, dir)
		if want == nil {
			want = after
			for name, data := range want {
				if !bytes.Equal(data, old[name]) && name != "es.toml" {
					t.Errorf("import of %s changed locales/%s", files[0], name)
				}
			}
			if got := translations(t, want["es.toml"]); !maps.Equal(got, imported) {
				t.Fatalf("import of %s: locales/es.toml has not exactly the translations imported", name)
			}
			checked.check(t, "es.toml", want["es.toml"])
		} else if !maps.EqualFunc(after, want, bytes.Equal) {
			t.Fatalf("import of %s wrote another catalog than import of %s", name, files[0])
		}
	}

	counts := map[outcome]int{}
	leftovers := 0 // temporary files in locales/, left by kills
	for i := range kills {
		restore()
		name := files[i%2]
		kp := plans[name].next()
		c := runKilled(bin, dir, watched, kp, "-C", dir, "import", name)
		when := fmt.Sprintf("kill %d of l10n import %s, %s", i, name, plans[name].describe(kp))
		if c.err != nil {
			t.Fatalf("%s: the import failed first: %v\n%s", when, c.err, c.out)
		}
		nNew, catalogs, temps := 0, 0, 0
		for file, data := range snapshot(t, dir) {
			if !strings.HasSuffix(file, ".toml") || strings.HasPrefix(file, ".") {
				temps++ // site.Locales skips it: not a catalog
				continue
			}
			catalogs++
			switch {
			case bytes.Equal(data, old[file]):
			case bytes.Equal(data, want[file]):
				nNew++
			default:
				t.Errorf("%s: locales/%s is neither the old file nor the new one (%d bytes; old %d, new %d)", when, file, len(data), len(old[file]), len(want[file]))
			}
			checked.check(t, file, data)
			if file == "es.toml" {
				checkImported(t, when, data, es, imported)
			}
		}
		if catalogs != len(old) {
			t.Errorf("%s: %d catalogs in locales/, want %d", when, catalogs, len(old))
		}
		left := temps - leftovers
		leftovers = temps
		var o outcome
		switch {
		case !c.killed:
			o = finished
			if nNew == 0 {
				t.Errorf("%s: import finished but left locales/es.toml as it was", when)
			}
		case left > 0:
			o = midWrite
		case nNew == 0:
			o = beforeWrites
		default:
			o = afterWrites
		}
		counts[o]++
		t.Logf("%s: %v", when, o)
		if t.Failed() {
			t.FailNow()
		}
	}

	// What kills left beside the catalogs: no command reads it as a
	// catalog, check names it, and the next extract removes it.
	temps := slices.DeleteFunc(slices.Sorted(maps.Keys(snapshot(t, dir))), func(name string) bool {
		_, ok := old[name]
		return ok
	})
	// check names each as a leftover (issue 18), and reads none.
	_, stdout, stderr := l10n(t, "-C", dir, "check")
	for _, name := range temps {
		leftover := "locales/" + name + ": warning: left by a write that was interrupted"
		for _, line := range strings.Split(stdout+stderr, "\n") {
			if strings.Contains(line, name) && !strings.HasPrefix(line, leftover) {
				t.Errorf("check read locales/%s, left by a killed import: %s", name, line)
			}
		}
		if !strings.Contains(stdout+stderr, leftover) {
			t.Errorf("check did not name locales/%s as left by an interrupted write: %s%s", name, stdout, stderr)
		}
	}
	code, stdout, stderr := l10n(t, "-C", dir, "extract")
	if code != 0 {
		t.Fatalf("extract after the kills: exit %d: %s", code, stderr)
	}
	for _, name := range temps {
		if !strings.Contains(stdout, "removed locales/"+name) {
			t.Errorf("extract after the kills did not say it removed locales/%s: %s", name, stdout)
		}
	}
	final := snapshot(t, dir)
	if len(final) != len(old) {
		t.Errorf("after the kills and an extract, locales/ holds %q; want the catalogs only", slices.Sorted(maps.Keys(final)))
	}
	checkImported(t, "after the kills", final["es.toml"], es, imported)

	t.Logf("%d Spanish translations, %d of them changed by the import", len(es), countChanged(es, imported))
	for _, name := range files {
		t.Logf("l10n import %s, with the changes to locales/:%s", name, plans[name].timeline())
	}
	t.Logf("%d kills of l10n import: %d %v, %d %v, %d %v, %d %v; %d temporary files left in locales/ by kills",
		kills, counts[finished], finished, counts[beforeWrites], beforeWrites, counts[midWrite], midWrite, counts[afterWrites], afterWrites, len(temps))
}

// checkImported fails t unless src, the contents of locales/es.toml, has
// every translation of es (ID → other) as it was or as imported has it.
func checkImported(t *testing.T, when string, src []byte, es, imported map[string]string) {
	t.Helper()
	got := translations(t, src)
	lost := 0
	for _, id := range slices.Sorted(maps.Keys(es)) {
		if got[id] != es[id] && got[id] != imported[id] {
			if lost < 5 {
				t.Errorf("%s: translation of %s = %q, want %q or %q", when, id, got[id], es[id], imported[id])
			}
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%s: %d of %d Spanish translations lost", when, lost, len(es))
	}
}

// countChanged returns how many values of a b has otherwise.
func countChanged(a, b map[string]string) int {
	n := 0
	for k, v := range a {
		if b[k] != v {
			n++
		}
	}
	return n
}
