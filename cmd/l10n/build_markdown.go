package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/extract/disk"
	"github.com/hsi-l10n/l10n/internal/site"
	snapshotpkg "github.com/hsi-l10n/l10n/internal/snapshot"
	"github.com/hsi-l10n/l10n/internal/stamp"
)

// buildMarkdown writes the localized Markdown of the site into
// opts.markdown (see build.PublishMarkdown).
func buildMarkdown(s *site.Site, opts buildOptions, stdout io.Writer, start time.Time) error {
	dir := opts.markdown
	if !filepath.IsAbs(dir) {
		dir = s.Path(dir)
	}
	for _, own := range []string{site.ContentDir, site.LocalesDir} {
		if rel, err := filepath.Rel(s.Path(own), dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%w: --markdown %s is inside %s/, which l10n reads; write it beside %s/ (content-l10n, say)", errUsage, opts.markdown, own, site.ContentDir)
		}
	}
	program, err := stamp.Program()
	if err != nil {
		return err
	}
	sn, err := snapshotpkg.Read(s, disk.ReadIndex(s, program))
	if err != nil {
		return err
	}
	defer sn.Close()
	sum, err := build.PublishMarkdown(sn, dir, opts.pseudo)
	for _, name := range sum.Removed {
		fmt.Fprintf(stdout, "removed %s, left by an interrupted write\n", filepath.ToSlash(filepath.Join(opts.markdown, name)))
	}
	if err != nil {
		return err
	}
	if !opts.quiet {
		fmt.Fprintf(stdout, "wrote Markdown of %d pages in %d locales into %s: %d files written, %d unchanged, in %.2fs\n",
			sum.Pages, sum.Locales, opts.markdown, sum.Written, sum.Files-sum.Written, time.Since(start).Seconds())
	}
	if len(sum.Warnings) > 0 {
		return sum.Warnings
	}
	return nil
}
