package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestRunWritesBothSites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, hugo := filepath.Join(dir, "site"), filepath.Join(dir, "hugo")
	var stdout, stderr bytes.Buffer
	args := []string{"-pages", "3", "-locales", "es,ar", "-coverage", "100,40", "-out", out, "-hugo", hugo}
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("run(%q) = %d, want 0; stderr:\n%s", args, code, stderr.String())
	}
	for _, f := range []string{"site/l10n.toml", "site/locales/en.toml", "site/locales/es.toml", "site/locales/ar.toml", "hugo/hugo.toml", "hugo/i18n/ar.toml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("run(%q) did not write %s: %v", args, f, err)
		}
	}
}

func TestRunRejectsMisuse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"no -out", []string{"-pages", "1"}, 2},
		{"coverage not a number", []string{"-out", "x", "-coverage", "ten"}, 2},
		{"unknown flag", []string{"-out", "x", "-frobnicate"}, 2},
		{"bad locale", []string{"-out", "OUT", "-locales", "es_MX"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			for i, a := range args {
				if a == "OUT" {
					args[i] = t.TempDir()
				}
			}
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != tc.want {
				t.Errorf("run(%q) = %d, want %d; stderr:\n%s", args, code, tc.want, stderr.String())
			}
		})
	}
}
