package stats

import (
	"testing"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

// review answers a card at `at` with rating r, from the state it has, as a
// review card due three days later.
func review(t *testing.T, st *store.Store, set sched.Settings, id string, at time.Time, r sched.Rating) {
	t.Helper()
	_, _, err := st.Answer(store.AnswerInput{CardID: id, Time: at, Rating: r, Day: set.Day(at), DayOf: set.Day},
		func(c *store.Card) error {
			c.Sched = sched.Card{State: sched.Review, Due: at.Add(72 * time.Hour), LastReview: at, Stability: 3,
				Difficulty: 5, Interval: 3, Reps: c.Sched.Reps + 1}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCollectionReportsRetentionActivityAndForecast(t *testing.T) {
	st, ids := collection(t, 4)
	set := utcSettings()
	now := t0.Add(5 * 24 * time.Hour)
	// Day 1: two new cards learnt (not counted in retention).
	review(t, st, set, ids[0], t0, sched.Good)
	review(t, st, set, ids[1], t0, sched.Good)
	// Three days later both come back as reviews: one kept, one lapsed.
	review(t, st, set, ids[0], t0.Add(72*time.Hour), sched.Good)
	review(t, st, set, ids[1], t0.Add(72*time.Hour), sched.Again)
	r, err := Collection(st, set, now, nil, func(*store.Card) float64 { return 0.8 })
	if err != nil {
		t.Fatal(err)
	}
	if r.Cards != 4 || r.New != 2 || r.Review != 2 {
		t.Errorf("counts %+v", r.Counts)
	}
	if r.Retention == nil || *r.Retention != 0.5 || r.RetentionCount != 2 {
		t.Errorf("retention %v of %d, want 0.5 of 2 (only answers to review cards count)", r.Retention, r.RetentionCount)
	}
	if r.Recall == nil || *r.Recall != 0.8 {
		t.Errorf("mean recall %v, want 0.8", r.Recall)
	}
	active := map[string]int{}
	for _, a := range r.Activity {
		if a.Answers > 0 {
			active[a.Date.Format("2006-01-02")] = a.Answers
		}
	}
	if len(active) != 2 || active["2026-03-02"] != 2 || active["2026-03-05"] != 2 {
		t.Errorf("activity %v", active)
	}
	if len(r.Activity) != HeatmapDays || r.ReviewsToday != 0 {
		t.Errorf("%d activity days, %d today", len(r.Activity), r.ReviewsToday)
	}
	// Both cards are due three days after 5 March: on 8 March, which is
	// tomorrow seen from 7 March, the first day of the forecast.
	if len(r.Forecast) != ForecastSpan || r.Forecast[0] != 2 || r.Forecast[1] != 0 {
		t.Errorf("forecast %v", r.Forecast[:5])
	}
}

func TestCollectionForADeckCountsOnlyItsCards(t *testing.T) {
	st, ids := collection(t, 2)
	set := utcSettings()
	review(t, st, set, ids[0], t0, sched.Good)
	r, err := Collection(st, set, t0.Add(time.Hour), func(d string) bool { return d == "Other" },
		func(*store.Card) float64 { return 1 })
	if err != nil {
		t.Fatal(err)
	}
	if r.Cards != 0 || r.ReviewsToday != 0 || r.Retention != nil {
		t.Errorf("a report for another deck counted these cards: %+v", r)
	}
	for _, n := range r.Forecast {
		if n != 0 {
			t.Fatalf("forecast for another deck: %v", r.Forecast)
		}
	}
}
