package sched

import "testing"

func preds(p, y []float64) []prediction {
	out := make([]prediction, len(p))
	for i := range p {
		out[i] = prediction{p: p[i], y: y[i], w: 1}
	}
	return out
}

func TestLogLossMatchesHandWorkedValue(t *testing.T) {
	checkNear(t, "log loss", logLoss(preds([]float64{0.9, 0.8}, []float64{1, 0})), 0.8573992)
	// A certain wrong prediction is clamped, not infinite.
	if ll := logLoss(preds([]float64{0}, []float64{1})); ll > 17 || ll < 16 {
		t.Errorf("log loss of p = 0, y = 1 is %v, want −ln(1e-7) ≈ 16.1", ll)
	}
}

func TestAUCMatchesHandWorkedValues(t *testing.T) {
	a, ok := auc(preds([]float64{0.9, 0.8, 0.7, 0.6}, []float64{1, 0, 1, 0}))
	if !ok {
		t.Fatal("AUC undefined")
	}
	checkNear(t, "AUC", a, 0.75)
	a, _ = auc(preds([]float64{0.5, 0.5}, []float64{1, 0}))
	checkNear(t, "AUC with a tie", a, 0.5)
	if _, ok := auc(preds([]float64{0.5, 0.7}, []float64{1, 1})); ok {
		t.Error("AUC with one class should be undefined")
	}
}

func TestRMSEBinsOneBin(t *testing.T) {
	checkNear(t, "RMSE(bins)", rmseBins(preds([]float64{0.9, 0.9}, []float64{1, 0})), 0.4)
	// Two bins, each exact on average: RMSE 0.
	ps := preds([]float64{0.5, 0.5, 1, 1}, []float64{1, 0, 1, 1})
	ps[2].bin, ps[3].bin = binKey{a: 1}, binKey{a: 1}
	checkNear(t, "RMSE(bins) of calibrated bins", rmseBins(ps), 0)
}

func TestBinsMatchReference(t *testing.T) {
	for _, c := range []struct {
		ts   []int32
		want int32
	}{{[]int32{1, 3}, 248}, {[]int32{4, 13}, 898}, {[]int32{14, 47}, 3250}, {[]int32{48, 171}, 11765}, {[]int32{172, 365}, 42588}} {
		for _, x := range c.ts {
			if got := binT(x); got != c.want {
				t.Errorf("bin a(%d) = %d, want %d", x, got, c.want)
			}
		}
	}
	for _, c := range []struct{ lo, hi, want int }{{2, 3, 4}, {4, 6, 7}, {7, 12, 13}, {13, 24, 25}} {
		for n := c.lo; n <= c.hi; n++ {
			if got := binN(n); got != int32(c.want) {
				t.Errorf("bin b(%d) = %d, want %d", n, got, c.want)
			}
		}
	}
	for _, c := range []struct{ lo, hi, want int }{{0, 0, 0}, {1, 1, 2}, {2, 2, 3}, {3, 5, 5}, {6, 8, 9}} {
		for l := c.lo; l <= c.hi; l++ {
			if got := binL(l); got != int32(c.want) {
				t.Errorf("bin c(%d) = %d, want %d", l, got, c.want)
			}
		}
	}
}
