package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/exchange"
	"github.com/hsi-l10n/l10n/internal/exchange/po"
	"github.com/hsi-l10n/l10n/internal/exchange/xliff"
	"github.com/hsi-l10n/l10n/internal/site"
)

func exportCmd() *command {
	var (
		tag    tagFlag
		format string
		out    string
	)
	return &command{
		name:  "export",
		usage: "l10n export [-C DIR] -locale TAG [-format xliff|po] [-o FILE]",
		short: "write a locale's messages for a CAT tool (XLIFF 2.0 or PO)",
		long: `
Export writes the messages of locales/<TAG>.toml for a translator's CAT
tool: an XLIFF 2.0 file (-format xliff, the default) or a gettext PO file
(-format po), to standard output or to FILE (-o; the format is then also
taken from its extension, .xlf, .xliff or .po).

The file has one unit per English message of locales/en.toml, in catalog
order, with its ID, its English, its description and the hash of that
English. A current translation is marked translated (XLIFF state
"translated"; PO without fuzzy); a stale one (made from English that has
changed since) needs review (XLIFF state "initial" with subState
"l10n:stale"; PO fuzzy, with the English it was made from as the
previous msgid); a missing one has no target. Messages with plural forms
have one form per plural category of the locale.

Bring the catalogs up to date with l10n extract first. A relative FILE is
relative to the site folder (DIR with -C). The same catalogs always give
the same bytes.`,
		flags: func(fs *flag.FlagSet) {
			fs.Var(&tag, "locale", "export locale `TAG` (required)")
			fs.StringVar(&format, "format", "", "write `FORMAT`: xliff (XLIFF 2.0, the default) or po (gettext)")
			fs.StringVar(&out, "o", "", "write to `FILE` instead of standard output")
		},
		run: func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
			if len(args) > 0 {
				return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
			}
			return runExport(s, language.Tag(tag), format, out, stdout)
		},
	}
}

// exchangeFormat returns the format named by flag, else by the extension
// of file, else XLIFF.
func exchangeFormat(flag, file string) (string, error) {
	switch strings.ToLower(flag) {
	case "xliff", "xlf":
		return "xliff", nil
	case "po":
		return "po", nil
	case "":
	default:
		return "", fmt.Errorf("%w: -format %q; use xliff or po", errUsage, flag)
	}
	if strings.EqualFold(filepath.Ext(file), ".po") {
		return "po", nil
	}
	return "xliff", nil
}

func runExport(s *site.Site, tag language.Tag, formatFlag, out string, stdout io.Writer) error {
	if tag == language.Und {
		return fmt.Errorf("%w: -locale is required", errUsage)
	}
	if tag == site.Source {
		return fmt.Errorf("%w: -locale %s is the source language; name a locale to translate into", errUsage, tag)
	}
	format, err := exchangeFormat(formatFlag, out)
	if err != nil {
		return err
	}
	source, loc, err := loadPair(s, tag)
	if err != nil {
		return err
	}
	f := exchange.Export(source, loc)
	var b bytes.Buffer
	if format == "po" {
		err = po.Write(&b, f)
	} else {
		err = xliff.Write(&b, f)
	}
	if err != nil {
		return err
	}
	if out == "" {
		_, err := stdout.Write(b.Bytes())
		return err
	}
	if err := atomicfile.Save(sitePath(s, out), b.Bytes(), 0o644); err != nil {
		return err
	}
	translated, stale, untranslated := f.Counts()
	fmt.Fprintf(stdout, "wrote %s: %d messages, %d translated, %d stale, %d untranslated\n",
		out, len(f.Units), translated, stale, untranslated)
	return nil
}

// loadPair reads the English catalog and the catalog of tag, which must
// exist.
func loadPair(s *site.Site, tag language.Tag) (source, loc *catalog.File, err error) {
	read := func(path string, tag language.Tag, missing string) (*catalog.File, error) {
		src, err := s.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New(missing)
		}
		if err != nil {
			return nil, err
		}
		return catalog.Parse(path, tag, src)
	}
	source, err = read(site.SourceCatalog, site.Source, site.SourceCatalog+" does not exist; run l10n extract")
	if err != nil {
		return nil, nil, err
	}
	path := site.CatalogPath(tag)
	loc, err = read(path, tag, fmt.Sprintf("%s does not exist; to add the locale, create it empty and run l10n extract", path))
	if err != nil {
		return nil, nil, err
	}
	return source, loc, nil
}
