package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/align"
	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/check"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/extract"
	"github.com/hsi-l10n/l10n/internal/site"
)

// alignOptions are align's flags.
type alignOptions struct {
	tag           tagFlag
	from          string
	minConfidence float64
	json, dryRun  bool
}

func alignCmd() *command {
	o := alignOptions{minConfidence: align.MinConfidence}
	c := &command{
		name:  "align",
		usage: "l10n align [-C DIR] -locale TAG [-from DIR] [-min-confidence F] [-json] [-n]",
		short: "fill a locale's catalog from the site's existing translated pages",
		long: `
Align reads the pages a Hugo site already has in the locale TAG, pairs the
blocks of each with the blocks of its English page, and fills
locales/<TAG>.toml with the pairs: a site's existing translations, kept.

The translated page of content/docs/page.md is content/<TAG>/docs/page.md
(a language's own content folder, the tag as written or in lowercase; for
a site whose English is in content/en/, the path below it), else
content/docs/page.<TAG>.md beside the English; -from DIR names the folder
of the translated pages instead (content/zh-cn). locales/<TAG>.toml must
exist (create it empty) and locales/en.toml be up to date with the pages
(run l10n extract first).

Pairing follows the structure first (front matter keys; headings,
paragraphs, list items and table cells in page order; heading IDs, numbers,
links, code and acronyms as anchors), then length, and sees paragraphs a
translator merged or split, and lists they reordered. Each pair has a
confidence from 0 to 1. A pair at or above -min-confidence (default 0.8)
becomes a current translation; one below it is imported to await review
(its hash starts with "review:"; it is never shown to readers, l10n export
gives it to CAT tools as needing review), with a comment saying where it
came from. An entry the catalog already translates is never changed: a
different translation is reported as a conflict. A translation that l10n
check rejects is not imported.

A translated page whose front matter names the English commit it was
made from (default_lang_commit, a commit hash) is aligned with the English
page of that commit, read with git: a pair whose English has changed since
is imported as stale, with the English it was made from.

The report gives, per page, the pairs for review, the conflicts, and the
blocks left unpaired on each side with file:line:col and why; -json gives
every pair. With -n, align only reports what it would do.

Commands that write a site take turns: while one runs, another on the same
site waits for it (and says so); the lock is the file .l10n.lock.`,
		flags: func(fs *flag.FlagSet) {
			fs.Var(&o.tag, "locale", "the `TAG` of the translated pages (required)")
			fs.StringVar(&o.from, "from", "", "the folder of the translated pages, `DIR` relative to the site (default: content/TAG, or page.TAG.md)")
			fs.Float64Var(&o.minConfidence, "min-confidence", align.MinConfidence, "import pairs at or above `F` as current, the rest for review")
			fs.BoolVar(&o.json, "json", false, "print the report as JSON")
			fs.BoolVar(&o.dryRun, "n", false, "report what would be imported; change nothing")
		},
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		switch {
		case len(args) > 0:
			return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
		case language.Tag(o.tag) == language.Und:
			return fmt.Errorf("%w: name the locale with -locale", errUsage)
		case language.Tag(o.tag) == site.Source:
			return fmt.Errorf("%w: -locale %s is the English of the pages; name the locale of the translated pages", errUsage, site.Source)
		case o.minConfidence < 0 || o.minConfidence > 1:
			return fmt.Errorf("%w: -min-confidence %g; give a number from 0 to 1", errUsage, o.minConfidence)
		}
		return runAlign(ctx, c, s, o, stdout)
	}
	return c
}

// runAlign holds the site lock from before it reads the catalogs until
// its write is done.
func runAlign(ctx context.Context, c *command, s *site.Site, o alignOptions, stdout io.Writer) error {
	unlock, err := c.lockSite(ctx, s, stdout)
	if err != nil {
		return err
	}
	defer unlock()
	tag := language.Tag(o.tag)
	source, loc, err := loadPair(s, tag)
	if err != nil {
		return err
	}
	pages, err := s.LoadPages()
	if err != nil {
		return err
	}
	complete, err := extract.AssignFromEnglish(pages, source.Messages)
	if err != nil {
		return err
	}
	if !complete || !catalog.SameEnglish(extract.Source(pages), source.Messages) {
		return diag.Errorf(diag.Pos{File: site.SourceCatalog}, "out of date with the pages; run l10n extract, then align")
	}
	results, untranslated, notes, err := alignPages(s, pages, tag, o.from)
	if err != nil {
		return err
	}
	updated, entries := align.Apply(source.Messages, loc, results, o.minConfidence, checker(s, source, loc))
	data := extract.Locale(source.Messages, updated)
	if _, err := catalog.Parse(loc.Path, tag, data); err != nil {
		return fmt.Errorf("align would write a catalog that does not read back (a bug): %w", err)
	}
	if !o.dryRun {
		if _, err := atomicfile.SaveIfChanged(s.Path(loc.Path), data, 0o644); err != nil {
			return err
		}
	}
	r := align.NewReport(tag.String(), loc.Path, o.minConfidence, results, entries, untranslated)
	if o.json {
		err = r.WriteJSON(stdout)
	} else {
		if o.dryRun {
			fmt.Fprint(stdout, "(-n: nothing written) ")
		}
		err = r.Write(stdout)
	}
	if err != nil {
		return err
	}
	return warnings(notes)
}

// checker returns the check of align's new translations of loc: they are
// checked as l10n check checks a catalog, all at once, each at its own
// line of a catalog of its own, so that each error names the translation
// it is about.
func checker(s *site.Site, source, loc *catalog.File) func([]*catalog.Message) []string {
	return func(ms []*catalog.Message) []string {
		f := &catalog.File{Path: loc.Path, Tag: loc.Tag}
		for i, m := range ms {
			c := *m
			c.Pos = diag.Pos{File: loc.Path, Line: i + 1}
			f.Messages = append(f.Messages, &c)
		}
		problems := make([]string, len(ms))
		for _, e := range check.Run(&check.Input{Source: source, Locales: []*catalog.File{f}, Glossary: s.Config.Glossary, ShortcodeArgs: s.Config.Content.ShortcodeArgs}) {
			if n := e.Pos.Line - 1; !e.Warning && n >= 0 && n < len(ms) && problems[n] == "" {
				problems[n] = e.Msg
			}
		}
		return problems
	}
}

// alignPages pairs each English page that has a translated page in tag
// with it, and lists those that have none. A translated page whose front
// matter names the English commit it was made from (default_lang_commit)
// is aligned against the English at that commit, through git, so that
// the pairs whose English has changed since are stale; notes warns where
// git cannot show it.
func alignPages(s *site.Site, pages []*content.Page, tag language.Tag, from string) (results []align.PageResult, untranslated []string, notes diag.List, err error) {
	type job struct {
		page *content.Page
		path string
		res  align.PageResult
		err  error // the translated page does not read
		note error // a warning about it
	}
	var jobs []*job
	for _, p := range pages {
		if path, ok := s.TranslatedPage(p.File, tag, from); ok {
			jobs = append(jobs, &job{page: p, path: path})
		} else {
			untranslated = append(untranslated, p.File)
		}
	}
	// Pages pair apart from each other, on every core; each result has
	// its slot, so the order is the pages' whatever the cores.
	opts := s.ContentOptions()
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error {
			src, err := s.ReadFile(j.path)
			if err != nil {
				return err
			}
			tr, err := content.Parse(j.path, src, opts)
			if err != nil {
				j.err = err
				return nil
			}
			res := align.Pages(j.page, tr)
			if old, at, err := englishAt(s, j.page, tr, opts); err != nil {
				j.note = err
			} else if old != nil {
				res = align.PagesSince(j.page, old, tr, at)
			}
			j.res = align.PageResult{English: j.page, Translation: tr, Result: res}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, nil, err
	}
	var list diag.List
	for _, j := range jobs {
		switch {
		case j.err != nil:
			list.Add(j.err)
		default:
			results = append(results, j.res)
			if j.note != nil {
				notes.Add(j.note)
			}
		}
	}
	if err := list.Err(); err != nil {
		return nil, nil, nil, err
	}
	return results, untranslated, notes, nil
}

// commitHash is what default_lang_commit may hold: a git commit's hash,
// in full or abbreviated (never an option or a revision expression).
var commitHash = regexp.MustCompile(`^[0-9a-fA-F]{7,64}$`)

// englishAt returns the English page en as it was at the commit the
// translated page tr names in default_lang_commit, read with git, and
// that commit as the report names it; nil if tr names none. A commit
// git cannot show is a warning: tr is then aligned with the English of
// today.
func englishAt(s *site.Site, en, tr *content.Page, opts content.Options) (*content.Page, string, error) {
	v, ok := tr.Matter.Get("default_lang_commit").(string)
	if !ok {
		return nil, "", nil
	}
	pos := diag.Pos{File: tr.File}
	if !commitHash.MatchString(v) {
		return nil, "", diag.Warningf(pos, "default_lang_commit = %q is not a commit hash; aligned with the English as it is today", v)
	}
	out, err := exec.Command("git", "-C", s.Root, "show", v+":./"+en.File).Output()
	if err != nil {
		var exit *exec.ExitError
		msg := err.Error()
		if errors.As(err, &exit) {
			msg = strings.TrimSpace(string(exit.Stderr))
		}
		return nil, "", diag.Warningf(pos, "default_lang_commit %s: git cannot show %s at it (%s); aligned with the English as it is today", v, en.File, msg)
	}
	old, err := content.Parse(en.File, out, opts)
	if err != nil {
		return nil, "", diag.Warningf(pos, "default_lang_commit %s: %s at that commit does not read (%v); aligned with the English as it is today", v, en.File, err)
	}
	return old, "commit " + v[:min(len(v), 7)], nil
}
