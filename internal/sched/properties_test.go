package sched

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"
)

// schedulerVariants are the scheduler configurations the property tests
// run under: every algorithm and mode, with fuzz on.
func schedulerVariants(t testing.TB) map[string]*Scheduler {
	base := DefaultSettings()
	base.Location = time.UTC
	long := base
	long.ShortTerm = false
	sm2 := base
	sm2.Algorithm = SM2
	noSteps := base
	noSteps.LearningSteps, noSteps.RelearningSteps = nil, nil
	threeSteps := base
	threeSteps.LearningSteps = []time.Duration{time.Minute, 10 * time.Minute, 2 * oneDay}
	threeSteps.RelearningSteps = []time.Duration{10 * time.Minute, oneDay}
	return map[string]*Scheduler{
		"fsrs short-term": mustScheduler(t, base),
		"fsrs long-term":  mustScheduler(t, long),
		"sm2":             mustScheduler(t, sm2),
		"fsrs no steps":   mustScheduler(t, noSteps),
		"fsrs long steps": mustScheduler(t, threeSteps),
	}
}

// randomHistory answers a new card n times at random moments: early, on
// time, late, or the same day.
func randomHistory(rng *rand.Rand, n int) []Event {
	events := make([]Event, 0, n)
	now := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		if i > 0 {
			switch rng.IntN(4) {
			case 0:
				now = now.Add(time.Duration(rng.IntN(120)) * time.Minute)
			case 1:
				now = now.Add(time.Duration(1+rng.IntN(5)) * oneDay)
			default:
				now = now.Add(time.Duration(rng.IntN(60*24*40)) * time.Minute)
			}
		}
		events = append(events, Event{Time: now, Rating: Rating(1 + rng.IntN(4))})
	}
	return events
}

func TestReplayEqualsSuccessiveNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for name, sc := range schedulerVariants(t) {
		for k := 0; k < 200; k++ {
			id := "card-" + strconv.Itoa(k)
			events := randomHistory(rng, 1+rng.IntN(25))
			if rng.IntN(5) == 0 {
				// A reset in the middle forgets what came before it.
				at := rng.IntN(len(events))
				events = append(events[:at], append([]Event{{Time: events[at].Time, Rating: 0}}, events[at:]...)...)
			}
			var c Card
			for _, e := range events {
				if e.Rating == 0 {
					c = Card{}
					continue
				}
				c = sc.Next(c, e.Rating, e.Time, FuzzSeed(id, c.Reps))
			}
			if got := sc.Replay(id, events); !reflect.DeepEqual(got, c) {
				t.Fatalf("%s: Replay = %+v, successive Next = %+v", name, got, c)
			}
		}
	}
}

func TestPreviewEqualsNextForEveryRating(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for name, sc := range schedulerVariants(t) {
		for k := 0; k < 100; k++ {
			events := randomHistory(rng, 1+rng.IntN(15))
			c := sc.Replay("p"+strconv.Itoa(k), events[:len(events)-1])
			now := events[len(events)-1].Time
			u := rng.Float64()
			pre := sc.Preview(c, now, u)
			for i := range pre {
				if next := sc.Next(c, Rating(i+1), now, u); !reflect.DeepEqual(next, pre[i]) {
					t.Fatalf("%s: Preview[%d] = %+v, Next(%v) = %+v", name, i, pre[i], Rating(i+1), next)
				}
			}
		}
	}
}

func TestEasyIntervalAtLeastGoodAtLeastHard(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for name, sc := range schedulerVariants(t) {
		for k := 0; k < 300; k++ {
			events := randomHistory(rng, 1+rng.IntN(20))
			c := sc.Replay("o"+strconv.Itoa(k), events[:len(events)-1])
			now := events[len(events)-1].Time
			pre := sc.Preview(c, now, rng.Float64())
			// Order by days, then by the wait: a (re)learning step counts as
			// shorter than any day interval even when the day interval ends
			// sooner because the next day starts in a few minutes.
			less := func(a, b Card) bool {
				if a.Interval != b.Interval {
					return a.Interval < b.Interval
				}
				return a.Due.Before(b.Due)
			}
			if less(pre[3], pre[2]) || less(pre[2], pre[1]) {
				t.Fatalf("%s: from %+v at %v: hard %+v, good %+v, easy %+v", name, c, now, pre[1], pre[2], pre[3])
			}
			// Review answers are strictly ordered unless the maximum interval
			// binds, or SM-2 reviews early (Anki does not order those).
			early := sc.set.Algorithm == SM2 && sc.elapsed(c, now) < c.Interval
			if c.State == Review && !early && pre[3].Interval < sc.set.MaximumInterval &&
				!(pre[3].Interval > pre[2].Interval && pre[2].Interval > pre[1].Interval) {
				t.Fatalf("%s: review card: intervals hard %d, good %d, easy %d not increasing",
					name, pre[1].Interval, pre[2].Interval, pre[3].Interval)
			}
			for i, p := range pre {
				if p.Reps != c.Reps+1 || !p.LastReview.Equal(now) || p.Stability <= 0 || p.Difficulty < 1 || p.Difficulty > 10 {
					t.Fatalf("%s: outcome %d = %+v is not a valid answered card", name, i, p)
				}
				if p.State == Review && (p.Interval < 1 || p.Interval > sc.set.MaximumInterval) {
					t.Fatalf("%s: review outcome %d has interval %d", name, i, p.Interval)
				}
			}
		}
	}
}

func TestReviewDueAtStartOfDueDay(t *testing.T) {
	sc := mustScheduler(t, testSettings())
	c := sc.Next(Card{}, Easy, start, 0)
	want := time.Date(2022, 11, 29+c.Interval, 4, 0, 0, 0, time.UTC)
	if c.State != Review || !c.Due.Equal(want) {
		t.Errorf("Easy on a new card: %v due %v, want review due %v", c.State, c.Due, want)
	}
}

func TestNextIgnoresInvalidRating(t *testing.T) {
	sc := mustScheduler(t, testSettings())
	c := sc.Next(Card{}, Good, start, 0)
	for _, r := range []Rating{0, 5, -1} {
		if got := sc.Next(c, r, start.Add(time.Hour), 0); !reflect.DeepEqual(got, c) {
			t.Errorf("Next with rating %d changed the card", r)
		}
	}
}

func TestReviewCardWithoutMemoryUsesSM2State(t *testing.T) {
	sc := mustScheduler(t, testSettings())
	imported := Card{State: Review, Ease: 2.5, Interval: 10, LastReview: start, Due: start.Add(10 * oneDay)}
	got := sc.Next(imported, Good, start.Add(10*oneDay), 0)
	s, d := MemoryFromSM2(2.5, 10, SM2Retention, DefaultParams[:])
	ws, wd := Step(DefaultParams[:], s, d, 10, Good)
	checkNear(t, "S", got.Stability, ws)
	checkNear(t, "D", got.Difficulty, wd)
}

func TestDamagedCardsDoNotPanic(t *testing.T) {
	nan := math.NaN()
	cards := []Card{
		{State: Learning, Step: -3},
		{State: Relearning, Step: 99},
		{State: Review, Stability: nan, Difficulty: nan, LastReview: start},
		{State: Review, Stability: -1, Interval: -5, LastReview: start},
		{State: State(9), Stability: 3, Difficulty: 5, LastReview: start},
		{State: Review, Ease: -2, Interval: 40, LastReview: start.Add(time.Hour)},
	}
	for name, sc := range schedulerVariants(t) {
		for _, c := range cards {
			for _, u := range []float64{-1, 0.3, 1, 7, nan} {
				for i, p := range sc.Preview(c, start.Add(3*oneDay), u) {
					if p.State == Review && (p.Interval < 1 || p.Interval > sc.set.MaximumInterval) {
						t.Errorf("%s: %+v with u = %v, %v: interval %d", name, c, u, Rating(i+1), p.Interval)
					}
					if math.IsNaN(p.Stability) || math.IsNaN(p.Difficulty) {
						t.Errorf("%s: %+v, %v: memory state %v, %v", name, c, Rating(i+1), p.Stability, p.Difficulty)
					}
				}
			}
		}
	}
}
