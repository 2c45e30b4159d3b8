package sitegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// writer makes English text from the vocabulary with one random source,
// so the same source state always gives the same text.
type writer struct {
	r    *rand.Rand
	area string // topic folder, for link URLs
}

func (w *writer) pick(list []string) string { return list[w.r.IntN(len(list))] }

// chance reports true with probability percent/100.
func (w *writer) chance(percent int) bool { return w.r.IntN(100) < percent }

// text returns sentences of between lo and hi words in all, counted as
// strings.Fields counts them (a link's words count, its URL does not add
// one). link asks for a sentence with a link in it.
func (w *writer) text(lo, hi int, link bool) string {
	target := lo + w.r.IntN(hi-lo+1)
	var sentences []string
	n := 0
	if link {
		s := w.linkSentence(hi)
		sentences, n = append(sentences, s), words(s)
	}
	for n < target {
		if target-n < 6 && n >= lo {
			break
		}
		s := w.sentence(hi - n)
		sentences = append(sentences, s)
		n += words(s)
	}
	// The link sentence goes somewhere in the middle or at the end, where
	// pages put them.
	if link && len(sentences) > 1 {
		i := 1 + w.r.IntN(len(sentences)-1)
		sentences[0], sentences[i] = sentences[i], sentences[0]
	}
	return strings.Join(sentences, " ")
}

func words(s string) int { return len(strings.Fields(s)) }

// sentence returns a sentence of at most max words (max >= 4).
func (w *writer) sentence(max int) string {
	for range 20 {
		if s := w.anySentence(); words(s) <= max {
			return s
		}
	}
	return "Partners share information."
}

// anySentence returns one sentence from a template chosen at random.
func (w *writer) anySentence() string {
	switch w.r.IntN(9) {
	case 0:
		return sentence(w.pick(subjects), w.verbPhrase(plural3), w.objectPhrase(), w.prepPhrase())
	case 1:
		return sentence(fmt.Sprintf("In %d,", w.year()), lowerFirst(w.pick(subjects)), "reviewed more than", w.count(), pluralOf(w.pick(nouns)), w.prepPhrase())
	case 2:
		return sentence("Since "+w.date()+",", lowerFirst(w.pick(singularSubjects)), "has", past(w.pick(verbs)), w.objectPhrase())
	case 3:
		return sentence(w.pick(singularSubjects), singular3(w.pick(verbs)), w.objectPhrase(), "and", singular3(w.pick(verbs)), w.objectPhrase())
	case 4:
		return sentence("To", w.pick(verbs), w.objectPhrase()+",", lowerFirst(w.pick(subjects)), w.verbPhrase(plural3), w.objectPhrase())
	case 5:
		return sentence("About", fmt.Sprintf("%d percent of", 5+w.r.IntN(90)), pluralOf(w.pick(nouns)), w.verbPhrase(plural3), w.objectPhrase(), w.prepPhrase())
	case 6:
		return sentence(w.pick(singularSubjects), past(w.pick(verbs)), fmt.Sprintf("$%d.%d million", 1+w.r.IntN(40), w.r.IntN(10)), "in", pluralOf(w.pick(nouns)), "during fiscal year", fmt.Sprint(w.year()))
	case 7:
		return sentence(w.pick(singularSubjects), singular3(w.pick(verbs)), w.objectPhrase(), w.prepPhrase(), w.prepPhrase())
	default:
		return sentence(w.pick(subjects), w.verbPhrase(plural3), w.objectPhrase())
	}
}

// linkSentence returns a sentence with one link, of at most max words.
func (w *writer) linkSentence(max int) string {
	for range 20 {
		var s string
		switch w.r.IntN(3) {
		case 0:
			s = sentence("For more information, see", w.link(w.objectPhrase()))
		case 1:
			n := 200 + w.r.IntN(800)
			phone := fmt.Sprintf("1-866-%03d-%04d", n, w.r.IntN(10000))
			s = sentence("To report", w.pick(adjectives), pluralOf(w.pick(nouns))+", call", "["+phone+"](tel:+1866"+strings.ReplaceAll(phone[6:], "-", "")+")")
		default:
			s = sentence(w.pick(subjects), w.verbPhrase(plural3), w.link(w.objectPhrase()), w.prepPhrase())
		}
		if words(s) <= max {
			return s
		}
	}
	return "See [our guidance](https://www.example.gov/guidance)."
}

// link makes text a Markdown link to a page of the example agency.
func (w *writer) link(text string) string {
	return "[" + text + "](https://www.example.gov/" + w.area + "/" + slugOf(text) + ")"
}

// sentence joins parts with spaces, capitalizes the first letter and
// ends with a period.
func sentence(parts ...string) string {
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (w *writer) verbPhrase(inflect func(string) string) string {
	v := inflect(w.pick(verbs))
	if w.chance(25) {
		return w.pick(adverbs) + " " + v
	}
	return v
}

func (w *writer) objectPhrase() string {
	switch w.r.IntN(5) {
	case 0:
		return "the " + w.pick(adjectives) + " " + w.pick(nouns)
	case 1:
		return "the " + w.pick(mass)
	case 2:
		return w.count() + " " + pluralOf(w.pick(nouns))
	default:
		return w.pick(adjectives) + " " + pluralOf(w.pick(nouns))
	}
}

func (w *writer) prepPhrase() string {
	switch w.r.IntN(5) {
	case 0:
		return "across " + w.pick(places)
	case 1:
		return "in " + w.pick(places)
	case 2:
		return "with " + w.pick(adjectives) + " " + pluralOf(w.pick(nouns))
	case 3:
		return "through " + w.pick(adjectives) + " " + pluralOf(w.pick(nouns))
	default:
		return "for the " + w.pick(mass)
	}
}

func (w *writer) year() int { return 2015 + w.r.IntN(11) }

// date returns a date written the American way: "March 4, 2019".
func (w *writer) date() string {
	// time.Month names the months in English, as the pages are written.
	return fmt.Sprintf("%s %d, %d", time.Month(1+w.r.IntN(12)), 1+w.r.IntN(28), w.year())
}

// count returns a number of things, with thousands separators.
func (w *writer) count() string {
	n := 2 + w.r.IntN(40)
	if w.chance(50) {
		n = 100 + w.r.IntN(25000)
	}
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d,%03d", n/1000, n%1000)
}

// heading returns an H2 heading.
func (w *writer) heading() string {
	return w.pick(headingStarts) + " " + titleCase(w.pick(adjectives)+" "+pluralOf(w.pick(nouns)))
}

// title returns a page title.
func (w *writer) title() string {
	return titleCase(w.pick(adjectives)+" "+w.pick(nouns)) + " " + w.pick(titleKinds)
}

// listItem returns a list item with a bold lead-in.
func (w *writer) listItem() string {
	lead := "**" + w.pick(leadIns) + " " + w.pick(adjectives) + " " + pluralOf(w.pick(nouns)) + ".**"
	return lead + " " + w.text(12, 40, w.chance(15))
}

// lowerFirst lowercases the first word of a subject that no longer
// begins the sentence, unless it is an acronym ("HSI").
func lowerFirst(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if strings.ToUpper(first) == first {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, x := range f {
		f[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return strings.Join(f, " ")
}

// slugOf makes a URL path part of plain words.
func slugOf(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// Inflection of the vocabulary. A phrase inflects its first word: "work
// with" → "works with"; a noun phrase its last: "task force" → "task
// forces".

func pluralOf(noun string) string {
	i := strings.LastIndexByte(noun, ' ') + 1
	return noun[:i] + suffixS(noun[i:])
}

func singular3(verb string) string {
	head, tail, _ := strings.Cut(verb, " ")
	return join(suffixS(head), tail)
}

func plural3(verb string) string { return verb }

func past(verb string) string {
	head, tail, _ := strings.Cut(verb, " ")
	switch {
	case strings.HasSuffix(head, "e"):
		head += "d"
	case consonantY(head):
		head = head[:len(head)-1] + "ied"
	default:
		head += "ed"
	}
	return join(head, tail)
}

func suffixS(w string) string {
	switch {
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	default:
		return w + "s"
	}
}

func consonantY(w string) bool {
	return len(w) > 1 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2]))
}

func join(head, tail string) string {
	if tail == "" {
		return head
	}
	return head + " " + tail
}
