package sitetree

import (
	"slices"
	"testing"
)

func TestDiffNamesEveryDifferenceButWorkingState(t *testing.T) {
	want := Tree{"locales/": "", "locales/es.toml": "a", "public/index.html": "x", ".l10n.lock": "", ".l10n-cache/build.stamp": "file \"1 2 3\" sha:1 locales/es.toml\n"}
	got := Tree{"locales/": "", "locales/es.toml": "b", "public/new.html": "y", ".public.standby/index.html": "z", ".l10n-cache/build.stamp": "file \"4 5 6\" - locales/es.toml\n"}
	d := Diff(got, want)
	// The lock file and the standby site are working state; the stamps
	// differ only in the status of their input.
	if w := []string{"differs locales/es.toml", "extra public/new.html", "missing public/index.html"}; !slices.Equal(d, w) {
		t.Errorf("Diff = %q, want %q", d, w)
	}
	if d := Diff(want, want); d != nil {
		t.Errorf("Diff of a tree with itself = %q, want none", d)
	}
}

func TestMixedIsNeitherOldNorNew(t *testing.T) {
	old := Tree{"a": "1", "b": "1", "c": "1"}
	want := Tree{"a": "2", "b": "2", "d": "2"}
	got := Tree{"a": "1", "b": "2", "c": "3", "d": "1", "locales/.es.toml123": "partial", "e/": ""}
	if m, w := Mixed(got, old, want), []string{"c", "d"}; !slices.Equal(m, w) {
		t.Errorf("Mixed = %q, want %q", m, w)
	}
}

func TestLeftoversAreTempFilesAndUnfinishedSites(t *testing.T) {
	got := Tree{"locales/.es.toml4711": "", "locales/es.toml": "", ".public.new-12/": "", ".public.new-12/index.html": "", "public/.hidden": ""}
	if l, w := Leftovers(got), []string{".public.new-12/", ".public.new-12/index.html", "locales/.es.toml4711"}; !slices.Equal(l, w) {
		t.Errorf("Leftovers = %q, want %q", l, w)
	}
}

func TestManifestFileStatesAreNotCompared(t *testing.T) {
	want := Tree{".l10n-cache/build.manifest": "abc en/index.html\nlocale es k \"\"\n"}
	got := Tree{".l10n-cache/build.manifest": "abc en/index.html\nlocale es k \"\"\nfile 123 locales/es.toml 1 2 3 4 644\n"}
	if d := Diff(got, want); d != nil {
		t.Errorf("Diff = %q, want none: the file lines are timing-dependent", d)
	}
	got[".l10n-cache/build.manifest"] = "abd en/index.html\nlocale es k \"\"\n"
	if d := Diff(got, want); len(d) != 1 {
		t.Errorf("Diff = %q, want the manifest to differ in a page digest", d)
	}
}
