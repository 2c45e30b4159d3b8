// Package fallback decides, for each message of a page in a locale, which
// locale's text readers see: the first locale of the locale's fallback
// [Chain] that has a current translation.
//
// go-i18n's Localizer cannot do this: it matches one locale and then jumps
// to the default language (no es-MX → es-419 → es step), and it never looks
// at a message's hash, so it would show a stale translation. Here a
// translation is current only when its hash equals the hash of the English
// it translates and its text is not empty; a stale one is skipped.
package fallback

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/catalog"
)

// Chain is the ordered list of locales tried for a locale, ending in the
// source language.
type Chain []language.Tag

// ChainFor returns the chain of tag: tag itself, its CLDR parents
// (es-MX → es-419 → es), the fallbacks the config names for it or its
// parents (each followed by its own parents), then source. Each locale
// appears once.
func ChainFor(tag language.Tag, configured map[language.Tag][]language.Tag, source language.Tag) Chain {
	var c Chain
	add := func(t language.Tag) {
		for ; t != language.Und; t = t.Parent() {
			if !slices.Contains(c, t) {
				c = append(c, t)
			}
		}
	}
	add(tag)
	for _, t := range slices.Clone(c) {
		for _, f := range configured[t] {
			add(f)
		}
	}
	add(source)
	return c
}

// Resolver finds the current translation of a message along a chain.
//
// It keeps, per locale, only what a reader can be shown: the text of each
// translated message and whether it is stale. Messages the English lacks
// are not kept: they are never shown. The texts are the catalogs' own
// strings, not copies: a build makes a Resolver for each page, from the
// page's part of each catalog, and drops both together (copying them was
// a twentieth of a build's allocations).
type Resolver struct {
	source   language.Tag
	english  map[string]*catalog.Message
	catalogs map[language.Tag]map[string]entry
}

// entry is one locale's translation of a message.
type entry struct {
	text  string // the "other" form; never empty
	stale bool   // translated from English other than today's
	// review: a translation that awaits review (catalog.ReviewPrefix),
	// stale too, and never shown, whatever the policy on stale ones.
	review bool
	note   string // of one awaiting review: where it came from
}

// proposal returns the comment line of a translation awaiting review
// that says where it came from ("proposed by l10n align from …"), or "".
func proposal(comment []string) string {
	for _, line := range comment {
		if strings.HasPrefix(line, "proposed by ") {
			return strings.Clone(line)
		}
	}
	return ""
}

// Proposal returns where tag's translation of id, awaiting review, came
// from, as its catalog comment says ("proposed by l10n align from
// content/es/page.md:12, confidence 0.62 (…)"); "" for any other.
func (r *Resolver) Proposal(tag language.Tag, id string) string {
	return r.catalogs[tag][id].note
}

// NewResolver returns a resolver over the English source messages and the
// locale catalogs.
func NewResolver(source language.Tag, english []*catalog.Message, locales []*catalog.File) *Resolver {
	r := &Resolver{source: source, english: make(map[string]*catalog.Message, len(english)), catalogs: map[language.Tag]map[string]entry{}}
	for _, m := range english {
		r.english[m.ID] = m
	}
	for _, f := range locales {
		r.Add(f)
	}
	return r
}

// Add adds the translations of catalog f, replacing any of its locale
// added before; a catalog of the source language is ignored. It keeps
// f's strings (and so the file bytes they may be parts of). It must not
// be called while another method of r runs.
func (r *Resolver) Add(f *catalog.File) {
	if f.Tag == r.source {
		return
	}
	entries := map[string]entry{}
	for _, m := range f.Messages {
		en := r.english[m.ID]
		text := m.Other()
		if en == nil || text == "" {
			continue
		}
		// The key is the English's ID, which r holds anyway.
		e := entry{text: text, stale: m.Hash != en.Hash}
		if _, e.review = m.InReview(); e.review {
			e.note = proposal(m.Comment)
		}
		entries[en.ID] = e
	}
	r.catalogs[f.Tag] = entries
}

// Has reports whether there is a catalog for tag.
func (r *Resolver) Has(tag language.Tag) bool {
	_, ok := r.catalogs[tag]
	return ok || tag == r.source
}

// State is what a locale's catalog holds for one message.
type State int

// The states of a message in one locale.
const (
	Missing    State = iota // no entry, or an empty one
	Stale                   // translated from English that has since changed
	Translated              // current
	// Review: a translation awaiting review (catalog.ReviewPrefix), which
	// readers are never shown.
	Review
)

// State returns the state of message id in tag's own catalog.
func (r *Resolver) State(tag language.Tag, id string) State {
	if r.english[id] == nil {
		return Missing
	}
	if tag == r.source {
		return Translated
	}
	e, ok := r.catalogs[tag][id]
	switch {
	case !ok:
		return Missing
	case e.review:
		return Review
	case e.stale:
		return Stale
	default:
		return Translated
	}
}

// Resolve returns the text of message id that a reader of chain sees, and
// the locale it comes from: the first locale with a current translation,
// else the English. ok is false if the English has no such message.
func (r *Resolver) Resolve(chain Chain, id string) (text string, from language.Tag, ok bool) {
	res, ok := r.ResolveShowingStale(chain, id, nil)
	return res.Text, res.From, ok
}

// Result is a resolved message.
type Result struct {
	Text  string
	From  language.Tag
	Stale bool // a stale translation, shown because its locale's policy says so
}

// ResolveShowingStale is like Resolve, except that a stale translation in
// a locale for which showStale returns true is shown (marked Stale)
// rather than skipped. showStale may be nil.
func (r *Resolver) ResolveShowingStale(chain Chain, id string, showStale func(language.Tag) bool) (Result, bool) {
	en := r.english[id]
	if en == nil {
		return Result{From: language.Und}, false
	}
	for _, tag := range chain {
		if tag == r.source {
			break
		}
		e, ok := r.catalogs[tag][id]
		switch {
		case !ok:
		case !e.stale:
			return Result{Text: e.text, From: tag}, true
		case showStale != nil && showStale(tag) && !e.review:
			return Result{Text: e.text, From: tag, Stale: true}, true
		}
	}
	return Result{Text: en.Other(), From: r.source}, true
}

// Native reports whether a text resolved from locale from is in tag's own
// language: from is tag or one of its CLDR parents (es-419 and es for
// es-MX). A text from a fallback the config names (fr for ht) or from the
// source is not, unless tag is the source itself.
func Native(tag, from language.Tag) bool {
	for t := tag; t != language.Und; t = t.Parent() {
		if t == from {
			return true
		}
	}
	return false
}

// Shown counts the messages among ids (the English has them all but a
// removed one, which is skipped) that a reader of chain sees in the
// language of chain's first locale ([Native]): the share of a page that
// reaches readers in their language. chain must not be empty.
func (r *Resolver) Shown(chain Chain, ids []string, showStale func(language.Tag) bool) (shown, total int) {
	for _, id := range ids {
		res, ok := r.ResolveShowingStale(chain, id, showStale)
		if !ok {
			continue
		}
		total++
		if Native(chain[0], res.From) {
			shown++
		}
	}
	return shown, total
}
