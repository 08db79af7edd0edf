package sched

import (
	"fmt"
	"math"
)

// NumParams is the length of an FSRS-6 parameter vector.
const NumParams = 21

// DefaultParams are the FSRS-6 defaults (§1.1): the medians of the model
// fitted to about ten thousand Anki collections.
var DefaultParams = [NumParams]float64{
	0.212, 1.2931, 2.3065, 8.2956,
	6.4133, 0.8334, 3.0194, 0.001,
	1.8722, 0.1666, 0.796,
	1.4835, 0.0614, 0.2629, 1.6483,
	0.6014, 1.8729,
	0.5425, 0.0912, 0.0658,
	0.1542,
}

// defaultDecay is DefaultParams[20]; pre-training always uses it (§4.3).
const defaultDecay = 0.1542

// Stability limits applied by every memory step (§1.3).
const (
	minStability = 0.001
	maxStability = 36500.0
)

// paramBounds are the §1.1 bounds. The upper bounds of w17 and w18 are a
// placeholder: the real ceiling C depends on the relearning steps.
var paramBounds = [NumParams][2]float64{
	{0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100},
	{1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},
	{0, 4.5}, {0, 0.8}, {0.001, 3.5},
	{0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4},
	{0, 1}, {1, 6},
	{0, 2}, {0, 2}, {0.01, 0.8},
	{0.1, 0.8},
}

// FillParams turns a parameter vector of any accepted length into a full
// FSRS-6 vector (§1.1): 21 numbers are copied, 19 (FSRS-5) and 17
// (FSRS-4.5) are converted, an empty vector gives the defaults. Other lengths
// and non-finite values are errors. The result is not clamped; see
// ClampParams.
func FillParams(p []float64) ([]float64, error) {
	for i, v := range p {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("fsrs parameter w%d is %v: every parameter must be a finite number", i, v)
		}
	}
	out := make([]float64, 0, NumParams)
	switch len(p) {
	case 0:
		out = append(out, DefaultParams[:]...)
	case 21:
		out = append(out, p...)
	case 19:
		out = append(out, p...)
		out = append(out, 0, 0.5)
	case 17:
		out = append(out, p...)
		w5 := p[5]
		out[4] = p[4] + 2*w5
		out[5] = math.Log(1+3*w5) / 3
		out[6] = p[6] + 0.5
		out = append(out, 0, 0, 0, 0.5)
		if math.IsNaN(out[5]) || math.IsInf(out[5], 0) {
			return nil, fmt.Errorf("fsrs parameter w5 = %v cannot be converted from FSRS-4.5 (it must exceed -1/3)", w5)
		}
	default:
		return nil, fmt.Errorf("fsrs parameters: got %d numbers, want 21 (FSRS-6), 19 (FSRS-5), 17 (FSRS-4.5) or none for the defaults", len(p))
	}
	return out, nil
}

// SameDayCeiling is the upper bound C of w17 and w18 (§1.1) for a
// collection with the given number of relearning steps: more same-day
// Goods after a lapse need a smaller same-day growth so that they cannot
// end above the stability before the lapse. w must hold at least 15 numbers.
func SameDayCeiling(w []float64, relearningSteps int) float64 {
	if relearningSteps <= 1 {
		return 2
	}
	x := -(math.Log(w[11]) + math.Log(math.Pow(2, w[13])-1) + 0.3*w[14]) / float64(relearningSteps)
	c := math.Min(2, math.Sqrt(math.Max(0.01, x)))
	if math.IsNaN(c) {
		return 2
	}
	return c
}

// ClampParams applies the §1.1 bounds for short-term scheduling with the
// given number of relearning steps. It returns the clamped copy and one note
// per changed entry. p must hold 21 numbers (use FillParams first).
func ClampParams(p []float64, relearningSteps int) ([]float64, []string) {
	return clampParams(p, relearningSteps, true)
}

// ClampParamsMode is ClampParams for either mode: with shortTerm false the
// floor of w19 is 0 instead of 0.01 (§1.1).
func ClampParamsMode(p []float64, relearningSteps int, shortTerm bool) ([]float64, []string) {
	return clampParams(p, relearningSteps, shortTerm)
}

func clampParams(p []float64, relearningSteps int, shortTerm bool) ([]float64, []string) {
	out := append([]float64(nil), p...)
	if len(out) != NumParams {
		return out, []string{fmt.Sprintf("fsrs parameters: %d numbers, want %d; left unchanged", len(out), NumParams)}
	}
	var notes []string
	clampInPlace(out, relearningSteps, shortTerm, &notes)
	return out, notes
}

// clampInPlace applies the bounds to w (21 numbers) and, when notes is not
// nil, describes every change. The optimizer calls it after every step.
func clampInPlace(w []float64, relearningSteps int, shortTerm bool, notes *[]string) {
	// w17 and w18 come last so that their ceiling is computed from in-bounds
	// values (ln of a negative w11 would be NaN).
	for i := range w {
		if i == 17 || i == 18 {
			continue
		}
		lo, hi := paramBounds[i][0], paramBounds[i][1]
		if i == 19 && !shortTerm {
			lo = 0
		}
		clampOne(w, i, lo, hi, notes)
	}
	c := SameDayCeiling(w, relearningSteps)
	clampOne(w, 17, 0, c, notes)
	clampOne(w, 18, 0, c, notes)
}

func clampOne(w []float64, i int, lo, hi float64, notes *[]string) {
	v := w[i]
	nv := math.Min(math.Max(v, lo), hi)
	if nv != v {
		w[i] = nv
		if notes != nil {
			*notes = append(*notes, fmt.Sprintf("w%d changed from %.6g to %.6g to stay within [%.6g, %.6g]", i, v, nv, lo, hi))
		}
	}
}
