package site

import (
	"errors"
	"io/fs"
	"runtime"
	"slices"
	"sync"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/diag"
)

// LoadPages reads and parses every page, on every core, reporting all
// problems at once. Pages come in the order of Pages; drafts (draft =
// true) are left out, as Hugo leaves them out.
//
// A page the page cache holds (see PageCache) is decoded from it rather
// than parsed, each time a page of its own. While s holds the site lock
// (see Lock), LoadPages also keeps in the cache the pages it parsed, once
// every page has loaded; without the lock it only reads the cache.
func (s *Site) LoadPages() ([]*content.Page, error) {
	files, err := s.Pages()
	if err != nil {
		return nil, err
	}
	cache := s.openPageCache(s.ContentOptions())
	pages := make([]*content.Page, len(files))
	entries := make([]pageEntry, len(files))
	errs := make([]error, len(files))
	parallel(len(files), func(i int) {
		src, err := s.ReadFile(files[i])
		if err == nil {
			pages[i], entries[i], err = cache.page(files[i], src)
		}
		errs[i] = err
	})
	out, err := collect(pages, errs)
	if err != nil {
		return nil, err
	}
	cache.save(s.Path(PageCache), entries)
	out = slices.DeleteFunc(out, func(p *content.Page) bool { return p.Draft })
	if err := sameSlug(out); err != nil {
		return nil, err
	}
	return out, nil
}

// sameSlug reports pages that would be written to one folder of public/:
// a slug is the file's path made lowercase, with accents and punctuation
// dropped ("About Us.md" and "about-us.md", "Page.md" and "page.md"), so
// one page would overwrite the other and their message IDs would be the
// same. Each later page (in Pages order) is reported with the first. See
// issue 6.
func sameSlug(pages []*content.Page) error {
	var list diag.List
	first := map[string]*content.Page{}
	firstAddress := map[string]*content.Page{}
	for _, p := range pages {
		if f, ok := first[p.Slug]; ok {
			list.Add(diag.Errorf(diag.Pos{File: p.File}, "has the address %s/ of %s too (an address is the file's path in lowercase, without accents or punctuation); rename one of the two files", p.Slug, f.File))
			continue
		}
		first[p.Slug] = p
		if f, ok := firstAddress[p.Address]; ok {
			list.Add(diag.Errorf(diag.Pos{File: p.File}, "has the address %s/ of %s too (set by url or slug in the front matter); give one of the two another", p.Address, f.File))
			continue
		}
		firstAddress[p.Address] = p
	}
	return list.Err()
}

// LoadCatalogs reads every catalog in locales/ (the English one first), on
// every core, reporting all problems at once. With an error, it also
// returns the catalogs it could read. A site without locales/ has none.
func (s *Site) LoadCatalogs() ([]*catalog.File, error) {
	return s.LoadCatalogsOf(nil)
}

// LoadCatalogsOf is LoadCatalogs for the catalogs read accepts (every
// one if read is nil); each other catalog is neither read nor parsed and
// comes without messages, holding only its path and tag.
func (s *Site) LoadCatalogsOf(read func(LocaleFile) bool) ([]*catalog.File, error) {
	files, err := s.Locales()
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var list diag.List
	list.Add(err)
	cats := make([]*catalog.File, len(files))
	errs := make([]error, len(files))
	parallel(len(files), func(i int) {
		if read != nil && !read(files[i]) {
			cats[i] = &catalog.File{Path: files[i].Path, Tag: files[i].Tag}
			return
		}
		cats[i], _, errs[i] = s.ReadCatalog(files[i])
	})
	out, err := collect(cats, errs)
	list.Add(err)
	return out, list.Err()
}

// ReadCatalog reads and parses one catalog, and returns it with the bytes
// it was parsed from (which its strings share).
func (s *Site) ReadCatalog(f LocaleFile) (*catalog.File, []byte, error) {
	src, err := s.ReadFile(f.Path)
	if err != nil {
		return nil, nil, err
	}
	c, err := catalog.Parse(f.Path, f.Tag, src)
	return c, src, err
}

// parallel calls f(0) … f(n-1) on every core and waits for them.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// collect keeps the values that loaded, in order, and every error.
func collect[T any](values []*T, errs []error) ([]*T, error) {
	var out []*T
	var list diag.List
	for i, v := range values {
		if errs[i] != nil {
			list.Add(errs[i])
			continue
		}
		out = append(out, v)
	}
	return out, list.Err()
}
