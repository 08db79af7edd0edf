package generate

import (
	"regexp"
	"strings"
	"unicode"

	"recall/internal/deck"
)

// isQuestion reports a heading that asks something.
func isQuestion(h string) bool {
	return strings.HasSuffix(strings.TrimSpace(h), "?") && wordCount(h) >= 2
}

var (
	reQNumber  = regexp.MustCompile(`^(?:Q\d*[:.)]\s*|\d{1,3}[.)]\s+|Question\s*\d*[:.]\s*)`)
	reSubjects = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^what (?:is|are|was|were) (?:meant by )?(?:an? )?(.+?)\??$`),
		regexp.MustCompile(`(?i)^what does (.+?) mean\??$`),
		regexp.MustCompile(`(?i)^what do (.+?) mean\??$`),
		regexp.MustCompile(`(?i)^who (?:is|was|are|were) (.+?)\??$`),
	}
	rePronounQ = regexp.MustCompile(`(?i)^((?:why|how|what|when|where|who|which|in what way|to what extent)\s+)?(is|are|was|were|does|do|did|has|have|can|could|should|will|would|may|might|must)\s+(it|they|this|these)\b\s*(.*?)\s*\?$`)
	rePossQ    = regexp.MustCompile(`(?i)^(.*?)\b(?:its|their)\s+([^?]+?)\s*\?$`)
	reTheEndQ  = regexp.MustCompile(`(?i)^(what|which|who)\s+(is|are|was|were)\s+the\s+([^?]+?)\s*\?$`)
)

// cleanQuestion drops a heading's numbering ("2.", "Q3:").
func cleanQuestion(q string) string {
	return strings.TrimSpace(reQNumber.ReplaceAllString(strings.TrimSpace(q), ""))
}

// questionSubject extracts X from "What is X?", "What does X mean?" or
// "Who was X?", without quotes; "" when the question names no subject or
// a vague one.
func questionSubject(q string) string {
	q = cleanQuestion(q)
	for _, re := range reSubjects {
		if m := re.FindStringSubmatch(q); m != nil {
			s := strings.Trim(m[1], `"' `)
			if s == "" || wordCount(s) > 6 || hasPronoun(s) || !hasContent(s) || !nounPhrase(s) {
				return ""
			}
			// "What are Saturn's rings made of?" asks about a property.
			if stopWords[lastWordLower(s)] || strings.HasSuffix(lastWordLower(s), "ed") {
				return ""
			}
			return s
		}
	}
	return ""
}

// hasPronoun reports a pronoun that points outside the text (it, this...).
func hasPronoun(s string) bool {
	for _, w := range words(s) {
		switch strings.ToLower(w) {
		case "it", "its", "they", "them", "their", "this", "these", "those", "he", "she", "his", "her", "him", "it's":
			return true
		}
	}
	return false
}

// topicOf turns a title into a topic that can stand inside a question:
// "New productive forces" → "new productive forces", "Go Modules: A
// Guide" → "Go Modules", "What is FSRS?" → "FSRS".
func topicOf(title string, proper func(string) bool) string {
	t := strings.TrimSpace(title)
	for _, sep := range []string{" | ", " :: ", " - ", ": "} {
		if k := strings.Index(t, sep); k > 0 {
			t = t[:k]
		}
	}
	if s := questionSubject(t); s != "" {
		t = s
	}
	t = stripTitleWords(t)
	t = strings.Trim(strings.TrimRight(t, ".!?"), `"' `)
	if ws := strings.Fields(t); len(ws) > 0 && proper != nil && proper(ws[0]) {
		return t
	}
	return lowerFirst(t)
}

// titleLeads and titleTails are the words around a title's subject that
// say what kind of text it is: "Notes on X", "X basics", "A guide to X".
var (
	titleLeads = []string{"introduction to ", "an introduction to ", "a guide to ", "guide to ", "notes on ",
		"understanding ", "getting started with ", "learning ", "all about ", "about "}
	titleTails = []string{" notes", " guide", " tutorial", " overview", " introduction", " basics",
		" cheat sheet", " cheatsheet", " summary", " primer", " handbook", " 101", " faq", " explained",
		" api reference", " reference", " manual", " documentation", " docs"}
)

// stripTitleWords removes them, keeping the title when nothing would be
// left.
func stripTitleWords(t string) string {
	lt := strings.ToLower(t)
	for _, p := range titleLeads {
		if strings.HasPrefix(lt, p) && len(t) > len(p)+1 {
			t, lt = t[len(p):], lt[len(p):]
			break
		}
	}
	for _, s := range titleTails {
		if strings.HasSuffix(lt, s) && len(t) > len(s)+1 {
			t = t[:len(t)-len(s)]
			break
		}
	}
	return strings.TrimSpace(t)
}

// clarifyQuestion makes a question understandable without the document:
// "Why is it important?" about "new productive forces" becomes "Why are new
// productive forces important?", "What are the benefits?" becomes "What are
// the benefits of ...?", and a question that still does not name its topic
// gets it in brackets.
func clarifyQuestion(q, topic string) string {
	q = cleanQuestion(q)
	if topic == "" || !vagueQuestion(q, topic) {
		return q
	}
	if m := rePronounQ.FindStringSubmatch(q); m != nil {
		verb := agree(m[2], plural(topic))
		if m[1] == "" {
			verb = upperFirst(verb)
		} else {
			verb = strings.ToLower(verb)
		}
		rest := m[4]
		if rest != "" {
			rest = " " + rest
		}
		out := upperFirst(m[1]) + verb + " " + topic + rest + "?"
		if !hasPronoun(rest) {
			return out
		}
	}
	if m := rePossQ.FindStringSubmatch(q); m != nil && !hasPronoun(m[1]) {
		return m[1] + "the " + m[2] + " of " + topic + "?"
	}
	if m := reTheEndQ.FindStringSubmatch(q); m != nil && !strings.Contains(m[3], " of ") && !hasPronoun(m[3]) {
		return upperFirst(m[1]) + " " + m[2] + " the " + m[3] + " of " + topic + "?"
	}
	return q + " (" + topic + ")"
}

// vagueQuestion reports a question that leans on the document for its
// meaning: it has a pronoun, or too few words of its own.
func vagueQuestion(q, topic string) bool {
	if hasPronoun(q) {
		return true
	}
	ws := words(q)
	if len(ws) == 0 {
		// Punctuation alone ("! ?") says nothing without the document.
		return true
	}
	for _, w := range ws[1:] {
		if isCapitalized(w) {
			return false
		}
	}
	// Vague when every word it has is generic: "What are the benefits?",
	// "What happened next?".
	for _, w := range contentWords(q) {
		if !weakWords[w] && !attributeLabels[w] && !interrogatives[w] && !genericWords[w] {
			return false
		}
	}
	return true
}

var interrogatives = setOf(`what why how when where who which whom whose is are was were do does did can
could should would will may might must`)

// genericWords say nothing about what a question is about.
var genericWords = setOf(`happen happens happened happening work works worked mean means meant matter
matters mattered need needs needed use used begin began start started end ended come came go went
change changed look looks like`)

// agree conjugates an auxiliary verb for a singular or plural subject.
func agree(verb string, many bool) string {
	pairs := map[string]string{"is": "are", "was": "were", "does": "do", "has": "have"}
	lv := strings.ToLower(verb)
	if many {
		if p, ok := pairs[lv]; ok {
			return p
		}
		return lv
	}
	for s, p := range pairs {
		if lv == p {
			return s
		}
	}
	return lv
}

// slug makes a tag from a heading: lower case words joined by hyphens.
func slug(s string) string {
	var parts []string
	n := 0
	for _, w := range words(s) {
		w = strings.ToLower(strings.Trim(w, ".'"))
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
				return r
			}
			return -1
		}, w)
		if w == "" {
			continue
		}
		if n+len(w) > 40 && len(parts) > 0 {
			break
		}
		parts = append(parts, w)
		n += len(w) + 1
	}
	return strings.Join(parts, "-")
}

// questionHeading makes the card of a heading that asks a question: its
// answer is the section's labelled definition or first sentence.
func (g *generator) questionHeading(i int, sec section, stack []section) {
	end := i + 1
	for end < len(g.blocks) && g.blocks[end].kind != kHeading {
		end++
	}
	topic := g.topic
	if len(stack) > 1 {
		topic = g.subjectOf(stack[:len(stack)-1])
	}
	front := clarifyQuestion(g.blocks[i].s, topic)
	hp := passage{text: g.blocks[i].s, start: g.blocks[i].start, end: g.blocks[i].end}
	if lines, from := g.waysAnswer(i, end, front); lines != nil {
		g.waysCard(front, hp, lines, from, sec)
		return
	}

	// A labelled definition near the top answers "What is X?" best.
	for k := i + 1; k < end && k < i+4; k++ {
		b := g.blocks[k]
		if b.kind != kPara {
			continue
		}
		if label, content, ok := splitLabel(b.s); ok && isDefinitionLabel(label) {
			off := strings.Index(b.s, content)
			first := firstSentence(content)
			if ans, whole := headingAnswer(first, sec.subject); ans != "" {
				g.used[k] = true
				g.asked[k] = whole
				ap := g.passageOf(k, off, off+len(first))
				g.add(&cand{typ: deck.Basic, rule: ruleQuestion, front: front, back: ans, answer: ans, score: 10, term: sec.subject,
					src: joinPassages(hp, ap), also: ap.text, keepCase: whole}, sec)
				return
			}
		}
	}
	for k := i + 1; k < end; k++ {
		b := g.blocks[k]
		switch b.kind {
		case kPara, kQuote, kDef:
			text := b.s
			off := 0
			if label, content, ok := splitLabel(b.s); ok && !isNarrativeLabel(label) {
				off = strings.Index(b.s, content)
				text = content
			}
			ss := splitSentences(text)
			if len(ss) == 0 {
				return
			}
			first := ss[0].s
			last := ss[0].end
			if wordCount(first) < 5 && len(ss) > 1 {
				first = text[ss[0].start:ss[1].end]
				last = ss[1].end
			}
			ans, whole := headingAnswer(first, sec.subject)
			if ans == "" {
				return
			}
			g.asked[k] = whole
			ap := g.passageOf(k, off+ss[0].start, off+last)
			g.add(&cand{typ: deck.Basic, rule: ruleQuestion, front: front, back: ans, answer: ans, score: 10, term: sec.subject,
				src: joinPassages(hp, ap), also: ap.text, keepCase: whole}, sec)
			return
		case kItem:
			var items []string
			j := k
			for ; j < end && g.blocks[j].kind == kItem; j++ {
				if g.blocks[j].level == g.blocks[k].level {
					items = append(items, strings.TrimRight(firstSentence(g.blocks[j].s), ".;,"))
				}
			}
			if len(items) > maxItems {
				return
			}
			for _, it := range items {
				if wordCount(it) > maxItemWords+4 {
					return
				}
			}
			ans := strings.Join(items, "\n")
			g.add(&cand{typ: deck.Basic, rule: ruleQuestion, front: front, back: ans, answer: ans, score: 10,
				src: joinPassages(hp, g.blockPassage(k, j))}, sec)
			return
		case kTable, kCode:
			return
		}
	}
}

// headingAnswer condenses the sentence answering a question heading; when
// the sentence defines the question's subject ("git bisect is a Git
// command ..."), the definition alone answers "What is git bisect?".
//
// A sentence too long for one answer is given clause by clause rather than
// cut after its first clause; whole then reports that the card asks every
// fact of the sentence, so that no cloze asks one of them again.
func headingAnswer(first, subject string) (ans string, whole bool) {
	if subject != "" {
		if term, def, _, _, ok := findDefinition(first); ok && sameTerm(term, subject) {
			return def, false
		}
	}
	if wordCount(first) > maxAnswerWords {
		if lines := clauseLines(first); lines != nil {
			return strings.Join(lines, "\n"), true
		}
	}
	return condense(first, maxAnswerWords), false
}

// sameTerm reports two names of the same thing, ignoring case, articles
// and quotes.
func sameTerm(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.Trim(s, `"' `))
		for _, art := range []string{"the ", "a ", "an "} {
			s = strings.TrimPrefix(s, art)
		}
		return s
	}
	na, nb := norm(a), norm(b)
	if na == nb {
		return true
	}
	// "Robespierre" and "Maximilien Robespierre" name the same person; "a
	// starter" and "a sourdough starter" the same thing.
	return strings.HasSuffix(na, " "+nb) || strings.HasSuffix(nb, " "+na)
}

// firstSentence returns the first sentence of s.
func firstSentence(s string) string {
	ss := splitSentences(s)
	if len(ss) == 0 {
		return s
	}
	return ss[0].s
}
