package sched

import "math"

// fuzzRange is the whole-day interval for raw interval ivl with lower bound
// m and upper bound maxIvl, spread by the fuzz value u ∈ [0, 1) (§2.4
// without the elapsed-days rule; this is what §7.6 tests).
func fuzzRange(u, ivl float64, m, maxIvl int) int {
	lo0 := float64(clampInt(m, 1, maxIvl))
	hi0 := float64(maxIvl)
	iv := clamp(ivl, lo0, hi0)
	delta := 0.0
	if iv >= 2.5 {
		delta = 1 + 0.15*math.Max(math.Min(iv, 7)-2.5, 0) +
			0.10*math.Max(math.Min(iv, 20)-7, 0) +
			0.05*math.Max(iv-20, 0)
	}
	lo := clamp(math.Round(iv-delta), lo0, hi0)
	hi := clamp(math.Round(iv+delta), lo0, hi0)
	if hi == lo && hi > 2 && hi < hi0 {
		hi = lo + 1
	}
	return int(math.Floor(lo + u*(hi-lo+1)))
}

// dayInterval is F(I, m) of §2.4: the whole-day interval for raw interval
// ivl, at least m and at most maxIvl days, with fuzz u when fuzz is on.
// elapsed is the t of the answer: a growing interval never falls to elapsed
// or below.
func dayInterval(ivl float64, m, maxIvl int, fuzz bool, u float64, elapsed int) int {
	m = clampInt(m, 1, maxIvl)
	if !fuzz {
		return int(clamp(math.Round(ivl), float64(m), float64(maxIvl)))
	}
	if math.Round(ivl) > float64(elapsed) {
		m = min(max(m, elapsed+1), maxIvl)
	}
	return fuzzRange(u, ivl, m, maxIvl)
}

func clampInt(x, lo, hi int) int {
	return min(max(x, lo), hi)
}

// FuzzSeed is a deterministic fuzz value u ∈ [0, 1) for the answer to card
// cardID when it has reps reviews, so that the preview and the answer agree
// and so that replaying the log gives the same intervals.
func FuzzSeed(cardID string, reps int) float64 {
	// FNV-1a over the ID, a zero separator and the count (8 bytes, little
	// endian), written out so that the hot replay loop does not allocate.
	const prime = 1099511628211
	x := uint64(14695981039346656037)
	for i := 0; i < len(cardID); i++ {
		x = (x ^ uint64(cardID[i])) * prime
	}
	x *= prime // the zero separator byte
	r := uint64(reps)
	for i := 0; i < 8; i++ {
		x = (x ^ (r & 0xff)) * prime
		r >>= 8
	}
	// FNV mixes its last bytes poorly; a splitmix64 finaliser spreads them.
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11) / (1 << 53)
}
