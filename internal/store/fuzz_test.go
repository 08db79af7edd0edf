package store

import (
	"testing"
	"time"

	"recall/internal/deck"
	"recall/internal/sched"
)

// FuzzDecodeRecords feeds damaged bytes to every record decoder: each must
// return an error or a value, never panic, since a damaged file must end in
// a clear message.
func FuzzDecodeRecords(f *testing.F) {
	c := &Card{Card: deck.Card{ID: "x", Deck: "D", Type: deck.Basic, Front: "f", Back: "b", Tags: []string{"t"},
		Source: &deck.Source{File: "a.md", Start: 1, End: 2, Hash: "h", Text: "p"}},
		Sched: sched.Card{State: sched.Review, Due: t0, LastReview: t0, Stability: 2}, Num: 7, Added: t0}
	f.Add(encodeCard(c))
	f.Add(encodeReview(&Review{CardNum: 7, Time: t0, Rating: sched.Good, Duration: time.Second, Interval: 3}))
	f.Add(indexValue(c))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeCard("x", b)
		decodeReview(1, b)
		decodeEntry(append(be64(1), 'x'), b, false)
		decodeEntry(append(be64(1), 'x'), b, true)
		reviewMillis(b)
		decodeDay(b)
	})
}
