package sched

import (
	"cmp"
	"math"
	"slices"
)

// binKey is the RMSE(bins) bin of an item (§5.2): elapsed days, number of
// later-day reviews and number of later-day lapses, each on a log scale.
type binKey struct{ a, b, c int32 }

func logBin(x, base, scale float64) float64 {
	return scale * math.Pow(base, math.Floor(math.Log(x)/math.Log(base)))
}

func binT(t int32) int32 { return int32(math.Round(logBin(float64(t), 3.62, 2.48) * 100)) }
func binN(n int) int32   { return int32(math.Round(logBin(float64(n), 1.89, 1.99))) }
func binL(l int) int32 {
	if l == 0 {
		return 0
	}
	return int32(math.Round(logBin(float64(l), 1.73, 1.65)))
}

// itemBin computes the bin of an item from its history and target.
func (d *dataset) itemBin(it item) binKey {
	hist := d.history(it)
	n, lapses := 2, 0 // 1 + the target (t > 0)
	for _, r := range hist {
		if r.t > 0 {
			n++
			if r.g == Again {
				lapses++
			}
		}
	}
	return binKey{binT(d.target(it).t), binN(n), binL(lapses)}
}

// prediction is one scored item: predicted probability, label, weight, bin.
type prediction struct {
	p, y, w float64
	bin     binKey
}

// logLoss is the weighted binary cross-entropy with p clamped to
// [1e-7, 1 − 1e-7].
func logLoss(ps []prediction) float64 {
	sum, wsum := 0.0, 0.0
	for _, x := range ps {
		p := clamp(x.p, pMin, pMax)
		sum -= x.w * (x.y*math.Log(p) + (1-x.y)*math.Log(1-p))
		wsum += x.w
	}
	return sum / wsum
}

// rmseBins is the weighted RMSE between mean prediction and mean outcome
// over the bins of §5.2.
func rmseBins(ps []prediction) float64 {
	type acc struct{ p, y, w float64 }
	bins := map[binKey]*acc{}
	for _, x := range ps {
		a := bins[x.bin]
		if a == nil {
			a = &acc{}
			bins[x.bin] = a
		}
		a.p += x.w * x.p
		a.y += x.w * x.y
		a.w += x.w
	}
	// Summing in key order keeps the result independent of map order.
	keys := make([]binKey, 0, len(bins))
	for k := range bins {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b binKey) int {
		return cmp.Or(cmp.Compare(a.a, b.a), cmp.Compare(a.b, b.b), cmp.Compare(a.c, b.c))
	})
	num, den := 0.0, 0.0
	for _, k := range keys {
		a := bins[k]
		diff := a.p/a.w - a.y/a.w
		num += a.w * diff * diff
		den += a.w
	}
	return math.Sqrt(num / den)
}

// auc is the probability that a recalled item gets a higher prediction
// than a forgotten one, ties counting half (rank sum with average ranks).
// ok is false when only one class is present.
func auc(ps []prediction) (float64, bool) {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(ps[a].p, ps[b].p) })
	rankSum, pos := 0.0, 0.0
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && ps[idx[j]].p == ps[idx[i]].p {
			j++
		}
		avgRank := float64(i+j+1) / 2 // ranks i+1 … j
		for k := i; k < j; k++ {
			if ps[idx[k]].y > 0.5 {
				rankSum += avgRank
				pos++
			}
		}
		i = j
	}
	neg := float64(len(ps)) - pos
	if pos == 0 || neg == 0 {
		return 0, false
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg), true
}

// scoreLogLoss is the weighted log loss of parameters w on items.
func scoreLogLoss(ds *dataset, items []item, weights []float64, w []float64) float64 {
	var gw gradWork
	ps := make([]prediction, len(items))
	for i, it := range items {
		ps[i] = prediction{p: gw.predict(w, ds.history(it), float64(ds.target(it).t)), y: ds.label(it), w: weights[i]}
	}
	return logLoss(ps)
}
