package cli

import (
	"time"

	"recall/internal/deck"
	"recall/internal/store"
)

// cardJSON is the card shape every --json output uses.
type cardJSON struct {
	ID         string      `json:"id"`
	Deck       string      `json:"deck"`
	Type       string      `json:"type"`
	Front      string      `json:"front"`
	Back       string      `json:"back"`
	Tags       []string    `json:"tags"`
	State      string      `json:"state"`
	Due        *time.Time  `json:"due"`
	Stability  float64     `json:"stability"`
	Difficulty float64     `json:"difficulty"`
	Reps       int         `json:"reps"`
	Lapses     int         `json:"lapses"`
	Suspended  bool        `json:"suspended"`
	Source     *sourceJSON `json:"source"`
}

type sourceJSON struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Hash  string `json:"hash"`
	Text  string `json:"text,omitempty"`
}

func toCardJSON(c *store.Card) cardJSON {
	j := cardJSON{
		ID: c.ID, Deck: c.Deck, Type: string(c.Type), Front: c.Prompt(), Back: c.Answer(),
		Tags: c.Tags, State: c.Sched.State.String(), Stability: c.Sched.Stability,
		Difficulty: c.Sched.Difficulty, Reps: c.Sched.Reps, Lapses: c.Sched.Lapses, Suspended: c.Suspended,
	}
	if j.Tags == nil {
		j.Tags = []string{}
	}
	if !c.Sched.Due.IsZero() {
		d := c.Available()
		j.Due = &d
	}
	j.Source = toSourceJSON(c.Source)
	return j
}

func toSourceJSON(s *deck.Source) *sourceJSON {
	if s == nil {
		return nil
	}
	return &sourceJSON{File: s.File, Start: s.Start, End: s.End, Hash: s.Hash, Text: s.Text}
}
