package sitegen

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

// translator makes the pseudo-translation of English text into one locale:
// every English word becomes a made-up word in the locale's script, the
// same word always the same made-up word, chosen by a hash of the locale
// and the word. Markdown syntax, link destinations, {{placeholders}},
// numbers and acronyms are kept, so a translation has the English's
// structure, as "l10n check" requires. The text is not a language; it
// only has the length, script and spacing of one, and differs from the
// English and from every other locale.
type translator struct {
	tag    string
	script script
	cache  map[string]string // lowercase English word → made-up word
}

// script is how made-up words of a writing system are spelled.
type script struct {
	syllables []string // words are 1–3 of these…
	letters   []rune   // …or lo to hi of these letters
	lo, hi    int
	spaced    bool // words are separated by spaces
	cased     bool // a capital English word gets a capital
	punct     map[rune]rune
}

func newTranslator(tag language.Tag) *translator {
	return &translator{tag: tag.String(), script: scriptOf(tag), cache: map[string]string{}}
}

// Translate returns the pseudo-translation of text, inline Markdown.
func (t *translator) Translate(text string) string {
	var b strings.Builder
	b.Grow(len(text) * 3 / 2)
	prevWord := false // the last thing written was a made-up word
	pendingSpace := false
	for i := 0; i < len(text); {
		if n := keptLen(text[i:]); n > 0 {
			t.flushSpace(&b, &pendingSpace, false, prevWord)
			b.WriteString(text[i : i+n])
			i += n
			prevWord = false
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r):
			j := wordEnd(text, i)
			out, made := t.word(text[i:j])
			t.flushSpace(&b, &pendingSpace, made, prevWord)
			b.WriteString(out)
			prevWord = made
			i = j
		case r == ' ':
			if pendingSpace {
				b.WriteByte(' ')
			}
			pendingSpace = true
			i += size
		default:
			adjacent := prevWord && !pendingSpace
			t.flushSpace(&b, &pendingSpace, false, prevWord)
			if p, ok := t.script.punct[r]; ok && adjacent {
				b.WriteRune(p)
			} else {
				b.WriteRune(r)
			}
			i += size
			prevWord = false
		}
	}
	if pendingSpace {
		b.WriteByte(' ')
	}
	return b.String()
}

// keptLen returns the length of the link destination ("](…)"),
// {{placeholder}} or `code span` that s starts with, which a translation
// keeps as it is, or 0 if s starts with none of them. An unclosed one
// runs to the end of s.
func keptLen(s string) int {
	switch {
	case strings.HasPrefix(s, "]("):
		if j := strings.IndexByte(s, ')'); j >= 0 {
			return j + 1
		}
		return len(s)
	case strings.HasPrefix(s, "{{"):
		return delimitedLen(s, "{{", "}}")
	case strings.HasPrefix(s, "`"):
		return delimitedLen(s, "`", "`")
	}
	return 0
}

// delimitedLen returns the length of the span that s starts with, from
// open to the first end after it, or len(s) if it is not closed.
func delimitedLen(s, open, end string) int {
	if j := strings.Index(s[len(open):], end); j >= 0 {
		return len(open) + j + len(end)
	}
	return len(s)
}

// wordEnd returns the end of the English word that starts with the letter
// at text[i]: letters, and apostrophes between letters (don't, nation’s).
// A word followed by "://" is a bare URL, which runs on to the next space
// or '*'.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || (r == '\'' || r == '’') && j+size < len(text) && isLetterAt(text, j+size) {
			j += size
			continue
		}
		break
	}
	if strings.HasPrefix(text[j:], "://") {
		for j < len(text) && text[j] != ' ' && text[j] != '*' {
			j++
		}
	}
	return j
}

// flushSpace writes a pending space, except between two made-up words
// of a script written without spaces.
func (t *translator) flushSpace(b *strings.Builder, pending *bool, made, prevWord bool) {
	if !*pending {
		return
	}
	*pending = false
	if made && prevWord && !t.script.spaced {
		return
	}
	b.WriteByte(' ')
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// word returns the made-up word for an English word; acronyms and
// single capital letters (HSI, U.S.) are kept. made is false for a kept
// word.
func (t *translator) word(w string) (string, bool) {
	if strings.ToUpper(w) == w || strings.Contains(w, "://") {
		return w, false
	}
	lower := strings.ToLower(w)
	out, ok := t.cache[lower]
	if !ok {
		out = t.make(lower)
		t.cache[lower] = out
	}
	if r, _ := utf8.DecodeRuneInString(w); t.script.cased && unicode.IsUpper(r) {
		o, size := utf8.DecodeRuneInString(out)
		out = string(unicode.ToUpper(o)) + out[size:]
	}
	return out, true
}

// make spells a new word from a hash of the locale and the English word,
// about as long as the English.
func (t *translator) make(lower string) string {
	h := fnv.New64a()
	h.Write([]byte(t.tag))
	h.Write([]byte{0})
	h.Write([]byte(lower))
	x := h.Sum64()
	next := func(n int) int {
		// splitmix64: a well-mixed sequence from one hash.
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		z ^= z >> 31
		return int(z % uint64(n))
	}
	var b strings.Builder
	s := t.script
	if s.syllables != nil {
		n := 1 + min(len(lower)/4, 2) + next(2)
		for i := range n {
			if i > 0 && s.spaced && !s.cased {
				// Vietnamese-like: syllables are separate words.
				b.WriteByte(' ')
			}
			b.WriteString(s.syllables[next(len(s.syllables))])
		}
		return b.String()
	}
	n := min(s.lo+min(len(lower)/4, s.hi-s.lo-1)+next(2), s.hi)
	for range n {
		b.WriteRune(s.letters[next(len(s.letters))])
	}
	return b.String()
}

// scriptOf returns the spelling of made-up words for tag: by language for
// the Latin-script ones, by script for the others.
func scriptOf(tag language.Tag) script {
	base, _ := tag.Base()
	switch sc := locale.Script(tag); sc {
	case "Hans", "Hant":
		chars := hans
		if sc == "Hant" {
			chars = hant
		}
		return script{letters: []rune(chars), lo: 1, hi: 2, punct: cjkPunct}
	case "Jpan":
		return script{letters: runeRange(0x3041, 0x3093, 0x30A1, 0x30F3), lo: 2, hi: 4, punct: cjkPunct}
	case "Kore", "Hang":
		return script{letters: runeRange(0xAC00, 0xD7A3), lo: 1, hi: 3, spaced: true}
	case "Arab":
		return script{letters: runeRange(0x0627, 0x063A, 0x0641, 0x064A), lo: 3, hi: 7, spaced: true,
			punct: map[rune]rune{',': '،', ';': '؛', '?': '؟'}}
	case "Hebr":
		return script{letters: runeRange(0x05D0, 0x05EA), lo: 3, hi: 6, spaced: true}
	case "Thai":
		return script{letters: runeRange(0x0E01, 0x0E2E), lo: 2, hi: 6}
	case "Deva":
		return script{syllables: devanagari(), spaced: true, cased: true}
	case "Cyrl":
		return script{syllables: strings.Fields("ра ко ст ни ве ло пре за ми ть ция ов на го ре ду ск ий ель щи жи бы"), spaced: true, cased: true}
	case "Grek":
		return script{syllables: strings.Fields("κα το πο ρι στη νε λα μο ση θε ύ ών ής"), spaced: true, cased: true}
	}
	var syl string
	switch base.String() {
	case "es":
		syl = "la de ción pro men to ra ri dad es co na ter gu ñe ár ble mos ía ues tra ci pa sa ve lo ña ó ré"
	case "fr":
		syl = "le de tion ment eau ou ré pro con ai ère ex in ça gé ve ra lè quê on pré oi au ir é"
	case "pt":
		syl = "ção de pro men to ra ri da es co na ter gu nh ão ble mos ia ques tra ci pa sa ve lo lh ó"
	case "ht":
		syl = "ak pou yo nan la kò ti wè sè vis pa ki fè gen lè mò zòn kay ba lòt ou se ma kon ès"
	case "vi":
		return script{syllables: strings.Fields("nguyễn thị của những được người việc trong hợp tác quốc gia cơ quan điều tra an ninh bảo vệ đối tượng phát triển thông tin hỗ trợ"), spaced: true}
	default:
		syl = "ka lo mé ri tsu nö va ße ti ng ar ú ek sa mi po"
	}
	return script{syllables: strings.Fields(syl), spaced: true, cased: true}
}

var cjkPunct = map[rune]rune{'.': '。', ',': '，', ';': '；', ':': '：', '?': '？'}

func runeRange(bounds ...rune) []rune {
	var out []rune
	for i := 0; i+1 < len(bounds); i += 2 {
		for r := bounds[i]; r <= bounds[i+1]; r++ {
			out = append(out, r)
		}
	}
	return out
}

// devanagari returns consonant + vowel sign syllables.
func devanagari() []string {
	var out []string
	for c := rune(0x0915); c <= 0x0939; c++ {
		out = append(out, string(c), string([]rune{c, 0x093E}), string([]rune{c, 0x093F}), string([]rune{c, 0x0947}))
	}
	return out
}

// Common characters, for made-up Chinese words.
const (
	hans = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
	hant = "的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處隊南給色光門即保治北造百規熱領七海口東導器壓志世金增爭濟階油思術極交受聯什認六共權收證改清己美再採轉更單風切打白教速花帶安場身車例真務具萬每目至達走積示議聲報鬥完類八離華名確才科張信馬節話米整空元況今集溫傳土許步群廣石記需段研界拉林律叫且究觀越織裝影算低持音眾書布複容兒須際商非驗連斷深難近礦千週委素技備半辦青省列習響約支般史感勞便團往酸歷市克何除消構府稱太準精值號率族維劃選標寫存候毛親快效斯院查江型眼王按格養易置派層片始卻專狀育廠京識適屬圓包火住調滿縣局照參紅細引聽該鐵價嚴"
)
