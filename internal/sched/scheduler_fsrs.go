package sched

import "time"

// fsrsMemory is the memory state after answering g with t elapsed days, in
// the mode of the scheduler. A reviewed card without a memory state gets
// one from its SM-2 ease and interval when it has them (§1.4), else it is
// treated as a first answer.
func (s *Scheduler) fsrsMemory(c Card, t int, g Rating) (float64, float64) {
	st, d := c.Stability, c.Difficulty
	if c.State == New {
		st, d = 0, 0
	} else if st <= 0 && c.Ease > 0 && c.Interval > 0 {
		st, d = MemoryFromSM2(c.Ease, float64(c.Interval), SM2Retention, s.w)
	}
	if s.set.ShortTerm {
		return Step(s.w, st, d, float64(t), g)
	}
	return stepLongTerm(s.w, st, d, float64(t), g)
}

// fsrsCandidates are the memory states and raw intervals for all four
// grades, all from the same pre-review state.
func (s *Scheduler) fsrsCandidates(c Card, t int) (out [4]Card, ivl [4]float64) {
	for i := range out {
		g := Rating(i + 1)
		st, d := s.fsrsMemory(c, t, g)
		out[i].Stability, out[i].Difficulty = st, d
		ivl[i] = Interval(s.set.DesiredRetention, st, s.w[20])
	}
	return out, ivl
}

// shortTermOutcomes implements §2.3.
func (s *Scheduler) shortTermOutcomes(c Card, now time.Time, u float64) [4]Card {
	t := s.elapsed(c, now)
	mem, ivl := s.fsrsCandidates(c, t)
	F := func(raw float64, m int) int {
		return dayInterval(raw, m, s.set.MaximumInterval, s.set.Fuzz, u, t)
	}
	base := answered(c, now)
	var out [4]Card
	for i := range out {
		out[i] = base
		out[i].Stability, out[i].Difficulty = mem[i].Stability, mem[i].Difficulty
	}
	switch c.State {
	case New, Learning, Relearning:
		steps, state, step := s.set.LearningSteps, Learning, c.Step
		if c.State == Relearning {
			steps, state = s.set.RelearningSteps, Relearning
		}
		if c.State == New {
			step = 0
		}
		for i := range out {
			kind, next, wait := learningStep(steps, step, Rating(i+1))
			switch kind {
			case stayInSteps:
				out[i] = toStep(out[i], state, next, now, wait)
			case graduate, graduateAtEnd:
				out[i] = s.toReview(out[i], now, F(ivl[i], 1))
			case graduateEasy:
				out[i] = s.toReview(out[i], now, F(ivl[3], F(ivl[2], 1)+1))
			}
		}
	default: // Review
		out[0].Lapses++
		if len(s.set.RelearningSteps) > 0 {
			out[0] = toStep(out[0], Relearning, 0, now, s.set.RelearningSteps[0])
		} else {
			out[0] = s.toReview(out[0], now, F(ivl[0], 1))
		}
		hard := F(ivl[1], 1)
		good := F(ivl[2], hard+1)
		easy := F(ivl[3], good+1)
		out[1] = s.toReview(out[1], now, hard)
		out[2] = s.toReview(out[2], now, good)
		out[3] = s.toReview(out[3], now, easy)
	}
	return out
}

// longTermOutcomes implements §2.5: every answer gives a day interval, and
// the four intervals are strictly ordered.
func (s *Scheduler) longTermOutcomes(c Card, now time.Time, u float64) [4]Card {
	t := s.elapsed(c, now)
	mem, ivl := s.fsrsCandidates(c, t)
	F := func(raw float64, m int) int {
		return dayInterval(raw, m, s.set.MaximumInterval, s.set.Fuzz, u, t)
	}
	again := F(ivl[0], 1)
	hard := F(ivl[1], again+1)
	good := F(ivl[2], hard+1)
	easy := F(ivl[3], good+1)
	days := [4]int{again, hard, good, easy}
	base := answered(c, now)
	var out [4]Card
	for i := range out {
		out[i] = base
		out[i].Stability, out[i].Difficulty = mem[i].Stability, mem[i].Difficulty
		out[i] = s.toReview(out[i], now, days[i])
	}
	if c.State != New {
		out[0].Lapses++
	}
	return out
}
