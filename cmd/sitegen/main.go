// Command sitegen writes a synthetic site for benchmarks: English pages
// shaped like real information pages and one catalog per locale with a
// given coverage and some stale entries, in l10n's own formats, and
// optionally the same site as a multilingual Hugo site.
//
//	go run ./cmd/sitegen -pages 2000 -locales es,zh-Hans,ar -coverage 100,60,40 -out /tmp/site -hugo /tmp/site-hugo
//
// The same flags give the same bytes. See package internal/sitegen for
// what is generated, and bench.sh beside this file for the benchmark that
// uses it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/hsi-l10n/l10n/internal/sitegen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is sitegen with its arguments: 0 ok, 1 failed, 2 misuse.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitegen -out DIR [-pages N] [-locales es,zh-Hans,…] [-coverage 100,60,…] [-stale 5] [-seed 1] [-hugo DIR]")
		fs.PrintDefaults()
	}
	var (
		o        sitegen.Options
		locales  = fs.String("locales", "es,zh-Hans,ar", "comma-separated canonical BCP 47 tags of the locales")
		coverage = fs.String("coverage", "", "comma-separated percentages of messages translated, one per locale or one for all (default 100)")
		out      = fs.String("out", "", "folder to write the l10n site into (required)")
		hugo     = fs.String("hugo", "", "folder to write the same site into as a Hugo site")
	)
	fs.IntVar(&o.Pages, "pages", 200, "number of English pages")
	fs.IntVar(&o.Stale, "stale", 5, "percentage of translated messages that are stale")
	fs.Uint64Var(&o.Seed, "seed", 1, "random seed; the same flags give the same site")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *locales != "" {
		o.Locales = strings.Split(*locales, ",")
	}
	if *coverage != "" {
		for _, s := range strings.Split(*coverage, ",") {
			c, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				fmt.Fprintf(stderr, "sitegen: -coverage: %q is not a whole number\n", s)
				return 2
			}
			o.Coverage = append(o.Coverage, c)
		}
	}
	if err := sitegen.Generate(*out, o); err != nil {
		fmt.Fprintf(stderr, "sitegen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d pages and %d locales to %s\n", o.Pages, len(o.Locales), *out)
	if *hugo != "" {
		if err := sitegen.GenerateHugo(*hugo, o); err != nil {
			fmt.Fprintf(stderr, "sitegen: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote the Hugo twin to %s\n", *hugo)
	}
	return 0
}
