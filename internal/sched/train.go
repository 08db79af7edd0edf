package sched

import "math"

// adam is the Adam optimizer of §4.4 (β1 0.9, β2 0.999, ε 1e-8, with bias
// correction).
type adam struct {
	m, v []float64
	k    int
}

func newAdam(n int) *adam {
	return &adam{m: make([]float64, n), v: make([]float64, n)}
}

// step moves w against grad with learning rate lr.
func (a *adam) step(w, grad []float64, lr float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	a.k++
	c1 := 1 - math.Pow(b1, float64(a.k))
	c2 := 1 - math.Pow(b2, float64(a.k))
	for i := range w {
		a.m[i] = b1*a.m[i] + (1-b1)*grad[i]
		a.v[i] = b2*a.v[i] + (1-b2)*grad[i]*grad[i]
		w[i] -= lr * (a.m[i] / c1) / (math.Sqrt(a.v[i]/c2) + eps)
	}
}

// cosineLR is the learning rate of step k of a cosine schedule with period
// T: lr·(1 + cos(π·k/T))/2.
func cosineLR(lr float64, k, T int) float64 {
	return lr * (1 + math.Cos(math.Pi*float64(k)/float64(T))) / 2
}

// paramSigma are the scales of the L2 pull towards the initial parameters
// (§4.4): the spread of each parameter across fitted collections.
var paramSigma = [NumParams]float64{6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
	0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27}

// l2Penalty is scale·Σ(w − init)²/σ² (scale = γ·|batch|/N).
func l2Penalty(w, init []float64, scale float64) float64 {
	sum := 0.0
	for i := range w {
		d := (w[i] - init[i]) / paramSigma[i]
		sum += d * d
	}
	return scale * sum
}

// addL2Grad adds the gradient of l2Penalty to grad.
func addL2Grad(w, init []float64, scale float64, grad []float64) {
	for i := range w {
		grad[i] += 2 * scale * (w[i] - init[i]) / (paramSigma[i] * paramSigma[i])
	}
}
