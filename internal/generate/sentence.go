package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a sentence: its text and byte offsets in the block text.
type span struct {
	s          string
	start, end int
}

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = setOf(`mr mrs ms dr prof sr jr st vs etc e.g i.e eg ie cf no nos inc ltd co corp
fig figs jan feb mar apr jun jul aug sep sept oct nov dec gen gov sen rep mt approx al u.s u.k
a.m p.m ca vol vols ed eds ch pp p op art dept est min max sec hr hrs govt`)

// splitSentences splits text into sentences. A sentence ends at ".", "!"
// or "?" (with any closing quotes or brackets) followed by a space and a
// capital, digit or opening quote; abbreviations, initials and decimal
// numbers do not end one.
func splitSentences(t string) []span {
	var out []span
	start := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i
		for j < len(t) && (t[j] == '.' || t[j] == '!' || t[j] == '?') {
			j++
		}
		for j < len(t) && strings.IndexByte(`"')]`, t[j]) >= 0 {
			j++
		}
		if j < len(t) && t[j] != ' ' {
			i = j - 1
			continue
		}
		if j < len(t) {
			next, _ := utf8.DecodeRuneInString(t[j+1:])
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '(' || next == '\'') &&
				!(c == '.' && j-i == 1 && unicode.IsLower(next) && plainWordBefore(t[start:i])) {
				i = j - 1
				continue
			}
		}
		if c == '.' && j-i == 1 && isAbbreviation(t[start:i]) {
			continue
		}
		if s := strings.TrimSpace(t[start:j]); s != "" {
			out = append(out, span{s: s, start: start + strings.Index(t[start:j], s), end: start + strings.Index(t[start:j], s) + len(s)})
		}
		start = j
		i = j - 1
	}
	if s := strings.TrimSpace(t[start:]); s != "" {
		off := start + strings.Index(t[start:], s)
		out = append(out, span{s: s, start: off, end: off + len(s)})
	}
	return out
}

// plainWordBefore reports an ordinary lower-case word of four or more
// letters before a full stop: text such as "new development ideas. means
// high productivity" has lost a capital, not gained an abbreviation.
func plainWordBefore(before string) bool {
	k := strings.LastIndexByte(before, ' ')
	w := before[k+1:]
	if len(w) < 4 || abbreviations[strings.ToLower(w)] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isAbbreviation reports whether the text before a full stop ends with an
// abbreviation or an initial ("J." in "J. Smith").
func isAbbreviation(before string) bool {
	k := strings.LastIndexAny(before, " (\"")
	w := before[k+1:]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}
