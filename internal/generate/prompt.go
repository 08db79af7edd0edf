package generate

import "strings"

// maxPromptWords is how long a cloze prompt may be before it is cut down
// to the clause that holds its deletion: a seventy-word sentence is read,
// not reviewed.
const maxPromptWords = 30

// leadPrepositions open an adverbial clause ("In response to ...,") that
// sets the scene for the sentence rather than stating its facts.
var leadPrepositions = setOf(`in at on for with under after before during following to according
given as through by`)

// trimPrompt shortens a long cloze sentence around its deletion at
// text[st:en], keeping the document's words: first it drops a leading
// adverbial clause the deletion is not in ("In response to the demands
// ..., we will ..."), then the clauses after the one holding the
// deletion, marked by "…". It returns the prompt and the deletion's new
// offsets; a sentence with no clause to spare stays whole.
func trimPrompt(text string, st, en int) (string, int, int) {
	if wordCount(text) <= maxPromptWords {
		return text, st, en
	}
	cuts := clauseCuts(text)
	if len(cuts) == 0 {
		return text, st, en
	}
	if first := cuts[0]; first < st && leadPrepositions[strings.ToLower(strings.Fields(text)[0])] {
		lead := text[:first]
		if wordCount(lead) >= 3 && !strings.ContainsAny(lead, `"`) && !hasClauseWord(lead) {
			from := first + 1
			for from < len(text) && text[from] == ' ' {
				from++
			}
			text = upperFirst(text[from:])
			st, en = st-from, en-from
			cuts = clauseCuts(text)
		}
	}
	if wordCount(text) <= maxPromptWords {
		return text, st, en
	}
	for _, c := range cuts {
		if c >= en {
			if wordCount(text[:c]) >= 8 {
				return text[:c] + " …", st, en
			}
			break
		}
	}
	return text, st, en
}

// hasClauseWord reports a verb or clause word in s: a clause with its own
// statement, not a scene-setting phrase.
func hasClauseWord(s string) bool {
	for _, w := range words(s) {
		if clauseWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// clauseCuts returns the offsets of the commas and semicolons of s that
// end a clause: outside brackets, quotes and enumerations.
func clauseCuts(s string) []int {
	protected := enumerationRanges(s)
	var out []int
	depth, inQuote := 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		case '"':
			inQuote = !inQuote
		case ',', ';':
			if depth == 0 && !inQuote && !inRanges(protected, i) {
				out = append(out, i)
			}
		}
	}
	return out
}
