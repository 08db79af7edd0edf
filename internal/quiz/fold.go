package quiz

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// articles are the leading words an answer is forgiven: English, French,
// German, Spanish and Italian articles. Only one is dropped, and only when
// more words follow, so an answer that is just "The" stays itself.
var articles = map[string]bool{
	"a": true, "an": true, "the": true,
	"le": true, "la": true, "les": true, "un": true, "une": true,
	"der": true, "die": true, "das": true, "ein": true, "eine": true,
	"el": true, "los": true, "las": true, "una": true,
	"il": true, "lo": true, "gli": true,
}

// elided articles glued to the next word: l'homme, l’eau.
var elided = []string{"l'", "l’"}

// isEmphasis reports Markdown emphasis and code markers, which are display
// markup rather than part of an answer.
func isEmphasis(r rune) bool { return r == '*' || r == '_' || r == '`' }

// isOpenPunct reports punctuation that may lead an answer without changing
// it: quotes and inverted marks. Opening brackets are handled as pairs.
func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '«', '‹', '„', '“', '”', '‘', '’', '‚', '¡', '¿':
		return true
	}
	return false
}

// isClosePunct reports sentence punctuation that may end an answer without
// changing it. A dash, '#', '+' or '%' is not in the set: "C#", "C++" and
// "-5" mean something else without it.
func isClosePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '…', '"', '\'', '»', '›', '“', '”', '‘', '’':
		return true
	}
	return false
}

// fold reduces an answer to the form compared by Check: NFC, accents
// dropped when asked, Markdown emphasis at word edges dropped, lower case,
// white space collapsed, surrounding sentence punctuation, outer brackets
// and math delimiters trimmed, one leading article dropped. Inner
// punctuation stays. A text that folds to nothing (an answer that is only
// "?" or "*") keeps its lower-cased, space-collapsed form instead.
func fold(s string, ignoreAccents bool) string {
	if !isASCII(s) {
		s = norm.NFC.String(s)
		if ignoreAccents {
			s = stripAccents(s)
		}
	}
	// One pass and one allocation: the folded form of every answer of a
	// deck is computed when its wrong options are indexed.
	var b strings.Builder
	b.Grow(len(s))
	for rest := s; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		w := stripEdgeEmphasis(rest[:end])
		rest = rest[end:]
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		writeLower(&b, w)
	}
	if t := dropArticle(trimSurrounding(b.String())); t != "" {
		return t
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// writeLower writes w in lower case.
func writeLower(b *strings.Builder, w string) {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		b.WriteRune(unicode.ToLower(r))
		i += n
	}
}

// isASCII reports whether s holds only ASCII, which needs no Unicode
// normalisation.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasEmphasis reports whether w holds an emphasis marker.
func hasEmphasis(w string) bool {
	for i := 0; i < len(w); i++ {
		if isEmphasis(rune(w[i])) {
			return true
		}
	}
	return false
}

// stripEdgeEmphasis removes runs of emphasis markers at the start and end of
// a word, looking past quotes and sentence punctuation ("*Paris*." →
// "Paris."), but keeps inner ones ("snake_case", "2*3").
func stripEdgeEmphasis(w string) string {
	if !hasEmphasis(w) {
		return w
	}
	l := 0
	for l < len(w) {
		r, n := utf8.DecodeRuneInString(w[l:])
		if !isOpenPunct(r) && r != '(' && r != '[' {
			break
		}
		l += n
	}
	le := l
	for le < len(w) && isEmphasis(rune(w[le])) {
		le++
	}
	r := len(w)
	for r > le {
		c, n := utf8.DecodeLastRuneInString(w[:r])
		if !isClosePunct(c) && c != ')' && c != ']' {
			break
		}
		r -= n
	}
	rs := r
	for rs > le && isEmphasis(rune(w[rs-1])) {
		rs--
	}
	return w[:l] + w[le:rs] + w[r:]
}

// trimSurrounding trims white space, leading quotes, trailing sentence
// punctuation, matching outer brackets and math delimiters until none is
// left.
func trimSurrounding(t string) string {
	for {
		u := strings.TrimFunc(t, unicode.IsSpace)
		u = strings.TrimLeftFunc(u, isOpenPunct)
		u = strings.TrimRightFunc(u, isClosePunct)
		if len(u) >= 2 && (u[0] == '(' && u[len(u)-1] == ')' || u[0] == '[' && u[len(u)-1] == ']') {
			u = u[1 : len(u)-1]
		}
		// $…$ and $$…$$ around the whole answer are math markup: the
		// learner types "0" for "$0$".
		if len(u) >= 3 && u[0] == '$' && u[len(u)-1] == '$' {
			u = u[1 : len(u)-1]
		}
		if u == t {
			return u
		}
		t = u
	}
}

// dropArticle removes one leading article when something follows it.
func dropArticle(t string) string {
	if i := strings.IndexByte(t, ' '); i > 0 && articles[t[:i]] {
		return t[i+1:]
	}
	for _, p := range elided {
		if len(t) > len(p) && strings.HasPrefix(t, p) {
			return t[len(p):]
		}
	}
	return t
}

// strokeLetters maps letters whose diacritic is not a combining mark, so
// that ignoring accents treats "Łódź" as "Lodz" and "Ørsted" as "Orsted".
var strokeLetters = map[rune]rune{
	'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ħ': 'h', 'Ħ': 'H',
}

// stripAccents removes combining marks after canonical decomposition.
func stripAccents(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if m, ok := strokeLetters[r]; ok {
			r = m
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// splitAlternatives splits an answer written as "a / b" into its parts; it
// returns nil when there is no such separator or a part would be empty.
func splitAlternatives(answer string) []string {
	if strings.ContainsRune(answer, '\n') || !strings.Contains(answer, " / ") {
		return nil
	}
	parts := strings.Split(answer, " / ")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil
		}
		out = append(out, p)
	}
	return out
}

// acceptedForms lists every text that counts as the right answer: the
// answer itself, its " / " parts and the further accepted answers.
func acceptedForms(answer string, accept []string) []string {
	forms := []string{answer}
	forms = append(forms, splitAlternatives(answer)...)
	for _, a := range accept {
		if strings.TrimSpace(a) != "" {
			forms = append(forms, a)
		}
	}
	return forms
}
