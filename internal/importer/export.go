package importer

import (
	"strings"

	"recall/internal/deck"
)

// exportNote is one Anki note made of recall cards: a reversed pair or the
// deletions of one cloze text share a note; other cards have one each.
type exportNote struct {
	kind        deck.Type // Basic, Reversed, Cloze or Typed
	deck        string
	front, back string
	tags        []string
	cards       []deck.Card
	ords        []int // Anki ordinal of each card
	// guid is the note's GUID for an .apkg; tsvGUID the one written to a
	// text export, empty when the reader can derive every card's ID itself.
	guid, tsvGUID string
}

// ankiOrd is the Anki template or cloze ordinal of a recall card.
func ankiOrd(c deck.Card) int {
	switch c.Type {
	case deck.Cloze:
		return max(c.Ord-1, 0)
	case deck.Reversed:
		if c.Ord == 2 {
			return 1
		}
	}
	return 0
}

// groupNotes turns cards into Anki notes, in order of first appearance, and
// picks GUIDs that give the cards their IDs back when read again:
//   - cards whose IDs are GUID, GUID/2, … (as read from Anki) keep that GUID;
//   - otherwise the note takes the ID of its ordinal-0 card, which AnkiCardID
//     turns back into that ID even after a trip through Anki;
//   - a GUID already taken falls back to a hash of the note's key.
func groupNotes(cards []deck.Card) []*exportNote {
	var notes []*exportNote
	index := map[string]*exportNote{}
	for _, c := range cards {
		kind := c.Type
		if kind == deck.Choice || !kind.Valid() {
			kind = deck.Basic
		}
		key := "card\x00" + c.ID
		if kind == deck.Cloze || kind == deck.Reversed {
			key = "note\x00" + c.NoteKey()
		}
		n := index[key]
		if n == nil {
			n = &exportNote{kind: kind, deck: c.Deck, front: c.Front, back: c.Back, tags: c.Tags}
			index[key] = n
			notes = append(notes, n)
		}
		n.cards = append(n.cards, c)
		n.ords = append(n.ords, ankiOrd(c))
	}
	used := map[string]bool{}
	for _, n := range notes {
		guid := n.patternGUID()
		if guid == "" {
			for i, c := range n.cards {
				if n.ords[i] == 0 && safeGUID(c.ID) {
					guid = c.ID
				}
			}
		}
		if guid == "" || used[guid] {
			guid = keyID("recall-note", n.cards[0].NoteKey()+"\x00"+n.cards[0].ID, 0)
			for used[guid] {
				guid = keyID("recall-note", guid, 1)
			}
		}
		used[guid] = true
		n.guid = guid
		n.tsvGUID = guid
		if n.patternGUID() != guid && n.allDerived() && len(n.cards) > 1 {
			n.tsvGUID = ""
		}
	}
	return notes
}

// patternGUID is the GUID whose AnkiCardID gives every card its ID, or "".
func (n *exportNote) patternGUID() string {
	guid := ""
	for i, c := range n.cards {
		g, ord := splitAnkiCardID(c.ID)
		if ord != n.ords[i] || (guid != "" && g != guid) || !safeGUID(g) {
			return ""
		}
		guid = g
	}
	return guid
}

// allDerived reports cards whose IDs deck.Card.AssignID would give anyway.
func (n *exportNote) allDerived() bool {
	for _, c := range n.cards {
		if c.ID != derivedID(c) {
			return false
		}
	}
	return true
}

// ankiTags writes tags as Anki keeps them: space-separated, so spaces inside
// a tag become underscores.
func ankiTags(tags []string) string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), "_")
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

// stockNotetypeName is the English name of Anki's stock note type of a kind.
func stockNotetypeName(kind deck.Type) string {
	switch kind {
	case deck.Cloze:
		return "Cloze"
	case deck.Reversed:
		return "Basic (and reversed card)"
	case deck.Typed:
		return "Basic (type in the answer)"
	}
	return "Basic"
}
