package generate

import (
	"sort"
	"strconv"
	"strings"

	"recall/internal/deck"
)

// paragraph makes the cards of a paragraph-like block: its labelled line,
// then the facts of each sentence.
func (g *generator) paragraph(i int, sec section, stack []section) {
	b := g.blocks[i]
	label := ""
	if l, content, ok := splitLabel(b.s); ok {
		label = l
		switch {
		case isQALabel(l, "q") && strings.Contains(content, " A: "):
			k := strings.Index(content, " A: ")
			g.questionAnswer(i, i, content[:k], content[k+4:], sec, stack)
			return
		case isQALabel(l, "q") && i+1 < len(g.blocks):
			if al, ans, ok := splitLabel(g.blocks[i+1].s); ok && isQALabel(al, "a") {
				g.questionAnswer(i, i+1, content, ans, sec, stack)
				g.used[i+1] = true
				return
			}
		case isQALabel(l, "a") && g.used[i]:
			return
		case !isNarrativeLabel(l) && !g.used[i]:
			g.labelled(i, l, content, sec, stack)
		}
	}
	if label == "" {
		g.countedList(i, sec)
	}
	opt := sentOpts{label: label}
	if b.kind == kDef && i > 0 && g.blocks[i-1].kind == kTerm {
		opt.lead = g.blocks[i-1].s
	}
	// A quotation is someone's words, not a fact to fill in.
	opt.quoted = i+1 < len(g.blocks) && g.blocks[i+1].kind == kAttrib || b.kind == kQuote
	// A paragraph opening with "It ..." continues the one before.
	var prev *span
	opt.prevKey = [2]int{-1, -1}
	if i > 0 && g.blocks[i-1].kind == kPara && len(g.sents[i-1]) > 0 && (b.kind == kPara || b.kind == kItem) {
		last := len(g.sents[i-1]) - 1
		prev = &g.sents[i-1][last]
		opt.prevKey = [2]int{i - 1, last}
	}
	for si := range g.sents[i] {
		sp := g.sents[i][si]
		g.sentence(i, si, sp, prev, opt, sec, stack)
		prev = &g.sents[i][si]
		opt.prevKey = [2]int{i, si}
	}
}

// sentOpts tells the sentence rules about the block around a sentence.
type sentOpts struct {
	label  string // the block's label ("Background"), if any
	lead   string // the term a definition block defines, as cloze context
	quoted bool   // the block is a quotation
	// prevKey locates the sentence before (block, sentence), or -1s.
	prevKey [2]int
}

// countWords open a clause that announces how many items follow.
var countWords = setOf(`two three four five six seven eight nine ten eleven twelve several`)

// countedList makes "Which four spacecraft have visited Saturn?" from
// "Four spacecraft have visited Saturn: Pioneer 11, ... and Cassini.".
func (g *generator) countedList(i int, sec section) {
	s := g.blocks[i].s
	k := strings.Index(s, ": ")
	if k <= 0 || len(g.sents[i]) == 0 || g.sents[i][0].end < k {
		return
	}
	clause := s[:k]
	ws := strings.Fields(clause)
	if len(ws) < 3 || len(ws) > 12 || !(countWords[strings.ToLower(ws[0])] || isDigit(ws[0][0])) {
		return
	}
	sent := g.sents[i][0]
	items := splitItems(s[k+2:sent.end], maxItemWords)
	if items == nil || len(items) > maxItems {
		return
	}
	front := "Which " + lowerFirst(clause) + "?"
	ans := strings.Join(items, "\n")
	g.add(&cand{typ: deck.Basic, rule: ruleList, front: front, back: ans, answer: ans, score: 8, src: g.passageOf(i, sent.start, sent.end)}, sec)
}

func isQALabel(l, which string) bool {
	l = strings.ToLower(l)
	if which == "q" {
		return l == "q" || l == "question"
	}
	return l == "a" || l == "answer"
}

// questionAnswer makes a card of a "Q: ..." line followed by "A: ...".
func (g *generator) questionAnswer(qi, ai int, q, a string, sec section, stack []section) {
	front := clarifyQuestion(strings.TrimSpace(q), g.subjectOf(stack))
	ans := strings.TrimSuffix(condense(strings.TrimSpace(a), maxAnswerWords), ".")
	if ans == "" {
		return
	}
	src := g.blockPassage(qi, qi+1)
	if ai != qi {
		src = joinPassages(src, g.blockPassage(ai, ai+1))
	}
	g.add(&cand{typ: deck.Basic, rule: ruleQuestion, front: front, back: ans, answer: ans, score: 10, src: src}, sec)
}

// sentence makes the cards of one sentence of block i: a quotation,
// definitions, an appositive, acronyms and clozes on its facts.
func (g *generator) sentence(i, si int, sp span, prev *span, opt sentOpts, sec section, stack []section) {
	label := opt.label
	s := sp.s
	n := wordCount(s)
	if n < 4 || n > maxSentence || strings.HasSuffix(s, "?") {
		return
	}
	psg := g.passageOf(i, sp.start, sp.end)
	body := s
	if label != "" && si == 0 {
		if _, content, ok := splitLabel(s); ok {
			body = content
		}
	}
	if si == 0 {
		g.apiDoc(i, s, psg, sec)
	}
	g.inlineQuote(body, psg, sec)
	g.pledge(body, psg, sec)
	// "X is Y" in a quotation is the speaker's claim: asked as "What is
	// X?" it would drop who claims it and ask again the sentence the "Who
	// said" card shows. That card keeps the quotation; this one goes.
	if !g.quoted[i] {
		g.definition(body, prev, psg, sec)
	}
	names := g.stats.names[[2]int{i, si}]
	g.appositive(s, names, psg, sec)
	g.acronyms(s, psg, sec)
	if !opt.quoted {
		g.clozes(i, si, sp, prev, opt, names, sec, stack)
	}
}

// clozes hides the informative parts of a sentence, one per card: the
// examples after "such as", dates, quantities, enumerations, names and
// quoted terms, the best few of them.
func (g *generator) clozes(i, si int, sp span, prev *span, opt sentOpts, names []cspan, sec section, stack []section) {
	s := sp.s
	label := opt.label
	if strings.Contains(s, "{{") || strings.Contains(s, "}}") || strings.Contains(s, "::") || si == 0 && g.asked[i] {
		return
	}
	var spans []cspan
	spans = append(spans, exampleSpans(s)...)
	dates := dateSpans(s)
	spans = append(spans, dates...)
	spans = append(spans, numberSpans(s, dates)...)
	for _, e := range findEnumerations(s) {
		e.score = 5
		spans = append(spans, e)
	}
	spans = append(spans, names...)
	spans = append(spans, quotedSpans(s)...)
	spans = append(spans, identSpans(s)...)

	subject := g.subjectOf(stack)
	known := append(contentWords(subject), contentWords(sec.heading)...)
	known = append(known, contentWords(g.topic)...)
	n := wordCount(s)
	near := g.nearText(i, si, prev)
	var ok []cspan
	for _, c := range spans {
		if g.clozeWorthy(s, c, n, known) && !givenByNear(s, c, near) && !hidesCode(s, c, g.blocks[i].codes) {
			ok = append(ok, c)
		}
	}
	sort.SliceStable(ok, func(a, b int) bool {
		if ok[a].score != ok[b].score {
			return ok[a].score > ok[b].score
		}
		return ok[a].start < ok[b].start
	})
	limit := 1
	switch {
	case n >= 30:
		limit = 3
	case n >= 12:
		limit = 2
	}
	var chosen []cspan
	for _, c := range ok {
		if len(chosen) < limit && !overlapsAny(chosen, c) {
			chosen = append(chosen, c)
		}
	}
	if len(chosen) == 0 {
		// No date, number or name: a measure's object is its fact.
		for _, c := range measureSpans(s) {
			if len(chosen) < limit && g.clozeWorthy(s, c, n, nil) && !hidesCode(s, c, g.blocks[i].codes) {
				chosen = append(chosen, c)
			}
		}
	}
	if len(chosen) == 0 {
		return
	}
	text, shift, cut := g.resolveSubject(opt.prevKey, s, prev)
	if k := strippedLabel(s, label, si); k > 0 {
		// "Background: ..." and "Definition: ..." say what kind of text
		// follows, not what it is about: the cloze reads better without.
		text, shift, cut, label = upperFirst(s[k:]), -k, k, ""
	}
	prefix := g.contextPrefix(text, label, sec, stack, g.blocks[i].kind == kItem && wordCount(s) <= maxStepWords && !namesEarly(text))
	if cut > 0 && label == "" && shift < 0 {
		// A labelled line stands on its own, as it did with its label.
		prefix = ""
	}
	if opt.lead != "" {
		prefix = opt.lead + ": "
	}
	psg := g.passageOf(i, sp.start, sp.end)
	for _, c := range chosen {
		if c.start < cut {
			continue
		}
		st, en := c.start+shift, c.end+shift
		ans := text[st:en]
		t, st, en := trimPrompt(text, st, en)
		front := prefix + t[:st] + deck.MakeCloze(1, ans, countHint(c, ans)) + t[en:] + closingStop(t)
		g.add(&cand{typ: deck.Cloze, rule: ruleCloze, front: front, answer: ans, score: c.score, src: psg}, sec)
	}
}

// strippedLabel returns where the text after a narrative or definition
// label ("Background: ", "Definition: ") starts in the first sentence of a
// labelled block, or 0 when there is no such label to strip.
func strippedLabel(s, label string, si int) int {
	if label == "" || si != 0 || !strings.HasPrefix(s, label+": ") {
		return 0
	}
	if !isNarrativeLabel(label) && !isDefinitionLabel(label) {
		return 0
	}
	return len(label) + 2
}

// nearText is what the learner has just read before sentence si of block
// i: the sentence before it, or the speaker named under the quotation
// above.
func (g *generator) nearText(i, si int, prev *span) string {
	if si == 0 && i > 0 && g.blocks[i-1].kind == kAttrib {
		return g.blocks[i-1].s
	}
	if prev != nil {
		return prev.s
	}
	return ""
}

// givenByNear reports a name deletion that only repeats the name the text
// just before made the subject: "President Xi made the remarks" under a
// quotation by President Xi Jinping asks nothing.
func givenByNear(s string, c cspan, near string) bool {
	switch c.kind {
	case "name", "person":
	default:
		return false
	}
	return near != "" && subsetOf(contentWords(s[c.start:c.end]), contentWords(near))
}

// countHint tells how many items a deletion hides when it hides a list
// ("integrated circuits, new energy storage and commercial spaceflight" →
// "3 items"), so that the cloze asks for all of them. A list the sentence
// leaves open ("new materials, biomedicine and other emerging
// industries") is hinted "examples": its count would read as complete.
func countHint(c cspan, ans string) string {
	n := len(c.items)
	if c.kind == "examples" {
		n = len(splitItems(ans, maxItemWords))
	}
	if c.kind != "enum" && c.kind != "examples" || n < 2 {
		return ""
	}
	if c.open {
		return "examples"
	}
	return strconv.Itoa(n) + " items"
}

// clozeWorthy applies the filters every deletion must pass.
func (g *generator) clozeWorthy(s string, c cspan, n int, known []string) bool {
	ans := s[c.start:c.end]
	w := wordCount(ans)
	if !hasContent(ans) || strings.Contains(ans, "::") || w > maxClozeWords+5 || c.kind != "enum" && w > maxClozeWords {
		return false
	}
	// Hiding most of the sentence leaves nothing to cue the answer.
	if w*10 > n*6 {
		return false
	}
	switch c.kind {
	case "name", "org", "person", "place":
		// A name on every other line is the subject, not a fact to learn.
		if g.stats.mentions(ans) >= 4 {
			return false
		}
		if subsetOf(contentWords(ans), known) {
			return false
		}
	case "quoted":
		if subsetOf(contentWords(ans), known) {
			return false
		}
	}
	// An answer that also stands elsewhere in the sentence gives itself away.
	rest := strings.ToLower(s[:c.start] + " " + s[c.end:])
	return !containsWord(rest, strings.ToLower(ans))
}

func subsetOf(ws, of []string) bool {
	if len(ws) == 0 {
		return false
	}
	set := map[string]bool{}
	for _, w := range of {
		set[w] = true
	}
	for _, w := range ws {
		if !set[w] {
			return false
		}
	}
	return true
}

// containsWord reports whether needle occurs in hay as whole words.
func containsWord(hay, needle string) bool {
	for from := 0; ; {
		k := strings.Index(hay[from:], needle)
		if k < 0 {
			return false
		}
		k += from
		before := k == 0 || !isWordByte(hay[k-1])
		after := k+len(needle) >= len(hay) || !isWordByte(hay[k+len(needle)])
		if before && after {
			return true
		}
		from = k + 1
	}
}

func isWordByte(c byte) bool { return isLetterByte(c) || isDigit(c) || c >= 0x80 }

// resolveSubject replaces a leading "It", "He" or "She" with the name the
// sentence before began with, so that "It also plans to foster ..." says
// who. It returns the text, how far offsets after the pronoun moved and the
// end of the pronoun (deletions before it are dropped).
func (g *generator) resolveSubject(prevKey [2]int, s string, prev *span) (string, int, int) {
	if prev == nil || prevKey[0] < 0 {
		return s, 0, 0
	}
	var pron string
	for _, p := range []string{"It ", "He ", "She ", "They "} {
		if strings.HasPrefix(s, p) {
			pron = p[:len(p)-1]
		}
	}
	if pron == "" {
		return s, 0, 0
	}
	for _, n := range g.stats.names[prevKey] {
		if n.start == 0 {
			name := prev.s[n.start:n.end]
			if pron == "They" || pron != "It" && n.kind != "person" && n.kind != "name" {
				break
			}
			return name + s[len(pron):], len(name) - len(pron), len(pron)
		}
	}
	// "recall is a terminal program ... It schedules ..." → "recall
	// schedules ...": the document's topic, written as the sentence
	// before wrote it.
	if subj := subjectPhrase(prev.s); pron == "It" && subj != "" && strings.EqualFold(subj, g.topic) {
		return subj + s[len(pron):], len(subj) - len(pron), len(pron)
	}
	// "The rings are made of ice. They extend ..." → "The rings extend ...".
	if pron == "It" || pron == "They" {
		subj := subjectPhrase(prev.s)
		if ws := strings.Fields(prev.s); subj == "" && len(ws) > 2 && (ws[0] == "A" || ws[0] == "An" || ws[0] == "The") && isCapitalized(ws[1]) {
			// "A DaemonSet runs one Pod per node. It is ..."
			subj = ws[0] + " " + strings.TrimRight(ws[1], ",;:")
		}
		ws := strings.Fields(subj)
		if len(ws) >= 2 && len(ws) <= 5 && (ws[0] == "The" || ws[0] == "A" || ws[0] == "An") && nounPhrase(subj) && plural(subj) == (pron == "They") && !strings.Contains(subj, ",") {
			return subj + s[len(pron):], len(subj) - len(pron), len(pron)
		}
	}
	return s, 0, 0
}

// contextPrefix names what a sentence is about when it does not say so
// itself: "The plan was first proposed ..." under the heading "Previous
// mention of new productive forces" gets that heading in front.
func (g *generator) contextPrefix(s, label string, sec section, stack []section, shortItem bool) string {
	if label != "" && strings.HasPrefix(s, label+":") {
		return ""
	}
	first := strings.ToLower(strings.Fields(s)[0])
	// An instruction ("Push hard and fast ...") has no subject at all, and
	// a short list item leans on its list.
	vague := pronouns[first] || first == "the" || first == "these" || first == "such" || isBaseVerb(first) || shortItem
	if !vague {
		return ""
	}
	// "The development of new productive forces ..." names its topic.
	if !pronouns[first] && !isBaseVerb(first) && !shortItem {
		subj := s
		if k := strings.IndexAny(s, ",;"); k > 0 {
			subj = s[:k]
		}
		if head := subjectPhrase(subj); head != "" && !vagueSubject(head) {
			return ""
		}
	}
	ctx := ""
	switch {
	case sec.heading != "" && !sec.question:
		ctx = sec.heading
	case sec.heading != "":
		ctx = clarifyQuestion(sec.heading, g.topic)
		ctx = strings.TrimSuffix(ctx, "?")
		if sub := g.subjectOf(stack); sub != "" {
			ctx = upperFirst(sub)
		}
	default:
		ctx = upperFirst(g.topic)
	}
	if ctx == "" {
		return ""
	}
	for _, w := range contentWords(ctx) {
		if containsWord(strings.ToLower(s), w) {
			return ""
		}
	}
	return ctx + ": "
}

// namesEarly reports a capitalised word among the second to fourth words
// of s: "A DaemonSet runs ..." says what it is about.
func namesEarly(s string) bool {
	ws := strings.Fields(s)
	for k := 1; k < len(ws) && k < 4; k++ {
		if isCapitalized(ws[k]) {
			return true
		}
	}
	return false
}

// subjectPhrase returns the words of s before its first verb-like word.
func subjectPhrase(s string) string {
	ws := strings.Fields(s)
	for k, w := range ws {
		if clauseWords[strings.ToLower(w)] || k > 0 && strings.HasSuffix(strings.ToLower(w), "ed") {
			return strings.Join(ws[:k], " ")
		}
	}
	return ""
}

// vagueSubject reports a subject such as "The plan" or "These measures"
// that needs its context: a determiner and at most one more word, or only
// vague words.
func vagueSubject(subj string) bool {
	ws := strings.Fields(subj)
	for _, w := range ws[min(1, len(ws)):] {
		if isCapitalized(w) {
			// "The Amazon" names its subject.
			return false
		}
	}
	if len(ws) <= 2 {
		return true
	}
	for _, w := range contentWords(subj) {
		if !weakWords[w] {
			return false
		}
	}
	return true
}
