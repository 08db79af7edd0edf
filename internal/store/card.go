package store

import (
	"time"

	"recall/internal/deck"
	"recall/internal/sched"
)

// Card is a card as the collection keeps it: its content, its memory state
// and the flags the user set.
type Card struct {
	deck.Card
	Sched       sched.Card
	Suspended   bool
	BuriedUntil time.Time // zero unless buried
	Num         uint64    // internal number: the new-card order and the review log's reference
	Added       time.Time
	Modified    time.Time
	// File is the file the card was last imported from ("" for cards of
	// older collections), so a re-import of that file tells which of its
	// cards it no longer has.
	File string
}

// Available is when the card may next be shown: its due time, or later
// while it is buried.
func (c *Card) Available() time.Time {
	if c.BuriedUntil.After(c.Sched.Due) {
		return c.BuriedUntil
	}
	return c.Sched.Due
}

const cardVersion = 1

func encodeCard(c *Card) []byte {
	e := enc{b: make([]byte, 0, 96+len(c.Front)+len(c.Back))}
	e.byte(cardVersion)
	e.u(c.Num)
	e.s(c.Deck)
	e.s(string(c.Type))
	e.s(c.Front)
	e.s(c.Back)
	e.u(uint64(c.Ord))
	e.strs(c.Wrong)
	e.strs(c.Accept)
	e.strs(c.Tags)
	if c.Source != nil {
		e.byte(1)
		e.s(c.Source.File)
		e.u(uint64(c.Source.Start))
		e.u(uint64(c.Source.End))
		e.s(c.Source.Hash)
		e.s(c.Source.Text)
	} else {
		e.byte(0)
	}
	sc := &c.Sched
	e.byte(byte(sc.State))
	e.u(uint64(sc.Step))
	e.f(sc.Stability)
	e.f(sc.Difficulty)
	e.f(sc.Ease)
	e.t(sc.Due)
	e.t(sc.LastReview)
	e.u(uint64(sc.Interval))
	e.u(uint64(sc.Reps))
	e.u(uint64(sc.Lapses))
	e.bool(c.Suspended)
	e.t(c.BuriedUntil)
	e.t(c.Added)
	e.t(c.Modified)
	// Fields added after version 1 go at the end: a version-1 reader
	// ignores them, and a missing one reads as empty.
	e.s(c.File)
	return e.b
}

func decodeCard(id string, b []byte) (*Card, error) {
	d := dec{b: b}
	if err := d.version(cardVersion, "card"); err != nil {
		return nil, err
	}
	c := &Card{}
	c.ID = id
	c.Num = d.u()
	c.Deck = d.s()
	c.Type = deck.Type(d.s())
	c.Front = d.s()
	c.Back = d.s()
	c.Ord = int(d.u())
	c.Wrong = d.strs()
	c.Accept = d.strs()
	c.Tags = d.strs()
	if d.byte() == 1 {
		c.Source = &deck.Source{File: d.s(), Start: int(d.u()), End: int(d.u()), Hash: d.s(), Text: d.s()}
	}
	sc := &c.Sched
	sc.State = sched.State(d.byte())
	sc.Step = int(d.u())
	sc.Stability = d.f()
	sc.Difficulty = d.f()
	sc.Ease = d.f()
	sc.Due = d.t()
	sc.LastReview = d.t()
	sc.Interval = int(d.u())
	sc.Reps = int(d.u())
	sc.Lapses = int(d.u())
	c.Suspended = d.bool()
	c.BuriedUntil = d.t()
	c.Added = d.t()
	c.Modified = d.t()
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) > 0 {
		c.File = d.s()
	}
	return c, d.err
}

// Review is one entry of the review log. Rating 0 marks a reset: the card's
// history before it no longer counts.
type Review struct {
	Seq      uint64
	CardNum  uint64
	Time     time.Time
	Rating   sched.Rating
	Before   sched.State // state before the answer
	Elapsed  int         // whole days since the previous review
	Duration time.Duration
	Interval int // days scheduled by this answer (0 for a learning step)
}

const reviewVersion = 1

func encodeReview(r *Review) []byte {
	e := enc{b: make([]byte, 0, 24)}
	e.byte(reviewVersion)
	e.u(r.CardNum)
	e.t(r.Time)
	e.byte(byte(r.Rating)<<4 | byte(r.Before))
	e.u(uint64(r.Elapsed))
	e.u(uint64(r.Duration / time.Millisecond))
	e.u(uint64(r.Interval))
	return e.b
}

func decodeReview(seq uint64, b []byte) (Review, error) {
	d := dec{b: b}
	if err := d.version(reviewVersion, "review"); err != nil {
		return Review{}, err
	}
	r := Review{Seq: seq, CardNum: d.u(), Time: d.t()}
	rs := d.byte()
	r.Rating, r.Before = sched.Rating(rs>>4), sched.State(rs&0x0f)
	r.Elapsed = int(d.u())
	r.Duration = time.Duration(d.u()) * time.Millisecond
	r.Interval = int(d.u())
	return r, d.err
}
