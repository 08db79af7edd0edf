package sched

import (
	"testing"
	"time"
)

func TestStatesEqualReplayOfEachPrefix(t *testing.T) {
	s, err := NewScheduler(DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var events []Event
	for i, r := range []Rating{Good, Good, Again, 0, Hard, Good, Easy, Again, Good} {
		events = append(events, Event{Time: at.Add(time.Duration(i) * 36 * time.Hour), Rating: r})
	}
	states := s.States("card-1", events)
	for i := range events {
		if want := s.Replay("card-1", events[:i+1]); states[i] != want {
			t.Fatalf("state %d = %+v, Replay of the prefix = %+v", i, states[i], want)
		}
	}
	if states[3] != (Card{}) {
		t.Errorf("a reset event left %+v", states[3])
	}
}
