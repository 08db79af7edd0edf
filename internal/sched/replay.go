package sched

import "time"

// Event is one entry of a card's review log for Replay. Rating 0 marks a
// reset: everything before it is forgotten.
type Event struct {
	Time   time.Time
	Rating Rating
}

// Replay rebuilds a card from its log, events in time order. Each answer
// uses the fuzz value FuzzSeed(cardID, reps) with reps the review count
// before it, so a card answered with Next and that fuzz value is reproduced
// exactly. Events with a rating other than 0–4 are skipped.
func (s *Scheduler) Replay(cardID string, events []Event) Card {
	var c Card
	for _, e := range events {
		c = s.replayStep(cardID, c, e)
	}
	return c
}

// States replays events like Replay and returns the card's state after each
// event, for callers that log every step (history imports).
func (s *Scheduler) States(cardID string, events []Event) []Card {
	out := make([]Card, len(events))
	var c Card
	for i, e := range events {
		c = s.replayStep(cardID, c, e)
		out[i] = c
	}
	return out
}

func (s *Scheduler) replayStep(cardID string, c Card, e Event) Card {
	switch {
	case e.Rating == 0:
		return Card{}
	case e.Rating.Valid():
		return s.Next(c, e.Rating, e.Time, FuzzSeed(cardID, c.Reps))
	}
	return c
}
