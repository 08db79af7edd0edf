package generate

import (
	"strings"
	"unicode"
)

// eventLabels name when something happened to the subject: "Born: 7
// November 1867" asks when the subject was born.
var eventLabels = setOf(`born died founded established released published opened built discovered
invented created launched completed formed incorporated elected crowned dissolved closed`)

// personLabels name people: "Spouse: Pierre Curie" asks who.
var personLabels = setOf(`spouse wife husband father mother parents children author authors founder
founders director leader president ceo owner inventor creator designer architect composer
discoverer successor predecessor chairman editor developer developers publisher manufacturer
partner partners`)

// attributeQuestion words the question for a property of the subject
// given as a label and its value ("Born: 7 November 1867, Warsaw"), or
// returns "" when the plain "What is the <label> of <subject>?" will do.
func attributeQuestion(label, subject, value string) string {
	if subject == "" {
		return ""
	}
	lw := strings.ToLower(strings.TrimSpace(label))
	last := lastWordLower(label)
	switch {
	case eventLabels[lw]:
		ds := dateSpans(value)
		if len(ds) == 0 || ds[0].start != 0 {
			return ""
		}
		where := placeAfter(value[ds[0].end:])
		switch {
		case lw == "died" && where:
			return "When and where did " + subject + " die?"
		case lw == "died":
			return "When did " + subject + " die?"
		case where:
			return "When and where was " + subject + " " + lw + "?"
		}
		return "When was " + subject + " " + lw + "?"
	case personLabels[last]:
		verb := "is"
		if plural(label) {
			verb = "are"
		}
		return "Who " + verb + " the " + lowerFirst(label) + ofSubject(lowerFirst(label), subject) + "?"
	case wordCount(label) >= 2 && prepositions[last]:
		// "Known for" → "What is Marie Curie known for?"
		return "What is " + subject + " " + strings.ToLower(label) + "?"
	}
	return ""
}

var prepositions = setOf(`for as in at by with of on from to about`)

// placeAfter reports a capitalised word after a date, outside brackets:
// "7 November 1867, Warsaw" names a place, "4 July 1934 (aged 66)" not.
func placeAfter(rest string) bool {
	depth := 0
	for _, w := range strings.Fields(rest) {
		if strings.HasPrefix(w, "(") {
			depth++
		}
		if depth == 0 {
			if r := []rune(strings.Trim(w, ",;")); len(r) > 0 && unicode.IsUpper(r[0]) {
				return true
			}
		}
		if strings.HasSuffix(w, ")") && depth > 0 {
			depth--
		}
	}
	return false
}
