package generate

import (
	"regexp"
	"strings"

	"recall/internal/deck"
)

// copula is a verb that introduces a definition and the question it makes.
type copula struct {
	verb string // with surrounding spaces
	q    string // question with %s for the term
	open bool   // any complement will do, not only "a/an/the ..."
}

var copulas = []copula{
	{" is defined as ", "How is %s defined?", true},
	{" are defined as ", "How are %s defined?", true},
	{" is known as ", "What is %s known as?", true},
	{" are known as ", "What are %s known as?", true},
	{" refers to ", "What does %s refer to?", true},
	{" refer to ", "What do %s refer to?", true},
	{" stands for ", "What does %s stand for?", true},
	{" means ", "What does %s mean?", true},
	{" implements ", "What does %s implement?", true},
	{" provides ", "What does %s provide?", true},
	{" provide ", "What do %s provide?", true},
	{" contains ", "What does %s contain?", true},
	{" represents ", "What does %s represent?", true},
	{" represent ", "What do %s represent?", true},
	{" describes ", "What does %s describe?", true},
	{" returns ", "What does %s return?", true},
	{" holds ", "What does %s hold?", true},
	{" stores ", "What does %s store?", true},
	{" consists of ", "What does %s consist of?", true},
	{" consist of ", "What do %s consist of?", true},
	{" is ", "What is %s?", false},
	{" are ", "What are %s?", false},
	{" was ", "What was %s?", false},
	{" were ", "What were %s?", false},
}

// badSubjectStarts cannot begin the term of a definition.
var badSubjectStarts = setOf(`there it this that these those here what which who how why when where all
some each such many most one another both either neither he she they we you i if as so but and or
because although while since after before then also only even just its their his her our my your`)

// complementStarts may open the complement of "X is/are ...".
var complementStarts = setOf(`a an the one those essentially basically simply fundamentally mainly
primarily usually generally typically often considered regarded now still any`)

// badComplements follow "is the ..." without defining anything.
var badComplements = []string{"the same", "the case", "the one", "a lot", "the reason", "the problem",
	"the result", "the only", "the first", "the last", "the best", "the most", "a must", "a good idea",
	"the key", "the main", "the answer", "the question", "one of the", "the way", "a way"}

var reLeadIn = regexp.MustCompile(`^(?:In|For|Within|On|Under|Inside) ([^,]{1,40}), `)

// definition makes "What is X?" from "X is a Y", "X refers to Y", "X
// means Y" and their kin.
func (g *generator) definition(s string, prev *span, psg passage, sec section) {
	term, ans, cop, ctx, ok := findDefinition(s)
	if !ok {
		return
	}
	t := g.termCase(term)
	if ws := strings.Fields(term); len(ws) <= 3 && ws[0] == "The" && !isCapitalized(ws[1]) {
		// "The zero value is ..." after "A Buffer is ...": whose zero value?
		owner := ""
		if prev != nil {
			if o, _, _, _, ok := findDefinition(prev.s); ok && namesAThing(o) && !strings.Contains(term, " of ") {
				owner = o
			}
		}
		switch {
		case owner != "":
			t += " of " + g.termCase(owner)
		case len(ws) <= 2:
			// "The plan is a ..." cannot be asked without its context.
			return
		}
	}
	if c, ok := qualifiedDefinition(s, term, ans, cop); ok {
		c.src = psg
		g.add(c, sec)
		return
	}
	front := strings.Replace(cop.q, "%s", t, 1)
	if ctx != "" {
		front = "In " + ctx + ", " + lowerFirstWord(front)
	}
	g.add(&cand{typ: deck.Basic, rule: ruleDefine, front: front, back: ans, answer: ans, term: term, score: 8, src: psg}, sec)
}

// hedges open a complement without adding to it: "is essentially high
// productivity" defines the term as high productivity.
var hedges = setOf(`essentially basically simply fundamentally mainly primarily`)

// qualifiedDefinition makes a cloze of a definition whose term comes with
// an aside ("The new production force, characterized by innovation and
// with high quality as the key, is essentially high productivity"): asked
// as "What is the new production force?" it would lose the aside that
// makes the short answer meaningful, so the sentence is kept and the
// complement hidden.
func qualifiedDefinition(s, term, ans string, cop copula) (*cand, bool) {
	k := strings.Index(s, cop.verb)
	from := 0
	if m := reLeadIn.FindStringIndex(s); m != nil {
		from = m[1]
	}
	if k < from || !strings.Contains(s[from:k], ",") || strings.Contains(term, ",") {
		return nil, false
	}
	rest := s[k+len(cop.verb):]
	hidden := ans
	if ws := strings.Fields(hidden); len(ws) > 1 && hedges[strings.ToLower(ws[0])] {
		hidden = strings.Join(ws[1:], " ")
	}
	at := strings.Index(rest, hidden)
	if at < 0 || wordCount(hidden) > maxItemWords || wordCount(hidden)*10 > wordCount(s)*6 {
		return nil, false
	}
	at += k + len(cop.verb)
	front := s[:at] + deck.MakeCloze(1, hidden, "") + s[at+len(hidden):]
	return &cand{typ: deck.Cloze, rule: ruleDefine, front: front, answer: hidden, term: term, score: 8}, true
}

// findDefinition splits a defining sentence into term and definition.
func findDefinition(s string) (term, ans string, cop copula, ctx string, ok bool) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return "", "", cop, "", false
	}
	if !strings.Contains(s, " is ") && !strings.Contains(s, " are ") && !strings.Contains(s, " was ") && !strings.Contains(s, " were ") && !hasOpenCopula(s) {
		return "", "", cop, "", false
	}
	if m := reLeadIn.FindStringSubmatch(s); m != nil {
		ctx = m[1]
		s = s[len(m[0]):]
	}
	best := -1
	for _, c := range copulas {
		k := strings.Index(s, c.verb)
		if k > 0 && (best < 0 || k < best) {
			best, cop = k, c
		}
	}
	if best < 0 {
		return "", "", cop, "", false
	}
	term = dropAsides(s[:best])
	ans = strings.TrimSpace(s[best+len(cop.verb):])
	if k := strings.Index(ans, "; "); k > 0 {
		ans = ans[:k]
	}
	ans = strings.TrimRight(ans, ".")
	if !goodTerm(term) {
		return "", "", cop, "", false
	}
	low := strings.ToLower(ans)
	first := strings.ToLower(strings.Fields(low + " x")[0])
	if !cop.open && !complementStarts[first] {
		return "", "", cop, "", false
	}
	for _, bad := range badComplements {
		if strings.HasPrefix(low, bad+" ") || low == bad {
			return "", "", cop, "", false
		}
	}
	if cop.verb == " was " || cop.verb == " were " {
		// Past tense defines only names: "Ada Lovelace was a mathematician".
		ws := strings.Fields(term)
		if !isCapitalized(term) || ws[0] == "The" && (len(ws) < 2 || !isCapitalized(ws[1])) {
			return "", "", cop, "", false
		}
	}
	ans = condense(ans, maxAnswerWords)
	if ans == "" || !hasContent(ans) || wordCount(ans) < 2 && !cop.open {
		return "", "", cop, "", false
	}
	return term, ans, cop, ctx, true
}

// apiDoc makes "What does New do?" from the prose under a code block that
// declares New: "New returns a Buffer that ...".
func (g *generator) apiDoc(i int, s string, psg passage, sec section) {
	if i == 0 || g.blocks[i-1].kind != kCode || g.blocks[i-1].code == "" {
		return
	}
	ws := strings.Fields(s)
	if len(ws) < 3 {
		return
	}
	name, verb := ws[0], strings.ToLower(ws[1])
	if !strings.HasSuffix(verb, "s") || clauseWords[verb] || strings.HasSuffix(verb, "ss") || !containsIdent(g.blocks[i-1].code, name) {
		return
	}
	ans := condense(strings.TrimRight(strings.Join(ws[1:], " "), "."), maxAnswerWords)
	if ans == "" {
		return
	}
	g.add(&cand{typ: deck.Basic, rule: ruleDefine, front: "What does " + name + " do?", back: ans, answer: ans, term: name, score: 8.5, src: psg}, sec)
}

// containsIdent reports whether code uses name as a whole identifier.
func containsIdent(code, name string) bool {
	for from := 0; ; {
		k := strings.Index(code[from:], name)
		if k < 0 {
			return false
		}
		k += from
		before := k == 0 || !isIdentByte(code[k-1])
		after := k+len(name) >= len(code) || !isIdentByte(code[k+len(name)])
		if before && after {
			return true
		}
		from = k + 1
	}
}

func isIdentByte(c byte) bool { return isLetterByte(c) || isDigit(c) || c == '_' }

// namesAThing reports a term that names a particular thing: a name or an
// identifier ("a Buffer", "sync.Mutex"), not a common noun.
func namesAThing(term string) bool {
	ws := strings.Fields(term)
	for i, w := range ws {
		if i > 0 && isCapitalized(w) || looksLikeCode(w) {
			return true
		}
	}
	return false
}

// hasOpenCopula reports whether s contains one of the defining verbs
// other than is/are/was/were.
func hasOpenCopula(s string) bool {
	for _, c := range copulas {
		if c.open && strings.Contains(s, c.verb) {
			return true
		}
	}
	return false
}

// dropAsides removes bracketed and comma-enclosed asides from a subject:
// "The new production force, characterized by innovation, " → "The new
// production force".
func dropAsides(s string) string {
	s = strings.TrimSpace(s)
	for {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], ')')
		if end < 0 {
			break
		}
		s = strings.TrimSpace(s[:open]) + " " + strings.TrimSpace(s[open+end+1:])
		s = strings.TrimSpace(s)
	}
	if k := strings.IndexByte(s, ','); k > 0 && strings.HasSuffix(s, ",") {
		s = strings.TrimSpace(s[:k])
	} else if k > 0 {
		// "X, Y, is ..." without the closing comma.
		if j := strings.LastIndexByte(s, ','); j == k && !strings.Contains(s[k+1:], " and ") {
			s = strings.TrimSpace(s[:k])
		}
	}
	return s
}

// goodTerm accepts a short noun phrase that can stand in a question.
func goodTerm(t string) bool {
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 8 || strings.ContainsAny(t, ",;:\"") {
		return false
	}
	if badSubjectStarts[strings.ToLower(ws[0])] {
		return false
	}
	for _, w := range ws[1:] {
		if clauseWords[strings.ToLower(w)] {
			return false
		}
	}
	last := strings.ToLower(ws[len(ws)-1])
	if stopWords[last] && !isAllCaps(ws[len(ws)-1]) {
		return false
	}
	if !hasContent(t) {
		return false
	}
	// "The result" or "A way" alone say nothing.
	cw := contentWords(t)
	if len(cw) == 1 && weakWords[cw[0]] {
		return false
	}
	return true
}

// termCase lower-cases a sentence-initial term unless it is a name.
func (g *generator) termCase(term string) string {
	ws := strings.Fields(term)
	if len(ws) == 0 {
		return term
	}
	if isAllCaps(ws[0]) || g.stats.properWord(ws[0]) {
		return term
	}
	if !isCapitalized(ws[0]) {
		return term
	}
	if len(ws) > 1 && isCapitalized(ws[1]) && !stopWords[strings.ToLower(ws[0])] {
		return term
	}
	if len(ws) == 1 && !stopWords[strings.ToLower(ws[0])] && g.stats.lowerInside[strings.ToLower(ws[0])] == 0 && !commonNounShape(ws[0]) {
		// "Saturn is ...": a capitalised word never written in lower case
		// is most likely a name.
		return term
	}
	return lowerFirstWord(term)
}

// commonNounShape reports words whose ending marks a common noun:
// "latency", "recursion", "happiness".
func commonNounShape(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"ency", "ancy", "tion", "sion", "ity", "ness", "ment", "ing", "ism", "ance", "ence", "ology", "ics", "ure", "ship", "hood"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
			return true
		}
	}
	return false
}

func lowerFirstWord(s string) string {
	if s == "" {
		return s
	}
	ws := strings.Fields(s)
	if isAllCaps(ws[0]) {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// appositive makes "What is Hainan?" from "Hainan, an island province
// that ..., is expanding ...": a name opening the sentence, described
// between commas.
func (g *generator) appositive(s string, names []cspan, psg passage, sec section) {
	if len(names) == 0 || names[0].start != 0 {
		return
	}
	name := s[:names[0].end]
	rest := s[names[0].end:]
	if !appositiveAfter(s, names[0].end) {
		return
	}
	rest = rest[2:]
	end := strings.Index(rest, ", ")
	if end < 0 {
		return
	}
	desc := rest[:end]
	if wordCount(desc) > 20 || wordCount(desc) < 2 || strings.ContainsAny(desc, ";:\"") {
		return
	}
	// "Paris, the capital, and Lyon" is a list, not an aside.
	if strings.HasPrefix(rest[end:], ", and ") || strings.HasPrefix(rest[end:], ", or ") {
		return
	}
	front := "What is " + name + "?"
	g.add(&cand{typ: deck.Basic, rule: ruleDefine, front: front, back: desc, answer: desc, term: name, score: 7.5, src: psg}, sec)
}

var reAcronym = regexp.MustCompile(`((?:[A-Z][\w-]*[ ](?:(?:of|the|and|for|on|in|de|to|&)[ ])*){1,9})\(([A-Z][A-Za-z]{1,9})\)`)

// acronyms makes "What does CEWC stand for?" from "Central Economic Work
// Conference (CEWC)" when the letters match the words' initials.
func (g *generator) acronyms(s string, psg passage, sec section) {
	if !strings.Contains(s, "(") {
		return
	}
	for _, m := range reAcronym.FindAllStringSubmatch(s, -1) {
		full, acr := strings.TrimSpace(m[1]), m[2]
		full = matchInitials(full, strings.TrimSuffix(acr, "s"))
		if full == "" {
			continue
		}
		front := "What does " + acr + " stand for?"
		g.add(&cand{typ: deck.Basic, rule: ruleAcronym, front: front, back: full, answer: full, term: acr, score: 7, src: psg}, sec)
	}
}

// matchInitials returns the shortest tail of full whose capitalised words'
// initials spell acr, or "".
func matchInitials(full, acr string) string {
	ws := strings.Fields(full)
	for i := len(ws) - 1; i >= 0; i-- {
		var initials strings.Builder
		for _, w := range ws[i:] {
			if isCapitalized(w) {
				initials.WriteByte(w[0])
			}
		}
		got := initials.String()
		if strings.EqualFold(got, acr) && isCapitalized(ws[i]) {
			return strings.Join(ws[i:], " ")
		}
		if len(got) > len(acr) {
			break
		}
	}
	return ""
}

// termDefinition makes a card of a defined term and its definition (HTML
// <dt>/<dd>, or a Markdown line followed by ": definition").
func (g *generator) termDefinition(ti, di int, sec section) {
	term := strings.TrimRight(g.blocks[ti].s, ":")
	def := condense(firstClause(g.blocks[di].s), maxAnswerWords)
	if def == "" || wordCount(term) > 8 {
		return
	}
	front := "What is " + g.termCase(term) + "?"
	if looksLikeCode(term) {
		front = "What does " + term + " do?"
	}
	g.add(&cand{typ: deck.Basic, rule: ruleDefine, front: front, back: def, answer: def, term: term, score: 8,
		src: g.blockPassage(ti, di+1)}, sec)
}

// firstClause is the first sentence of s up to a semicolon.
func firstClause(s string) string {
	f := firstSentence(s)
	if k := strings.Index(f, "; "); k > 0 {
		f = f[:k]
	}
	return f
}

// looksLikeCode reports identifiers, flags and calls: "--verbose",
// "strings.Cut", "open()".
func looksLikeCode(s string) bool {
	if strings.ContainsAny(s, " ") {
		return strings.HasPrefix(s, "-")
	}
	return strings.HasPrefix(s, "-") || strings.ContainsAny(s, "()._/$<>=") || strings.ToLower(s) == s && strings.ContainsAny(s, "_")
}
