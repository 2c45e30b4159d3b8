package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rsc.io/script"
	"rsc.io/script/scripttest"
)

// TestScripts runs the CLI scenarios in testdata/script/*.txt with l10n
// registered as an in-process command, and "shipped-site", which copies
// the site shipped in this repository into the script's folder. The
// bad-input suite (bad_*.txt, issue 6) also makes inputs too large or too
// odd to keep in testdata: "repeat" (a 50 MB catalog), "copies" (10,000
// pages) and "crlf" (Windows line ends, which an editor or git could undo
// in a checked-in file).
func TestScripts(t *testing.T) {
	cmds := scripttest.DefaultCmds()
	cmds["l10n"] = script.Command(script.CmdUsage{Summary: "run l10n in-process", Args: "args..."},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			var stdout, stderr bytes.Buffer
			code := run(s.Context(), append([]string{"-C", s.Getwd()}, args...), &stdout, &stderr)
			return func(*script.State) (string, string, error) {
				var err error
				if code != 0 {
					err = fmt.Errorf("exit status %d", code)
				}
				return stdout.String(), stderr.String(), err
			}, nil
		})
	cmds["shipped-site"] = script.Command(script.CmdUsage{Summary: "copy the shipped site here"},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			return nil, copyShipped(s.Getwd(), false)
		})
	cmds["partial-site"] = script.Command(script.CmdUsage{Summary: "copy the shipped site here, with the partial ar, vi and ht catalogs of testdata/partial"},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			return nil, copyShipped(s.Getwd(), true)
		})
	cmds["replace"] = script.Command(script.CmdUsage{Summary: "replace text in a file, once; fail if absent", Args: "file old new"},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			if len(args) != 3 {
				return nil, script.ErrUsage
			}
			path := s.Path(args[0])
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			old, repl := unquote(args[1]), unquote(args[2])
			if !strings.Contains(string(data), old) {
				return nil, fmt.Errorf("%s does not contain %q", args[0], old)
			}
			return nil, os.WriteFile(path, []byte(strings.Replace(string(data), old, repl, 1)), 0o644)
		})
	cmds["repeat"] = script.Command(script.CmdUsage{Summary: "append text (with Go escapes: \\n, \\xff, \\u202e) n times to a file", Args: "n text file"},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			if len(args) != 3 {
				return nil, script.ErrUsage
			}
			n, err := strconv.Atoi(args[0])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("repeat: count %q is not a number", args[0])
			}
			text, err := unescape(args[1])
			if err != nil {
				return nil, fmt.Errorf("repeat: text %q: %v", args[1], err)
			}
			f, err := os.OpenFile(s.Path(args[2]), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
			if err != nil {
				return nil, err
			}
			if _, err := f.WriteString(strings.Repeat(text, n)); err != nil {
				f.Close()
				return nil, err
			}
			return nil, f.Close()
		})
	cmds["copies"] = script.Command(script.CmdUsage{Summary: "copy a file to n files named by a pattern with one %d (1 … n)", Args: "n file pattern"},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			if len(args) != 3 || strings.Count(args[2], "%") != 1 {
				return nil, script.ErrUsage
			}
			n, err := strconv.Atoi(args[0])
			if err != nil {
				return nil, fmt.Errorf("copies: count %q is not a number", args[0])
			}
			data, err := os.ReadFile(s.Path(args[1]))
			if err != nil {
				return nil, err
			}
			for i := 1; i <= n; i++ {
				dst := s.Path(fmt.Sprintf(args[2], i))
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					return nil, err
				}
				if err := os.WriteFile(dst, data, 0o644); err != nil {
					return nil, err
				}
			}
			return nil, nil
		})
	cmds["crlf"] = script.Command(script.CmdUsage{Summary: "rewrite a file with CRLF line ends", Args: "file"},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			if len(args) != 1 {
				return nil, script.ErrUsage
			}
			data, err := os.ReadFile(s.Path(args[0]))
			if err != nil {
				return nil, err
			}
			return nil, os.WriteFile(s.Path(args[0]), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")), 0o644)
		})
	engine := &script.Engine{Cmds: cmds, Conds: scripttest.DefaultConds()}
	scripttest.Test(t, context.Background(), engine, []string{"HOME=/nonexistent"}, "testdata/script/*.txt")
}

// unescape decodes the Go escapes in s (\n, \xff, \u202e); quotes
// stand for themselves.
func unescape(s string) (string, error) {
	var b strings.Builder
	for s != "" {
		r, multibyte, tail, err := strconv.UnquoteChar(s, 0)
		if err != nil {
			return "", err
		}
		if !multibyte {
			b.WriteByte(byte(r)) // \xff is one byte, not U+00FF
		} else {
			b.WriteRune(r)
		}
		s = tail
	}
	return b.String(), nil
}

// unquote turns \n into a newline, so a script can insert paragraphs.
func unquote(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

// copyShipped copies the shipped site into dir; with partial, the partly
// translated ar, vi and ht catalogs of testdata/partial (at the
// repository's root) replace the shipped ones: a site while translation
// is under way.
func copyShipped(dir string, partial bool) error {
	patterns := []string{"l10n.toml", "content/*.md", "locales/*.toml"}
	if partial {
		patterns = append(patterns, "testdata/partial/locales/*.toml")
	}
	for _, pattern := range patterns {
		matches, err := filepath.Glob(filepath.Join("..", "..", pattern))
		if err != nil {
			return err
		}
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(filepath.ToSlash(m), "../../"), "testdata/partial/")
			dst := filepath.Join(dir, rel)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
