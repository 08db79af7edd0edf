package generate

import (
	"regexp"
	"strconv"
	"strings"

	"recall/internal/deck"
)

// labelled makes the card of a labelled line: "Driving factors: a, b, c"
// asks for the driving factors of the section's subject.
func (g *generator) labelled(i int, label, content string, sec section, stack []section) {
	subject := g.subjectOf(stack)
	psg := g.passageOf(i, 0, len(g.blocks[i].s))
	name := lowerFirst(label)
	if !isAttributeLabel(label) && !isDefinitionLabel(label) {
		// "Paris: the capital of France" defines a term.
		if g.howTo(i, label, content, sec) {
			return
		}
		ans := condense(firstSentence(content), maxAnswerWords)
		if ans == "" {
			return
		}
		g.add(&cand{typ: deck.Basic, rule: ruleLabel, front: "What is " + label + "?", back: ans, answer: ans, term: label, score: 8, src: psg}, sec)
		return
	}
	of := ofSubject(name, subject)
	if plural(label) {
		if items := splitItems(content, maxItemWords); items != nil && len(items) <= maxItems {
			front := "What are the " + strconv.Itoa(len(items)) + " " + name + of + "?"
			ans := strings.Join(items, "\n")
			g.add(&cand{typ: deck.Basic, rule: ruleLabel, front: front, back: ans, answer: ans, score: 9, src: psg}, sec)
			g.itemClozes(upperFirst(name)+of, items, psg, sec)
			return
		}
	}
	ans := strings.TrimRight(condense(firstSentence(content), maxAnswerWords), ".")
	if ans == "" {
		return
	}
	front := propertyQuestion(label, subject, ans)
	g.add(&cand{typ: deck.Basic, rule: ruleLabel, front: front, back: ans, answer: ans, score: 9, src: psg}, sec)
}

// propertyQuestion asks for the property a label names: "Basic meaning"
// → "What is the basic meaning of X?", "Born" → "When was X born?".
func propertyQuestion(label, subject, value string) string {
	if q := attributeQuestion(label, subject, value); q != "" {
		return q
	}
	name := lowerFirst(label)
	verb := "is"
	if plural(label) {
		verb = "are"
	}
	return "What " + verb + " the " + name + ofSubject(name, subject) + "?"
}

// ofSubject returns " of <subject>" unless the name already says what it
// belongs to.
func ofSubject(name, subject string) string {
	if subject == "" || strings.Contains(name, " of ") {
		return ""
	}
	sw := contentWords(subject)
	for _, w := range contentWords(name) {
		for _, s := range sw {
			if w == s {
				return ""
			}
		}
	}
	return " of " + subject
}

// itemClozes makes one cloze per item of a short enumeration, so that a
// learner can recall the items one at a time before all at once.
func (g *generator) itemClozes(name string, items []string, psg passage, sec section) {
	if len(items) < 3 || len(items) > 6 {
		return
	}
	for _, it := range items {
		if wordCount(it) > 6 {
			return
		}
	}
	for k := range items {
		var b strings.Builder
		b.WriteString(name)
		b.WriteString(": ")
		for j, it := range items {
			if j > 0 {
				b.WriteString(", ")
			}
			if j == k {
				b.WriteString(deck.MakeCloze(1, it, ""))
			} else {
				b.WriteString(it)
			}
		}
		b.WriteString(".")
		g.add(&cand{typ: deck.Cloze, rule: ruleList, front: b.String(), answer: items[k], score: 5, src: psg}, sec)
	}
}

// maxListDepth bounds how deep nested lists are read; deeper ones are
// outlines of outlines, and reading them would cost quadratic time.
const maxListDepth = 6

// reItemTerm splits "Term: description" or "Term - description" items.
var reItemTerm = regexp.MustCompile(`^([^:]{1,60}?)(?:: | - )(.+)$`)

// list makes the cards of the list items in blocks [i, j): an enumeration
// card, a cloze per item, a definition per "Term: description" item, and
// the facts of items that are sentences. Nested lists are lists of their
// own, introduced by their parent item.
func (g *generator) list(i, j int, sec section, stack []section) {
	g.listWithIntro(i, j, g.listIntro(i), sec, stack)
}

// listIntro returns the text introducing the list at block i: a paragraph
// ending in a colon or a short line just above it.
func (g *generator) listIntro(i int) string {
	if i == 0 {
		return ""
	}
	p := g.blocks[i-1]
	if p.kind != kPara || p.end < g.blocks[i].start-2 && !strings.HasSuffix(p.s, ":") {
		return ""
	}
	if strings.HasSuffix(p.s, ":") {
		ss := splitSentences(p.s)
		return ss[len(ss)-1].s
	}
	if p.start == p.end && wordCount(p.s) <= 14 && !strings.HasSuffix(p.s, ".") {
		return p.s
	}
	return ""
}

func (g *generator) listWithIntro(i, j int, intro string, sec section, stack []section) {
	level := g.blocks[i].level
	var tops []int
	for k := i; k < j; k++ {
		if g.blocks[k].level == level {
			tops = append(tops, k)
		}
	}
	// Nested lists first get their own cards, introduced by their parent.
	for n, k := range tops {
		end := j
		if n+1 < len(tops) {
			end = tops[n+1]
		}
		if k+1 < end && level < maxListDepth {
			g.listWithIntro(k+1, end, strings.TrimRight(g.blocks[k].s, ":"), sec, stack)
		}
	}
	subject := g.subjectOf(stack)
	var names []string // what the enumeration asks for: terms or items
	terms := 0
	for _, k := range tops {
		text := strings.TrimRight(g.blocks[k].s, ".;,")
		if m := reItemTerm.FindStringSubmatch(text); m != nil && wordCount(m[1]) <= 5 && !strings.HasSuffix(m[1], ".") {
			terms++
		}
	}
	termList := terms*2 > len(tops)
	ordered := g.blocks[i].ordered
	itemWords := maxItemWords
	if ordered {
		// Steps of a procedure are short sentences, still recallable.
		itemWords = maxStepWords
	}
	short := true
	for _, k := range tops {
		text := strings.TrimRight(g.blocks[k].s, ".;,")
		if termList {
			if m := reItemTerm.FindStringSubmatch(text); m != nil {
				text = m[1]
			}
		}
		names = append(names, text)
		if wordCount(text) > itemWords || !hasContent(text) {
			short = false
		}
	}
	enumerated := false
	if short && len(names) >= 2 && len(names) <= maxItems {
		if intro == "" && !g.firstListUnderHeading(i) {
			// Only the section's first list is what its heading names.
			sec.heading = ""
		}
		psg := g.blockPassage(i, j)
		if intro != "" && i > 0 && g.blocks[i-1].kind == kPara {
			psg = g.blockPassage(i-1, j)
		}
		noun, front := listQuestion(intro, sec, subject, len(names), ordered)
		if front != "" {
			enumerated = true
			ans := strings.Join(names, "\n")
			g.add(&cand{typ: deck.Basic, rule: ruleList, front: front, back: ans, answer: ans, score: 8, src: psg, keepCase: termList}, sec)
			if noun != "" && !termList {
				g.itemClozes(noun, names, psg, sec)
			}
		}
	}
	for _, k := range tops {
		text := strings.TrimRight(g.blocks[k].s, ".;,")
		if termList {
			if m := reItemTerm.FindStringSubmatch(text); m != nil {
				g.itemTerm(k, m[1], m[2], sec, stack)
				continue
			}
		}
		if (!enumerated || wordCount(text) > itemWords) && !g.restatesLead(i, k) {
			g.paragraph(k, sec, stack)
		}
	}
}

// isDate reports a text that is a date and nothing else.
func isDate(s string) bool {
	ds := dateSpans(s)
	return len(ds) == 1 && ds[0].start == 0 && ds[0].end == len(s)
}

// eventName puts "the" before an event named "X of Y" ("the Storming of
// the Bastille").
func eventName(term string) string {
	ws := strings.Fields(term)
	if len(ws) >= 3 && isCapitalized(ws[0]) && ws[1] == "of" {
		return "the " + term
	}
	return term
}

// firstListUnderHeading reports a list with only paragraphs between it
// and its heading.
func (g *generator) firstListUnderHeading(i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch g.blocks[k].kind {
		case kHeading:
			return true
		case kPara:
			continue
		}
		return false
	}
	return false
}

// itemTerm makes the card of a "Term: description" list item.
func (g *generator) itemTerm(k int, term, desc string, sec section, stack []section) {
	if attributeLabels[lastWordLower(term)] && !looksLikeCode(term) {
		g.labelled(k, term, desc, sec, stack)
		return
	}
	if g.howTo(k, term, desc, sec) {
		return
	}
	ans := condense(firstSentence(desc), maxAnswerWords)
	if ans == "" {
		return
	}
	front := "What is " + term + "?"
	if plural(term) && !isCapitalized(term) {
		front = "What are " + term + "?"
	}
	if looksLikeCode(term) || describesAction(desc) {
		front = "What does " + term + " do?"
	}
	if strings.HasPrefix(strings.ToLower(ans), "returned when ") {
		// "ErrEmpty: returned when a shape has no points".
		front, ans = "When is "+term+" returned?", upperFirst(ans[len("returned "):])
	}
	if isDate(ans) {
		// "Storming of the Bastille - 14 July 1789".
		front = "When was " + eventName(term) + "?"
	}
	psg := g.passageOf(k, 0, len(g.blocks[k].s))
	g.add(&cand{typ: deck.Basic, rule: ruleDefine, front: front, back: ans, answer: ans, term: term, score: 8, src: psg}, sec)
}

var (
	reIntroVerb      = regexp.MustCompile(`(?i)^(?:the |its |their |our |some )?(.+?)\s+(?:are|include|includes|were|comprise|comprises|consist of|consists of|cover|covers)(?: the following)?(?: as follows)?$`)
	reIntroFollowing = regexp.MustCompile(`(?i)\b(?:the following|several|these|some|many|various|a few|two|three|four|five|six|seven|eight|nine|ten|\d+) ([a-z][a-z -]{2,40})$`)
)

// listQuestion words the front of an enumeration card and returns the
// noun phrase it asks for (to name item clozes) with it: "The main causes
// are:" → "What are the 3 main causes of X?".
func listQuestion(intro string, sec section, subject string, n int, ordered bool) (string, string) {
	count := strconv.Itoa(n)
	unit := "items"
	if ordered {
		unit = "steps"
	}
	p := strings.TrimSpace(strings.TrimRight(intro, ": "))
	np := ""
	switch {
	case p == "":
		if sec.heading != "" && !sec.question && wordCount(sec.heading) <= 5 {
			np = sec.heading
		}
	case reIntroVerb.MatchString(p):
		np = reIntroVerb.FindStringSubmatch(p)[1]
	case reIntroFollowing.MatchString(p):
		np = reIntroFollowing.FindStringSubmatch(p)[1]
	case wordCount(p) <= 6 && nounPhrase(p):
		np = p
	}
	if np != "" && (!nounPhrase(np) || wordCount(np) > 8) {
		np = ""
	}
	if np == "" && p != "" && sec.heading != "" && !sec.question && wordCount(sec.heading) <= 4 && plural(sec.heading) && nounPhrase(sec.heading) {
		// "Historians point to several reasons:" under "Causes".
		np = sec.heading
	}
	if np == "" {
		if p == "" {
			if sec.question {
				return "", ""
			}
			if sec.heading == "" {
				return "", ""
			}
			p = sec.heading
		}
		return "", p + ": what are the " + count + " " + unit + "?"
	}
	name := lowerFirst(np)
	name = strings.TrimPrefix(name, "the ")
	of := ofSubject(name, subject)
	strong := 0
	for _, w := range contentWords(name) {
		if !weakWords[w] {
			strong++
		}
	}
	if strong >= 2 {
		// "Starting a session" says enough on its own; "key events" does not.
		of = ""
	}
	if !plural(name) {
		the := ""
		if fw := strings.ToLower(strings.Fields(name)[0]); !strings.HasSuffix(fw, "ing") && !stopWords[fw] && !isCapitalized(name) {
			// "the recovery position", but "making tea".
			the = "the "
		}
		return upperFirst(name) + of, "What are the " + count + " " + unit + " of " + the + name + of + "?"
	}
	return upperFirst(name) + of, "What are the " + count + " " + name + of + "?"
}

// nounPhrase reports a phrase without verbs or pronouns.
func nounPhrase(p string) bool {
	for _, w := range words(p) {
		lw := strings.ToLower(w)
		if clauseWords[lw] || pronouns[lw] && lw != "one" || lw == "to" || lw == "you" {
			return false
		}
	}
	return hasContent(p)
}
