package sched

import "math"

// fsrsModel evaluates the memory step for all four grades at once, with the
// per-parameter constants computed once. The scheduler answers through it
// (a preview needs all four states anyway); it computes exactly the
// formulas of Step and stepLongTerm, which stay the readable reference and
// are compared with it in the tests.
type fsrsModel struct {
	w            []float64
	f            float64    // forgetting-curve factor F
	ivlFactor    float64    // I(r, S) = S·ivlFactor for the desired retention
	expW8        float64    // e^w8
	d04          float64    // raw D0(Easy), the mean-reversion target
	lapseCap     float64    // e^(w17·w18)
	sameDay      [4]float64 // e^(w17·(G−3+w18))
	initS, initD [4]float64
}

func newFSRSModel(w []float64, retention float64) fsrsModel {
	m := fsrsModel{
		w:        w,
		f:        ForgettingFactor(w[20]),
		expW8:    math.Exp(w[8]),
		d04:      InitDifficulty(w, Easy),
		lapseCap: math.Exp(w[17] * w[18]),
	}
	m.ivlFactor = Interval(retention, 1, w[20])
	for i := range m.sameDay {
		g := Rating(i + 1)
		m.sameDay[i] = math.Exp(w[17] * (float64(g) - 3 + w[18]))
		m.initS[i] = clamp(InitStability(w, g), minStability, maxStability)
		m.initD[i] = clamp(InitDifficulty(w, g), 1, 10)
	}
	return m
}

// next returns the memory states after each grade (index 0 = Again) for a
// card with state (s, d) answered t days after its last review; s <= 0
// means a first answer.
func (m *fsrsModel) next(s, d, t float64, shortTerm bool) (ss, ds [4]float64) {
	if !(s > 0) || math.IsNaN(d) { // no memory state, or a damaged one
		return m.initS, m.initD
	}
	w := m.w
	s = clamp(s, minStability, maxStability)
	d = clamp(d, 1, 10)
	for i := range ds {
		dp := d - w[6]*float64(i-2)*(10-d)/9
		ds[i] = clamp(w[7]*m.d04+(1-w[7])*dp, 1, 10)
	}
	if shortTerm && t <= 0 {
		p := math.Pow(s, -w[19])
		for i := range ss {
			inc := m.sameDay[i] * p
			if i >= 1 {
				inc = math.Max(inc, 1)
			}
			ss[i] = clamp(s*inc, minStability, maxStability)
		}
		return ss, ds
	}
	r := 1.0
	if t > 0 {
		r = math.Pow(1+m.f*t/s, -w[20])
	}
	pls := w[11] * math.Pow(d, -w[12]) * (math.Pow(s+1, w[13]) - 1) * math.Exp(w[14]*(1-r))
	limit := s
	if shortTerm {
		limit = s / m.lapseCap
	}
	ss[0] = math.Min(pls, limit)
	growth := m.expW8 * (11 - d) * math.Pow(s, -w[9]) * math.Expm1(w[10]*(1-r))
	ss[1] = s * (1 + growth*w[15])
	ss[2] = s * (1 + growth)
	ss[3] = s * (1 + growth*w[16])
	for i := range ss {
		ss[i] = clamp(ss[i], minStability, maxStability)
	}
	return ss, ds
}
