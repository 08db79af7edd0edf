package sched

import "math"

// sm2Config holds the constants of Anki's SM-2 variant (§3.2, Anki
// deckconfig defaults). They are not user settings in recall; the struct
// exists so that the rules read like Anki's and so that tests can vary them.
type sm2Config struct {
	GraduatingInterval int     // days after Good at the last learning step
	EasyInterval       int     // days after Easy in learning
	StartingEase       float64 // ease of a card leaving learning
	MinimumEase        float64
	HardMultiplier     float64
	EasyBonus          float64
	IntervalMultiplier float64
	// LapseInterval is the interval after a lapse. Anki computes it as
	// max(minimum lapse interval, interval × lapse multiplier); with the
	// default multiplier 0 that is always the minimum, 1 day, so recall
	// does not keep the pre-lapse interval around.
	LapseInterval int
}

var defaultSM2 = sm2Config{
	GraduatingInterval: 1,
	EasyInterval:       4,
	StartingEase:       2.5,
	MinimumEase:        1.3,
	HardMultiplier:     1.2,
	EasyBonus:          1.3,
	IntervalMultiplier: 1.0,
	LapseInterval:      1,
}

// Ease changes of Anki's review.rs.
const (
	easeAgain = -0.20
	easeHard  = -0.15
	easeEasy  = 0.15
)

// reviewIntervals are the Hard, Good and Easy intervals of an SM-2 review
// card (§3.2) with scheduled interval sched, elapsed days t and ease.
func (cfg sm2Config) reviewIntervals(sched, t int, ease float64, maxIvl int, fuzz bool, u float64) (hard, good, easy int) {
	I := float64(max(sched, 1))
	late := float64(t - sched)
	im := cfg.IntervalMultiplier
	if late < 0 {
		// Early review: based on the time actually waited, never fuzzed.
		hm := cfg.HardMultiplier
		eb := cfg.EasyBonus - (cfg.EasyBonus-1)/2
		fit := func(x float64) int { return int(clamp(math.Round(x), 1, float64(maxIvl))) }
		hard = fit(math.Max(float64(t)*hm, I*hm/2) * im)
		good = fit(math.Max(float64(t)*ease, I) * im)
		easy = fit(math.Max(float64(t)*ease, I) * eb * im)
		return hard, good, easy
	}
	F := func(raw float64, m int) int { return dayInterval(raw, m, maxIvl, fuzz, u, t) }
	hardMin, goodMin := int(I)+1, 0
	if cfg.HardMultiplier <= 1 {
		hardMin = 1
	}
	hard = F(I*cfg.HardMultiplier*im, hardMin)
	goodMin = hard + 1
	if cfg.HardMultiplier <= 1 {
		goodMin = int(I) + 1
	}
	good = F((I+late/2)*ease*im, goodMin)
	easy = F((I+late)*ease*cfg.EasyBonus*im, good+1)
	return hard, good, easy
}

// sm2Outcomes implements Anki's SM-2 variant (§3.2) and keeps an FSRS
// memory state beside it (§1.4) so that retrievability works.
func (s *Scheduler) sm2Outcomes(c Card, a answer) [4]outcome {
	cfg := s.sm2
	ease := c.Ease
	if ease <= 0 {
		ease = cfg.StartingEase
	}
	learn, relearn := s.set.LearningSteps, s.set.RelearningSteps
	if !s.set.ShortTerm {
		learn, relearn = nil, nil
	}
	lapseIvl := clampInt(cfg.LapseInterval, 1, a.maxIvl)
	var out [4]outcome
	switch c.State {
	case New, Learning:
		step := c.Step
		if c.State == New {
			step = 0
		}
		for i := range out {
			g := Rating(i + 1)
			kind, next, wait := learningStep(learn, step, g)
			switch {
			case kind == stayInSteps:
				out[i] = stepOutcome(Learning, next, wait)
			case g == Easy:
				out[i] = reviewOutcome(a.F(float64(cfg.EasyInterval), 1))
			default:
				out[i] = reviewOutcome(a.F(float64(cfg.GraduatingInterval), 1))
			}
			out[i].ease = ease
		}
	case Relearning:
		for i := range out {
			g := Rating(i + 1)
			kind, next, wait := learningStep(relearn, c.Step, g)
			switch {
			case kind == stayInSteps:
				out[i] = stepOutcome(Relearning, next, wait)
			case g == Easy:
				out[i] = reviewOutcome(min(lapseIvl+1, a.maxIvl))
			default:
				out[i] = reviewOutcome(lapseIvl)
			}
			out[i].ease = ease
		}
	default: // Review
		hard, good, easy := cfg.reviewIntervals(c.Interval, a.t, ease, a.maxIvl, a.fuzz, a.u)
		if len(relearn) > 0 {
			out[0] = stepOutcome(Relearning, 0, relearn[0])
		} else {
			out[0] = reviewOutcome(lapseIvl)
		}
		out[0].lapse = true
		out[0].ease = math.Max(cfg.MinimumEase, ease+easeAgain)
		out[1] = reviewOutcome(hard)
		out[1].ease = math.Max(cfg.MinimumEase, ease+easeHard)
		out[2] = reviewOutcome(good)
		out[2].ease = ease
		out[3] = reviewOutcome(easy)
		out[3].ease = ease + easeEasy
	}
	for i := range out {
		// The memory state is derived from the interval the card holds or,
		// in (re)learning, the one it graduates to.
		ivl := out[i].days
		switch out[i].state {
		case Learning:
			ivl = cfg.GraduatingInterval
		case Relearning:
			ivl = lapseIvl
		}
		out[i].stability, out[i].difficulty = MemoryFromSM2(out[i].ease, float64(ivl), SM2Retention, s.w)
	}
	return out
}
