package align

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/hsi-l10n/l10n/internal/content"
)

// Report is what l10n align did for one locale, for a person (Write) or
// a program (WriteJSON).
type Report struct {
	Locale  string `json:"locale"`
	Catalog string `json:"catalog"`
	// MinConfidence is the confidence from which pairs were imported as
	// current.
	MinConfidence float64      `json:"min_confidence"`
	Pages         []PageReport `json:"pages"`
	// Untranslated lists the English pages that have no translated page.
	Untranslated []string `json:"untranslated_pages"`
	Totals       Totals   `json:"totals"`
}

// PageReport is one English page and its translated page.
type PageReport struct {
	English     string       `json:"english"`
	Translation string       `json:"translation"`
	Pairs       []PairReport `json:"pairs"`
	// UnpairedEnglish and UnpairedTranslation are the blocks of each page
	// that no block of the other translates one to one.
	UnpairedEnglish     []LeftReport `json:"unpaired_english"`
	UnpairedTranslation []LeftReport `json:"unpaired_translation"`
}

// PairReport is one pair: where each block is (file:line:col), how sure
// the pairing is and what became of it.
type PairReport struct {
	ID          string  `json:"id"`
	English     string  `json:"english"`
	Translation string  `json:"translation"`
	Confidence  float64 `json:"confidence"`
	Why         string  `json:"why"`
	Was         string  `json:"was,omitempty"`
	Outcome     Outcome `json:"outcome"`
	Existing    string  `json:"existing,omitempty"`
	Problem     string  `json:"problem,omitempty"`
}

// LeftReport is a block left unpaired.
type LeftReport struct {
	ID   string `json:"id,omitempty"`
	At   string `json:"at"`
	Text string `json:"text"`
	Why  string `json:"why"`
}

// Totals counts the outcomes over all pages.
type Totals struct {
	Pages               int `json:"pages"`
	Pairs               int `json:"pairs"`
	Current             int `json:"current"`
	Review              int `json:"review"`
	Stale               int `json:"stale"`
	Kept                int `json:"kept"`
	Conflicts           int `json:"conflicts"`
	Rejected            int `json:"rejected"`
	English             int `json:"english"`
	UnpairedEnglish     int `json:"unpaired_english"`
	UnpairedTranslation int `json:"unpaired_translation"`
}

// NewReport gathers the report of pages, aligned, and entries, what
// Apply made of their pairs.
func NewReport(locale, catalogPath string, minConfidence float64, pages []PageResult, entries [][]Entry, untranslated []string) *Report {
	r := &Report{Locale: locale, Catalog: catalogPath, MinConfidence: minConfidence, Untranslated: untranslated, Pages: []PageReport{}}
	if r.Untranslated == nil {
		r.Untranslated = []string{}
	}
	for k, p := range pages {
		pr := PageReport{English: p.English.File, Translation: p.Translation.File, Pairs: []PairReport{}, UnpairedEnglish: []LeftReport{}, UnpairedTranslation: []LeftReport{}}
		for _, e := range entries[k] {
			pr.Pairs = append(pr.Pairs, PairReport{ID: e.ID, English: e.En.Pos.String(), Translation: e.Tr.Pos.String(),
				Confidence: round2(e.Confidence), Why: e.Why, Was: e.Was, Outcome: e.Outcome, Existing: e.Existing, Problem: e.Problem})
			r.Totals.count(e.Outcome)
		}
		for _, l := range p.En {
			pr.UnpairedEnglish = append(pr.UnpairedEnglish, left(l, l.Block.ID))
		}
		for _, l := range p.Tr {
			pr.UnpairedTranslation = append(pr.UnpairedTranslation, left(l, ""))
		}
		r.Totals.Pages++
		r.Totals.UnpairedEnglish += len(pr.UnpairedEnglish)
		r.Totals.UnpairedTranslation += len(pr.UnpairedTranslation)
		r.Pages = append(r.Pages, pr)
	}
	return r
}

func (t *Totals) count(o Outcome) {
	t.Pairs++
	switch o {
	case Current:
		t.Current++
	case Review:
		t.Review++
	case Stale:
		t.Stale++
	case Kept:
		t.Kept++
	case Conflict:
		t.Conflicts++
	case Rejected:
		t.Rejected++
	case English:
		t.English++
	}
}

func left(l Left, id string) LeftReport {
	return LeftReport{ID: id, At: l.Block.Pos.String(), Text: short(l.Block), Why: l.Why}
}

// short is the start of a block's text, for a person to find it.
func short(b *content.Block) string { return clipText(b.Text) }

// clipText is the start of a text, for a person to find it.
func clipText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// WriteJSON writes r as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Write writes r for a person: per page, what was paired and what was
// left, each at its file:line:col; then the totals. Pairs imported as
// current and kept are counted, not listed.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	for _, p := range r.Pages {
		counts := map[Outcome]int{}
		for _, e := range p.Pairs {
			counts[e.Outcome]++
		}
		fmt.Fprintf(&b, "%s ← %s: %d pairs (%d current, %d for review", p.English, p.Translation, len(p.Pairs), counts[Current], counts[Review])
		for _, o := range []Outcome{Stale, Kept, Conflict, Rejected, English} {
			if counts[o] > 0 {
				fmt.Fprintf(&b, ", %d %s", counts[o], o)
			}
		}
		fmt.Fprintf(&b, "), %d English and %d translated blocks unpaired\n", len(p.UnpairedEnglish), len(p.UnpairedTranslation))
		for _, e := range p.Pairs {
			switch e.Outcome {
			case Review:
				fmt.Fprintf(&b, "  %s: review [%s] confidence %.2f: %s\n", e.Translation, e.ID, e.Confidence, e.Why)
			case Stale:
				fmt.Fprintf(&b, "  %s: stale [%s] (was %q): %s\n", e.Translation, e.ID, clipText(e.Was), e.Why)
			case Conflict:
				fmt.Fprintf(&b, "  %s: conflict [%s]: the catalog has another translation, kept: %q\n", e.Translation, e.ID, e.Existing)
			case Rejected:
				fmt.Fprintf(&b, "  %s: rejected [%s]: %s\n", e.Translation, e.ID, e.Problem)
			}
		}
		for _, l := range p.UnpairedEnglish {
			fmt.Fprintf(&b, "  %s: unpaired English [%s] %q: %s\n", l.At, l.ID, l.Text, l.Why)
		}
		for _, l := range p.UnpairedTranslation {
			fmt.Fprintf(&b, "  %s: unpaired translation %q: %s\n", l.At, l.Text, l.Why)
		}
	}
	t := r.Totals
	fmt.Fprintf(&b, "%d pages into %s: %d pairs, %d current, %d for review (confidence under %.2f), %d stale, %d kept, %d conflicts, %d rejected, %d still in English; %d English and %d translated blocks unpaired",
		t.Pages, r.Catalog, t.Pairs, t.Current, t.Review, r.MinConfidence, t.Stale, t.Kept, t.Conflicts, t.Rejected, t.English, t.UnpairedEnglish, t.UnpairedTranslation)
	if n := len(r.Untranslated); n > 0 {
		fmt.Fprintf(&b, "; %d English pages have no translated page", n)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
