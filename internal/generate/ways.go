package generate

import (
	"strings"

	"recall/internal/deck"
)

// A "How ...?" section often answers in a few directions, each a short
// paragraph that leads a list of measures ("Continue to capitalize on
// innovation" and its bullets, "We will further deepen reforms ..." and
// its bullets). The directions together answer the question; the bullets
// are asked one by one as sentences.

// minWays is how many lead paragraphs make a section of ways.
const minWays = 2

// speakerLeads open a stated measure; the measure itself follows.
var speakerLeads = []string{"we will ", "we must ", "we should ", "we need to ", "we shall ", "let us "}

// waysAnswer returns the lines answering a "How ...?" heading at block i
// whose section (blocks i+1 to end) holds two or more paragraphs that
// lead a list, with the blocks they come from; nil otherwise.
func (g *generator) waysAnswer(i, end int, question string) ([]string, []int) {
	if !strings.HasPrefix(strings.ToLower(cleanQuestion(question)), "how ") {
		return nil, nil
	}
	known := append(contentWords(question), contentWords(g.topic)...)
	var lines []string
	var from []int
	for k := i + 1; k+1 < end; k++ {
		b := g.blocks[k]
		if b.kind != kPara || g.blocks[k+1].kind != kItem || len(g.sents[k]) != 1 {
			continue
		}
		line := wayLine(g.sents[k][0].s, known)
		if line == "" {
			return nil, nil
		}
		lines = append(lines, line)
		from = append(from, k)
	}
	if len(lines) < minWays || len(lines) > maxItems {
		return nil, nil
	}
	return lines, from
}

// wayLine shortens a lead paragraph to the measure it states: without "We
// will" and without a closing purpose that only repeats the question ("...
// to accelerate the development of new productive forces"). It returns ""
// when the measure is too long to recall as one line.
func wayLine(s string, known []string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ".:;")
	low := strings.ToLower(s)
	for _, p := range speakerLeads {
		if strings.HasPrefix(low, p) && len(s) > len(p) {
			s = upperFirst(s[len(p):])
			break
		}
	}
	toks := tokenize(s)
	for k := 3; k+2 < len(toks); k++ {
		lw := strings.ToLower(toks[k].w)
		if lw != "to" && lw != "for" && lw != "suitable" && lw != "so" {
			continue
		}
		tail := contentWords(s[toks[k].start:])
		if lw == "to" || lw == "for" || lw == "so" {
			tail = contentWords(s[toks[k].end:])
		}
		if len(tail) >= 2 && coveredShare(tail, known) >= 0.75 {
			s = strings.TrimRight(s[:toks[k].start], " ,")
			break
		}
	}
	if wordCount(s) > maxStepWords+2 {
		return ""
	}
	return s
}

// coveredShare is the share of ws found in known, comparing words by
// their first five letters so that "securing" matches "secure".
func coveredShare(ws, known []string) float64 {
	if len(ws) == 0 {
		return 0
	}
	stem := func(w string) string { return w[:min(len(w), 5)] }
	set := map[string]bool{}
	for _, w := range known {
		set[stem(w)] = true
	}
	n := 0
	for _, w := range ws {
		if set[stem(w)] {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// waysCard makes the card of a "How ...?" section of ways.
func (g *generator) waysCard(front string, hp passage, lines []string, from []int, sec section) {
	src := hp
	for _, k := range from {
		src = joinPassages(src, g.blockPassage(k, k+1))
		// The card asks each lead's measure; a cloze on it would ask the
		// same measure again.
		g.asked[k] = true
	}
	ans := strings.Join(lines, "\n")
	g.add(&cand{typ: deck.Basic, rule: ruleList, front: front, back: ans, answer: ans, score: 10, src: src}, sec)
}

// restatesLead reports a list item (block k) that says again what the
// paragraph leading its list (block before i) says: one card asks it.
func (g *generator) restatesLead(i, k int) bool {
	if i == 0 || g.blocks[i-1].kind != kPara {
		return false
	}
	lead, item := contentWords(g.blocks[i-1].s), contentWords(g.blocks[k].s)
	return len(item) >= 4 && overlap(sortedSet(lead), sortedSet(item)) >= 0.8
}
