package build_test

import (
	"context"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/build"
)

// TestTwoShardsMergeIntoOneBuild builds a site once, and again in two
// shards of its locales into two folders: no file is in both, and the two
// together are the one build, byte for byte, the files beside the pages
// (the dashboard, a bundle's resource in one locale) included. See issue
// 15.
func TestTwoShardsMergeIntoOneBuild(t *testing.T) {
	s := multiSite(t, 2)
	extras := []build.File{
		{Path: "_status/index.html", Data: []byte("dashboard")},
		{Path: "es/topics/a/map.png", Data: []byte("png")},
		{Path: "vi/topics/a/map.png", Data: []byte("png")},
	}
	write := func(dir string, locales []language.Tag) map[string]string {
		t.Helper()
		in, err := build.Load(s)
		if err != nil {
			t.Fatal(err)
		}
		_, err = build.Write(context.Background(), in, filepath.Join(dir, "public"),
			build.Options{Manifest: filepath.Join(dir, "build.manifest"), Extras: extras, Locales: locales})
		if err != nil {
			t.Fatal(err)
		}
		return tree(t, filepath.Join(dir, "public"))
	}
	whole := write(t.TempDir(), nil)
	tags := func(s ...string) []language.Tag {
		var out []language.Tag
		for _, x := range s {
			out = append(out, language.MustParse(x))
		}
		return out
	}
	a := write(t.TempDir(), tags("en", "es", "es-MX"))
	b := write(t.TempDir(), tags("ar", "ht", "vi", "zh-Hans"))
	merged := map[string]string{}
	for _, shard := range []map[string]string{a, b} {
		for path, data := range shard {
			if _, dup := merged[path]; dup {
				t.Errorf("%s is written by both shards", path)
			}
			merged[path] = data
		}
	}
	if len(a) == 0 || len(b) == 0 {
		t.Fatalf("a shard is empty: %d and %d files", len(a), len(b))
	}
	sameFiles(t, "two shards merged", merged, whole)
	for _, path := range []string{"index.html", "sitemap.xml", "_status/index.html", "es/topics/a/map.png", "sitemaps/es.xml"} {
		if _, ok := a[path]; !ok {
			t.Errorf("the en, es, es-MX shard lacks %s", path)
		}
	}
	for _, path := range []string{"vi/topics/a/map.png", "sitemaps/ar.xml", "ar/narcotics-smuggling/index.html"} {
		if _, ok := b[path]; !ok {
			t.Errorf("the ar, ht, vi, zh-Hans shard lacks %s", path)
		}
	}
}
