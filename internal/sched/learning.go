package sched

import (
	"math"
	"time"
)

// stepKind is the outcome of an answer in (re)learning.
type stepKind int8

const (
	stayInSteps   stepKind = iota // wait for another step
	graduate                      // to Review with the grade's own interval
	graduateAtEnd                 // Good at the last step
	graduateEasy                  // Easy while steps remain
)

// learningStep applies the step table of §2.3 (Anki's steps.rs) to an
// answer g at step index step of the steps L.
func learningStep(L []time.Duration, step int, g Rating) (kind stepKind, next int, wait time.Duration) {
	n := len(L)
	step = max(step, 0) // a damaged card must not index out of range
	switch {
	case n == 0:
		return graduate, 0, 0
	case g >= Hard && step >= n:
		return graduate, 0, 0
	case g == Again:
		return stayInSteps, 0, L[0]
	case g == Hard:
		switch {
		case step == 0 && n == 1:
			wait = min(L[0]*3/2, L[0]+oneDay)
		case step == 0:
			wait = (L[0] + L[1]) / 2
		default:
			wait = L[step]
		}
		if wait > oneDay {
			wait = time.Duration(math.Round(float64(wait)/float64(oneDay))) * oneDay
		}
		return stayInSteps, step, wait
	case g == Good && step+1 < n:
		return stayInSteps, step + 1, L[step+1]
	case g == Good:
		return graduateAtEnd, 0, 0
	}
	return graduateEasy, 0, 0
}
