package sched

import "math"

// The SM-2 predictors of §3.3 turn an SM-2 interval into a probability by
// treating the interval as the time at which recall falls to 90 %. Both
// replay only the first answer of each day.

// sm2PredictRecall is R = 0.9^(t / interval).
func sm2PredictRecall(t, interval float64) float64 {
	return math.Pow(0.9, t/interval)
}

// benchmarkSM2Interval is the interval after hist under SM-2 as the
// srs-benchmark project runs it: the ease is updated after the interval,
// on failures too.
func benchmarkSM2Interval(hist []review) float64 {
	ivl, ef, reps := 0.0, 2.5, 0
	for k, r := range hist {
		if k > 0 && r.t == 0 {
			continue
		}
		if r.g >= Hard {
			switch reps {
			case 0:
				ivl = 1
			case 1:
				ivl = 6
			default:
				ivl *= ef
			}
			reps++
		} else {
			ivl, reps = 1, 0
		}
		ef = sm2EaseStep(ef, int(r.g)+1)
		ivl = clamp(math.Round(ivl+0.01), 1, 36500)
	}
	return ivl
}

// ankiSM2Interval is the interval after hist under Anki's SM-2 variant
// without fuzz and without learning steps: the first answer graduates at
// once and a lapse sets the interval to the lapse interval.
func ankiSM2Interval(hist []review) float64 {
	cfg := defaultSM2
	ivl, ease := 0, cfg.StartingEase
	for k, r := range hist {
		switch {
		case k == 0:
			ivl = cfg.GraduatingInterval
			if r.g == Easy {
				ivl = cfg.EasyInterval
			}
			continue
		case r.t == 0:
			continue
		case r.g == Again:
			ease = math.Max(cfg.MinimumEase, ease+easeAgain)
			ivl = cfg.LapseInterval
			continue
		}
		hard, good, easy := cfg.reviewIntervals(ivl, int(r.t), ease, MaxMaximumInterval, false, 0)
		switch r.g {
		case Hard:
			ivl, ease = hard, math.Max(cfg.MinimumEase, ease+easeHard)
		case Good:
			ivl = good
		case Easy:
			ivl, ease = easy, ease+easeEasy
		}
	}
	return float64(ivl)
}
