package sched

// fsrsCandidates are the memory states and raw intervals for all four
// grades, all from the same pre-review state. A reviewed card without a
// memory state gets one from its SM-2 ease and interval when it has them
// (§1.4); otherwise its answer counts as a first answer.
func (s *Scheduler) fsrsCandidates(c Card, t int) (ss, ds, ivl [4]float64) {
	st, d := c.Stability, c.Difficulty
	if c.State == New {
		st, d = 0, 0
	} else if !(st > 0) && c.Ease > 0 && c.Interval > 0 {
		st, d = MemoryFromSM2(c.Ease, float64(c.Interval), SM2Retention, s.w)
	}
	ss, ds = s.model.next(st, d, float64(t), s.set.ShortTerm)
	for i := range ss {
		ivl[i] = ss[i] * s.model.ivlFactor
	}
	return ss, ds, ivl
}

// shortTermOutcomes implements §2.3.
func (s *Scheduler) shortTermOutcomes(c Card, a answer) [4]outcome {
	ss, ds, ivl := s.fsrsCandidates(c, a.t)
	var out [4]outcome
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
				out[i] = stepOutcome(state, next, wait)
			case graduate, graduateAtEnd:
				out[i] = reviewOutcome(a.F(ivl[i], 1))
			case graduateEasy:
				out[i] = reviewOutcome(a.F(ivl[3], a.F(ivl[2], 1)+1))
			}
		}
	default: // Review
		if len(s.set.RelearningSteps) > 0 {
			out[0] = stepOutcome(Relearning, 0, s.set.RelearningSteps[0])
		} else {
			out[0] = reviewOutcome(a.F(ivl[0], 1))
		}
		out[0].lapse = true
		hard := a.F(ivl[1], 1)
		good := a.F(ivl[2], hard+1)
		out[1] = reviewOutcome(hard)
		out[2] = reviewOutcome(good)
		out[3] = reviewOutcome(a.F(ivl[3], good+1))
	}
	for i := range out {
		out[i].stability, out[i].difficulty = ss[i], ds[i]
	}
	return out
}

// longTermOutcomes implements §2.5: every answer gives a day interval, and
// the four intervals are strictly ordered.
func (s *Scheduler) longTermOutcomes(c Card, a answer) [4]outcome {
	ss, ds, ivl := s.fsrsCandidates(c, a.t)
	again := a.F(ivl[0], 1)
	hard := a.F(ivl[1], again+1)
	good := a.F(ivl[2], hard+1)
	easy := a.F(ivl[3], good+1)
	out := [4]outcome{reviewOutcome(again), reviewOutcome(hard), reviewOutcome(good), reviewOutcome(easy)}
	for i := range out {
		out[i].stability, out[i].difficulty = ss[i], ds[i]
	}
	out[0].lapse = c.State != New
	return out
}
