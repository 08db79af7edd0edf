package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are English function words: never an answer on their own and
// never counted when comparing cards.
var stopWords = setOf(`a about above after again against all also am an and any are aren't as at be
because been before being below between both but by can cannot could couldn't did didn't do does
doesn't doing don't down during each either else even ever every few for from further had hadn't
has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's like many may
me might more most much must mustn't my myself neither no nor not now of off on once one only or
other others otherwise our ours ourselves out over own per quite rather same shall shan't she
she'd she'll she's should shouldn't since so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those though through
thus to too under until up upon us very via was wasn't we we'd we'll we're we've well were weren't
what what's whatever when when's whenever where where's whereas whether which while who who's
whoever whom whose why why's will with within without won't would wouldn't yet you you'd you'll
you're you've your yours yourself yourselves etc e.g i.e vs`)

// pronouns make a text vague when they stand for something unnamed.
var pronouns = setOf(`it its they them their these those this that he she him her his hers we us
our you your i me my one ones which who whom what`)

// weakWords carry little meaning as an answer or a subject on their own.
var weakWords = setOf(`thing things way ways part parts kind kinds lot lots example examples case
cases fact facts point points issue issues aspect aspects matter matters stuff something anything
everything nothing someone anyone everyone people person time times result results reason reasons
idea ideas problem problems answer answers question questions goal goals purpose difference
differences solution solutions outcome outcomes approach approaches method methods number numbers
amount amounts use uses situation situations area areas side sides step steps form forms type
types sort sorts manner term terms word words same other others following above below first last
next new old good bad important necessary possible different various certain several main key`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words splits s into words: runs of letters, digits, apostrophes and
// inner hyphens or dots ("high-quality", "e.g", "1.22").
func words(s string) []string {
	out := make([]string, 0, strings.Count(s, " ")+1)
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && start >= 0 && (r == '\'' || r == '-' || r == '.' || r == '’') {
			// Keep the joiner only when a letter or digit follows.
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next) || unicode.IsDigit(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// contentWords returns the lower-cased words of s that are not stop words.
func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		lw := strings.ToLower(w)
		if !stopWords[lw] {
			out = append(out, lw)
		}
	}
	return out
}

// wordCount counts the white-space separated words of s.
func wordCount(s string) int {
	n := 0
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// hasContent reports whether s contains a word that is neither a stop word
// nor a vague word: something a learner could actually recall.
func hasContent(s string) bool {
	for _, w := range words(s) {
		lw := strings.ToLower(w)
		if stopWords[lw] || pronouns[lw] {
			continue
		}
		if utf8.RuneCountInString(w) >= 2 || unicode.IsDigit([]rune(w)[0]) {
			return true
		}
	}
	return false
}

// isCapitalized reports a word starting with an upper-case letter.
func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAllCaps reports a word of two or more letters, all upper case.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// lowerFirst lower-cases the first letter of s unless the first word is an
// acronym or a name-like word followed by more capitals ("New York").
func lowerFirst(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 || isAllCaps(ws[0]) {
		return s
	}
	switch ws[0] {
	case "The", "A", "An":
		// "The French Revolution" → "the French Revolution".
		return strings.ToLower(ws[0][:1]) + s[1:]
	}
	if len(ws) > 1 && isCapitalized(ws[1]) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// plural guesses whether a noun phrase is plural from its last word.
func plural(np string) bool {
	if k := strings.Index(np, " of "); k > 0 {
		np = np[:k]
	}
	ws := words(np)
	if len(ws) == 0 {
		return false
	}
	if len(ws) > 1 {
		for _, w := range ws[:len(ws)-1] {
			if strings.EqualFold(w, "and") {
				return true
			}
		}
	}
	w := ws[len(ws)-1]
	if isCapitalized(w) && len(ws) == 1 {
		return false
	}
	lw := strings.ToLower(w)
	switch lw {
	case "people", "children", "men", "women", "data", "media", "criteria", "phenomena", "mice", "feet", "teeth":
		return true
	case "news", "physics", "mathematics", "economics", "politics", "series", "species", "analysis", "basis", "status", "bus", "gas", "process", "access", "success", "business", "class", "focus", "census", "campus", "virus", "bonus", "corpus", "apparatus", "lens", "atlas", "chaos", "ethos", "this", "is", "was", "has", "does", "its":
		return false
	}
	return strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us") &&
		!strings.HasSuffix(lw, "is") && !strings.HasSuffix(lw, "ics") && len(lw) > 3
}
