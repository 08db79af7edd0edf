package generate

import (
	"regexp"
	"strings"

	"recall/internal/deck"
)

// reCallHeading matches a heading that names a function with its
// parameters: "distance(p, q)", "Buffer.Write(p []byte)".
var reCallHeading = regexp.MustCompile(`^[A-Za-z_][\w.]*\([^()]*\)$`)

// callHeading makes "What does distance(p, q) do?" of the first paragraph
// under a heading naming a function when that paragraph opens with what
// the function does ("Returns the Euclidean distance ..."). The sentence
// is then asked whole, so no cloze asks one of its words again.
func (g *generator) callHeading(i int, sec section) {
	if i == 0 || g.blocks[i-1].kind != kHeading || !reCallHeading.MatchString(sec.heading) || len(g.sents[i]) == 0 {
		return
	}
	first := g.sents[i][0]
	if !describesAction(first.s) {
		return
	}
	ans := strings.TrimSuffix(condense(first.s, maxAnswerWords), ".")
	if ans == "" {
		return
	}
	g.asked[i] = true
	g.add(&cand{typ: deck.Basic, rule: ruleDefine, front: "What does " + sec.heading + " do?", back: ans, answer: ans,
		term: sec.heading, score: 9, src: g.passageOf(i, first.start, first.end)}, sec)
}
