package sitegen

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
	"github.com/hsi-l10n/l10n/internal/extract"
)

const config = `# Site configuration for l10n: a synthetic site written by sitegen for
# benchmarks. See docs/reference.md, "The site config".
base_url = "https://l10n.example.gov"

# Every page in every locale, its untranslated text in English: as the
# Hugo twin publishes it.
[publish."*"]
min_percent = 0
`

// Generate writes a site in l10n's formats into dir: l10n.toml, the
// pages under content/topics/<area>/, locales/en.toml and one catalog per
// locale, each laid out exactly as "l10n extract" writes it (so extract on
// the site changes nothing). Files already in dir with other names are
// left alone.
func Generate(dir string, o Options) error {
	g, err := newGen(o)
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "l10n.toml"), []byte(config)); err != nil {
		return err
	}
	err = parallel(len(g.pages), func(i int) error {
		p := g.pages[i]
		return writeFile(filepath.Join(dir, filepath.FromSlash(p.file())), p.markdown())
	})
	if err != nil {
		return err
	}
	// en.toml first, then the locales, on as many CPUs as there are.
	tags := append([]language.Tag{language.English}, g.tags...)
	return parallel(len(tags), func(i int) error {
		path := filepath.Join(dir, "locales", tags[i].String()+".toml")
		return streamFile(path, func(w io.Writer) error {
			if i == 0 {
				return g.writeSource(w)
			}
			return g.writeLocale(w, tags[i], g.coverage[i-1])
		})
	})
}

// writeSource writes locales/en.toml: what extract.Run writes, made a page
// at a time. Run's output for no pages is the header and the chrome;
// catalog.Write with no header writes entries that continue it.
func (g *gen) writeSource(w io.Writer) error {
	out, err := extract.Run(extract.Input{}, extract.Options{})
	if err != nil {
		return err
	}
	if _, err := w.Write(out[0].Data); err != nil {
		return err
	}
	for _, p := range g.pages {
		entries := make([]catalog.Entry, len(p.source))
		for i, m := range p.source {
			entries[i] = catalog.Entry{Message: m}
		}
		if err := catalog.Write(w, nil, entries); err != nil {
			return err
		}
	}
	return nil
}

// writeLocale writes the catalog of tag: its header and chrome as
// extract.Locale lays them out, then each page's entries as extract.Merge
// lays them out, which is what extract writes for the whole file.
func (g *gen) writeLocale(w io.Writer, tag language.Tag, coverage int) error {
	t := newTranslator(tag)
	chrome := extract.Source(nil)
	head := extract.Locale(chrome, &catalog.File{Tag: tag, Messages: g.translations(t, tag, 0, chrome, coverage)})
	if _, err := w.Write(head); err != nil {
		return err
	}
	for _, p := range g.pages {
		f := &catalog.File{Tag: tag, Messages: g.translations(t, tag, p.index+1, p.source, coverage)}
		if err := catalog.Write(w, nil, extract.Merge(p.source, nil, f)); err != nil {
			return err
		}
	}
	return nil
}

// translations returns the entries locale tag has for the messages of one
// unit (see plan); the missing ones extract.Merge adds.
func (g *gen) translations(t *translator, tag language.Tag, unit int, source []*catalog.Message, coverage int) []*catalog.Message {
	var out []*catalog.Message
	for i, st := range plan(g.o.Seed, tag.String(), unit, len(source), coverage, g.o.Stale) {
		if m := translation(t, source[i], st); m != nil {
			out = append(out, m)
		}
	}
	return out
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// streamFile writes a file through a buffer; a large catalog is never
// held in memory whole.
func streamFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
