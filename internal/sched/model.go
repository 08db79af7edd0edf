package sched

import (
	"math"
	"time"
)

// ForgettingFactor is the F of the forgetting curve (§1.2) for a decay w20:
// the constant that makes R(S, S) = 0.9.
func ForgettingFactor(decay float64) float64 {
	return math.Pow(0.9, -1/decay) - 1
}

// Retrievability is the FSRS-6 forgetting curve R(t, S) = (1 + F·t/S)^(−w20):
// the probability of recall t days after a review that left stability s.
func Retrievability(t, s, decay float64) float64 {
	return math.Pow(1+ForgettingFactor(decay)*t/s, -decay)
}

// Interval is the inverse of the forgetting curve: the time in days (not
// rounded) after which recall probability falls to r, for stability s.
func Interval(r, s, decay float64) float64 {
	return s / ForgettingFactor(decay) * (math.Pow(r, -1/decay) - 1)
}

// InitStability is S0(G) = w[G−1], the stability after a first answer g
// (not clamped; Step clamps it).
func InitStability(w []float64, g Rating) float64 {
	return w[g-1]
}

// InitDifficulty is D0(G) = w4 − e^(w5·(G−1)) + 1 without clamping. The
// stored difficulty is clamped to [1, 10], but the mean-reversion target
// D0(Easy) must stay raw (§1.3).
func InitDifficulty(w []float64, g Rating) float64 {
	return w[4] - math.Exp(w[5]*float64(g-1)) + 1
}

// dampedDifficulty is D′ = D + ΔD·(10 − D)/9 with ΔD = −w6·(G − 3).
func dampedDifficulty(w []float64, d float64, g Rating) float64 {
	delta := -w[6] * float64(g-3)
	return d + delta*(10-d)/9
}

// NextDifficulty is the difficulty after answering g: the damped change,
// mean reversion towards D0(Easy), then the [1, 10] clamp (§1.3).
func NextDifficulty(w []float64, d float64, g Rating) float64 {
	dp := dampedDifficulty(w, d, g)
	dpp := w[7]*InitDifficulty(w, Easy) + (1-w[7])*dp
	return clamp(dpp, 1, 10)
}

// StabilityAfterSuccess is S′r, the stability after a Hard, Good or Easy
// answer on a later day, for stability s, difficulty d and retrievability r
// at the time of the answer. g = Again applies neither the Hard penalty nor
// the Easy bonus.
func StabilityAfterSuccess(w []float64, s, d, r float64, g Rating) float64 {
	h, b := 1.0, 1.0
	if g == Hard {
		h = w[15]
	}
	if g == Easy {
		b = w[16]
	}
	return s * (1 + math.Exp(w[8])*(11-d)*math.Pow(s, -w[9])*math.Expm1(w[10]*(1-r))*h*b)
}

// StabilityAfterLapse is S′f, the stability after Again on a later day:
// the post-lapse stability, never above s / e^(w17·w18).
func StabilityAfterLapse(w []float64, s, d, r float64) float64 {
	pls := w[11] * math.Pow(d, -w[12]) * (math.Pow(s+1, w[13]) - 1) * math.Exp(w[14]*(1-r))
	return math.Min(pls, s/math.Exp(w[17]*w[18]))
}

// StabilityAfterSameDay is S′s, the stability after an answer on the day of
// the previous review. Hard, Good and Easy never lower it.
func StabilityAfterSameDay(w []float64, s float64, g Rating) float64 {
	inc := math.Exp(w[17]*(float64(g)-3+w[18])) * math.Pow(s, -w[19])
	if g >= Hard {
		inc = math.Max(inc, 1)
	}
	return s * inc
}

// Step applies one answer g, given t days after the previous one, to the
// memory state (s, d) and returns the new state, in the exact order of
// §1.3. s <= 0 means the card has no memory state yet (a first answer).
func Step(w []float64, s, d, t float64, g Rating) (float64, float64) {
	if s <= 0 {
		return clamp(InitStability(w, g), minStability, maxStability), clamp(InitDifficulty(w, g), 1, 10)
	}
	s = clamp(s, minStability, maxStability)
	d = clamp(d, 1, 10)
	var ns float64
	switch {
	case t <= 0:
		ns = StabilityAfterSameDay(w, s, g)
	case g == Again:
		ns = StabilityAfterLapse(w, s, d, Retrievability(t, s, w[20]))
	default:
		ns = StabilityAfterSuccess(w, s, d, Retrievability(t, s, w[20]), g)
	}
	return clamp(ns, minStability, maxStability), NextDifficulty(w, d, g)
}

// stepLongTerm is Step for long-term mode (§2.5): there is no same-day
// formula (a same-day answer is a recall or a lapse with R = 1), and a lapse
// is only capped by the old stability (w17 = w18 = 0).
func stepLongTerm(w []float64, s, d, t float64, g Rating) (float64, float64) {
	if s <= 0 {
		return clamp(InitStability(w, g), minStability, maxStability), clamp(InitDifficulty(w, g), 1, 10)
	}
	s = clamp(s, minStability, maxStability)
	d = clamp(d, 1, 10)
	r := 1.0
	if t > 0 {
		r = Retrievability(t, s, w[20])
	}
	var ns float64
	if g == Again {
		pls := w[11] * math.Pow(d, -w[12]) * (math.Pow(s+1, w[13]) - 1) * math.Exp(w[14]*(1-r))
		ns = math.Min(pls, s)
	} else {
		ns = StabilityAfterSuccess(w, s, d, r, g)
	}
	return clamp(ns, minStability, maxStability), NextDifficulty(w, d, g)
}

// SM2Retention is the recall probability assumed at the end of an SM-2
// interval when an FSRS memory state is derived from SM-2 state (§1.4).
const SM2Retention = 0.9

// MemoryFromSM2 derives an FSRS memory state (S, D) from an SM-2 ease and
// interval in days, assuming recall probability retention at the end of the
// interval (§1.4). params may have any length FillParams accepts; an
// unusable vector means the defaults.
func MemoryFromSM2(ease float64, interval float64, retention float64, params []float64) (S, D float64) {
	w := params
	if len(w) != NumParams {
		var err error
		if w, err = FillParams(params); err != nil {
			w = DefaultParams[:]
		}
	}
	if !(retention > 0 && retention < 1) {
		retention = SM2Retention
	}
	decay := w[20]
	s := math.Max(interval, minStability) * ForgettingFactor(decay) / (math.Pow(retention, -1/decay) - 1)
	d := 11 - (ease-1)/(math.Exp(w[8])*math.Pow(s, -w[9])*math.Expm1(w[10]*(1-retention)))
	return s, clamp(d, 1, 10)
}

// clamp limits x to [lo, hi]; NaN stays NaN. Plain comparisons: math.Min
// and math.Max handle signed zeros, which costs time on the hot path.
func clamp(x, lo, hi float64) float64 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// FromSM2 is the schedule of a card known only by an SM-2 state, as a tool
// without a review log keeps it: due at due after an interval of ivl days,
// with the given ease. Its memory state comes from MemoryFromSM2, so that
// retrievability and the next answer work as for any reviewed card.
func (s *Scheduler) FromSM2(due time.Time, ivl int, ease float64) Card {
	st, d := MemoryFromSM2(ease, float64(ivl), SM2Retention, s.w)
	return Card{State: Review, Due: due, LastReview: due.AddDate(0, 0, -ivl), Interval: ivl, Ease: ease,
		Stability: st, Difficulty: d, Reps: 1}
}
