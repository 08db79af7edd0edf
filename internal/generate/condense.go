package generate

import (
	"regexp"
	"strings"
)

// Limits on what a learner can be asked to recall.
const (
	maxAnswerWords = 25 // a basic card's answer, enumerations aside
	maxItems       = 10 // items of an enumeration card
	maxItemWords   = 8  // words of one enumerated item
	maxStepWords   = 12 // words of one step of a procedure
	maxClozeWords  = 15 // words hidden by one cloze deletion
	maxSentence    = 70 // longer "sentences" are run-on text, not facts
)

// condense shortens an answer to at most limit words by cutting it at a
// clause boundary (a comma, semicolon, colon or dash outside quotes,
// brackets and enumerations). It returns "" when no such cut leaves a
// meaningful answer; a half sentence is worse than no card.
func condense(s string, limit int) string {
	s = strings.TrimSpace(s)
	if wordCount(s) <= limit {
		return s
	}
	protected := enumerationRanges(s)
	best := -1
	depth, inQuote := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '"':
			inQuote = !inQuote
		case ',', ';', ':':
			if depth > 0 || inQuote || inRanges(protected, i) {
				continue
			}
			n := wordCount(s[:i])
			if n > limit {
				break
			}
			if n >= 4 {
				best = i
			}
		case '-':
			if i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ' && depth == 0 && !inQuote {
				if n := wordCount(s[:i]); n <= limit && n >= 4 {
					best = i - 1
				}
			}
		}
	}
	if best < 0 {
		return ""
	}
	return strings.TrimRight(s[:best], " ,;:-")
}

// Limits on an answer given clause by clause.
const (
	maxClauseLines = 5
	maxClauseWords = 18 // words of one clause line
	maxLinedWords  = 45 // words of the whole answer
)

// clauseLines breaks a sentence too long for one answer into its clauses,
// one a line and all of them kept, when each is short enough to read at a
// glance: a definition cut after its first clause teaches half of it. It
// splits at commas and semicolons outside brackets, quotes and
// enumerations, and returns nil when the sentence has no such shape.
func clauseLines(s string) []string {
	s = strings.TrimRight(strings.TrimSpace(s), ".")
	if wordCount(s) > maxLinedWords {
		return nil
	}
	protected := enumerationRanges(s)
	var lines []string
	from, depth, inQuote := 0, 0, false
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			switch s[i] {
			case '(', '[':
				depth++
				continue
			case ')', ']':
				depth = max(0, depth-1)
				continue
			case '"':
				inQuote = !inQuote
				continue
			case ',', ';':
				if depth > 0 || inQuote || inRanges(protected, i) {
					continue
				}
			default:
				continue
			}
		}
		part := strings.TrimSpace(s[from:i])
		if n := wordCount(part); n < 3 || n > maxClauseWords {
			return nil
		}
		lines = append(lines, part)
		from = i + 1
	}
	if len(lines) < 2 || len(lines) > maxClauseLines {
		return nil
	}
	return tidyClauses(lines)
}

// clauseConjunctions open a clause line without adding to it once the
// clauses stand on lines of their own.
var clauseConjunctions = []string{"and also ", "and ", "or ", "as well as "}

// copulaWords open a predicate that shares the subject of an earlier
// clause: "..., are characterized by X".
var copulaWords = setOf(`is are was were`)

// reEmptyHead matches a clause whose subject is defined by an empty head
// noun: "new productive forces are those that are freed from X" says
// only "freed from X" of the thing asked about.
var reEmptyHead = regexp.MustCompile(`^(?:[^,;]{1,60}?) (?:is|are|was|were) (?:those|ones|the ones|one|the one|something) (?:that|which|who) (.+)$`)

// tidyClauses makes each clause line read as an item of its own: a
// leading "and" goes (the lines list the clauses), a subject the question
// already names goes with its empty head ("new productive forces are
// those that are freed from X" → "Freed from X"), and a bare "is" or
// "are" that continues the subject of an earlier clause goes ("are in
// line with X" → "In line with X"). The remaining words are the
// document's own.
func tidyClauses(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if i > 0 {
			for _, c := range clauseConjunctions {
				if strings.HasPrefix(l, c) && wordCount(l) > wordCount(c)+1 {
					l = l[len(c):]
					break
				}
			}
		}
		if m := reEmptyHead.FindStringSubmatch(l); m != nil && wordCount(m[1]) >= 2 {
			l = m[1]
		}
		if ws := strings.Fields(l); i > 0 && len(ws) > 2 && copulaWords[ws[0]] {
			l = strings.Join(ws[1:], " ")
		}
		out[i] = upperFirst(l)
	}
	return out
}

func inRanges(rs [][2]int, i int) bool {
	for _, r := range rs {
		if i >= r[0] && i < r[1] {
			return true
		}
	}
	return false
}

// enumerationRanges returns the byte ranges of the in-sentence
// enumerations of s, which a cut must not split.
func enumerationRanges(s string) [][2]int {
	var out [][2]int
	for _, e := range findEnumerations(s) {
		out = append(out, [2]int{e.start, e.end})
	}
	return out
}
