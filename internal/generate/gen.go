package generate

import (
	"strings"

	"recall/internal/deck"
)

// The rules that make cards; part of every card's ID, so renaming one
// changes the IDs of its cards.
const (
	ruleQuestion = "question"
	ruleLabel    = "label"
	ruleDefine   = "define"
	ruleList     = "list"
	ruleCloze    = "cloze"
	ruleQuote    = "quote"
	ruleTable    = "table"
	ruleAcronym  = "acronym"
)

// passage is the text a card was made from and where it is.
type passage struct {
	text       string
	start, end int
}

// cand is a card being considered.
type cand struct {
	typ    deck.Type
	rule   string
	front  string
	back   string
	answer string // what the learner must recall: back, or the cloze deletion
	term   string // for definitions: the term asked about
	score  float64
	doc    int
	seq    int
	src    passage
	file   string
	tags   []string
	dead   bool
	// keepCase leaves the answer's first letter alone: a list of names.
	keepCase bool
	// also is a second passage the card covers (the sentence answering a
	// question heading), so that cards made from it alone count as the
	// same passage.
	also string
	// Caches for dedupe: the front's content words and normalised texts.
	frontWords          []string
	normAnswer, normSrc string
}

// section is the heading a block sits under, with what it is about.
type section struct {
	heading  string // "" before the first heading
	level    int
	question bool   // the heading is a question
	subject  string // what the heading asks about ("What is X?" → X)
	slug     string
}

// generator holds the state of one Generate call.
type generator struct {
	deckName string
	opt      Options
	cards    []*cand
	seq      int
	// typeFiltered is how many cards Options.Types removed when it left
	// none.
	typeFiltered int

	// per document
	doc    int
	file   string
	title  string
	topic  string // the document's subject, for naming vague questions
	stats  *docStats
	blocks []block
	sents  [][]span // sentences of each block, computed once
	used   map[int]bool
	// asked marks blocks whose first sentence a card asks whole (a
	// question heading answered clause by clause): a cloze on it would
	// ask one of its facts again.
	asked map[int]bool
	// quoted marks blocks a "Who said" card asks: the speaker's claims
	// in them are not asked again as definitions.
	quoted map[int]bool
}

// document makes the cards of one parsed document.
func (g *generator) document(index int, name string, p parsed) {
	g.doc, g.file = index, name
	g.title = p.title
	if g.title == "" {
		g.title = stemTitle(name)
		if name == "-" || name == "" {
			g.title = g.deckName
		}
	}
	g.blocks = p.blocks
	g.used = map[int]bool{}
	g.asked = map[int]bool{}
	g.quoted = map[int]bool{}
	g.sents = make([][]span, len(p.blocks))
	for i, b := range p.blocks {
		if b.kind != kCode && b.kind != kTable && b.kind != kBreak && b.kind != kHeading {
			g.sents[i] = splitSentences(b.s)
		}
	}
	g.stats = collectStats(p.blocks, g.sents)
	g.topic = topicOf(g.title, g.stats.properWord)
	// "Finding a bad commit with git bisect" is about what its "What is git
	// bisect?" section names.
	for _, b := range p.blocks {
		if b.kind == kHeading && isQuestion(b.s) {
			if sub := questionSubject(b.s); sub != "" && containsWord(strings.ToLower(g.title), strings.ToLower(sub)) {
				g.topic = sub
				break
			}
		}
	}

	var stack []section
	root := section{slug: slug(g.title)}
	for i := 0; i < len(g.blocks); i++ {
		b := g.blocks[i]
		sec := root
		if len(stack) > 0 {
			sec = stack[len(stack)-1]
		}
		switch b.kind {
		case kHeading:
			for len(stack) > 0 && stack[len(stack)-1].level >= b.level {
				stack = stack[:len(stack)-1]
			}
			s := section{heading: b.s, level: b.level, slug: slug(b.s)}
			if isQuestion(b.s) {
				s.question = true
				s.subject = questionSubject(b.s)
			}
			if b.level == 1 && i == firstHeading(g.blocks) && !s.question {
				// The title heading: its section is the whole document.
				root.heading = ""
				continue
			}
			stack = append(stack, s)
			if s.question {
				g.questionHeading(i, s, stack)
			}
		case kPara, kQuote:
			if i+1 < len(g.blocks) && g.blocks[i+1].kind == kAttrib {
				g.quoted[i] = g.attributedQuote(i, i+1, sec)
			}
			g.callHeading(i, sec)
			g.paragraph(i, sec, stack)
		case kItem:
			j := i + 1
			for j < len(g.blocks) && g.blocks[j].kind == kItem {
				n := g.blocks[j]
				if n.level < b.level || n.level == b.level && n.list != b.list {
					break
				}
				j++
			}
			g.list(i, j, sec, stack)
			i = j - 1
		case kTable:
			g.table(i, sec, stack)
		case kTerm:
			if i+1 < len(g.blocks) && g.blocks[i+1].kind == kDef {
				g.termDefinition(i, i+1, sec)
				g.paragraph(i+1, sec, stack)
				i++
			}
		case kDef:
			g.paragraph(i, sec, stack)
		}
	}
}

func firstHeading(blocks []block) int {
	for i, b := range blocks {
		if b.kind == kHeading {
			return i
		}
	}
	return -1
}

// subjectOf is what a section's questions should name: the subject of the
// nearest question heading above, else the document's topic.
func (g *generator) subjectOf(stack []section) string {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].subject != "" {
			return stack[i].subject
		}
	}
	return g.topic
}

// add records a candidate card made from the passage of block b between
// byte offsets start and end.
func (g *generator) add(c *cand, sec section) {
	if c.typ == deck.Basic {
		if c.rule != ruleQuestion && c.rule != ruleQuote && !strings.HasSuffix(c.back, "...") {
			c.back = strings.TrimSuffix(c.back, ".")
		}
		if !c.keepCase {
			c.back = capitalizeLines(c.back)
		}
		c.answer = c.back
	}
	c.doc = g.doc
	c.file = g.file
	g.seq++
	c.seq = g.seq
	if sec.slug != "" {
		c.tags = []string{sec.slug}
	}
	g.cards = append(g.cards, c)
}

// capitalizeLines starts each line of an answer with a capital letter when
// its first word is an ordinary lower-case word ("an essential
// requirement" → "An essential requirement"); identifiers such as
// "sync.Mutex" or "go1.22" stay as written.
func capitalizeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		first := l
		if k := strings.IndexAny(l, " ,;:"); k >= 0 {
			first = l[:k]
		}
		plain := first != ""
		for _, r := range first {
			if r < 'a' || r > 'z' {
				plain = false
				break
			}
		}
		if plain {
			lines[i] = upperFirst(l)
		}
	}
	return strings.Join(lines, "\n")
}

// passageOf returns the passage of block i between offsets start and end.
func (g *generator) passageOf(i, start, end int) passage {
	b := g.blocks[i]
	if end > len(b.s) {
		end = len(b.s)
	}
	s, e := b.lines(start, end)
	if s == 0 {
		s, e = b.start, b.end
	}
	return passage{text: b.s[start:end], start: s, end: e}
}

// blockPassage is the whole text of blocks i..j-1.
func (g *generator) blockPassage(i, j int) passage {
	var parts []string
	for k := i; k < j; k++ {
		if g.blocks[k].kind == kTable {
			for _, r := range g.blocks[k].rows {
				parts = append(parts, strings.Join(r, " | "))
			}
			continue
		}
		parts = append(parts, g.blocks[k].s)
	}
	return passage{text: strings.Join(parts, "\n"), start: g.blocks[i].start, end: g.blocks[j-1].end}
}

// joinPassages spans two passages of the same document.
func joinPassages(a, b passage) passage {
	return passage{text: a.text + "\n" + b.text, start: min(a.start, b.start), end: max(a.end, b.end)}
}
