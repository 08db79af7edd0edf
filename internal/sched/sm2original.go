package sched

import (
	"fmt"
	"math"
)

// OriginalSM2 is the state of a card under the original SM-2 algorithm
// (Wozniak 1990, §3.1). The zero value is not a fresh card; use
// NewOriginalSM2.
type OriginalSM2 struct {
	N        int     // successful reviews in a row
	EF       float64 // easiness factor
	Interval int     // days
	Repeat   bool    // answered with q < 4 today: repeat until q ≥ 4
}

// NewOriginalSM2 is a fresh card: n 0, EF 2.5, interval 0.
func NewOriginalSM2() OriginalSM2 { return OriginalSM2{EF: 2.5} }

// Answer applies quality q (0–5) and returns the new state and the number
// of days until the card is due again (0 means repeat it now).
func (s OriginalSM2) Answer(q int) (OriginalSM2, int, error) {
	if q < 0 || q > 5 {
		return s, 0, fmt.Errorf("sm-2 quality must be 0-5, got %d", q)
	}
	if s.Repeat {
		if q >= 4 {
			s.Repeat = false
			return s, s.Interval, nil
		}
		return s, 0, nil
	}
	if q < 3 {
		s.N, s.Interval = 0, 0
		return s, 0, nil
	}
	s.EF = sm2EaseStep(s.EF, q)
	switch s.N {
	case 0:
		s.Interval = 1
	case 1:
		s.Interval = 6
	default:
		// EF moves in steps of 0.02; the small offset keeps float noise
		// (6 × 2.5000000001) from adding a day.
		s.Interval = int(math.Ceil(float64(s.Interval)*s.EF - 1e-9))
	}
	s.N++
	if q >= 4 {
		return s, s.Interval, nil
	}
	s.Repeat = true
	return s, 0, nil
}

// sm2EaseStep is SM-2's easiness update for quality q, floored at 1.3.
func sm2EaseStep(ef float64, q int) float64 {
	d := float64(5 - q)
	return math.Max(1.3, ef+0.1-d*(0.08+0.02*d))
}
