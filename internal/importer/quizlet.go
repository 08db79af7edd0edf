package importer

import (
	"strings"

	"recall/internal/deck"
)

// readQuizlet reads a Quizlet export: rows split by RowSep, term and
// definition by TermSep, with no quoting at all (FORMATS §3.3).
func readQuizlet(res *Result, text, deckName string, opt Options) error {
	termSep := unescapeSep(pick(opt.TermSep, "\t"))
	rowSep := unescapeSep(pick(opt.RowSep, "\n"))
	sink := newCardSink(res)
	line := 1
	for len(text) > 0 {
		row, rest, found := strings.Cut(text, rowSep)
		rowLine := line + leadingNewlines(row)
		line += strings.Count(row, "\n")
		if found {
			line += strings.Count(rowSep, "\n")
		}
		text = rest
		if strings.TrimSpace(row) == "" {
			continue
		}
		parts := strings.Split(row, termSep)
		if len(parts) < 2 {
			res.fail(rowLine, "no %s between term and definition", describeSep(termSep))
			continue
		}
		if len(parts) > 2 {
			// The definition most likely contained the separator itself.
			res.warnAt(rowLine, "%d fields, expected 2 (term, definition); the rest is kept in the definition", len(parts))
		}
		sink.add(note{line: rowLine, kind: deck.Basic, deck: pick(opt.Deck, deckName),
			front: strings.TrimSpace(parts[0]), back: strings.TrimSpace(strings.Join(parts[1:], termSep))})
	}
	res.Decks = groupDecks(sink.cards)
	return nil
}

func leadingNewlines(s string) int {
	return len(s) - len(strings.TrimLeft(s, "\n"))
}

func describeSep(s string) string {
	switch s {
	case "\t":
		return "TAB"
	case "\n":
		return "line break"
	}
	return "\"" + s + "\""
}
