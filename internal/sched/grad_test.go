package sched

import (
	"math"
	"math/rand/v2"
	"testing"
)

// referenceBatch is the four-card batch of FSRS.md §7.8.
type refItem struct {
	hist []review
	t, y float64
}

func referenceBatch() []refItem {
	h := func(pairs ...int) []review {
		out := make([]review, 0, len(pairs)/2)
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, review{g: Rating(pairs[i]), t: int32(pairs[i+1])})
		}
		return out
	}
	return []refItem{
		{h(1, 0, 3, 0, 1, 0, 4, 0, 3, 1, 2, 3), 4, 1},
		{h(2, 0, 4, 0, 4, 0, 3, 1, 1, 3, 3, 6), 11, 1},
		{h(3, 0, 2, 0, 4, 0, 3, 1, 3, 3, 3, 6), 12, 1},
		{h(4, 0, 4, 0, 3, 1, 3, 3, 3, 5, 4, 12), 23, 0},
	}
}

func batchLossGrad(w []float64, batch []refItem) (float64, []float64) {
	var gw gradWork
	grad := make([]float64, NumParams)
	loss := 0.0
	for _, it := range batch {
		loss += gw.itemLossGrad(w, it.hist, it.t, it.y, 1, grad)
	}
	return loss, grad
}

func TestLossAndGradientMatchReference(t *testing.T) {
	loss, grad := batchLossGrad(defaults(), referenceBatch())
	checkNear(t, "loss", loss, 4.0466027)
	checkNearSlice(t, "gradient", grad, []float64{-0.095688485, -0.0051607806, -0.0012249565, 0.007462064,
		0.03650761, -0.082112335, 0.0593964, -2.1474836, 0.57626534, -2.8751316, 0.7154875, -0.028993709,
		0.0099172965, -0.2189217, -0.0017800558, -0.089381434, 0.299141, 0.068104014, -0.011605468,
		-0.25398168, 0.27700496})
}

func TestAdamStepsMatchReference(t *testing.T) {
	w := defaults()
	opt := newAdam(NumParams)
	_, grad := batchLossGrad(w, referenceBatch())
	opt.step(w, grad, 0.04)
	clampInPlace(w, 1, true, nil)
	checkNearSlice(t, "after step 1", w, []float64{0.252, 1.3331, 2.3464994, 8.2556, 6.3733, 0.8734, 2.9794,
		0.041, 1.8322, 0.2066, 0.756, 1.5235, 0.0214, 0.3029, 1.6882998, 0.6414, 1.8329, 0.5025, 0.1312,
		0.1058, 0.1142})

	checkNear(t, "L2 penalty (γ = 2, 512 of 1000)", l2Penalty(w, DefaultParams[:], 2*512.0/1000), 0.67711145)

	loss, grad := batchLossGrad(w, referenceBatch())
	checkNear(t, "loss at step-1 parameters", loss, 3.767796)
	checkNearSlice(t, "gradient at step-1 parameters", grad, []float64{-0.040530164, -0.0041278866,
		-0.0010157757, 0.007239434, 0.009321215, -0.120117955, 0.039143264, -0.8628009, 0.5794302,
		-2.5713828, 0.7669307, -0.024242667, 0.0, -0.16912507, -0.0017008218, -0.061857328, 0.28093633,
		0.064058185, 0.0063592787, -0.1903223, 0.6257775})
	opt.step(w, grad, 0.04)
	clampInPlace(w, 1, true, nil)
	checkNearSlice(t, "after step 2", w, []float64{0.2882918, 1.3726242, 2.3861322, 8.215636, 6.339965,
		0.9130969, 2.940639, 0.07696985, 1.7921946, 0.2464217, 0.71595186, 1.5631561, 0.001, 0.34230903,
		1.7282416, 0.68038, 1.7929853, 0.46258268, 0.14039303, 0.14509967, 0.1})
}

func TestCosineScheduleMatchesReference(t *testing.T) {
	want := []float64{0.04, 0.03618034, 0.02618034, 0.01381966, 0.00381966, 0.0, 0.00381966, 0.01381966, 0.02618034, 0.03618034, 0.04}
	for k, wv := range want {
		checkNear(t, "lr", cosineLR(0.04, k, 5), wv)
	}
}

// finiteDiff is the central difference of the batch loss in parameter j.
func finiteDiff(w []float64, batch []refItem, j int) float64 {
	h := 1e-6 * math.Max(1, math.Abs(w[j]))
	wp := append([]float64(nil), w...)
	wm := append([]float64(nil), w...)
	wp[j] += h
	wm[j] -= h
	lp, _ := batchLossGrad(wp, batch)
	lm, _ := batchLossGrad(wm, batch)
	return (lp - lm) / (2 * h)
}

func TestGradientMatchesFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 30; trial++ {
		// Random parameters inside the bounds, away from their edges.
		w := defaults()
		for j := range w {
			lo, hi := paramBounds[j][0], paramBounds[j][1]
			if j == 17 || j == 18 {
				hi = 1
			}
			w[j] = lo + (hi-lo)*(0.1+0.8*rng.Float64())
		}
		// Random histories with every branch: same day, recall, lapse.
		var batch []refItem
		for i := 0; i < 8; i++ {
			n := 1 + rng.IntN(8)
			hist := make([]review, n)
			for k := range hist {
				hist[k] = review{g: Rating(1 + rng.IntN(4))}
				if k > 0 && rng.IntN(3) > 0 {
					hist[k].t = int32(1 + rng.IntN(30))
				}
			}
			batch = append(batch, refItem{hist, float64(1 + rng.IntN(40)), float64(rng.IntN(2))})
		}
		_, grad := batchLossGrad(w, batch)
		for j := range w {
			fd := finiteDiff(w, batch, j)
			if math.Abs(fd-grad[j]) > 1e-5*math.Max(1, math.Abs(fd)) {
				t.Errorf("trial %d: ∂loss/∂w%d = %.9g by reverse mode, %.9g by finite differences", trial, j, grad[j], fd)
			}
		}
	}
}
