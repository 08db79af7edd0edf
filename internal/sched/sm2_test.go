package sched

import (
	"testing"
	"time"
)

func TestOriginalSM2MatchesReference(t *testing.T) {
	st := NewOriginalSM2()
	qs := []int{4, 3, 3, 4, 5, 3, 0, 1, 3, 3, 4, 5, 3}
	want := []int{1, 0, 0, 6, 15, 0, 0, 0, 0, 0, 35, 85, 0}
	for i, q := range qs {
		var days int
		var err error
		st, days, err = st.Answer(q)
		if err != nil {
			t.Fatal(err)
		}
		if days != want[i] {
			t.Errorf("answer %d (q = %d): %d days, want %d", i+1, q, days, want[i])
		}
	}
	if st.N != 6 || st.Interval != 194 || !st.Repeat {
		t.Errorf("final state %+v, want n 6, interval 194, repeat set", st)
	}
	checkNear(t, "EF", st.EF, 2.28)
	if _, _, err := st.Answer(6); err == nil {
		t.Error("quality 6 accepted")
	}
}

func TestOriginalSM2FailureResetsRun(t *testing.T) {
	st := NewOriginalSM2()
	st, _, _ = st.Answer(5)
	st, _, _ = st.Answer(5)
	st, days, _ := st.Answer(2)
	if st.N != 0 || st.Interval != 0 || days != 0 || st.EF != 2.7 {
		t.Errorf("after a failure: %+v, %d days; want n 0, interval 0, EF unchanged at 2.7", st, days)
	}
}

func TestAnkiReviewIntervalsMatchReference(t *testing.T) {
	cfg := defaultSM2
	check := func(name string, cfg sm2Config, sched, elapsed int, maxIvl int, u float64, want [3]int) {
		t.Helper()
		h, g, e := cfg.reviewIntervals(sched, elapsed, 1.3, maxIvl, true, u)
		if [3]int{h, g, e} != want {
			t.Errorf("%s: (hard, good, easy) = (%d, %d, %d), want %v", name, h, g, e, want)
		}
	}
	check("defaults, u = 0", cfg, 1, 1, 36500, 0, [3]int{2, 3, 4})
	cfg.IntervalMultiplier = 0.1
	check("IM 0.1, u = 0", cfg, 1, 1, 36500, 0, [3]int{2, 3, 4})
	check("IM 0.1, u = 0.99", cfg, 1, 1, 36500, 0.99, [3]int{2, 4, 6})
	cfg.IntervalMultiplier = 10
	check("IM 10, maximum 5, u = 0.99", cfg, 1, 1, 5, 0.99, [3]int{5, 5, 5})
	cfg = defaultSM2
	cfg.HardMultiplier = 0.1
	check("hard multiplier 0.1", cfg, 2, 2, 36500, 0, [3]int{1, 3, 4})
}

func TestAnkiEarlyReviewUsesTimeWaited(t *testing.T) {
	// Scheduled 10 days, answered after 4, ease 2.5: hard max(4.8, 6) = 6,
	// good max(10, 10) = 10, easy 10 × 1.15 = 11.5 → 12.
	h, g, e := defaultSM2.reviewIntervals(10, 4, 2.5, 36500, true, 0.99)
	if h != 6 || g != 10 || e != 12 {
		t.Errorf("early review = (%d, %d, %d), want (6, 10, 12)", h, g, e)
	}
}

func sm2Settings() Settings {
	s := testSettings()
	s.Algorithm = SM2
	return s
}

func TestSM2SchedulerLearningAndGraduation(t *testing.T) {
	sc := mustScheduler(t, sm2Settings())
	c := sc.Next(Card{}, Good, start, 0)
	if c.State != Learning || c.Step != 1 || c.Due.Sub(start) != 10*time.Minute || c.Ease != 2.5 {
		t.Fatalf("Good on new: %+v", c)
	}
	g := sc.Next(c, Good, c.Due, 0)
	if g.State != Review || g.Interval != 1 {
		t.Errorf("Good at the last step: %v interval %d, want review 1 day", g.State, g.Interval)
	}
	e := sc.Next(Card{}, Easy, start, 0)
	if e.State != Review || e.Interval != 4 || e.Ease != 2.5 {
		t.Errorf("Easy on new: %v interval %d ease %v, want review 4 days ease 2.5", e.State, e.Interval, e.Ease)
	}
	// The memory state follows §1.4 from the interval.
	s, d := MemoryFromSM2(2.5, 4, SM2Retention, DefaultParams[:])
	checkNear(t, "S after Easy", e.Stability, s)
	checkNear(t, "D after Easy", e.Difficulty, d)
}

func TestSM2SchedulerReviewChangesEaseAndLapses(t *testing.T) {
	sc := mustScheduler(t, sm2Settings())
	c := Card{State: Review, Ease: 2.5, Interval: 10, LastReview: start, Due: start.Add(10 * oneDay)}
	now := start.Add(10 * oneDay)
	pre := sc.Preview(c, now, 0)
	// On time, no fuzz: hard 12, good 25, easy 32.5 → 33 (round half away).
	want := [4]struct {
		state State
		ivl   int
		ease  float64
	}{{Relearning, 0, 2.3}, {Review, 12, 2.35}, {Review, 25, 2.5}, {Review, 33, 2.65}}
	for i, w := range want {
		if pre[i].State != w.state || pre[i].Interval != w.ivl {
			t.Errorf("%v: %v interval %d, want %v %d", Rating(i+1), pre[i].State, pre[i].Interval, w.state, w.ivl)
		}
		checkNear(t, Rating(i+1).String()+" ease", pre[i].Ease, w.ease)
	}
	if pre[0].Lapses != 1 || pre[0].Due.Sub(now) != 10*time.Minute {
		t.Errorf("Again: lapses %d, due in %v; want 1 and 10m", pre[0].Lapses, pre[0].Due.Sub(now))
	}
	back := sc.Next(pre[0], Good, pre[0].Due, 0)
	if back.State != Review || back.Interval != 1 {
		t.Errorf("Good in relearning: %v interval %d, want review 1 day", back.State, back.Interval)
	}
	easy := sc.Next(pre[0], Easy, pre[0].Due, 0)
	if easy.Interval != 2 {
		t.Errorf("Easy in relearning: interval %d, want 2", easy.Interval)
	}
	// Ease never falls below 1.3.
	low := c
	low.Ease = 1.35
	if got := sc.Next(low, Again, now, 0).Ease; got != 1.3 {
		t.Errorf("Again at ease 1.35 → %v, want 1.3", got)
	}
	// Late by 4 days: good = (10 + 2) × 2.5 = 30.
	if got := sc.Next(c, Good, now.Add(4*oneDay), 0).Interval; got != 30 {
		t.Errorf("Good 4 days late: %d, want 30", got)
	}
}

func TestSM2WithoutRelearningStepsStaysInReview(t *testing.T) {
	set := sm2Settings()
	set.RelearningSteps = nil
	sc := mustScheduler(t, set)
	c := Card{State: Review, Ease: 2.5, Interval: 10, LastReview: start}
	got := sc.Next(c, Again, start.Add(10*oneDay), 0)
	if got.State != Review || got.Interval != 1 || got.Lapses != 1 {
		t.Errorf("Again without relearning steps: %+v, want review, 1 day, 1 lapse", got)
	}
}

func TestSM2RetrievabilityUsesDerivedStability(t *testing.T) {
	sc := mustScheduler(t, sm2Settings())
	c := sc.Next(Card{}, Easy, start, 0)
	// At the end of the interval R is the assumed SM-2 retention.
	checkNear(t, "R when due", sc.Retrievability(c, c.Due), SM2Retention)
}
