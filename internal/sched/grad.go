package sched

import "math"

// The optimizer needs the gradient of the loss with respect to all 21
// parameters. It is computed here in reverse mode, written out by hand:
// one forward pass through an item's history records the intermediate
// values of every step, one backward pass pushes the adjoints of S and D
// back through them. That costs about two forward passes per item whatever
// the number of parameters, where forward-mode dual numbers would carry 21
// tangents through every operation (roughly ten times the work).

// Branches of a memory step, recorded for the backward pass.
const (
	brFirst int8 = iota
	brSameDay
	brSameDayFloor // Hard/Good/Easy same day with the increase floored at 1
	brRecall
	brLapse    // post-lapse stability chosen
	brLapseMin // capped at S / e^(w17·w18)
)

// tapeStep holds what the backward pass needs of one memory step.
type tapeStep struct {
	g      Rating
	branch int8
	passS  bool // output stability inside [0.001, 36500]
	passD  bool // output difficulty (before clamping) inside [1, 10]
	t      float64
	s, d   float64 // inputs of the step (already within bounds)
	r      float64 // retrievability at the answer (t > 0)
	u      float64 // 1 + F·t/s
	e      float64 // e^(w10·(1−R)) on recall; e^(w14·(1−R)) on a lapse
	a      float64 // recall: the growth term A; lapse/same day: the new S
	dp     float64 // damped difficulty D′
}

// gradWork is reusable scratch space for itemLossGrad.
type gradWork struct {
	tape []tapeStep
}

// forward runs the memory model over hist, recording a tape when record is
// set, and returns the final (S, D).
func (gw *gradWork) forward(w []float64, hist []review, record bool) (float64, float64) {
	if record {
		gw.tape = gw.tape[:0]
	}
	var s, d float64
	decay := w[20]
	f := ForgettingFactor(decay)
	d04 := w[4] - math.Exp(3*w[5]) + 1
	for k, rv := range hist {
		g := rv.g
		st := tapeStep{g: g, t: float64(rv.t), s: s, d: d}
		if k == 0 {
			s0 := w[g-1]
			d0 := w[4] - math.Exp(w[5]*float64(g-1)) + 1
			st.branch = brFirst
			st.passS = s0 >= minStability && s0 <= maxStability
			st.passD = d0 >= 1 && d0 <= 10
			s, d = clamp(s0, minStability, maxStability), clamp(d0, 1, 10)
			if record {
				gw.tape = append(gw.tape, st)
			}
			continue
		}
		var ns float64
		if rv.t == 0 {
			raw := math.Exp(w[17]*(float64(g)-3+w[18])) * math.Pow(s, -w[19])
			if g >= Hard && raw < 1 {
				st.branch, ns = brSameDayFloor, s
			} else {
				st.branch, ns = brSameDay, s*raw
			}
			st.a = ns
		} else {
			st.u = 1 + f*st.t/s
			st.r = math.Pow(st.u, -decay)
			if g == Again {
				st.e = math.Exp(w[14] * (1 - st.r))
				pls := w[11] * math.Pow(d, -w[12]) * (math.Pow(s+1, w[13]) - 1) * st.e
				smin := s / math.Exp(w[17]*w[18])
				if smin < pls {
					st.branch, ns = brLapseMin, smin
				} else {
					st.branch, ns = brLapse, pls
				}
				st.a = ns
			} else {
				st.e = math.Exp(w[10] * (1 - st.r))
				hb := 1.0
				if g == Hard {
					hb = w[15]
				} else if g == Easy {
					hb = w[16]
				}
				st.a = math.Exp(w[8]) * (11 - d) * math.Pow(s, -w[9]) * (st.e - 1) * hb
				st.branch, ns = brRecall, s*(1+st.a)
			}
		}
		st.passS = ns >= minStability && ns <= maxStability
		st.dp = d - w[6]*float64(g-3)*(10-d)/9
		dpp := w[7]*d04 + (1-w[7])*st.dp
		st.passD = dpp >= 1 && dpp <= 10
		s, d = clamp(ns, minStability, maxStability), clamp(dpp, 1, 10)
		if record {
			gw.tape = append(gw.tape, st)
		}
	}
	return s, d
}

// predict is R(t, S) after hist, the probability of recalling the target.
func (gw *gradWork) predict(w []float64, hist []review, t float64) float64 {
	s, _ := gw.forward(w, hist, false)
	return Retrievability(t, s, w[20])
}

// Bounds of a predicted probability inside the log loss.
const (
	pMin = 1e-7
	pMax = 1 - 1e-7
)

// itemLossGrad returns weight·BCE of one item and adds its gradient to
// grad (21 numbers).
func (gw *gradWork) itemLossGrad(w []float64, hist []review, tTarget, y, weight float64, grad []float64) float64 {
	s, _ := gw.forward(w, hist, true)
	decay := w[20]
	f := ForgettingFactor(decay)
	lnF1 := math.Log(0.9) * (f + 1) / (decay * decay) // dF/d(decay)

	u := 1 + f*tTarget/s
	p := math.Pow(u, -decay)
	pc := clamp(p, pMin, pMax)
	loss := -weight * (y*math.Log(pc) + (1-y)*math.Log(1-pc))
	if p < pMin || p > pMax {
		return loss // the clamp blocks the gradient
	}
	dp := weight * (-y/p + (1-y)/(1-p))
	aS := dp * p * decay * f * tTarget / (u * s * s)
	grad[20] += dp * p * (-math.Log(u) - decay*tTarget/s*lnF1/u)
	aD := 0.0

	d04 := w[4] - math.Exp(3*w[5]) + 1
	for k := len(gw.tape) - 1; k >= 0; k-- {
		st := &gw.tape[k]
		g := st.g
		aNS, aND := aS, aD
		if !st.passS {
			aNS = 0
		}
		if !st.passD {
			aND = 0
		}
		if st.branch == brFirst {
			grad[g-1] += aNS
			grad[4] += aND
			grad[5] -= aND * float64(g-1) * math.Exp(w[5]*float64(g-1))
			break
		}
		s, d := st.s, st.d
		// Difficulty: D″ = w7·D0(4) + (1 − w7)·D′, D′ = d − w6·(G−3)·(10−d)/9.
		gm3 := float64(g - 3)
		grad[7] += aND * (d04 - st.dp)
		grad[4] += aND * w[7]
		grad[5] -= aND * w[7] * 3 * math.Exp(3*w[5])
		aDp := aND * (1 - w[7])
		grad[6] -= aDp * gm3 * (10 - d) / 9
		aDin := aDp * (1 + w[6]*gm3/9)
		aSin := 0.0
		aR := 0.0
		switch st.branch {
		case brSameDayFloor:
			aSin += aNS
		case brSameDay:
			ns := st.a
			aSin += aNS * (1 - w[19]) * ns / s
			grad[17] += aNS * (gm3 + w[18]) * ns
			grad[18] += aNS * w[17] * ns
			grad[19] -= aNS * math.Log(s) * ns
		case brRecall:
			A := st.a
			aA := aNS * s
			aSin += aNS*(1+A) - aA*w[9]*A/s
			grad[8] += aA * A
			grad[9] -= aA * math.Log(s) * A
			aDin -= aA * A / (11 - d)
			// ∂A/∂e = A/(e−1), written without the division.
			k := math.Exp(w[8]) * (11 - d) * math.Pow(s, -w[9])
			hb := 1.0
			if g == Hard {
				hb = w[15]
				grad[15] += aA * k * (st.e - 1)
			} else if g == Easy {
				hb = w[16]
				grad[16] += aA * k * (st.e - 1)
			}
			aE := aA * k * hb
			grad[10] += aE * st.e * (1 - st.r)
			aR = -aE * st.e * w[10]
		case brLapse:
			pls := st.a
			p1 := math.Pow(d, -w[12])
			base := w[11] * p1 * st.e
			sp := math.Pow(s+1, w[13])
			grad[11] += aNS * p1 * (sp - 1) * st.e
			aDin -= aNS * w[12] * pls / d
			grad[12] -= aNS * math.Log(d) * pls
			aSin += aNS * base * w[13] * sp / (s + 1)
			grad[13] += aNS * base * sp * math.Log(s+1)
			grad[14] += aNS * (1 - st.r) * pls
			aR = -aNS * w[14] * pls
		case brLapseMin:
			smin := st.a
			aSin += aNS * smin / s
			grad[17] -= aNS * w[18] * smin
			grad[18] -= aNS * w[17] * smin
		}
		if aR != 0 {
			// R = u^(−decay), u = 1 + F·t/s.
			aSin += aR * st.r * decay * f * st.t / (st.u * s * s)
			grad[20] += aR * st.r * (-math.Log(st.u) - decay*st.t/s*lnF1/st.u)
		}
		aS, aD = aSin, aDin
	}
	return loss
}
