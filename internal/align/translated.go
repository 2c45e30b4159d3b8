package align

import (
	"errors"
	"os/exec"
	"regexp"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/site"
)

// pairPages pairs each English page that has a translated page in tag
// with it, and lists those that have none. A translated page whose front
// matter names the English commit it was made from (default_lang_commit)
// is aligned against the English at that commit, through git, so that
// the pairs whose English has changed since are stale; notes warns where
// git cannot show it.
func pairPages(s *site.Site, pages []*content.Page, tag language.Tag, from string) (results []PageResult, untranslated []string, notes diag.List, err error) {
	var jobs []*pageJob
	for _, p := range pages {
		if path, ok := s.TranslatedPage(p.File, tag, from); ok {
			jobs = append(jobs, &pageJob{page: p, path: path})
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
		g.Go(func() error { return j.pair(s, opts) })
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

// pageJob is the pairing of one English page with its translated page.
type pageJob struct {
	page *content.Page
	path string // the translated page
	res  PageResult
	err  error // the translated page does not read
	note error // a warning about it
}

// pair reads the translated page of j and pairs its blocks with those of
// the English page: of the English at the commit the translated page
// names, if git shows it (see englishAt), else of today's. It returns
// only an error reading the file; one in the page is j.err.
func (j *pageJob) pair(s *site.Site, opts content.Options) error {
	src, err := s.ReadFile(j.path)
	if err != nil {
		return err
	}
	tr, err := content.Parse(j.path, src, opts)
	if err != nil {
		j.err = err
		return nil
	}
	res := Pages(j.page, tr)
	if old, at, err := englishAt(s, j.page, tr, opts); err != nil {
		j.note = err
	} else if old != nil {
		res = PagesSince(j.page, old, tr, at)
	}
	j.res = PageResult{English: j.page, Translation: tr, Result: res}
	return nil
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
