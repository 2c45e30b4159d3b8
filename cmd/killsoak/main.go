// Command killsoak kills l10n commands with SIGKILL at random moments on
// a generated site, many times over, and checks after each kill that
// every file is as it was before the run or as one uninterrupted run
// leaves it, that the same command run again succeeds, and that the site
// it then leaves equals, file for file, the one an uninterrupted run
// leaves. It takes minutes, so it runs outside go test:
//
//	go run ./cmd/killsoak                     # 500 kills over extract, prune, import, build, build --markdown
//	go run ./cmd/killsoak -kills 1000 -pages 300 -locales es,zh-Hans,ar,vi,fr
//
// It prints one line per command and a total, and exits 1 if any kill
// left a mixed file, a failed or divergent rerun, or a stray temporary
// file. The every-crash-point test in cmd/l10n enumerates crash points
// deterministically on a small site; this soak adds real timing, real
// concurrency inside each command and a larger site. See issue 18.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// options are the soak's flags.
type options struct {
	kills   int      // SIGKILLs to land, spread over the scenarios (at least)
	pages   int      // pages of the generated site
	locales []string // its locales
	jobs    int      // kills run at once
	seed    uint64   // the site and the kill moments
	keep    bool     // keep the work folder
}

// run is killsoak with its arguments: 0 all converged, 1 not, 2 misuse.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("killsoak", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	locales := fs.String("locales", "es,zh-Hans,ar,vi,fr", "comma-separated locales of the generated site")
	fs.IntVar(&o.kills, "kills", 500, "SIGKILLs to land, at least, spread evenly over the commands")
	fs.IntVar(&o.pages, "pages", 300, "pages of the generated site")
	fs.IntVar(&o.jobs, "j", runtime.NumCPU(), "kills run at once")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the site and of the kill moments")
	fs.BoolVar(&o.keep, "keep", false, "keep the work folder and print its path")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || o.kills < 1 || o.pages < 10 || o.jobs < 1 {
		fmt.Fprintln(stderr, "usage: killsoak [-kills N>0] [-pages N>=10] [-locales es,…] [-j N>0] [-seed N] [-keep]")
		return 2
	}
	o.locales = strings.Split(*locales, ",")
	ok, err := soak(o, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "killsoak:", err)
		return 1
	}
	if !ok {
		return 1
	}
	return 0
}
