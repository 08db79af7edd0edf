// Package review runs the daily review: it builds today's queue within the
// daily limits, turns an answer into a new schedule and commits it, and
// drives the interactive session through a prompt.Prompter.
package review

import (
	"fmt"
	"slices"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

// LeechTag is added to a card that lapsed too often.
const LeechTag = "leech"

// FittedParamsKey names the optimizer's result in the store.
const FittedParamsKey = "fsrs"

// Fitted is the stored result of `recall optimize`.
type Fitted struct {
	Params []float64 `json:"params"`
	Time   time.Time `json:"time"`
	Items  int       `json:"items"`
}

// Engine answers cards with the right scheduler for each deck.
type Engine struct {
	Store  *store.Store
	Config Config
	decks  map[string]*store.DeckInfo
	scheds map[string]*sched.Scheduler
	fitted []float64
}

// NewEngine loads the settings, deck overrides and fitted parameters.
func NewEngine(st *store.Store) (*Engine, error) {
	cfg, err := LoadConfig(st)
	if err != nil {
		return nil, err
	}
	e := &Engine{Store: st, Config: cfg, decks: map[string]*store.DeckInfo{}, scheds: map[string]*sched.Scheduler{}}
	ds, err := st.Decks()
	if err != nil {
		return nil, fmt.Errorf("read decks: %w", err)
	}
	for i := range ds {
		e.decks[ds[i].Name] = &ds[i]
	}
	var f Fitted
	if ok, err := st.Params(FittedParamsKey, &f); err != nil {
		return nil, fmt.Errorf("read fitted parameters: %w", err)
	} else if ok {
		e.fitted = f.Params
	}
	return e, nil
}

// CheckDecks refuses deck names that match no deck (nor a parent of one),
// so that a typo does not look like a deck with nothing due.
func (e *Engine) CheckDecks(names []string) error {
	for _, n := range names {
		f := Filter{Decks: []string{n}}
		found := false
		for d := range e.decks {
			if f.MatchDeck(d) {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("no deck named %q; `recall decks` lists them", n)
		}
	}
	return nil
}

// Deck returns the deck record of name (nil when unknown).
func (e *Engine) Deck(name string) *store.DeckInfo { return e.decks[name] }

// Scheduler returns the scheduler for cards of the named deck.
func (e *Engine) Scheduler(deckName string) (*sched.Scheduler, error) {
	d := e.decks[deckName]
	key := ""
	if d != nil && len(d.Settings) > 0 {
		key = deckName
	}
	if s, ok := e.scheds[key]; ok {
		return s, nil
	}
	set, err := e.Config.Sched(d, e.fitted)
	if err != nil {
		return nil, fmt.Errorf("settings: %w; fix them with `recall config`", err)
	}
	s, err := sched.NewScheduler(set)
	if err != nil {
		return nil, fmt.Errorf("settings: %w; fix them with `recall config`", err)
	}
	e.scheds[key] = s
	return s, nil
}

// Settings returns the collection-wide scheduler settings.
func (e *Engine) Settings() sched.Settings {
	s, err := e.Scheduler("")
	if err != nil {
		return sched.DefaultSettings()
	}
	return s.Settings()
}

// Answered is what one answer did.
type Answered struct {
	Card   *store.Card
	Review store.Review
	Before sched.Card
	// Leech is set when this answer made the card a leech (it is then
	// tagged and suspended).
	Leech bool
}

// clockSlack is how far before the last answer a new one may be dated.
const clockSlack = time.Minute

// Answer grades a card at now and commits the result in one transaction.
func (e *Engine) Answer(id string, rating sched.Rating, now time.Time, took time.Duration) (*Answered, error) {
	if !rating.Valid() {
		return nil, fmt.Errorf("invalid rating %d: want 1-4", rating)
	}
	c, err := e.Store.Card(id)
	if err != nil {
		return nil, err
	}
	s, err := e.Scheduler(c.Deck)
	if err != nil {
		return nil, err
	}
	set := s.Settings()
	res := &Answered{}
	card, rev, err := e.Store.Answer(store.AnswerInput{
		CardID: c.ID, Time: now, Rating: rating, Duration: took,
		Day: set.Day(now), DayOf: set.Day,
	}, func(c *store.Card) error {
		// The log is replayed in order; an answer dated before the last
		// one would rewrite history. A minute of slack lets a clock that
		// steps back a little (a time sync) not stop a review.
		if last := c.Sched.LastReview; now.Before(last.Add(-clockSlack)) {
			return fmt.Errorf("card %s was last answered at %s; an answer cannot be dated before that (check --now)",
				c.ID, last.In(now.Location()).Format("2006-01-02 15:04"))
		}
		res.Before = c.Sched
		next := s.Next(c.Sched, rating, now, sched.FuzzSeed(c.ID, c.Sched.Reps))
		if rating == sched.Again && next.Lapses > c.Sched.Lapses && s.IsLeech(next.Lapses) {
			res.Leech = true
			c.Suspended = true
			if !slices.Contains(c.Tags, LeechTag) {
				c.Tags = append(slices.Clone(c.Tags), LeechTag)
			}
		}
		c.Sched = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Card, res.Review = card, rev
	return res, nil
}

// Preview returns the four possible outcomes of answering c now.
func (e *Engine) Preview(c *store.Card, now time.Time) ([4]sched.Card, error) {
	s, err := e.Scheduler(c.Deck)
	if err != nil {
		return [4]sched.Card{}, err
	}
	return s.Preview(c.Sched, now, sched.FuzzSeed(c.ID, c.Sched.Reps)), nil
}

// Retrievability of c at now (0 for a new card).
func (e *Engine) Retrievability(c *store.Card, now time.Time) float64 {
	s, err := e.Scheduler(c.Deck)
	if err != nil || c.Sched.State == sched.New {
		return 0
	}
	return s.Retrievability(c.Sched, now)
}

// Replay rebuilds every card's memory state from the review log with the
// current settings (after a change of scheduler or parameters).
func (e *Engine) Replay() (int, error) {
	return e.Store.Reschedule(func(c *store.Card, events []sched.Event) sched.Card {
		s, err := e.Scheduler(c.Deck)
		if err != nil {
			return c.Sched
		}
		return s.Replay(c.ID, events)
	})
}
