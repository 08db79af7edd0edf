package review

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"recall/internal/deck"
	"recall/internal/store"
	"recall/internal/term"
)

// edit writes the card's note as a small deck file, runs the editor on it
// and reads it back. The file carries explicit id: lines, so the cards keep
// their IDs, and with them their history, whatever the edit does to the
// text. When the editor fails or the text does not parse, the card stays as
// it was (a text that does not parse is kept for the user to copy).
func (s *Session) edit(t *turn) (step, error) {
	if s.Editor == nil {
		s.say("No editor is set up; set $EDITOR (or $VISUAL) to edit cards during a review.")
		return stepStay, nil
	}
	note, err := s.noteCards(t.card)
	if err != nil {
		return 0, err
	}
	cards := make([]deck.Card, len(note))
	for i, c := range note {
		cards[i] = c.Card
	}
	var buf bytes.Buffer
	// A deck without a name makes Write give every card an explicit id:
	// line; the deck name is the stored one whatever the file says.
	if err := deck.Write(&buf, deck.Deck{Cards: cards}); err != nil {
		s.say("This card cannot be edited here: %v", err)
		return stepStay, nil
	}
	f, err := os.CreateTemp(s.TempDir, "recall-card-*.md")
	if err != nil {
		return 0, fmt.Errorf("edit: %w", err)
	}
	path := f.Name()
	_, werr := f.Write(buf.Bytes())
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(path)
		return 0, fmt.Errorf("edit: write %s: %w", path, werr)
	}
	keep := false
	defer func() {
		if !keep {
			os.Remove(path)
		}
	}()
	if err := s.Editor(path); err != nil {
		s.ack = s.p.warn(fmt.Sprintf("The editor failed (%v); the card is unchanged.", err))
		return stepRedraw, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("edit: read %s: %w", path, err)
	}
	if bytes.Equal(data, buf.Bytes()) {
		s.ack = s.p.dim("No changes.")
		return stepRedraw, nil
	}
	d, err := deck.Parse(path, bytes.NewReader(data))
	if err != nil {
		keep = true
		s.ack = s.p.warn(fmt.Sprintf("Could not read the edited card, so it is unchanged: %s. Your text is kept in %s.",
			oneLine(err.Error()), path))
		return stepRedraw, nil
	}
	edited, extra := matchEdited(note, d.Cards, t.card.ID)
	if edited[t.card.ID] == nil {
		keep = true
		s.ack = s.p.warn(fmt.Sprintf("The edited text has no card with id %s any more, so the card is unchanged. Your text is kept in %s.",
			t.card.ID, path))
		return stepRedraw, nil
	}
	changed := 0
	for _, old := range note {
		nc := edited[old.ID]
		if nc == nil || sameCard(&old.Card, nc) {
			continue
		}
		saved, err := s.Engine.Store.Update(old.ID, s.Now(), func(c *store.Card) error {
			id, deckName := c.ID, c.Deck
			c.Card = *nc
			c.ID, c.Deck, c.Line = id, deckName, 0
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("save the edited card %s: %w", old.ID, err)
		}
		changed++
		s.replace(saved)
		if saved.ID == t.card.ID {
			t.card = saved
		}
	}
	s.sum.Edited += changed
	msg := "Saved the edit."
	if changed > 0 && t.card.File != "" {
		// The deck file still has the old text; importing it again would
		// put that back.
		msg += " Change " + oneLine(filepath.Base(t.card.File)) + " too, or a re-import brings the old text back."
	}
	if changed == 0 {
		msg = "No changes."
	}
	if extra > 0 {
		msg += fmt.Sprintf(" %s in the edited text %s not added; put new cards in a deck file and import it.",
			term.Plural(extra, "new card"), map[bool]string{true: "was", false: "were"}[extra == 1])
	}
	s.ack = s.p.dim(msg)
	return stepRedraw, nil
}

// matchEdited pairs the parsed cards with the note's by ID. A note of one
// card whose id: line was deleted still matches its single parsed card.
func matchEdited(note []*store.Card, parsed []deck.Card, id string) (map[string]*deck.Card, int) {
	out := map[string]*deck.Card{}
	known := map[string]bool{}
	for _, c := range note {
		known[c.ID] = true
	}
	extra := 0
	for i := range parsed {
		if known[parsed[i].ID] {
			out[parsed[i].ID] = &parsed[i]
		} else {
			extra++
		}
	}
	if len(note) == 1 && len(parsed) == 1 && out[id] == nil {
		out[id] = &parsed[0]
		extra = 0
	}
	return out, extra
}

func sameCard(a, b *deck.Card) bool {
	src := func(s *deck.Source) deck.Source {
		if s == nil {
			return deck.Source{}
		}
		return *s
	}
	return a.Type == b.Type && a.Front == b.Front && a.Back == b.Back && a.Ord == b.Ord &&
		slices.Equal(a.Wrong, b.Wrong) && slices.Equal(a.Accept, b.Accept) && slices.Equal(a.Tags, b.Tags) &&
		src(a.Source) == src(b.Source)
}

// noteCards returns the cards of c's note (c alone unless it is a cloze or
// reversed card), since a deck file holds a note whole. The derived IDs of
// the siblings are tried first; a sibling with another ID is found by a
// scan of the collection.
func (s *Session) noteCards(c *store.Card) ([]*store.Card, error) {
	var ords []int
	switch c.Type {
	case deck.Cloze:
		ords = deck.ClozeNumbers(c.Front)
	case deck.Reversed:
		ords = []int{1, 2}
	default:
		return []*store.Card{c}, nil
	}
	key := c.NoteKey()
	var out []*store.Card
	for _, ord := range ords {
		if ord == c.Ord {
			out = append(out, c)
			continue
		}
		probe := deck.Card{Deck: c.Deck, Type: c.Type, Front: c.Front, Ord: ord}
		probe.AssignID()
		sib, err := s.Engine.Store.Card(probe.ID)
		if errors.Is(err, store.ErrNotFound) || err == nil && sib.NoteKey() != key {
			return s.scanNote(c)
		}
		if err != nil {
			return nil, fmt.Errorf("edit: %w", err)
		}
		out = append(out, sib)
	}
	return out, nil
}

func (s *Session) scanNote(c *store.Card) ([]*store.Card, error) {
	key := c.NoteKey()
	var out []*store.Card
	err := s.Engine.Store.EachCard(func(o *store.Card) error {
		if o.ID == c.ID {
			out = append(out, c)
		} else if o.Deck == c.Deck && o.Type == c.Type && o.NoteKey() == key {
			out = append(out, o)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("edit: find the other cards of the note: %w", err)
	}
	return out, nil
}
