package generate

import (
	"strings"

	"recall/internal/deck"
)

// instructionStarts follow an imperative verb: "export your collection".
var instructionStarts = setOf(`your the a an it them this these those all each every`)

// imperatives are verbs of instructions beside baseVerbs: "pass
// --color=never", "press q".
var imperatives = setOf(`pass export import press type choose select enter edit copy delete download
give replace append click tap run`)

// isInstruction reports content that tells how to do something rather
// than what a thing is: an imperative ("export your collection as ...")
// or a command written as code ("recall import FILE ...", codes holding
// the block's inline code).
func isInstruction(content string, codes []string) bool {
	ws := strings.Fields(content)
	if len(ws) == 0 {
		return false
	}
	w0 := strings.ToLower(strings.Trim(ws[0], trimmedPunct))
	if ws[0] != w0 && !isCapitalized(ws[0]) {
		return false
	}
	if isBaseVerb(w0) || imperatives[w0] {
		return true
	}
	if len(ws) > 1 && instructionStarts[strings.ToLower(ws[1])] && !stopWords[w0] && !clauseWords[w0] && !strings.HasSuffix(w0, "s") && !strings.HasSuffix(w0, "ed") {
		return true
	}
	for _, c := range codes {
		if strings.HasPrefix(content, c) && strings.Contains(c, " ") {
			return true
		}
	}
	return false
}

// switchVerbs name moving from one tool to another: "Coming from another
// program", "Migrating from X".
var switchVerbs = setOf(`come switch migrate move`)

// eVerbs keep their final "e" before "-ing" ("moving" → "move").
var eVerbs = setOf(`come move use write make take configure upgrade remove create update migrate
manage restore save share compare prepare schedule type close change store generate choose
decide define describe provide serve solve`)

// baseOfGerund returns the base form of a verb in "-ing" ("Coming" →
// "come"), or "" when w is not one.
func baseOfGerund(w string) string {
	w = strings.ToLower(w)
	if len(w) < 6 || !strings.HasSuffix(w, "ing") {
		return ""
	}
	stem := strings.TrimSuffix(w, "ing")
	if eVerbs[stem+"e"] {
		return stem + "e"
	}
	if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] && strings.IndexByte("bdgmnpt", stem[n-1]) >= 0 {
		// "running" → "run"
		return stem[:n-1]
	}
	return stem
}

// indefinites open a noun phrase that stands for any one of the things a
// list names: "Coming from another program" → "... from Anki".
var indefinites = setOf(`a an another other any your some`)

// howQuestion asks how to do what a section heading names for the thing
// a list item is about: under "Coming from another program" the item
// "Anki: export your collection ..." answers "How do you move to recall
// from Anki?". It returns "" when the heading does not name an action
// (no "-ing" verb opening it) or has no place for the item.
func howQuestion(heading, item, topic string) string {
	ws := strings.Fields(strings.TrimRight(heading, ".:"))
	if len(ws) < 2 {
		return ""
	}
	if k := strings.LastIndex(item, ", "); k > 0 && !strings.Contains(item, " or ") && !strings.Contains(item, " and ") {
		// "CSV, TSV, Quizlet" → "CSV, TSV or Quizlet": any one of them.
		item = item[:k] + " or " + item[k+2:]
	}
	verb := baseOfGerund(ws[0])
	if verb == "" {
		return ""
	}
	rest := ws[1:]
	if switchVerbs[verb] && strings.EqualFold(rest[0], "from") && topic != "" {
		return "How do you move to " + topic + " from " + item + "?"
	}
	for k, w := range rest {
		if indefinites[strings.ToLower(w)] && k+1 < len(rest) {
			phrase := append(append([]string{verb}, lowerWords(rest[:k])...), item)
			return "How do you " + strings.Join(phrase, " ") + "?"
		}
	}
	return ""
}

// lowerWords lowers words that are not names.
func lowerWords(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = lowerFirst(w)
	}
	return out
}

// howTo handles a labelled line of block i whose content is an
// instruction ("Anki: export your collection ..."): it is no definition
// of its label, so it is asked as "How ...?" from the section heading, or
// not at all. It reports whether the content was an instruction.
func (g *generator) howTo(i int, label, content string, sec section) bool {
	codes := g.blocks[i].codes
	if !isInstruction(content, codes) {
		return false
	}
	front := howQuestion(sec.heading, label, g.topic)
	ans := strings.TrimSuffix(condense(firstSentence(content), maxAnswerWords), ".")
	if front == "" || ans == "" {
		return true
	}
	// A command keeps its case: "recall import FILE".
	command := false
	for _, c := range codes {
		command = command || strings.HasPrefix(content, c)
	}
	if !command {
		ans = upperFirst(ans)
	}
	g.add(&cand{typ: deck.Basic, rule: ruleLabel, front: front, back: ans, answer: ans, term: label, score: 8, keepCase: command,
		src: g.passageOf(i, 0, len(g.blocks[i].s))}, sec)
	return true
}
