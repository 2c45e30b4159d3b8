package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// scenario is a command to kill, and how to give it work on a copy of the
// generated site: prepare runs the uninterruptible l10n bin on dir and
// edits its files.
type scenario struct {
	name    string
	args    []string
	prepare func(bin, dir string) error
}

// edited is how many pages or translations a scenario changes: a fifth of
// the pages, as an operator's day of work might.
func edited(pages int) int { return max(1, pages/5) }

// scenarios are the commands that write the site, each with work to do.
func scenarios(pages int) []scenario {
	n := edited(pages)
	return []scenario{
		{"extract", []string{"extract", "-q"}, func(bin, dir string) error {
			// An English edit: the English catalog and every locale
			// catalog change, and translations go stale.
			return editPages(dir, n, func(s string) string {
				return strings.Replace(s, "\n+++\n\n", "\n+++\n\nEdited for the soak. ", 1)
			})
		}},
		{"prune", []string{"prune"}, func(bin, dir string) error {
			// A paragraph deleted from each page: every locale holds
			// obsolete entries.
			err := editPages(dir, n, func(s string) string {
				body := strings.TrimRight(s, "\n")
				return body[:strings.LastIndex(body, "\n\n")] + "\n"
			})
			if err != nil {
				return err
			}
			return l10n(bin, dir, "extract", "-q")
		}},
		{"import", []string{"import", "es.xlf"}, func(bin, dir string) error {
			// A translator's XLIFF file with revised translations.
			if err := l10n(bin, dir, "export", "-locale", "es", "-o", "es.xlf"); err != nil {
				return err
			}
			return editFile(filepath.Join(dir, "es.xlf"), "<target>", "<target>Revisado: ", n)
		}},
		{"build", []string{"build", "-q"}, func(bin, dir string) error {
			// The site built once, then Spanish translations revised.
			if err := l10n(bin, dir, "build", "-q"); err != nil {
				return err
			}
			return editFile(filepath.Join(dir, "locales", "es.toml"), `other = "`, `other = "Revisado: `, n)
		}},
		{"build --markdown", []string{"build", "-q", "--markdown", "content-l10n"}, func(bin, dir string) error {
			// The Markdown for Hugo written once, then Spanish revised.
			if err := l10n(bin, dir, "build", "-q", "--markdown", "content-l10n"); err != nil {
				return err
			}
			return editFile(filepath.Join(dir, "locales", "es.toml"), `other = "`, `other = "Revisado: `, n)
		}},
	}
}

// l10n runs bin with args in the site dir, to completion.
func l10n(bin, dir string, args ...string) error {
	out, err := exec.Command(bin, append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("l10n %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// editPages rewrites the first n pages of content/, in path order, with
// edit.
func editPages(dir string, n int, edit func(string) string) error {
	var pages []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(pages)
	for _, p := range pages[:min(n, len(pages))] {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(edit(string(data))), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// editFile replaces the first n occurrences of old in the file at path.
func editFile(path, old, new string, n int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := string(data)
	if strings.Count(s, old) < n {
		return fmt.Errorf("%s holds fewer than %d of %q", path, n, old)
	}
	return os.WriteFile(path, []byte(strings.Replace(s, old, new, n)), 0o644)
}
