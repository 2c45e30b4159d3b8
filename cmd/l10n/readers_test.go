package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
	"github.com/hsi-l10n/l10n/internal/locale"
)

// The tests in this file have independent readers read what export
// writes: gettext's msgfmt reads the PO files, the npm package xliff (its
// xliff2js) the XLIFF files. .ci/run installs both and sets
// L10N_REQUIRE_READERS=1, so that in CI a missing reader fails the test;
// elsewhere the test is skipped, saying how to install it.

// missingReader skips the test, or fails it where the readers are
// required.
func missingReader(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("L10N_REQUIRE_READERS") == "1" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// exports exports tag from the site in dir and returns the file's path.
func exports(t *testing.T, dir, tag, format string) string {
	t.Helper()
	name := tag + map[string]string{"po": ".po", "xliff": ".xlf"}[format]
	if code, _, stderr := l10n(t, "-C", dir, "export", "-locale", tag, "-format", format, "-o", name); code != 0 {
		t.Fatalf("export %s %s: exit %d: %s", tag, format, code, stderr)
	}
	return filepath.Join(dir, name)
}

// readerSite is a site whose exports the readers read.
type readerSite struct {
	name, dir string
	tags      []string
}

// readerSites returns the shipped site and the tricky one, with the
// locales of each to export.
func readerSites(t *testing.T) []readerSite {
	return []readerSite{{"shipped", copySite(t), shippedLocales(t)}, {"tricky", trickySite(t), []string{"ar", "vi"}}, {"memory", memorySite(t), []string{"es"}}}
}

// memorySite is the shipped site with a second page that repeats a
// paragraph of the first and nearly repeats another, not yet translated:
// its export carries translation memory matches (<mtc:match>, a PO fuzzy
// suggestion). See issue 14.
func memorySite(t *testing.T) string {
	t.Helper()
	dir := copySite(t)
	page := "+++\ntitle = \"Global Crime\"\n+++\n\nNarcotics smuggling is a global crime with local impacts.\n\n" +
		"HSI is committed to doing its part to shield the public from this threat. Our mission is clear: to protect our nation from the organizations that traffic death and despair.\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "global-crime.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := l10n(t, "-C", dir, "extract", "-q"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	return dir
}

// TestExportedPOPassesMsgfmt has gettext's msgfmt --check read the PO
// export of every shipped locale and of the tricky site: it must accept
// each without a word. See issue 4.
func TestExportedPOPassesMsgfmt(t *testing.T) {
	bin, err := exec.LookPath("msgfmt")
	if err != nil {
		missingReader(t, "msgfmt not found, so no PO export was checked by gettext; install it with apt-get install gettext (.ci/run does)")
	}
	for _, site := range readerSites(t) {
		for _, tag := range site.tags {
			path := exports(t, site.dir, tag, "po")
			out, err := exec.Command(bin, "--check", "-o", os.DevNull, path).CombinedOutput()
			if err != nil || len(out) > 0 {
				t.Errorf("msgfmt --check on the %s site's %s: %v\n%s", site.name, filepath.Base(path), err, out)
			}
		}
	}
}

// xliff2jsScript prints, as JSON, what xliff2js reads from each file
// named on the command line.
const xliff2jsScript = `
const { xliff2js } = require('xliff');
const fs = require('fs');
const out = {};
let left = process.argv.length - 1;
for (const file of process.argv.slice(1)) {
  xliff2js(fs.readFileSync(file, 'utf8'), (err, res) => {
    if (err) { console.error(file + ': ' + err); process.exit(1); }
    out[file] = res;
    if (--left === 0) process.stdout.write(JSON.stringify(out));
  });
}
`

// nodeModules returns the folder that holds the npm packages of
// .ci/node (xliff, vnu-jar, axe-core): $L10N_NODE_MODULES, else
// .ci/node/node_modules of this repository.
func nodeModules() string {
	if d := os.Getenv("L10N_NODE_MODULES"); d != "" {
		return d
	}
	d, _ := filepath.Abs(filepath.Join("..", "..", ".ci", "node", "node_modules"))
	return d
}

// jsUnit is a unit as xliff2js returns it; a group has groupUnits.
//
// Elements xliff2js does not know, such as <mtc:matches>, are in
// additionalElements.
type jsUnit struct {
	Source     json.RawMessage   `json:"source"`
	Target     json.RawMessage   `json:"target"`
	GroupUnits map[string]jsUnit `json:"groupUnits"`
	Additional []jsElement       `json:"additionalElements"`
}

// jsElement is an element as xliff2js passes one through.
type jsElement struct {
	Name       string            `json:"name"`
	Attributes map[string]string `json:"attributes"`
	Elements   []jsElement       `json:"elements"`
}

// compareJSMatches checks that xliff2js sees a unit's translation memory
// matches as <mtc:match> elements beside its source and target, each
// referring to the unit's segment. See issue 14.
func compareJSMatches(t *testing.T, file, id string, js []jsElement, want []exchange.Match) {
	t.Helper()
	var got []jsElement
	for _, el := range js {
		if el.Name == "mtc:matches" {
			got = append(got, el.Elements...)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: xliff2js read %d matches of %s, we wrote %d", file, len(got), id, len(want))
		return
	}
	for i, m := range got {
		if m.Name != "mtc:match" || m.Attributes["ref"] != "#"+xliff.SegmentID || m.Attributes["similarity"] != strconv.Itoa(want[i].Similarity) {
			t.Errorf("%s: xliff2js read match %d of %s as <%s> %v, want <mtc:match> ref=\"#%s\" similarity=\"%d\"", file, i, id, m.Name, m.Attributes, xliff.SegmentID, want[i].Similarity)
		}
	}
}

// TestExportedXLIFFReadsInXliff2js has the npm package xliff (xliff2js)
// read the XLIFF export of every shipped locale and of the tricky site:
// it must find the same languages, units, sources and targets we wrote.
// See issue 4.
func TestExportedXLIFFReadsInXliff2js(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		missingReader(t, "node not found, so no XLIFF export was read by xliff2js; install Node.js, then npm ci --prefix .ci/node (.ci/run does)")
	}
	modules := nodeModules()
	if _, err := os.Stat(filepath.Join(modules, "xliff", "package.json")); err != nil {
		missingReader(t, "the npm package xliff is not in %s, so no XLIFF export was read by xliff2js; run npm ci --prefix .ci/node (.ci/run does), or set L10N_NODE_MODULES", modules)
	}
	var files []string
	names := map[string]string{} // path → what the test calls it
	for _, site := range readerSites(t) {
		for _, tag := range site.tags {
			path := exports(t, site.dir, tag, "xliff")
			files = append(files, path)
			names[path] = site.name + " " + filepath.Base(path)
		}
	}
	cmd := exec.Command(node, append([]string{"-e", xliff2jsScript}, files...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("node xliff2js: %v\n%s", err, stderr)
	}
	var read map[string]struct {
		SourceLanguage string                       `json:"sourceLanguage"`
		TargetLanguage string                       `json:"targetLanguage"`
		Resources      map[string]map[string]jsUnit `json:"resources"`
	}
	if err := json.Unmarshal(out, &read); err != nil {
		t.Fatalf("xliff2js output: %v\n%s", err, out)
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ours, err := xliff.Parse(filepath.Base(path), src)
		if err != nil {
			t.Fatal(err)
		}
		got := read[path]
		name := names[path]
		if got.SourceLanguage != "en" || got.TargetLanguage != ours.Target.String() {
			t.Errorf("%s: xliff2js read %s → %s, want en → %s", name, got.SourceLanguage, got.TargetLanguage, ours.Target)
		}
		units := got.Resources[ours.Target.String()]
		if len(units) != len(ours.Units) {
			t.Errorf("%s: xliff2js read %d units, we wrote %d", name, len(units), len(ours.Units))
		}
		matches := 0
		for _, u := range ours.Units {
			compareJSUnit(t, name, u, units[u.ID], ours.Target)
			matches += len(u.Matches)
		}
		if strings.HasPrefix(name, "memory") && matches < 2 {
			t.Errorf("%s: %d translation memory matches; the memory site's export has an exact and a fuzzy one", name, matches)
		}
	}
}

// compareJSUnit compares what xliff2js read of a unit with the unit.
func compareJSUnit(t *testing.T, file string, u *exchange.Unit, js jsUnit, tag language.Tag) {
	t.Helper()
	if !u.Plural {
		compareText(t, file, u.ID+" source", js.Source, u.Source["other"], true)
		compareText(t, file, u.ID+" target", js.Target, u.Target["other"], u.Target != nil)
		compareJSMatches(t, file, u.ID, js.Additional, u.Matches)
		return
	}
	compareJSMatches(t, file, u.ID+":other", js.GroupUnits[u.ID+":other"].Additional, u.Matches)
	categories := locale.PluralCategories(tag)
	if len(js.GroupUnits) != len(categories) {
		t.Errorf("%s: xliff2js read %d units in the group %s, want %d (%s)", file, len(js.GroupUnits), u.ID, len(categories), strings.Join(categories, ", "))
	}
	for _, c := range categories {
		g := js.GroupUnits[u.ID+":"+c]
		compareText(t, file, u.ID+":"+c+" source", g.Source, u.Source[c], true)
		compareText(t, file, u.ID+":"+c+" target", g.Target, u.Target[c], u.Target != nil)
	}
}

// compareText compares a source or target as xliff2js read it (a string,
// or an array of parts where the text holds elements) with want. xliff2js
// does not decode XLIFF 2.0's <cp/> (it reads it as an empty part), so a
// character that XML cannot hold counts as absent there.
func compareText(t *testing.T, file, what string, raw json.RawMessage, want string, present bool) {
	t.Helper()
	if !present {
		if len(raw) != 0 {
			t.Errorf("%s: xliff2js read a %s of %s, we wrote none", file, what, raw)
		}
		return
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var parts []any
		if err := json.Unmarshal(raw, &parts); err != nil {
			t.Errorf("%s: xliff2js read %s as %s, not text", file, what, raw)
			return
		}
		for _, p := range parts {
			if str, ok := p.(string); ok {
				s += str
			}
		}
	}
	want = strings.Map(func(r rune) rune {
		if r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 {
			return r
		}
		return -1
	}, want)
	if s != want {
		t.Errorf("%s: xliff2js read %s %q, we wrote %q", file, what, s, want)
	}
}
