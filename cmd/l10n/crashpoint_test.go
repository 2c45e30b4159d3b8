package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/hsi-l10n/l10n/internal/sitetree"
)

// The every-crash-point test: a command that writes the site is run once
// to count its file operations (package crashpoint marks them), then,
// for every K, on a fresh copy of the same site, killed right after its
// K-th operation and run again. Every file it left must be the old one or
// the new one, and the rerun must leave the whole tree as the one
// uninterrupted run left it. This is how SQLite's crash tests and
// LevelDB's fault-injection environment leave no crash point to chance.
// See issue 18.

// crashBinary builds l10n with the build tag crashtest: package
// crashpoint then kills it after the operation L10N_CRASH_AT names.
func crashBinary(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("crash-point test: needs the go command on PATH to build l10n -tags crashtest")
	}
	bin := filepath.Join(t.TempDir(), "l10n-crashtest")
	out, err := exec.Command(gobin, "build", "-tags", "crashtest", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -tags crashtest: %v\n%s", err, out)
	}
	return bin
}

// crashRun runs bin with args in the site dir, with the crash-point
// environment env; it reports whether the process was killed, and fails
// t if it exited otherwise than with 0.
func crashRun(t *testing.T, bin, dir string, env []string, args ...string) (killed bool, out string) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-C", dir}, args...)...)
	// One P: the operations come in nearly the same order each run.
	cmd.Env = append(append(os.Environ(), "GOMAXPROCS=1"), env...)
	b, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, string(b)
		}
	}
	if err != nil {
		t.Fatalf("l10n %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	return false, string(b)
}

// crashCase is a command to crash at every point: setUp prepares the site
// (with the uncrashable bin) so that the command has work to do.
type crashCase struct {
	name  string
	setUp func(t *testing.T, bin, dir string)
	args  []string
}

func TestEveryCrashPointConverges(t *testing.T) {
	if testing.Short() {
		t.Skip("runs each writing command once per file operation; -short skips it")
	}
	t.Parallel()
	bin := crashBinary(t)
	for _, c := range crashCases() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			base := t.TempDir()
			copyTree(t, copyPartialSite(t), base, false, map[uint64]string{})
			c.setUp(t, bin, base)
			old := siteTree(t, base)

			// One uninterrupted run: what every rerun must reach, and how
			// many operations there are.
			ref := t.TempDir()
			copyTree(t, base, ref, false, map[uint64]string{})
			log := filepath.Join(t.TempDir(), "ops")
			if killed, out := crashRun(t, bin, ref, []string{"L10N_CRASH_LOG=" + log}, c.args...); killed {
				t.Fatalf("uninterrupted run was killed:\n%s", out)
			}
			want := siteTree(t, ref)
			ops, err := os.ReadFile(log)
			if err != nil {
				t.Fatalf("the run marked no file operation: %v", err)
			}
			n := bytes.Count(ops, []byte("\n"))
			diverged, mixed, stray := 0, 0, 0
			for k := 1; k <= n; k++ {
				work := t.TempDir()
				copyTree(t, base, work, false, map[uint64]string{})
				killed, _ := crashRun(t, bin, work, []string{fmt.Sprintf("L10N_CRASH_AT=%d", k)}, c.args...)
				if !killed {
					continue // this run had fewer operations
				}
				mixed += oldOrNew(t, k, siteTree(t, work), old, want)
				crashRun(t, bin, work, nil, c.args...)
				got := siteTree(t, work)
				for _, p := range sitetree.Leftovers(got) {
					stray++
					t.Errorf("crash at %d: the rerun left %s", k, p)
				}
				if d := sitetree.Diff(got, want); d != nil {
					diverged++
					t.Errorf("crash at %d (%s): the rerun differs from one uninterrupted run:\n%s", k, opLine(ops, k), strings.Join(d, "\n"))
				}
			}
			t.Logf("%s: %d crash points; %d mixed files, %d divergent reruns, %d stray files", c.name, n, mixed, diverged, stray)
		})
	}
}

// oldOrNew reports, and counts, each file of the tree a crash at k left
// that is neither as it was before the run nor as the run leaves it.
func oldOrNew(t *testing.T, k int, got, old, want sitetree.Tree) int {
	t.Helper()
	bad := sitetree.Mixed(got, old, want)
	for _, p := range bad {
		t.Errorf("crash at %d left %s neither old nor new", k, p)
	}
	return len(bad)
}

// opLine is the k-th line of the operations log.
func opLine(ops []byte, k int) string {
	lines := strings.Split(string(ops), "\n")
	if k-1 < len(lines) {
		return lines[k-1]
	}
	return "?"
}

// crashCases are the commands that write more than one file, each with
// work to do.
func crashCases() []crashCase {
	return []crashCase{
		{
			// English edited: the English catalog and every locale catalog
			// change, and translations of the edited paragraph go stale.
			name: "extract",
			setUp: func(t *testing.T, bin, dir string) {
				editFile(t, dir, "content/narcotics-smuggling.md", "global crime with local impacts.", "global crime with devastating local impacts.")
				editFile(t, dir, "content/narcotics-smuggling.md", "HSI tracks, intercepts", "HSI protects the public.\n\nHSI tracks, intercepts")
			},
			args: []string{"extract", "-q"},
		},
		{
			// A paragraph deleted: every locale that translated it holds
			// an obsolete entry.
			name: "prune",
			setUp: func(t *testing.T, bin, dir string) {
				editFile(t, dir, "content/narcotics-smuggling.md", "Narcotics smuggling is a global crime with local impacts.\n", "")
				crashRun(t, bin, dir, nil, "extract", "-q")
			},
			args: []string{"prune"},
		},
		{
			// Two translations from a translator's PO file.
			name: "import",
			setUp: func(t *testing.T, bin, dir string) {
				crashRun(t, bin, dir, nil, "export", "-locale", "vi", "-format", "po", "-o", "vi.po")
				editFile(t, dir, "vi.po", "msgid \"Skip to main content\"\nmsgstr \"\"", "msgid \"Skip to main content\"\nmsgstr \"Chuyển đến nội dung chính\"")
				editFile(t, dir, "vi.po", "msgid \"Languages\"\nmsgstr \"\"", "msgid \"Languages\"\nmsgstr \"Ngôn ngữ\"")
			},
			args: []string{"import", "vi.po"},
		},
		{
			// The Spanish pages as a Hugo site keeps them, the catalog
			// emptied: align fills it. See issue 14.
			name: "align",
			setUp: func(t *testing.T, bin, dir string) {
				crashRun(t, bin, dir, nil, "build", "-q", "--markdown", "md")
				if err := os.Rename(filepath.Join(dir, "md", "es"), filepath.Join(dir, "content", "es")); err != nil {
					t.Fatal(err)
				}
				if err := os.RemoveAll(filepath.Join(dir, "md")); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "locales", "es.toml"), nil, 0o644); err != nil {
					t.Fatal(err)
				}
				crashRun(t, bin, dir, nil, "extract", "-q")
			},
			args: []string{"align", "-locale", "es"},
		},
		{
			// Untranslated entries whose English the catalog translates
			// elsewhere. See issue 14.
			name: "tm",
			setUp: func(t *testing.T, bin, dir string) {
				editFile(t, dir, "content/narcotics-smuggling.md", "HSI tracks, intercepts", "Narcotics smuggling is a global crime with local impacts.\n\nHSI tracks, intercepts")
				crashRun(t, bin, dir, nil, "extract", "-q")
			},
			args: []string{"tm", "-locale", "es"},
		},
		{
			name:  "build from nothing",
			setUp: func(t *testing.T, bin, dir string) {},
			args:  []string{"build", "-q"},
		},
		{
			name:  "build --markdown from nothing",
			setUp: func(t *testing.T, bin, dir string) {},
			args:  []string{"build", "-q", "--markdown", "content-l10n"},
		},
		{
			// The site built once, then a Spanish translation changed.
			name: "build",
			setUp: func(t *testing.T, bin, dir string) {
				crashRun(t, bin, dir, nil, "build", "-q")
				editFile(t, dir, "locales/es.toml", `other = "Contrabando de narcóticos"`, `other = "El contrabando de narcóticos"`)
			},
			args: []string{"build", "-q"},
		},
		{
			// The Markdown for Hugo written once, then a Spanish
			// translation changed and an Arabic one added.
			name: "build --markdown",
			setUp: func(t *testing.T, bin, dir string) {
				crashRun(t, bin, dir, nil, "build", "-q", "--markdown", "content-l10n")
				editFile(t, dir, "locales/es.toml", `other = "Contrabando de narcóticos"`, `other = "El contrabando de narcóticos"`)
			},
			args: []string{"build", "-q", "--markdown", "content-l10n"},
		},
	}
}

// editFile replaces old with new, once, in the file rel of dir.
func editFile(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}
