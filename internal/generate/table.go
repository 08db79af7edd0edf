package generate

import (
	"strings"

	"recall/internal/deck"
)

// maxTableRows bounds the rows of a table made into cards; bigger tables
// are reference data, not lessons.
const maxTableRows = 40

// describing headers say what the key is rather than a property of it.
var describingHeaders = setOf(`description definition meaning explanation purpose summary details
notes what does it what it does`)

// table makes one question per cell of a table with a header: the first
// column names the thing, the header the property ("What is the capital
// of France?").
func (g *generator) table(i int, sec section, stack []section) {
	b := g.blocks[i]
	rows := b.rows
	if len(rows) < 2 || len(rows) > maxTableRows+1 {
		return
	}
	if b.keys {
		g.propertyTable(i, sec, stack)
		return
	}
	header := rows[0]
	body := rows[1:]
	if !b.header {
		// Without a header row, a two-column table pairs terms and meanings.
		if len(rows[0]) != 2 {
			return
		}
		header = []string{"", ""}
		body = rows
	}
	psg := g.blockPassage(i, i+1)
	for _, row := range body {
		if len(row) < 2 {
			continue
		}
		key := strings.TrimSpace(row[0])
		if key == "" || wordCount(key) > 8 || !hasContent(key) && !looksLikeCode(key) {
			continue
		}
		for c := 1; c < len(row) && c < len(header) && c <= 4; c++ {
			val := strings.TrimSpace(row[c])
			if val == "" || !hasContent(val) || wordCount(val) > maxAnswerWords {
				continue
			}
			front := tableQuestion(key, strings.TrimSpace(header[c]), keyName(strings.TrimSpace(header[0]), sec.heading), val)
			if front == "" {
				continue
			}
			g.add(&cand{typ: deck.Basic, rule: ruleTable, front: front, back: val, answer: val, term: key, score: 7,
				src: passage{text: strings.Join(row, " | "), start: psg.start, end: psg.end}}, sec)
		}
	}
}

// propertyTable makes a card per row of a table of properties (an
// infobox): "Born | 7 November 1867" → "When was Marie Curie born?". A
// first row of one cell names the table's subject.
func (g *generator) propertyTable(i int, sec section, stack []section) {
	rows := g.blocks[i].rows
	subject := g.subjectOf(stack)
	if len(rows[0]) == 1 {
		subject = rows[0][0]
		rows = rows[1:]
	}
	psg := g.blockPassage(i, i+1)
	for _, row := range rows {
		if len(row) != 2 {
			continue
		}
		label, val := strings.TrimSpace(row[0]), strings.TrimSpace(row[1])
		if label == "" || val == "" || wordCount(label) > 5 || !hasContent(val) || wordCount(val) > maxAnswerWords {
			continue
		}
		front := propertyQuestion(label, subject, val)
		g.add(&cand{typ: deck.Basic, rule: ruleTable, front: front, back: val, answer: val, score: 7,
			src: passage{text: strings.Join(row, " | "), start: psg.start, end: psg.end}}, sec)
	}
}

// describesAction reports a description that starts with a verb in the
// third person ("Begins a session", "formats Go source code"): it says
// what something does, not what it is. A plural noun ("tools for ...") is
// told apart by the preposition after it.
func describesAction(desc string) bool {
	v := strings.Fields(desc)
	if len(v) < 2 {
		return false
	}
	w := strings.ToLower(v[0])
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || stopWords[w] || clauseWords[w] {
		return false
	}
	switch strings.ToLower(v[1]) {
	case "for", "of", "that", "which", "with", "in", "on", "and", "or", "to", "from", "used", "made", "like":
		return false
	}
	return true
}

// tableQuestion words the question for one cell.
func tableQuestion(key, head, keyHead, val string) string {
	if describingHeaders[strings.ToLower(head)] || head == "" {
		// "Begins a bisect session" describes what the key does.
		if describesAction(val) {
			if keyHead != "" && wordCount(keyHead) <= 2 && !isCapitalized(key) {
				return "What does the " + strings.ToLower(keyHead) + " " + key + " do?"
			}
			return "What does " + key + " do?"
		}
	}
	h := strings.ToLower(head)
	if isNumeral(key) && keyHead != "" {
		// "0 | success" under "code | meaning": a bare number needs its
		// header to be a question at all.
		if h == "" || describingHeaders[h] {
			return "What does " + keyHead + " " + key + " mean?"
		}
		if hasContent(head) {
			return "What is the " + lowerFirst(head) + " of " + keyHead + " " + key + "?"
		}
	}
	if strings.HasSuffix(h, "ed by") && wordCount(h) == 2 {
		// "Discovered by" → "Who discovered Titan?"
		return "Who " + strings.TrimSuffix(h, " by") + " " + key + "?"
	}
	switch {
	case h == "" || describingHeaders[h]:
		if looksLikeCode(key) {
			if keyHead != "" && wordCount(keyHead) <= 2 && !strings.Contains(strings.ToLower(key), keyHead) {
				// "-u" alone does not say it is a flag.
				return "What does the " + keyHead + " " + key + " do?"
			}
			return "What does " + key + " do?"
		}
		return "What is " + key + "?"
	case !hasContent(head):
		return ""
	}
	verb := "is"
	if plural(head) {
		verb = "are"
	}
	q := "What " + verb + " the " + lowerFirst(head) + " of " + key + "?"
	if keyHead != "" && wordCount(keyHead) <= 3 && !strings.Contains(strings.ToLower(key), strings.ToLower(keyHead)) && looksLikeCode(key) {
		q = "What " + verb + " the " + lowerFirst(head) + " of the " + strings.ToLower(keyHead) + " " + key + "?"
	}
	return q
}

// isNumeral reports a key that is a number and nothing else ("130").
func isNumeral(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// keyName is how questions name a table's first column: its header,
// lower-cased, or the section heading when that says the same more fully
// ("code" under "Exit codes" → "exit code"). A header of several words
// or a capitalised one is kept as written.
func keyName(keyHead, heading string) string {
	if keyHead == "" || wordCount(keyHead) > 3 {
		return keyHead
	}
	name := strings.ToLower(keyHead)
	hw := strings.Fields(strings.ToLower(heading))
	if len(hw) < 2 || len(hw) > 4 || wordCount(keyHead) != 1 {
		return name
	}
	last := hw[len(hw)-1]
	if last == name+"s" || last == name {
		hw[len(hw)-1] = name
		return strings.Join(hw, " ")
	}
	return name
}
