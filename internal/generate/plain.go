package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleWords mark a line as naming a person by office or role.
var titleWords = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "secretary": true,
	"chairman": true, "chairwoman": true, "chair": true, "ceo": true, "founder": true,
	"professor": true, "prof": true, "dr": true, "mr": true, "mrs": true, "ms": true,
	"sir": true, "dame": true, "king": true, "queen": true, "prince": true, "princess": true,
	"pope": true, "senator": true, "governor": true, "mayor": true, "general": true,
	"director": true, "author": true, "poet": true, "philosopher": true, "emperor": true,
	"ambassador": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"editor": true, "judge": true, "justice": true, "lord": true, "lady": true, "saint": true,
	"st": true, "rev": true, "reverend": true, "captain": true, "colonel": true,
}

// isSpeakerLine recognises "— Ada Lovelace" or "-- Mark Twain, 1897": a dash
// followed by a short name.
func isSpeakerLine(s string) bool {
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if !(r == '-' || r == '~' || isDash(r)) {
		return false
	}
	rest := strings.TrimLeft(s[n:], "-")
	if rest == "" || rest[0] != ' ' {
		return false
	}
	return looksLikeName(strings.TrimSpace(rest), true)
}

// looksLikeName reports a short run of capitalised words such as
// "Chinese President Xi Jinping" or "Ada Lovelace, 1843". Unless loose, a
// title word (President, Dr, ...) must be among them.
func looksLikeName(s string, loose bool) bool {
	if s == "" || strings.HasSuffix(s, ".") && !strings.HasSuffix(s, " Jr.") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":") {
		return false
	}
	// "Ada Lovelace, Notes on the Analytical Engine" names a work after the
	// speaker; only the part before the comma must be a name.
	name := s
	if k := strings.IndexByte(s, ','); k > 0 {
		name = s[:k]
	}
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	titled := false
	for _, w := range words {
		w = strings.Trim(w, ".()'\"")
		if w == "" {
			continue
		}
		if titleWords[strings.ToLower(w)] {
			titled = true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[w] {
			return false
		}
	}
	return loose || titled
}

// nameParticles may appear in lower case inside a name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "di": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "du": true, "bin": true, "al": true,
	"of": true, "the": true, "and": true, "y": true,
}

// plainStructure finds the structure plain text leaves implicit: a short
// first line is the title, a short line of its own is a heading, a name
// under a paragraph is the speaker of a quotation.
func plainStructure(blocks []block) []block {
	for k := range blocks {
		b := &blocks[k]
		if b.kind != kPara || b.start != b.end {
			continue
		}
		var prev *block
		if k > 0 {
			prev = &blocks[k-1]
		}
		if prev != nil && (prev.kind == kPara || prev.kind == kQuote) && prev.end < b.start && looksLikeName(b.s, quoted(prev.s)) {
			b.kind = kAttrib
			continue
		}
		if k+1 < len(blocks) && headingLike(b.s) {
			b.kind, b.level = kHeading, 2
			b.s = unshout(b.s)
			if k == 0 && !strings.HasSuffix(b.s, "?") {
				b.level = 1
			}
		}
	}
	return blocks
}

// unshout turns an ALL CAPS heading into sentence case ("FIRST AID
// BASICS" → "First aid basics"); a short acronym ("CPR") stays.
func unshout(s string) string {
	ws := strings.Fields(s)
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return s
			}
			letters++
		}
	}
	if letters < 2 || len(ws) == 1 && letters <= 5 {
		return s
	}
	return upperFirst(strings.ToLower(s))
}

// quoted reports text wrapped in quotation marks.
func quoted(s string) bool {
	return len(s) > 2 && s[0] == '"' && strings.HasSuffix(strings.TrimRight(s, " "), `"`)
}

// headingLike reports a line that reads as a heading: short, starting with
// a capital or digit, without closing punctuation except a question mark,
// and not a labelled line ("Note: ...").
func headingLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"') {
		return false
	}
	n := len(strings.Fields(s))
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"')]`))
	switch {
	case last == '?':
		return n <= 20
	case strings.ContainsRune(".,;:!", last):
		return false
	}
	if _, _, ok := splitLabel(s); ok {
		return false
	}
	return n <= 12
}
