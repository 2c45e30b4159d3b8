package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/atomicfile"
	"github.com/hsi-l10n/l10n/internal/diag"
	"github.com/hsi-l10n/l10n/internal/pseudo"
	"github.com/hsi-l10n/l10n/internal/snapshot"
)

// Request says what [Publish] builds, beside the snapshot.
type Request struct {
	Options
	// Pseudo adds the pseudo-locales en-XA and ar-XB (see package pseudo).
	Pseudo bool
	// Checked is the folder of the check cache (see NewStream).
	Checked string
	// Dashboard, if not nil, renders the status dashboard of the whole
	// site (every catalog in full), written to DashboardPage.
	Dashboard func(whole *Input) ([]byte, error)
}

// DashboardPage is where Publish writes the dashboard, in public/.
const DashboardPage = "_status/index.html"

// UnknownLocaleError says that a shard names a locale the site has no
// catalog of.
type UnknownLocaleError struct {
	Tag  language.Tag
	Have []language.Tag
}

func (e *UnknownLocaleError) Error() string {
	have := make([]string, len(e.Have))
	for i, t := range e.Have {
		have[i] = t.String()
	}
	return fmt.Sprintf("--locales names %s, which the site has no catalog of (it has %s)", e.Tag, strings.Join(have, ", "))
}

// Publish builds the site of the snapshot sn into the folder dir, as
// l10n build does: the pages, page by page (see Write), their bundles'
// resources in every locale, and the dashboard if asked for.
func Publish(ctx context.Context, sn *snapshot.Snapshot, dir string, r Request) (Summary, error) {
	stream, err := NewStream(sn, r.Checked, r.Program)
	if err != nil {
		return Summary{}, err
	}
	in := NewInput(sn, stream)
	if r.Pseudo {
		in.Locales = pseudo.Catalogs(in.English())
	}
	tags := append(sn.Tags(), Tags(in.Locales)[1:]...)
	for _, tag := range r.Locales {
		if !slices.Contains(tags, tag) {
			return Summary{}, &UnknownLocaleError{Tag: tag, Have: tags}
		}
	}
	in.Warnings = append(in.Warnings, Shortcodes(in.Pages)...)
	opts := r.Options
	if opts.Extras, err = extras(sn, in, tags, r.Dashboard); err != nil {
		return Summary{}, err
	}
	return Write(ctx, in, dir, opts)
}

// extras returns the files beside the pages of the site of in, in the
// locales tags: the resources of its bundles, and the dashboard that
// dashboard renders (if not nil). They go into the site before it is
// swapped in, so that the site served is never without them. See issue 3.
func extras(sn *snapshot.Snapshot, in *Input, tags []language.Tag, dashboard func(*Input) ([]byte, error)) ([]File, error) {
	s := sn.Site
	resources, err := s.Resources()
	if err != nil {
		return nil, err
	}
	files, err := Resources(in.Pages, tags, resources, s.ReadFile)
	if err != nil || dashboard == nil {
		return files, err
	}
	// The dashboard counts every translation of every locale.
	whole, err := Whole(sn)
	if err != nil {
		return nil, err
	}
	whole.Locales = append(whole.Locales, in.Locales...)
	data, err := dashboard(whole)
	if err != nil {
		return nil, err
	}
	return append(files, File{Path: DashboardPage, Data: data}), nil
}

// MarkdownSummary says what PublishMarkdown did.
type MarkdownSummary struct {
	Pages, Locales int
	Files, Written int
	// Removed lists the files interrupted writes had left in the tree,
	// which PublishMarkdown removed, relative to it.
	Removed []string
	// Warnings are the problems that stopped nothing.
	Warnings diag.List
}

// PublishMarkdown writes the localized Markdown of the site of sn for
// Hugo into dir (see Markdown), with the pseudo-locales if pseudo: each
// file atomically and only if its bytes change, after removing what
// interrupted writes left there.
func PublishMarkdown(sn *snapshot.Snapshot, dir string, pseudoLocales bool) (MarkdownSummary, error) {
	var sum MarkdownSummary
	stream, err := NewStream(sn, "", "")
	if err != nil {
		return sum, err
	}
	in := NewInput(sn, stream)
	if pseudoLocales {
		in.Locales = pseudo.Catalogs(in.English())
	}
	a, err := Assemble(in, Options{})
	if err != nil {
		return sum, err
	}
	resources, err := sn.Site.Resources()
	if err != nil {
		return sum, err
	}
	files, err := a.Markdown(sn.Site.ReadFile, resources)
	if err != nil {
		return sum, err
	}
	sum = MarkdownSummary{Pages: len(in.Pages), Locales: len(a.Tags()), Files: len(files), Warnings: a.Warnings()}
	// What writes killed midway left in the tree Hugo reads goes first.
	if sum.Removed, err = atomicfile.RemoveTempTree(dir); err != nil {
		return sum, err
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return sum, err
		}
		changed, err := atomicfile.SaveIfChanged(path, f.Data, 0o644)
		if err != nil {
			return sum, err
		}
		if changed {
			sum.Written++
		}
	}
	return sum, nil
}
