package stats

import (
	"testing"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

func TestCountsAddByStateWithSuspendedApartAndDueNow(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	card := func(st sched.State, due time.Time, suspended bool) *store.Card {
		c := &store.Card{Suspended: suspended}
		c.Sched.State, c.Sched.Due = st, due
		return c
	}
	var k Counts
	for _, c := range []*store.Card{
		card(sched.New, time.Time{}, false),
		card(sched.Learning, now.Add(-time.Minute), false), // due
		card(sched.Relearning, now.Add(time.Hour), false),  // later
		card(sched.Review, now.Add(-time.Hour), false),     // due
		card(sched.Review, now.Add(48*time.Hour), false),
		card(sched.Review, now.Add(-time.Hour), true), // suspended: not due
	} {
		k.Add(c, now)
	}
	want := Counts{Cards: 6, New: 1, Learning: 2, Review: 2, Suspended: 1, Due: 2}
	if k != want {
		t.Fatalf("counts %+v, want %+v", k, want)
	}
}
