package sched

import (
	"math"
	"slices"
)

// s0Group is the pre-training data of one first grade at one elapsed time:
// the share of recalls among count items whose first later-day review came
// t days after the first day.
type s0Group struct {
	t, p, count float64
}

// s0Loss is the pre-training objective of §4.3 for a candidate S0 s: the
// count-weighted log loss of the forgetting curve (with the default decay)
// plus a small pull towards the default S0 def.
func s0Loss(groups []s0Group, s, def float64) float64 {
	loss := 0.0
	for _, g := range groups {
		r := Retrievability(g.t, s, defaultDecay)
		loss -= g.count * (g.p*math.Log(r) + (1-g.p)*math.Log(1-r))
	}
	return loss + math.Abs(s-def)/16
}

// fitS0 minimises s0Loss over [0.001, 100] by ternary search.
func fitS0(groups []s0Group, def float64) float64 {
	lo, hi := 0.001, 100.0
	for i := 0; i < 1000 && hi-lo > 2.22e-16; i++ {
		m1 := lo + (hi-lo)/3
		m2 := hi - (hi-lo)/3
		if s0Loss(groups, m1, def) < s0Loss(groups, m2, def) {
			hi = m2
		} else {
			lo = m1
		}
	}
	return (lo + hi) / 2
}

// smoothS0Groups turns (t, share, count) into groups with the share pulled
// towards avgRecall: p = (share·count + avgRecall)/(count + 1).
func smoothS0Groups(groups []s0Group, avgRecall float64) []s0Group {
	out := make([]s0Group, len(groups))
	for i, g := range groups {
		out[i] = s0Group{t: g.t, p: (g.p*g.count + avgRecall) / (g.count + 1), count: g.count}
	}
	return out
}

// Interpolation exponents of smooth-and-fill (§4.3).
const (
	fillA = 0.41
	fillB = 0.54
)

// smoothAndFill makes the fitted S0 values ordered by grade and fills the
// grades without data (§4.3). known[g] says whether s[g] was fitted;
// count[g] is its number of items. It returns false when nothing is known.
func smoothAndFill(s [4]float64, known [4]bool, count [4]int) ([4]float64, bool) {
	pairs := [][2]int{{0, 1}, {1, 2}, {2, 3}, {0, 2}, {1, 3}, {0, 3}}
	for _, p := range pairs {
		a, b := p[0], p[1]
		if known[a] && known[b] && s[a] > s[b] {
			if count[a] > count[b] {
				s[b] = s[a]
			} else {
				s[a] = s[b]
			}
		}
	}
	n := 0
	for _, k := range known {
		if k {
			n++
		}
	}
	a, b := fillA, fillB
	pw := math.Pow
	switch n {
	case 0:
		return s, false
	case 1:
		k := slices.Index(known[:], true)
		scale := s[k] / DefaultParams[k]
		for i := range s {
			s[i] = DefaultParams[i] * scale
		}
		slices.Sort(s[:])
	case 2:
		s1, s2, s3, s4 := s[0], s[1], s[2], s[3]
		switch {
		case known[2] && known[3]:
			s2 = pw(s3, 1/(1-b)) * pw(s4, 1-1/(1-b))
			s1 = pw(s2, 1/a) * pw(s3, 1-1/a)
		case known[1] && known[3]:
			s3 = pw(s2, 1-b) * pw(s4, b)
			s1 = pw(s2, 1/a) * pw(s3, 1-1/a)
		case known[1] && known[2]:
			s4 = pw(s2, 1-1/b) * pw(s3, 1/b)
			s1 = pw(s2, 1/a) * pw(s3, 1-1/a)
		case known[0] && known[3]:
			c := a + b - a*b
			s2 = pw(s1, a/c) * pw(s4, 1-a/c)
			s3 = pw(s1, 1-b/c) * pw(s4, b/c)
		case known[0] && known[2]:
			s2 = pw(s1, a) * pw(s3, 1-a)
			s4 = pw(s2, 1-1/b) * pw(s3, 1/b)
		case known[0] && known[1]:
			s3 = pw(s1, 1-1/(1-a)) * pw(s2, 1/(1-a))
			s4 = pw(s2, 1-1/b) * pw(s3, 1/b)
		}
		s = [4]float64{s1, s2, s3, s4}
	case 3:
		switch {
		case !known[0]:
			s[0] = pw(s[1], 1/a) * pw(s[2], 1-1/a)
		case !known[1]:
			s[1] = pw(s[0], a) * pw(s[2], 1-a)
		case !known[2]:
			s[2] = pw(s[1], 1-b) * pw(s[3], b)
		case !known[3]:
			s[3] = pw(s[1], 1-1/b) * pw(s[2], 1/b)
		}
	}
	for i := range s {
		s[i] = clamp(s[i], 0.001, 100)
	}
	return s, true
}
