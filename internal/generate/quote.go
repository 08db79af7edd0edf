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
	who = strings.TrimSpace(who) // `"…" said Name ,` keeps the blank
	if q == "" || !looksLikeName(who, true) || wordCount(q) < 4 || wordCount(q) > maxQuoteWords {
		return
	}
	front := `Who said "` + shortQuote(strings.TrimSuffix(strings.TrimSpace(q), ".")) + `"?`
	g.add(&cand{typ: deck.Basic, rule: ruleQuote, front: front, back: who, answer: who, score: 8, src: psg}, sec)
}

// pledgeVerbs report what a speaker said it would do, with the form the
// question asks in.
var pledgeVerbs = map[string]string{
	"said": "say", "pledged": "pledge", "vowed": "vow", "promised": "promise", "announced": "announce",
	"declared": "declare", "stated": "state", "says": "say", "pledges": "pledge", "vows": "vow",
	"promises": "promise", "announces": "announce",
}

// rePledge matches "[At EVENT, ]X said it would "QUOTE"": a commitment in
// the words of an organisation, a country or a person.
var rePledge = regexp.MustCompile(`^(?:(?:At|During|In|On) ([^,"]{3,160}), )?([A-Z][^,."]{1,60}?) (said|says|pledged|pledges|vowed|vows|promised|promises|announced|announces|declared|stated) (it|they|he|she|we) (would|will) "([^"]{10,})"`)

// reEventName is the name in an event phrase: "the Central Economic Work
// Conference held at the end of last year" → "the Central Economic Work
// Conference".
var reEventName = regexp.MustCompile(`^(?:the )?[A-Z][\w'-]*(?: (?:of|and|for|on|the|[A-Z0-9][\w'-]*))*`)

// pledge makes "What did China say it would do at the Central Economic
// Work Conference?" from a sentence quoting what a named speaker said it
// would do. The commitment is the fact to learn; without this card only
// the sentence's date and event would be asked. A long commitment is
// answered by its first clause, as a long quotation is shown.
func (g *generator) pledge(s string, psg passage, sec section) {
	if !strings.Contains(s, `"`) {
		return
	}
	m := rePledge.FindStringSubmatch(s)
	if m == nil || !looksLikeName(m[2], true) {
		return
	}
	event, who, verb, pron, modal, q := m[1], m[2], m[3], m[4], m[5], m[6]
	q = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(q), ".,;"))
	if wordCount(q) < 3 || wordCount(q) > maxQuoteWords {
		return
	}
	aux := "did"
	if strings.HasSuffix(verb, "s") {
		aux = "does"
	}
	front := "What " + aux + " " + who + " " + pledgeVerbs[verb] + " " + pron + " " + modal + " do"
	if event != "" {
		name := reEventName.FindString(event)
		name = strings.TrimRight(strings.TrimSuffix(name, " the"), " ")
		for _, w := range []string{" of", " and", " for", " on"} {
			name = strings.TrimSuffix(name, w)
		}
		prep := strings.ToLower(strings.Fields(m[0])[0])
		switch {
		case name != "" && name != "the":
			front += " " + prep + " " + name
		case wordCount(event) <= 6:
			front += " " + prep + " " + event
		}
	}
	ans := upperFirst(shortQuote(q))
	g.add(&cand{typ: deck.Basic, rule: ruleQuote, front: front + "?", back: ans, answer: ans, score: 8, src: psg}, sec)
}
