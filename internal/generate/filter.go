package generate

import (
	"regexp"
	"sort"
	"strings"

	"recall/internal/deck"
)

// reMarkup matches what must never reach a card: HTML tags, Markdown
// emphasis, code and link syntax.
var reMarkup = regexp.MustCompile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>|\\*\\*|__\\w|\\w__|`|\\]\\(|!\\[|\\[\\[|\\]\\]")

// hasMarkup reports markup left in card text.
func hasMarkup(s string) bool {
	if !strings.ContainsAny(s, "<*_`]![") {
		return false
	}
	return reMarkup.MatchString(deck.StripCloze(s))
}

// finish filters the candidates, removes near-duplicates, keeps the best
// Max, and turns them into cards in document order with stable IDs.
func (g *generator) finish() []deck.Card {
	var live []*cand
	for _, c := range g.cards {
		if g.acceptable(c) {
			live = append(live, c)
		}
	}
	found := live
	live = applyTypes(live, g.opt.Types)
	if len(live) == 0 && len(found) > 0 {
		// Say how many cards the type filter took, so that an empty
		// result is not blamed on the document. applyTypes changed none
		// of them (it only changes those it keeps), so dedupe counts the
		// cards that would have been made.
		g.typeFiltered = len(dedupe(found))
	}
	live = dedupe(live)
	if g.opt.Max > 0 && len(live) > g.opt.Max {
		best := append([]*cand(nil), live...)
		sort.SliceStable(best, func(a, b int) bool { return best[a].score > best[b].score })
		keep := map[*cand]bool{}
		for _, c := range best[:g.opt.Max] {
			keep[c] = true
		}
		var kept []*cand
		for _, c := range live {
			if keep[c] {
				kept = append(kept, c)
			}
		}
		live = kept
	}
	sort.SliceStable(live, func(a, b int) bool {
		x, y := live[a], live[b]
		if x.doc != y.doc {
			return x.doc < y.doc
		}
		if x.src.start != y.src.start {
			return x.src.start < y.src.start
		}
		return x.seq < y.seq
	})
	cards := make([]deck.Card, 0, len(live))
	ids := map[string]bool{}
	for _, c := range live {
		cards = append(cards, g.toCard(c, 1, ids))
		if c.typ == deck.Reversed {
			// A reversed note is two cards: front→back and back→front.
			cards = append(cards, g.toCard(c, 2, ids))
		}
	}
	return cards
}

// acceptable applies the filters every card must pass: an answer that is
// there, is not trivial, can be recalled, and no markup anywhere.
func (g *generator) acceptable(c *cand) bool {
	ans := strings.TrimSpace(c.answer)
	if ans == "" || !hasContent(ans) || strings.TrimSpace(c.front) == "" {
		return false
	}
	lines := strings.Split(ans, "\n")
	if len(lines) > 1 {
		if len(lines) > maxItems {
			return false
		}
	} else if wordCount(ans) > maxAnswerWords {
		return false
	}
	if hasMarkup(c.front) || hasMarkup(c.back) {
		return false
	}
	// The answer must not be given away by the question.
	if c.typ != deck.Cloze && len(lines) == 1 && containsWord(strings.ToLower(c.front), strings.ToLower(ans)) {
		return false
	}
	return true
}

// applyTypes keeps and converts cards to the requested types.
func applyTypes(cs []*cand, types []deck.Type) []*cand {
	if len(types) == 0 {
		return cs
	}
	want := map[deck.Type]bool{}
	for _, t := range types {
		want[t] = true
	}
	var out []*cand
	for _, c := range cs {
		switch c.typ {
		case deck.Cloze:
			if want[deck.Cloze] {
				out = append(out, c)
			}
		case deck.Basic:
			switch {
			case want[deck.Typed] && wordCount(c.answer) <= 4 && !strings.Contains(c.answer, "\n"):
				c.typ = deck.Typed
				out = append(out, c)
			case want[deck.Reversed] && c.term != "" && c.rule != ruleQuote:
				c.typ = deck.Reversed
				c.front = c.term
				out = append(out, c)
			case want[deck.Basic]:
				out = append(out, c)
			}
		}
	}
	return out
}

// maxCompare bounds how many earlier cards with the same answer a card is
// compared with.
const maxCompare = 12

// dedupe drops near-duplicate cards, keeping the better one of each pair:
// same question; same answer to a similar question; a cloze that asks
// what a card from the same passage already asks.
func dedupe(cs []*cand) []*cand {
	better := func(a, b *cand) bool { // a beats b
		if a.score != b.score {
			return a.score > b.score
		}
		return a.seq < b.seq
	}
	kill := func(a, b *cand) {
		if better(a, b) {
			b.dead = true
		} else {
			a.dead = true
		}
	}
	byFront := map[string]*cand{}
	byAnswer := map[string][]*cand{}
	byPassage := map[string][]*cand{}
	for _, c := range cs {
		fk := deck.Normalize(c.front)
		if c.typ == deck.Cloze {
			fk = "c\x00" + fk
		}
		if o, ok := byFront[fk]; ok && !o.dead {
			kill(o, c)
			if c.dead {
				continue
			}
		}
		byFront[fk] = c
		c.normAnswer = deck.Normalize(c.answer)
		ak := c.normAnswer
		c.frontWords = sortedSet(contentWords(deck.StripCloze(c.front)))
		// Compare with the latest few cards of the same answer only: near
		// duplicates sit close together, and a common answer ("1990")
		// must not make this quadratic.
		same := byAnswer[ak]
		for _, o := range same[max(0, len(same)-maxCompare):] {
			if o.dead {
				continue
			}
			// The same longer answer to overlapping questions asks one thing
			// twice: "Who was Robespierre?" and "What was Maximilien
			// Robespierre?".
			if jaccardSorted(c.frontWords, o.frontWords) >= 0.6 || wordCount(c.answer) >= 3 && overlap(c.frontWords, o.frontWords) >= 0.5 {
				kill(o, c)
			}
		}
		if c.dead {
			continue
		}
		byAnswer[ak] = append(byAnswer[ak], c)
		c.normSrc = deck.Normalize(c.src.text)
		keys := []string{c.normSrc}
		if c.also != "" {
			keys = append(keys, deck.Normalize(c.also))
		}
		for _, pk := range keys {
			for _, o := range byPassage[pk] {
				if !o.dead && !c.dead && samePassageDuplicate(o, c) {
					kill(o, c)
				}
			}
		}
		if !c.dead {
			for _, pk := range keys {
				byPassage[pk] = append(byPassage[pk], c)
			}
		}
	}
	var out []*cand
	for _, c := range cs {
		if !c.dead {
			out = append(out, c)
		}
	}
	return out
}

// sortedSet sorts ws and drops repeats, in place.
func sortedSet(ws []string) []string {
	sort.Strings(ws)
	out := ws[:0]
	for i, w := range ws {
		if i == 0 || w != ws[i-1] {
			out = append(out, w)
		}
	}
	return out
}

// jaccardSorted is the Jaccard similarity of two sorted sets.
func jaccardSorted(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// samePassageDuplicate reports two cards from one passage that ask the
// same thing: their answers overlap mostly, or one hides the term the
// other defines.
func samePassageDuplicate(a, b *cand) bool {
	if a.typ == b.typ && a.typ == deck.Cloze {
		return a.normAnswer == b.normAnswer
	}
	// An enumeration and the clozes on its items teach the same list in
	// steps; keep both.
	if a.rule == ruleList && b.rule == ruleList || a.rule == ruleLabel && b.rule == ruleList || a.rule == ruleList && b.rule == ruleLabel {
		if strings.Contains(a.answer, "\n") || strings.Contains(b.answer, "\n") {
			return false
		}
	}
	aw, bw := contentWords(a.answer), contentWords(b.answer)
	switch {
	case a.typ != deck.Cloze && b.typ != deck.Cloze:
		if overlap(aw, bw) >= 0.6 {
			return true
		}
	case a.typ == deck.Cloze && covers(aw, bw), b.typ == deck.Cloze && covers(bw, aw):
		return true
	}
	for _, p := range [][2]*cand{{a, b}, {b, a}} {
		def, other := p[0], p[1]
		if def.term != "" && other.typ == deck.Cloze {
			// The cloze hides what the other card asks about.
			ow, tw := contentWords(other.answer), contentWords(def.term)
			if subsetOf(ow, tw) || subsetOf(tw, ow) {
				return true
			}
		}
	}
	return false
}

// covers reports a cloze answer that is most of another card's answer:
// asking it again adds nothing. A cloze on one fact of a long answer
// ("Committee of Public Safety" in a description of Robespierre) stays.
func covers(cloze, answer []string) bool {
	return subsetOf(cloze, answer) && (len(cloze)*10 >= len(answer)*6 || len(answer) <= 6)
}

// overlap is the share of the smaller word set found in the larger.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	set := map[string]bool{}
	for _, w := range b {
		set[w] = true
	}
	n := 0
	for _, w := range a {
		if set[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// toCard turns a candidate into a card. Its ID comes from the deck name,
// the passage text, the rule and the front, never from line numbers, so
// it survives edits elsewhere in the document.
func (g *generator) toCard(c *cand, ord int, ids map[string]bool) deck.Card {
	card := deck.Card{
		Deck:  g.deckName,
		Type:  c.typ,
		Front: c.front,
		Back:  c.back,
		Tags:  c.tags,
		Source: &deck.Source{
			File:  c.file,
			Start: c.src.start,
			End:   c.src.end,
			Hash:  deck.HashText(c.src.text),
			Text:  c.src.text,
		},
	}
	switch c.typ {
	case deck.Cloze, deck.Reversed:
		card.Ord = ord
	}
	if c.normSrc == "" {
		c.normSrc = deck.Normalize(c.src.text)
	}
	key := c.normSrc + "\x00" + c.rule + "\x00" + c.front
	n := 0
	if ord > 1 {
		n = ord
	}
	id := deck.DeriveID(g.deckName, key, n)
	for n := 10; ids[id]; n++ {
		id = deck.DeriveID(g.deckName, key, n)
	}
	ids[id] = true
	card.ID = id
	return card
}
