package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// runHelp runs "l10n help [COMMAND]": it prints the list of commands, or
// the help of COMMAND, and returns the exit status.
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if c := lookup(args[0]); c != nil {
			fmt.Fprint(stdout, commandHelp(c))
			return 0
		}
		fmt.Fprintf(stderr, "l10n help: unknown command %q\n", args[0])
		return 2
	}
	fmt.Fprint(stdout, helpText())
	return 0
}

// helpText is what "l10n help" prints: every command, with its short
// line.
func helpText() string {
	var b strings.Builder
	b.WriteString("l10n publishes a site's pages in many languages.\n\nUsage:\n\n\tl10n [-C DIR] COMMAND [flags]\n\nCommands:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "\t%-8s %s\n", c.name, c.short)
	}
	b.WriteString("\nEvery command works on the site in the current folder, or in DIR with -C.\nRun \"l10n help COMMAND\" or \"l10n COMMAND -h\" for more.\n")
	return b.String()
}

// commandHelp is what "l10n help CMD" and "l10n CMD -h" print: the usage
// and long text of c, and its flags.
func commandHelp(c *command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: %s\n\n%s\n", c.usage, strings.TrimSpace(c.long))
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.String("C", ".", "run in the site folder `DIR`")
	if c.flags != nil {
		c.flags(fs)
	}
	b.WriteString("\nFlags:\n")
	fs.SetOutput(&b)
	fs.PrintDefaults()
	return b.String()
}
