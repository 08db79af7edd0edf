package review

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

// actionKind is what u can take back.
type actionKind int

const (
	actAnswer actionKind = iota
	actSuspend
	actBury
)

// action is one step of the session that u can take back.
type action struct {
	kind   actionKind
	card   *store.Card // the card as it was before
	rating sched.Rating
	leech  bool
	// siblings were buried because of this answer.
	siblings []buried
}

// buried is a card buried by the session with what it had before.
type buried struct {
	card  *store.Card
	until time.Time
}

// command runs a key that is not a grade.
func (s *Session) command(k rune, t *turn) (step, error) {
	switch k {
	case 'q':
		return stepDone, errQuit
	case '?':
		s.help()
	case 'o':
		if t.at.IsZero() && t.card.Source != nil {
			// The passage holds the answer: it waits until the reveal.
			s.say("The passage holds the answer, so it shows once the card is answered.")
			break
		}
		s.source(t.card)
	case 'e':
		return s.edit(t)
	case 's':
		return s.suspend(t)
	case 'b':
		return s.bury(t)
	case 'u':
		return s.undo(t)
	}
	return stepStay, nil
}

// helpText is the key map; every line fits in 40 columns.
const helpText = `Keys
  space   show the answer
  enter   the same; after it, grade
          Good (or as suggested)
  1-4     Again, Hard, Good, Easy
  u       undo last answer (repeatable)
  s       suspend this card
  b       bury this card until tomorrow
  e       edit this card in $EDITOR
  o       show the passage it came from
  ?       this help
  q       quit; every answer is saved
  Ctrl-C  quit too`

func (s *Session) help() { s.print(helpText) }

// source shows the passage a generated card was made from.
func (s *Session) source(c *store.Card) {
	src := c.Source
	if src == nil {
		s.say("This card has no source passage (only cards made by `recall generate` have one).")
		return
	}
	where := oneLine(src.File)
	if src.Start > 0 {
		where += fmt.Sprintf(", lines %d-%d", src.Start, src.End)
	}
	s.print(s.p.bold("Source: ") + where)
	if txt := clean(src.Text); txt != "" {
		s.print(txt)
	} else {
		s.print(s.p.dim("(the passage itself was not kept)"))
	}
}

// suspend takes the card out of reviews until it is unsuspended.
func (s *Session) suspend(t *turn) (step, error) {
	before := t.card
	c, err := s.Engine.Store.Update(before.ID, s.Now(), func(c *store.Card) error {
		c.Suspended = true
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("suspend card %s: %w", before.ID, err)
	}
	s.history = append(s.history, action{kind: actSuspend, card: before})
	s.sum.Suspended++
	s.ack = s.p.dim(fmt.Sprintf("Suspended %s; `recall card unsuspend %s` brings it back (or u now).", c.ID, c.ID))
	return stepDone, nil
}

// bury hides the card until the next day starts.
func (s *Session) bury(t *turn) (step, error) {
	before := t.card
	_, err := s.Engine.Store.Update(before.ID, s.Now(), func(c *store.Card) error {
		c.BuriedUntil = s.dayEnd
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bury card %s: %w", before.ID, err)
	}
	s.history = append(s.history, action{kind: actBury, card: before})
	s.sum.Buried++
	s.ack = s.p.dim("Buried until tomorrow.")
	return stepDone, nil
}

// burySiblings buries the other cards of c's note that are still in
// today's session, when the deck's bury_siblings setting is on.
func (s *Session) burySiblings(c *store.Card, now time.Time) ([]buried, error) {
	if !s.Engine.Config.Bool("bury_siblings", s.Engine.Deck(c.Deck)) {
		return nil, nil
	}
	key := c.NoteKey()
	var sibs []*store.Card
	for _, q := range [][]*store.Card{s.first, s.pending, s.later} {
		for _, o := range q {
			if o.ID != c.ID && o.NoteKey() == key && !slices.Contains(sibs, o) {
				sibs = append(sibs, o)
			}
		}
	}
	var out []buried
	for _, o := range sibs {
		_, err := s.Engine.Store.Update(o.ID, now, func(x *store.Card) error {
			x.BuriedUntil = s.dayEnd
			return nil
		})
		if err != nil {
			return out, fmt.Errorf("bury sibling %s: %w", o.ID, err)
		}
		s.drop(o.ID)
		out = append(out, buried{card: o, until: o.BuriedUntil})
	}
	return out, nil
}

// undo takes back the session's last answer, suspension or burial. The
// card it concerned is shown next, before the one on screen.
func (s *Session) undo(t *turn) (step, error) {
	if len(s.history) == 0 {
		s.say("Nothing to undo in this session.")
		return stepStay, nil
	}
	a := s.history[len(s.history)-1]
	s.history = s.history[:len(s.history)-1]
	now := s.Now()
	var back *store.Card
	var err error
	switch a.kind {
	case actAnswer:
		back, _, err = s.Engine.Store.Undo()
		if errors.Is(err, store.ErrNothingToUndo) {
			err = fmt.Errorf("the collection has no answer left to take back")
		}
		if err != nil {
			return 0, fmt.Errorf("undo: %w", err)
		}
		s.sum.Reviewed--
		s.sum.Ratings[a.rating]--
		if a.leech {
			s.sum.Leeches = slices.DeleteFunc(s.sum.Leeches, func(id string) bool { return id == back.ID })
		}
		var restored []*store.Card
		for _, b := range a.siblings {
			c, err := s.Engine.Store.Update(b.card.ID, now, func(c *store.Card) error {
				c.BuriedUntil = b.until
				return nil
			})
			if err != nil {
				return 0, fmt.Errorf("undo: unbury sibling %s: %w", b.card.ID, err)
			}
			restored = append(restored, c)
		}
		s.pending = append(restored, s.pending...)
		s.ack = s.p.dim(fmt.Sprintf("↶ Took back %s; here is the card again.", ratingNames[a.rating]))
	case actSuspend, actBury:
		back, err = s.Engine.Store.Update(a.card.ID, now, func(c *store.Card) error {
			c.Suspended, c.BuriedUntil = a.card.Suspended, a.card.BuriedUntil
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("undo: %w", err)
		}
		what := "suspension"
		if a.kind == actSuspend {
			s.sum.Suspended--
		} else {
			what = "burial"
			s.sum.Buried--
		}
		s.ack = s.p.dim(fmt.Sprintf("↶ Took back the %s; here is the card again.", what))
	}
	s.drop(back.ID)
	if t.card.ID != back.ID {
		s.requeue(t.card, now)
	}
	s.first = append([]*store.Card{back}, s.first...)
	return stepDone, nil
}
