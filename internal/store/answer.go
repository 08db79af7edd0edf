package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/sched"
)

// undoDepth is how many answers `recall undo` can take back.
const undoDepth = 500

// AnswerInput describes one answer.
type AnswerInput struct {
	CardID   string
	Time     time.Time
	Rating   sched.Rating
	Duration time.Duration
	// Day is the scheduling day of Time (for daily limits); DayOf maps any
	// time to its day, to count elapsed days since the last review.
	Day   int
	DayOf func(time.Time) int
}

// Answer records one answer in a single write transaction: next computes
// the card's new state from the stored one (it must not block or prompt),
// then the card, its due index entry, the review log, the undo history and
// the daily counters are written together.
func (s *Store) Answer(in AnswerInput, next func(c *Card) error) (*Card, Review, error) {
	var out *Card
	var rev Review
	err := s.update(func(tx *bolt.Tx) error {
		old, err := resolveCard(tx, in.CardID)
		if err != nil {
			return err
		}
		c := *old
		if err := next(&c); err != nil {
			return err
		}
		c.BuriedUntil = time.Time{}
		rev = Review{CardNum: c.Num, Time: in.Time, Rating: in.Rating, Before: old.Sched.State,
			Duration: in.Duration, Interval: c.Sched.Interval}
		if !old.Sched.LastReview.IsZero() && in.DayOf != nil {
			rev.Elapsed = max(0, in.DayOf(in.Time)-in.DayOf(old.Sched.LastReview))
		}
		if err := appendReview(tx, &rev); err != nil {
			return err
		}
		if err := pushUndo(tx, rev.Seq, in.Day, old); err != nil {
			return err
		}
		if err := countDay(tx, in.Day, c.Deck, old.Sched.State, 1); err != nil {
			return err
		}
		out = &c
		return putCard(tx, old, &c)
	})
	return out, rev, err
}

func appendReview(tx *bolt.Tx, r *Review) error {
	b := tx.Bucket(bucketReviews)
	// The log only grows at its end, so full pages waste nothing.
	b.FillPercent = 1.0
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	r.Seq = seq
	return b.Put(be64(seq), encodeReview(r))
}

const undoVersion = 1

// decodeUndo reads an undo entry: the day of the answer and the card as it
// was before it.
func decodeUndo(k, v []byte) (day int, before *Card, err error) {
	d := dec{b: v}
	if err := d.version(undoVersion, "undo"); err != nil {
		return 0, nil, damaged("undo", k, err)
	}
	id, day, snap := d.s(), int(d.i()), d.s()
	if d.err != nil {
		return 0, nil, damaged("undo", k, d.err)
	}
	if before, err = decodeCard(id, []byte(snap)); err != nil {
		return 0, nil, damaged("undo", k, err)
	}
	return day, before, nil
}

// NotesAnswered returns the notes (by the Note hash of index entries) of
// the cards answered on day and not taken back. It reads the undo list
// from its newest end, so only that day's answers, and none older than the
// undo depth.
func (s *Store) NotesAnswered(day int) (map[uint64]bool, error) {
	notes := map[uint64]bool{}
	err := s.view(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketUndo).Cursor()
		for k, v := cur.Last(); k != nil; k, v = cur.Prev() {
			answered, c, err := decodeUndo(k, v)
			if err != nil {
				return err
			}
			if answered < day {
				return nil
			}
			if answered == day {
				notes[noteHash(c)] = true
			}
		}
		return nil
	})
	return notes, err
}

func pushUndo(tx *bolt.Tx, seq uint64, day int, before *Card) error {
	b := tx.Bucket(bucketUndo)
	e := enc{}
	e.byte(undoVersion)
	e.s(before.ID)
	e.i(int64(day))
	e.s(string(encodeCard(before)))
	if err := b.Put(be64(seq), e.b); err != nil {
		return err
	}
	// Keep the newest undoDepth snapshots. They are counted, not told by
	// their sequence numbers: the review log's sequence also moves on for
	// imported history and resets, which are no answers to take back.
	cur := b.Cursor()
	n := 0
	var old [][]byte
	for k, _ := cur.Last(); k != nil; k, _ = cur.Prev() {
		if n++; n > undoDepth {
			old = append(old, k)
		}
	}
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// Undo takes back the most recent answer: the card returns to its state
// before it, and the answer leaves the review log and the daily counts.
func (s *Store) Undo() (*Card, Review, error) {
	var out *Card
	var rev Review
	err := s.update(func(tx *bolt.Tx) error {
		ub := tx.Bucket(bucketUndo)
		k, v := ub.Cursor().Last()
		if k == nil {
			return ErrNothingToUndo
		}
		seq := beUint(k)
		day, before, err := decodeUndo(k, v)
		if err != nil {
			return err
		}
		id := before.ID
		rb := tx.Bucket(bucketReviews)
		// Only a reset can follow the card's own answer in the log (later
		// answers are undone first); undoing under it would leave the card
		// and its log disagreeing.
		cur := rb.Cursor()
		for lk, lv := cur.Seek(be64(seq + 1)); lk != nil; lk, lv = cur.Next() {
			if later, err := decodeReview(beUint(lk), lv); err == nil && later.CardNum == before.Num {
				return fmt.Errorf("card %s was reset after its last answer; that answer can no longer be taken back", id)
			}
		}
		if rv := rb.Get(k); rv != nil {
			if rev, err = decodeReview(seq, rv); err != nil {
				return damaged("review", k, err)
			}
			if err := rb.Delete(k); err != nil {
				return err
			}
		}
		if err := ub.Delete(k); err != nil {
			return err
		}
		if err := countDay(tx, day, before.Deck, before.Sched.State, -1); err != nil {
			return err
		}
		card, err := getCard(tx, id)
		if errors.Is(err, ErrNotFound) {
			// The card may have been renamed by an edit since (same number).
			card, err = cardByNum(tx, before.Num)
		}
		if err != nil {
			// The card was deleted since; its answer is gone from the log.
			out = before
			return nil
		}
		// Content edits made after the answer stay; only the schedule and
		// flags go back.
		restored := *card
		restored.Sched, restored.Suspended, restored.BuriedUntil = before.Sched, before.Suspended, before.BuriedUntil
		restored.Tags = before.Tags
		out = &restored
		return putCard(tx, card, &restored)
	})
	return out, rev, err
}

// DayCount is what was answered on one day in one deck.
type DayCount struct {
	New, Learning, Review int
}

func dayKey(day int, deckName string) []byte {
	k := make([]byte, 4, 4+len(deckName))
	binary.BigEndian.PutUint32(k, uint32(int32(day))^0x80000000)
	return append(k, deckName...)
}

func countDay(tx *bolt.Tx, day int, deckName string, before sched.State, delta int) error {
	b := tx.Bucket(bucketDays)
	k := dayKey(day, deckName)
	dc := decodeDay(b.Get(k))
	switch before {
	case sched.New:
		dc.New = max(0, dc.New+delta)
	case sched.Review:
		dc.Review = max(0, dc.Review+delta)
	default:
		dc.Learning = max(0, dc.Learning+delta)
	}
	e := enc{}
	e.u(uint64(dc.New))
	e.u(uint64(dc.Learning))
	e.u(uint64(dc.Review))
	return b.Put(k, e.b)
}

func decodeDay(v []byte) DayCount {
	if v == nil {
		return DayCount{}
	}
	d := dec{b: v}
	return DayCount{New: int(d.u()), Learning: int(d.u()), Review: int(d.u())}
}

// DayCounts returns the answers counted on day, per deck.
func (s *Store) DayCounts(day int) (map[string]DayCount, error) {
	out := map[string]DayCount{}
	err := s.view(func(tx *bolt.Tx) error {
		prefix := dayKey(day, "")
		cur := tx.Bucket(bucketDays).Cursor()
		for k, v := cur.Seek(prefix); len(k) >= 4 && string(k[:4]) == string(prefix); k, v = cur.Next() {
			out[string(k[4:])] = decodeDay(v)
		}
		return nil
	})
	return out, err
}

// EachReview calls fn for every review log entry in order.
func (s *Store) EachReview(fn func(Review) error) error {
	return s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketReviews).ForEach(func(k, v []byte) error {
			r, err := decodeReview(beUint(k), v)
			if err != nil {
				return damaged("review", k, err)
			}
			return fn(r)
		})
	})
}

// ReviewsSince calls fn for log entries at or after t, newest first in log
// order, until fn returns false. Imported histories and answers given with
// the clock set back (--now) put older entries after newer ones, so the
// whole log is read rather than stopping at the first older entry.
func (s *Store) ReviewsSince(t time.Time, fn func(Review) bool) error {
	limit := t.UnixMilli()
	return s.view(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketReviews).Cursor()
		for k, v := cur.Last(); k != nil; k, v = cur.Prev() {
			if reviewMillis(v) < limit {
				continue // skip without decoding the rest of the record
			}
			r, err := decodeReview(beUint(k), v)
			if err != nil {
				return damaged("review", k, err)
			}
			if !fn(r) {
				return nil
			}
		}
		return nil
	})
}

// reviewMillis reads only the time of a review record; an unreadable one
// gives the largest time, so the caller decodes it and reports the damage.
func reviewMillis(v []byte) int64 {
	d := dec{b: v}
	if d.byte() > reviewVersion {
		return 1<<63 - 1
	}
	d.u()
	ms := d.i()
	if d.err != nil {
		return 1<<63 - 1
	}
	return ms
}

// CardReviews returns the log entries of one card in order.
func (s *Store) CardReviews(num uint64) ([]Review, error) {
	var out []Review
	err := s.EachReview(func(r Review) error {
		if r.CardNum == num {
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read review log: %w", err)
	}
	return out, nil
}

// cardByNum finds a card by its internal number (a scan; only for the rare
// undo of a card whose ID changed since).
func cardByNum(tx *bolt.Tx, num uint64) (*Card, error) {
	var found *Card
	err := tx.Bucket(bucketCards).ForEach(func(k, v []byte) error {
		if found != nil {
			return nil
		}
		c, err := decodeCard(string(k), v)
		if err == nil && c.Num == num {
			found = c
		}
		return nil
	})
	if err == nil && found == nil {
		err = notFound(fmt.Sprintf("no card number %d", num))
	}
	return found, err
}
