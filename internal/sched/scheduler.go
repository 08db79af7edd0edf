package sched

import (
	"fmt"
	"math"
	"time"
)

// Card is the scheduling state of one card.
type Card struct {
	State State
	// Step is the index into the learning or relearning steps.
	Step int
	// Stability is the FSRS stability S in days. SM-2 keeps it up to date
	// too (§1.4), so that retrievability works for every card.
	Stability float64
	// Difficulty is the FSRS difficulty D in [1, 10].
	Difficulty float64
	// Ease is the SM-2 ease factor (2.5 to start); 0 when SM-2 never
	// answered the card.
	Ease float64
	// Due is when the card should be answered next.
	Due time.Time
	// LastReview is the time of the last answer; zero for a new card.
	LastReview time.Time
	// Interval is the scheduled interval in whole days; 0 while the card is
	// in (re)learning steps.
	Interval int
	// Reps counts answers, Lapses counts Again answers on Review cards.
	Reps, Lapses int
}

// Scheduler answers cards under one set of Settings. It is immutable and
// safe for concurrent use.
type Scheduler struct {
	set   Settings
	w     []float64
	model fsrsModel
	notes []string
	sm2   sm2Config
}

// NewScheduler checks the settings, fills and clamps the FSRS parameters
// (§1.1) and returns a scheduler. Notes about clamped parameters are kept in
// Notes. (It cannot be called New: that name is the State of a new card.)
func NewScheduler(s Settings) (*Scheduler, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("scheduler settings: %w", err)
	}
	w, err := FillParams(s.Params)
	if err != nil {
		return nil, fmt.Errorf("scheduler settings: %w", err)
	}
	w, notes := clampParams(w, relearningCount(s), s.ShortTerm)
	s.Params = w
	s.LearningSteps = append([]time.Duration(nil), s.LearningSteps...)
	s.RelearningSteps = append([]time.Duration(nil), s.RelearningSteps...)
	return &Scheduler{set: s, w: w, model: newFSRSModel(w, s.DesiredRetention), notes: notes, sm2: defaultSM2}, nil
}

// relearningCount is the number of relearning steps that bounds w17/w18:
// long-term mode has none.
func relearningCount(s Settings) int {
	if !s.ShortTerm {
		return 0
	}
	return len(s.RelearningSteps)
}

// Settings returns the scheduler's settings, with Params holding the 21
// parameters in use (filled and clamped).
func (s *Scheduler) Settings() Settings {
	out := s.set
	out.Params = append([]float64(nil), s.w...)
	out.LearningSteps = append([]time.Duration(nil), s.set.LearningSteps...)
	out.RelearningSteps = append([]time.Duration(nil), s.set.RelearningSteps...)
	return out
}

// Notes describes the parameters New had to clamp into bounds.
func (s *Scheduler) Notes() []string { return append([]string(nil), s.notes...) }

// Next returns card c after answering r at time now. u ∈ [0, 1) is the
// fuzz value (normally FuzzSeed(cardID, c.Reps)). An invalid rating
// returns c unchanged; validate input with ParseRating.
func (s *Scheduler) Next(c Card, r Rating, now time.Time, u float64) Card {
	if !r.Valid() {
		return c
	}
	a := s.newAnswer(c, now, u)
	out := s.plan(c, a)
	return s.apply(c, a, out[r-1])
}

// Preview returns the card after each possible answer at time now:
// index 0 is Again, 3 is Easy. Preview(c, now, u)[i] equals
// Next(c, Rating(i+1), now, u).
func (s *Scheduler) Preview(c Card, now time.Time, u float64) [4]Card {
	a := s.newAnswer(c, now, u)
	out := s.plan(c, a)
	var cards [4]Card
	for i := range out {
		cards[i] = s.apply(c, a, out[i])
	}
	return cards
}

// plan computes the four outcomes with the rules of the algorithm in use.
func (s *Scheduler) plan(c Card, a answer) [4]outcome {
	switch {
	case s.set.Algorithm == SM2:
		return s.sm2Outcomes(c, a)
	case !s.set.ShortTerm:
		return s.longTermOutcomes(c, a)
	}
	return s.shortTermOutcomes(c, a)
}

// Retrievability is the probability that the card is recalled at time now:
// the FSRS forgetting curve with t in whole days (§2.2). It is 0 for a card
// without a memory state (new, or imported without one).
func (s *Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.State == New || c.LastReview.IsZero() || c.Stability <= 0 {
		return 0
	}
	return Retrievability(float64(s.elapsed(c, now)), c.Stability, s.w[20])
}

// IsLeech reports whether a card that has just reached lapses lapses should
// be flagged as a leech: at the threshold and every half-threshold after it
// (8, 12, 16, … for 8).
func (s *Scheduler) IsLeech(lapses int) bool {
	th := s.set.LeechThreshold
	if th <= 0 || lapses < th {
		return false
	}
	return (lapses-th)%((th+1)/2) == 0
}

// elapsed is the t of §2.2: whole days between the last review and now.
func (s *Scheduler) elapsed(c Card, now time.Time) int {
	if c.State == New || c.LastReview.IsZero() {
		return 0
	}
	return max(0, s.set.Day(now)-s.set.Day(c.LastReview))
}

// answer is what every outcome of one answer shares.
type answer struct {
	now    time.Time
	today  int     // day number of now
	t      int     // elapsed days
	u      float64 // fuzz value
	fuzz   bool
	maxIvl int
}

func (s *Scheduler) newAnswer(c Card, now time.Time, u float64) answer {
	if !(u >= 0) { // also NaN
		u = 0
	} else if u >= 1 {
		u = math.Nextafter(1, 0)
	}
	a := answer{now: now, today: s.set.Day(now), u: u, fuzz: s.set.Fuzz, maxIvl: s.set.MaximumInterval}
	if c.State != New && !c.LastReview.IsZero() {
		a.t = max(0, a.today-s.set.Day(c.LastReview))
	}
	return a
}

// F is the whole-day interval of §2.4 for this answer.
func (a answer) F(raw float64, m int) int {
	return dayInterval(raw, m, a.maxIvl, a.fuzz, a.u, a.t)
}

// outcome is the result of one grade before it is written into a Card.
type outcome struct {
	state      State
	step       int
	days       int           // Review: the interval
	wait       time.Duration // (re)learning: the wait
	stability  float64
	difficulty float64
	ease       float64
	lapse      bool
}

// review is an outcome in Review state with an interval of n days.
func reviewOutcome(n int) outcome { return outcome{state: Review, days: n} }

// stepOutcome is an outcome in a (re)learning state.
func stepOutcome(state State, step int, wait time.Duration) outcome {
	return outcome{state: state, step: step, wait: wait}
}

// apply writes outcome o of answer a into card c. A Review card is due at
// the start of day(now) + interval; a step is due after its wait.
func (s *Scheduler) apply(c Card, a answer, o outcome) Card {
	c.Reps++
	c.LastReview = a.now
	c.State = o.state
	c.Step = o.step
	c.Stability, c.Difficulty = o.stability, o.difficulty
	if o.ease > 0 {
		c.Ease = o.ease
	}
	if o.lapse {
		c.Lapses++
	}
	if o.state == Review {
		c.Interval = o.days
		c.Due = s.set.DayStart(a.today + o.days)
	} else {
		c.Interval = 0
		c.Due = a.now.Add(o.wait)
	}
	return c
}
