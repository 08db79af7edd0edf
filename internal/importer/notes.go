package importer

import (
	"strings"

	"recall/internal/deck"
)

// note is one row of a text format before it becomes cards: a reversed note
// makes two cards and a cloze note one per deletion number.
type note struct {
	line        int
	kind        deck.Type
	front, back string
	tags        []string
	deck        string
	// guid is an Anki note GUID (cards get AnkiCardID), id a native id used
	// the same way; without either the card gets deck.Card.AssignID.
	guid, id string
	// sr is the schedule of each card the note makes, in order.
	sr []*SM2State
}

// cardSink turns notes into cards, dropping duplicates within one file.
type cardSink struct {
	res   *Result
	cards []deck.Card
	seen  map[string]int // card ID → line that made it
}

func newCardSink(res *Result) *cardSink {
	return &cardSink{res: res, seen: map[string]int{}}
}

// add expands n into cards. It reports an empty front as skipped and a card
// whose ID an earlier line already produced as a duplicate of that line.
func (s *cardSink) add(n note) {
	if strings.TrimSpace(n.front) == "" {
		s.res.skip(n.line, "empty front")
		return
	}
	var buf [2]deck.Card // most notes make one or two cards
	cards := buf[:0]
	base := deck.Card{Deck: n.deck, Type: n.kind, Front: n.front, Back: n.back, Tags: n.tags, Line: n.line}
	switch n.kind {
	case deck.Cloze:
		nums := deck.ClozeNumbers(n.front)
		if len(nums) == 0 {
			s.res.fail(n.line, "cloze text has no deletion {{c1::…}}")
			return
		}
		for _, k := range nums {
			c := base
			c.Ord = k
			cards = append(cards, c)
		}
	case deck.Reversed:
		for k := 1; k <= 2; k++ {
			c := base
			c.Ord = k
			cards = append(cards, c)
		}
	default:
		cards = append(cards, base)
	}
	for i := range cards {
		c := &cards[i]
		key := n.guid
		if key == "" {
			key = n.id
		}
		switch {
		case key != "" && c.Ord > 1:
			c.ID = AnkiCardID(key, c.Ord-1)
		case key != "":
			c.ID = AnkiCardID(key, 0)
		default:
			c.AssignID()
		}
	}
	if prev, dup := s.seen[cards[0].ID]; dup {
		if n.guid != "" || n.id != "" {
			s.res.skipDuplicate(n.line, "lines %d and %d have the same id", prev, n.line)
		} else {
			s.res.skipDuplicate(n.line, "lines %d and %d have the same deck and front", prev, n.line)
		}
		return
	}
	for k, c := range cards {
		s.seen[c.ID] = n.line
		if k < len(n.sr) && n.sr[k] != nil {
			if s.res.Start == nil {
				s.res.Start = map[string]SM2State{}
			}
			s.res.Start[c.ID] = *n.sr[k]
		}
	}
	s.cards = append(s.cards, cards...)
}

// splitTags reads a tags cell: comma-separated when it has commas, else
// space-separated (U+3000 too, as Anki does).
func splitTags(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var parts []string
	if strings.Contains(s, ",") {
		parts = strings.Split(s, ",")
	} else {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\n' })
	}
	var tags []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			tags = append(tags, p)
		}
	}
	return tags
}

// kindFromName maps an Anki note type (or a type column) name to a card type;
// ok is false when the name says nothing.
func kindFromName(name string) (deck.Type, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case n == "":
		return "", false
	case deck.Type(n).Valid():
		return deck.Type(n), true
	case strings.Contains(n, "cloze"):
		return deck.Cloze, true
	case strings.Contains(n, "optional reverse"):
		return "optional-reversed", true
	case strings.Contains(n, "reverse"):
		return deck.Reversed, true
	case strings.Contains(n, "type in") || strings.Contains(n, "typed"):
		return deck.Typed, true
	case strings.Contains(n, "basic"):
		return deck.Basic, true
	}
	return "", false
}

// guessKind is the card type of a row whose note type says nothing: a cloze
// when the text has cloze deletions.
func guessKind(front string) deck.Type {
	if strings.Contains(front, "{{c") && len(deck.ClozeNumbers(front)) > 0 {
		return deck.Cloze
	}
	return deck.Basic
}
