// Command l10n publishes a site's pages in many languages. See doc.go.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/site"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) }

// command is one subcommand. "l10n help" and "l10n CMD -h" print its texts.
type command struct {
	name, usage, short, long string
	flags                    func(*flag.FlagSet)
	run                      func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error
	// stderr is where a command says what is not its output, such as
	// that it waits for the site lock; run sets it.
	stderr io.Writer
}

// lockSite takes the site lock (see site.Site.Lock) for c, a command that
// writes the site, saying on stderr when it has to wait for another. Then,
// before the command reads anything, it removes the temporary files that
// writes killed midway left in locales/ and .l10n-cache/, saying so on
// stdout: every command that writes starts from a clean site.
func (c *command) lockSite(ctx context.Context, s *site.Site, stdout io.Writer) (unlock func(), err error) {
	unlock, err = s.Lock(ctx, func() {
		if c.stderr != nil {
			fmt.Fprintf(c.stderr, "l10n %s: waiting for another l10n command on this site…\n", c.name)
		}
	})
	if err != nil {
		return nil, err
	}
	if err := removeTemp(s, stdout); err != nil {
		unlock()
		return nil, err
	}
	return unlock, nil
}

func commands() []*command {
	return []*command{extractCmd(), checkCmd(), buildCmd(), statusCmd(), pruneCmd(), exportCmd(), importCmd(), alignCmd(), tmCmd(), serveCmd()}
}

// errUsage marks a mistake in how l10n was called: exit status 2.
var errUsage = errors.New("usage")

// run runs l10n with args and returns the exit status: 0 ok, 1 failed,
// 2 misuse.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	top := flag.NewFlagSet("l10n", flag.ContinueOnError)
	top.SetOutput(io.Discard)
	dir := top.String("C", ".", "run in the site folder `DIR`")
	if err := top.Parse(args); err != nil {
		fmt.Fprintf(stderr, "l10n: %v\n%s", err, helpText())
		return 2
	}
	args = top.Args()
	if len(args) == 0 {
		fmt.Fprint(stderr, helpText())
		return 2
	}
	if args[0] == "help" {
		return runHelp(args[1:], stdout, stderr)
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "l10n: unknown command %q; run \"l10n help\"\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet("l10n "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(dir, "C", *dir, "run in the site folder `DIR`")
	if c.flags != nil {
		c.flags(fs)
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, commandHelp(c))
			return 0
		}
		fmt.Fprintf(stderr, "l10n %s: %v\nusage: %s\n", c.name, err, c.usage)
		return 2
	}
	s, err := site.Load(*dir)
	if err != nil {
		return report(stderr, err)
	}
	c.stderr = stderr
	stop := startProfiles(stderr)
	err = c.run(ctx, s, fs.Args(), stdout)
	stop()
	if err != nil {
		if errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "l10n %s: %v\nusage: %s\n", c.name, err, c.usage)
			return 2
		}
		return report(stderr, err)
	}
	return 0
}

// warnings returns list as an error for report to print, or nil when
// empty; warnings alone do not fail the command.
func warnings(list diag.List) error {
	if len(list) == 0 {
		return nil
	}
	return list
}

// report prints err, one problem per line, and returns the exit status:
// 1, or 0 when err holds only warnings.
func report(w io.Writer, err error) int {
	var list diag.List
	list.Add(err)
	list.Sort()
	for _, e := range list {
		if e.Pos.File == "" {
			fmt.Fprintf(w, "l10n: %s\n", e.Error())
		} else {
			fmt.Fprintln(w, e.Error())
		}
	}
	if list.HasErrors() {
		return 1
	}
	return 0
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}
