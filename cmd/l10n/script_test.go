package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rsc.io/script"
	"rsc.io/script/scripttest"
)

// TestScripts runs the CLI scenarios in testdata/script/*.txt with l10n
// registered as an in-process command, and "shipped-site", which copies
// the site shipped in this repository into the script's folder.
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
			return nil, copyShipped(s.Getwd())
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
	engine := &script.Engine{Cmds: cmds, Conds: scripttest.DefaultConds()}
	scripttest.Test(t, context.Background(), engine, []string{"HOME=/nonexistent"}, "testdata/script/*.txt")
}

// unquote turns \n into a newline, so a script can insert paragraphs.
func unquote(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

func copyShipped(dir string) error {
	for _, pattern := range []string{"l10n.toml", "content/*.md", "locales/*.toml"} {
		matches, err := filepath.Glob(filepath.Join("..", "..", pattern))
		if err != nil {
			return err
		}
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, strings.TrimPrefix(filepath.ToSlash(m), "../../"))
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
