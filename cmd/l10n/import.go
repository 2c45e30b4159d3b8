package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
	"github.com/hsi-l10n/l10n/internal/site"
)

func importCmd() *command {
	var dryRun bool
	c := &command{
		name:  "import",
		usage: "l10n import [-C DIR] [-n] FILE",
		short: "merge translations from a CAT tool's XLIFF or PO file",
		long: `
Import reads FILE, an XLIFF 2.0 or gettext PO file made by l10n export and
translated in a CAT tool (the format is taken from the extension .xlf,
.xliff or .po, else from the content), and merges its translations into
locales/<tag>.toml, the catalog of the file's target language (XLIFF
trgLang, PO Language).

Only translations marked done (XLIFF state translated, reviewed or final;
PO entries not fuzzy) of messages the catalog has are imported, and only
those made from the English as it is today: a translation of English that
has changed since the export is not imported (the entry stays stale, and
import says so), nor is one that needs review (fuzzy, or state initial).
Import never deletes a translation.

The imported translations pass the checks of l10n check, reported at
their line and column in FILE. On any error no file changes; warnings are
printed and the rest is imported. The catalog is written in extract's
layout; a file exported and imported again without edits changes nothing.
With -n, import only reports what it would do.

A relative FILE is relative to the site folder (DIR with -C).

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&dryRun, "n", false, "report what would be imported; change nothing")
		},
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		if len(args) != 1 {
			return fmt.Errorf("%w: name one file to import", errUsage)
		}
		return runImport(ctx, c, s, args[0], dryRun, stdout)
	}
	return c
}

// runImport holds the site lock from before it reads the catalogs until
// its write is done, so that it never overwrites what another command
// wrote in between.
func runImport(ctx context.Context, c *command, s *site.Site, name string, dryRun bool, stdout io.Writer) error {
	unlock, err := c.lockSite(ctx, s, stdout)
	if err != nil {
		return err
	}
	defer unlock()
	display := filepath.ToSlash(name)
	in, err := readExchange(s, name, display)
	if err != nil {
		return err
	}
	path := site.CatalogPath(in.Target)
	if _, err := os.Stat(s.Path(path)); errors.Is(err, fs.ErrNotExist) {
		return diag.Errorf(in.TargetPos, "the file is for %s, but the site has no %s; import a file exported from this site, or add the locale (create %s empty, run l10n extract)", in.Target, path, path)
	}
	source, loc, err := loadPair(s, in.Target)
	if err != nil {
		return err
	}
	res, err := exchange.Import(source, loc, in, &s.Config)
	if err != nil {
		return err
	}
	if len(res.Changed) == 0 {
		fmt.Fprintf(stdout, "%s: nothing to import into %s (%d units unchanged, %d not imported)\n", display, path, res.Unchanged, res.Skipped)
		return warnings(res.Warnings)
	}
	verb := "imported"
	if dryRun {
		verb = "would import"
	} else if _, err := atomicfile.SaveIfChanged(s.Path(path), res.Data, 0o644); err != nil {
		return err
	}
	noun := "translations"
	if len(res.Changed) == 1 {
		noun = "translation"
	}
	fmt.Fprintf(stdout, "%s %d %s from %s into %s (%d units unchanged, %d not imported)\n", verb, len(res.Changed), noun, display, path, res.Unchanged, res.Skipped)
	return warnings(res.Warnings)
}

// readExchange reads and parses name, the exchange file the user named,
// as PO or XLIFF (see importFormat); display is its name in messages.
func readExchange(s *site.Site, name, display string) (*exchange.File, error) {
	src, err := os.ReadFile(sitePath(s, name))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path, as the user gave it, goes first
		}
		return nil, diag.Errorf(diag.Pos{File: display}, "cannot read it: %v; a relative path is relative to the site folder", err)
	}
	if importFormat(name, src) == "po" {
		return po.Parse(display, src)
	}
	return xliff.Parse(display, src)
}

// sitePath returns the path of a file the user named: relative to the site
// folder, as every path of a command is, unless absolute.
func sitePath(s *site.Site, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(s.Root, name)
}

// importFormat tells PO from XLIFF by the file's extension, else by its
// first character: XML starts with "<".
func importFormat(name string, src []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".po", ".pot":
		return "po"
	case ".xlf", ".xliff", ".xml":
		return "xliff"
	}
	if bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), " \t\r\n"), []byte("<")) {
		return "xliff"
	}
	return "po"
}
