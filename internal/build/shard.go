package build

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/content"
)

// A site can be built in shards, one or more locales each, on separate
// machines (Options.Locales): each shard reads every catalog, so its pages
// have complete language switchers, hreflang sets and sitemaps, but
// writes only the files its locales own (see Owner). The shards' outputs
// merge by plain copy: no file is written by two of them, and the merged
// tree is the tree one build writes.

// Owner returns the locale among tags whose shard writes the file at
// path (relative to public/): a page, alias or resource under <tag>/ and
// the sitemaps sitemaps/<tag>.xml and sitemaps/<tag>.<n>.xml are tag's;
// the files of the whole site (the chooser, sitemap.xml, the dashboard)
// are English's.
func Owner(path string, tags []language.Tag) language.Tag {
	first, rest, _ := strings.Cut(path, "/")
	if first == SitemapDir {
		first, _, _ = strings.Cut(rest, ".")
	}
	for _, t := range tags {
		if t.String() == first {
			return t
		}
	}
	return language.English
}

// shard returns, of the outputs of every page (published, with digests
// in the same order), those in the locales of only; nil only is every
// locale.
func shard(pages []*content.Page, published map[*content.Page][]language.Tag, digests [][]string, only []language.Tag) (map[*content.Page][]language.Tag, [][]string) {
	if only == nil {
		return published, digests
	}
	mine := make(map[*content.Page][]language.Tag, len(pages))
	mineDigests := make([][]string, len(pages))
	for i, p := range pages {
		for j, tag := range published[p] {
			if slices.Contains(only, tag) {
				mine[p] = append(mine[p], tag)
				mineDigests[i] = append(mineDigests[i], digests[i][j])
			}
		}
	}
	return mine, mineDigests
}

// shardFiles returns the files of files whose owner (among tags) is in
// only; nil only keeps every one.
func shardFiles(files []File, tags, only []language.Tag) []File {
	if only == nil {
		return files
	}
	return slices.DeleteFunc(slices.Clone(files), func(f File) bool { return !owned(f.Path, tags, only) })
}

// owned reports whether the shard of the locales only (nil: every one)
// writes the file at path, of a site in the locales tags.
func owned(path string, tags, only []language.Tag) bool {
	return only == nil || slices.Contains(only, Owner(path, tags))
}
