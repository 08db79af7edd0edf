package generate

import (
	"regexp"
	"strings"

	"recall/internal/deck"
)

// maxQuoteWords bounds the quotation a "Who said" card is made from.
const maxQuoteWords = 60

// Longer quotations are shown by their opening words: a question of forty
// words is read, not recalled.
const (
	maxQuoteFront = 16 // words of a quotation shown whole
	quoteOpening  = 12 // words shown of a longer one
)

// shortQuote shortens a long quotation to its first clause, or its first
// dozen words when that clause is long too, followed by "…". The words
// stay the speaker's; only the end is left out.
func shortQuote(q string) string {
	if wordCount(q) <= maxQuoteFront {
		return q
	}
	depth := 0
	for i := 0; i < len(q); i++ {
		switch q[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		case ',', ';', ':':
			n := wordCount(q[:i])
			if depth == 0 && n >= 4 && n <= quoteOpening {
				return strings.TrimRight(q[:i], " ,;:") + " …"
			}
		}
	}
	ws := strings.Fields(q)
	n := quoteOpening
	// Do not end on "the", "and" or "of": the cut would read as a slip.
	for n > 4 && stopWords[strings.ToLower(strings.Trim(ws[n-1], `,;:"'`))] {
		n--
	}
	return strings.TrimRight(strings.Join(ws[:n], " "), " ,;:") + " …"
}

// attributedQuote makes "Who said "..."?" from a paragraph or block
// quotation followed by a line naming its speaker, and reports whether it
// did.
func (g *generator) attributedQuote(qi, ai int, sec section) bool {
	q := strings.TrimSpace(g.blocks[qi].s)
	speaker := strings.TrimSpace(strings.TrimLeft(g.blocks[ai].s, "-–—~ "))
	if k := strings.IndexByte(speaker, ','); k > 0 {
		speaker = speaker[:k]
	}
	q = strings.Trim(q, `" `)
	q = strings.TrimSuffix(q, ".")
	cut := false
	if wordCount(q) > maxQuoteWords {
		q = firstSentence(q)
		if wordCount(q) > maxQuoteWords {
			return false
		}
		q, cut = strings.TrimRight(q, "."), true
	}
	if wordCount(q) < 4 || !hasContent(speaker) {
		return false
	}
	shown := shortQuote(q)
	if cut && shown == q {
		shown += " …"
	}
	front := `Who said "` + shown + `"?`
	g.add(&cand{typ: deck.Basic, rule: ruleQuote, front: front, back: speaker, answer: speaker, score: 8,
		src: g.blockPassage(qi, ai+1)}, sec)
	return true
}

const saidVerbs = `said|says|wrote|writes|added|declared|stated|noted|explained|remarked|argued|observed|insisted|told reporters|once said`

var (
	// "Quote," said Name. / "Quote," Name said.
	reQuoteSaid = regexp.MustCompile(`^"([^"]{10,})[,.!?]" (?:(?:` + saidVerbs + `) ([A-Z][^,."]{1,60})|([A-Z][^,."]{1,60}) (?:` + saidVerbs + `))(?:[,.].*)?$`)
	// Name said: "Quote." / Name said, "Quote."
	reSaidQuote = regexp.MustCompile(`^([A-Z][^,."]{1,60}?) (?:` + saidVerbs + `)[,:]? "([^"]{10,}?)[.!?]?"\.?$`)
)

// inlineQuote makes "Who said ...?" from a sentence that quotes a named
// speaker.
func (g *generator) inlineQuote(s string, psg passage, sec section) {
	var q, who string
	if strings.Count(s, `"`) < 2 {
		return
	}
	if m := reQuoteSaid.FindStringSubmatch(s); m != nil {
		q, who = m[1], m[2]
		if who == "" {
			who = m[3]
		}
	} else if m := reSaidQuote.FindStringSubmatch(s); m != nil {
		who, q = m[1], m[2]
	}
	if q == "" || !looksLikeName(who, true) || wordCount(q) < 4 || wordCount(q) > maxQuoteWords {
		return
	}
	front := `Who said "` + shortQuote(strings.TrimSuffix(strings.TrimSpace(q), ".")) + `"?`
	g.add(&cand{typ: deck.Basic, rule: ruleQuote, front: front, back: who, answer: who, score: 8, src: psg}, sec)
}
