package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitLabel splits a labelled line "Driving factors: a, b and c" into its
// label and content. A label is at most five words, starts with a capital
// letter and holds no sentence punctuation.
func splitLabel(s string) (label, content string, ok bool) {
	k := strings.Index(s, ": ")
	if k <= 0 || k > 60 {
		return "", "", false
	}
	label, content = strings.TrimSpace(s[:k]), strings.TrimSpace(s[k+2:])
	if label == "" || content == "" || !hasContent(content) {
		return "", "", false
	}
	r, _ := utf8.DecodeRuneInString(label)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return "", "", false
	}
	if strings.ContainsAny(label, `.?!,;"()[]=`) || wordCount(label) > 5 {
		return "", "", false
	}
	for _, w := range words(label) {
		if lw := strings.ToLower(w); clauseWords[lw] || pronouns[lw] && lw != "one" {
			return "", "", false
		}
	}
	// "During a review: ..." and "Install it: ..." open a sentence; a
	// label names a thing.
	if ws := strings.Fields(label); len(ws) > 1 {
		if fw := strings.ToLower(ws[0]); leadPrepositions[fw] || isBaseVerb(fw) && !attributeLabels[fw] {
			return "", "", false
		}
	}
	// "Temperature matters: ..." is a sentence, not a label.
	if wordCount(label) > 1 && genericWords[lastWordLower(label)] {
		return "", "", false
	}
	return label, content, true
}

// narrativeLabels introduce text rather than name a property of the topic:
// their content is read as ordinary sentences.
var narrativeLabels = setOf(`background note notes example examples summary context source sources
tip tips warning caution important update updated editor image photo picture credit credits see
related posted published by tags tl;dr nb ps attention info information hint reminder disclaimer
warning caveat quote remark remarks comment comments aside overview introduction abstract preface
conclusion details explanation story news`)

// definitionLabels name what the topic is; a question heading "What is X?"
// is answered by the first of them.
var definitionLabels = setOf(`definition meaning concept defined answer short-answer essence
basic-meaning gist idea`)

// attributeLabels are properties a topic has. A single-word label in a
// list item ("Go: a language") is taken as a term being defined unless it
// is one of these.
var attributeLabels = setOf(`definition meaning purpose goal goals aim aims features feature
advantages advantage disadvantages disadvantage pros cons benefits benefit drawbacks drawback
requirements requirement causes cause effects effect symptoms symptom uses use steps components
properties characteristics factors principles methods rules limitations risks prerequisites inputs
input outputs output result results function role origin origins scope status date location
author duration cost price size default syntax usage returns parameters arguments options types
examples consequences impact impacts significance importance history dates period capital
population area language languages currency members founder founded headquarters elements parts
structure process stages phases outcome outcomes objective objectives challenges problems
solutions strengths weaknesses opportunities threats measures tools materials ingredients`)

func labelKey(label string) string {
	return strings.ReplaceAll(strings.ToLower(label), " ", "-")
}

// isNarrativeLabel reports labels such as "Background" or "Note".
func isNarrativeLabel(label string) bool {
	return narrativeLabels[labelKey(label)] || narrativeLabels[strings.ToLower(strings.Fields(label)[0])] && wordCount(label) <= 2 && !attributeLabels[lastWordLower(label)]
}

// isDefinitionLabel reports labels such as "Definition" or "Basic meaning".
func isDefinitionLabel(label string) bool {
	return definitionLabels[labelKey(label)] || definitionLabels[lastWordLower(label)]
}

// isAttributeLabel reports labels that name a property of the topic: any
// label of two or more words ("Driving factors") or a known property word.
func isAttributeLabel(label string) bool {
	if wordCount(label) >= 2 && !isCapitalized(strings.Fields(label)[1]) {
		return true
	}
	return attributeLabels[lastWordLower(label)]
}

func lastWordLower(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(ws[len(ws)-1], ".,:;"))
}

// splitItems splits an enumeration "a, b, and c" (or "a; b; c") into its
// items. It returns nil unless there are at least two items and none is
// longer than maxWords.
func splitItems(s string, maxWords int) []string {
	s = strings.TrimRight(strings.TrimSpace(s), ".;")
	sep := ","
	if strings.Count(s, ";") >= 1 {
		sep = ";"
	}
	parts := strings.Split(s, sep)
	if len(parts) < 2 {
		// "a and b" or "a or b" with no commas.
		for _, conj := range []string{" and ", " or "} {
			if strings.Count(s, conj) == 1 {
				parts = strings.Split(s, conj)
				break
			}
		}
		if len(parts) < 2 {
			return nil
		}
	} else {
		last := strings.TrimSpace(parts[len(parts)-1])
		oxford := false
		for _, conj := range []string{"and ", "or "} {
			if strings.HasPrefix(last, conj) {
				parts[len(parts)-1] = last[len(conj):]
				oxford = true
			}
		}
		if !oxford && sep == "," {
			for _, conj := range []string{" and ", " or "} {
				i := strings.LastIndex(last, conj)
				if i <= 0 {
					continue
				}
				before, after := last[:i], last[i+len(conj):]
				// "transformation and upgrading of industries" is one item:
				// two nouns sharing what follows.
				if wordCount(before) <= 2 && strings.Contains(after, " of ") {
					break
				}
				parts = append(parts[:len(parts)-1], before, after)
				break
			}
		}
	}
	var items []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		p = strings.TrimPrefix(p, "and ")
		if p == "" {
			continue
		}
		if wordCount(p) > maxWords || !hasContent(p) {
			return nil
		}
		items = append(items, p)
	}
	if len(items) < 2 {
		return nil
	}
	return items
}
