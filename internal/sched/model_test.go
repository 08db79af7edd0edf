package sched

import (
	"math"
	"strconv"
	"testing"
)

func TestForgettingCurveMatchesReference(t *testing.T) {
	w := defaults()
	cases := []struct{ t, s, want float64 }{
		{0, 1, 1.0}, {1, 2, 0.9403443}, {2, 3, 0.9253786}, {3, 4, 0.9185229}, {4, 4, 0.9}, {5, 2, 0.8261359},
		{0, 1, 1.0}, {1, 1, 0.9}, {2, 1, 0.84588464}, {3, 1, 0.80938810},
	}
	for _, c := range cases {
		checkNear(t, "R("+ftoa(c.t)+","+ftoa(c.s)+")", Retrievability(c.t, c.s, w[20]), c.want)
	}
	for i, want := range []float64{1.0, 0.9, 0.84028935, 0.7985001} {
		checkNear(t, "R(t,1) with decay 0.2, t="+strconv.Itoa(i), Retrievability(float64(i), 1, 0.2), want)
	}
	checkNear(t, "F for decay 0.5", ForgettingFactor(0.5), 19.0/81)
	checkNear(t, "F for the default decay", ForgettingFactor(w[20]), 0.980346)
}

func TestDifficultyUpdateMatchesReference(t *testing.T) {
	w := defaults()
	damped := []float64{8.354889, 6.6774445, 5.0, 3.3225555}
	next := []float64{8.341763, 6.6659956, 4.990228, 3.3144615}
	for g := Again; g <= Easy; g++ {
		checkNear(t, "D′(5,"+g.String()+")", dampedDifficulty(w, 5, g), damped[g-1])
		checkNear(t, "D_new(5,"+g.String()+")", NextDifficulty(w, 5, g), next[g-1])
	}
}

func TestStabilityFormulasMatchReference(t *testing.T) {
	w := defaults()
	recall := []struct {
		d, r float64
		g    Rating
		want float64
	}{{1, .9, 1, 25.602541}, {2, .8, 2, 28.226582}, {3, .7, 3, 58.656002}, {4, .6, 4, 127.226685}}
	for _, c := range recall {
		checkNear(t, "S′r(5,"+ftoa(c.d)+","+ftoa(c.r)+","+c.g.String()+")", StabilityAfterSuccess(w, 5, c.d, c.r, c.g), c.want)
	}
	lapse := []struct{ d, r, want float64 }{{1, .9, 1.0525396}, {2, .8, 1.1894329}, {3, .7, 1.3680838}, {4, .6, 1.584989}}
	for _, c := range lapse {
		checkNear(t, "S′f(5,"+ftoa(c.d)+","+ftoa(c.r)+")", StabilityAfterLapse(w, 5, c.d, c.r), c.want)
	}
	same := []float64{1.596818, 5.0, 5.0, 8.12961}
	for g := Again; g <= Easy; g++ {
		checkNear(t, "S′s(5,"+g.String()+")", StabilityAfterSameDay(w, 5, g), same[g-1])
	}
}

func TestInitialStateMatchesReference(t *testing.T) {
	w := defaults()
	d0 := []float64{6.4133, 5.11217071, 2.11810397, 1}
	s0 := []float64{0.212, 1.2931, 2.3065, 8.2956}
	for g := Again; g <= Easy; g++ {
		s, d := Step(w, 0, 0, 0, g)
		checkNear(t, "clamp(D0("+g.String()+"))", d, d0[g-1])
		checkNear(t, "S0("+g.String()+")", s, s0[g-1])
		checkNear(t, "InitStability("+g.String()+")", InitStability(w, g), s0[g-1])
	}
	// The mean-reversion target stays raw: D0(Easy) < 1 with the defaults.
	checkNear(t, "raw D0(Easy)", InitDifficulty(w, Easy), -4.7716)
}

func TestRoundedIntervalForEachRetention(t *testing.T) {
	w := defaults()
	want := []int{3116769, 34793, 2508, 387, 90, 27, 9, 3, 1, 1}
	for i, wv := range want {
		r := float64(i+1) / 10
		got := max(1, int(math.Round(Interval(r, 1, w[20]))))
		if got != wv {
			t.Errorf("max(1, round(I(%.1f, 1))) = %d, want %d", r, got, wv)
		}
	}
	checkNear(t, "I(0.9, 7.5)", Interval(0.9, 7.5, w[20]), 7.5)
}

// memoryAfter applies Step to a history of grades and elapsed days.
func memoryAfter(w []float64, grades []Rating, ts []float64) (float64, float64) {
	var s, d float64
	for i, g := range grades {
		s, d = Step(w, s, d, ts[i], g)
	}
	return s, d
}

func TestMemorySequencesMatchReference(t *testing.T) {
	noSameDay := defaults()
	noSameDay[17], noSameDay[18], noSameDay[19] = 0, 0, 0
	g := func(xs ...Rating) []Rating { return xs }
	f := func(xs ...float64) []float64 { return xs }
	cases := []struct {
		name   string
		w      []float64
		grades []Rating
		ts     []float64
		s, d   float64
	}{
		{"default", defaults(), g(1, 3, 3, 3, 3, 3), f(0, 0, 1, 3, 8, 21), 53.62691, 6.3574867},
		{"w17=w18=w19=0", noSameDay, g(1, 3, 3, 3, 3, 3), f(0, 0, 1, 3, 8, 21), 53.335106, 6.3574867},
		{"mixed grades", defaults(), g(1, 2, 3, 4, 3, 3), f(0, 0, 1, 3, 8, 21), 51.0810, 6.7493},
		{"three same-day", defaults(), g(1, 3, 3, 3, 3, 3, 3), f(0, 0, 0, 1, 3, 8, 21), 54.0393, 6.3464},
		{"P5", p5(t), g(1, 3, 3, 3, 3), f(0, 1, 3, 8, 21), 31.722992, 7.382128},
		{"1,1 / 0,1", defaults(), g(1, 1), f(0, 1), 0.10088589, 8.806304},
		{"2,2 / 0,1", defaults(), g(2, 2), f(0, 1), 3.2494123, 6.7404594},
		{"3,3 / 0,1", defaults(), g(3, 3), f(0, 1), 7.3153, 2.1112142},
		{"4,4 / 0,1", defaults(), g(4, 4), f(0, 1), 18.014914, 1.0},
		{"1,1 / 0,2", defaults(), g(1, 1), f(0, 2), 0.112798266, 8.806304},
		{"2,2 / 0,2", defaults(), g(2, 2), f(0, 2), 4.4694576, 6.7404594},
	}
	for _, c := range cases {
		s, d := memoryAfter(c.w, c.grades, c.ts)
		checkNear(t, c.name+": S", s, c.s)
		checkNear(t, c.name+": D", d, c.d)
	}
	s, d := Step(p5(t), 20.925528, 7.005062, 21, Good)
	checkNear(t, "P5 from (20.925528, 7.005062): S", s, 40.87456)
	checkNear(t, "P5 from (20.925528, 7.005062): D", d, 6.9913807)
}

func TestNextStatesOfAllGradesMatchReference(t *testing.T) {
	w := p5(t)
	s, d := memoryAfter(w, []Rating{1, 3, 3, 3}, []float64{0, 1, 3, 8})
	want := [4][2]float64{{2.9691455, 8.000659}, {17.091452, 7.6913934}, {31.722992, 7.382128}, {71.7502, 7.0728626}}
	for g := Again; g <= Easy; g++ {
		ns, nd := Step(w, s, d, 21, g)
		checkNear(t, g.String()+": S", ns, want[g-1][0])
		checkNear(t, g.String()+": D", nd, want[g-1][1])
		// With r = 0.9 the unrounded interval equals the stability.
		checkNear(t, g.String()+": I(0.9, S)", Interval(0.9, ns, w[20]), ns)
	}
}

func TestMemoryFromSM2MatchesReference(t *testing.T) {
	cases := []struct{ ease, ivl, r, s, d float64 }{
		{2.5, 10, 0.9, 10.0, 6.9140563},
		{2.5, 10, 0.8, 3.01572, 9.393428},
		{2.5, 10, 0.95, 24.841097, 1.2974405},
		{1.3, 20, 0.9, 20, 10},
	}
	for _, c := range cases {
		s, d := MemoryFromSM2(c.ease, c.ivl, c.r, DefaultParams[:])
		name := "(" + ftoa(c.ease) + "," + ftoa(c.ivl) + "," + ftoa(c.r) + ")"
		checkNear(t, name+" S", s, c.s)
		checkNear(t, name+" D", d, c.d)
	}
}

func TestRetrievabilityFallsWithTime(t *testing.T) {
	w := defaults()
	for _, s := range []float64{0.01, 0.5, 3, 40, 900} {
		for _, decay := range []float64{0.1, w[20], 0.5, 0.8} {
			prev := Retrievability(0, s, decay)
			for day := 1.0; day < 2000; day *= 1.7 {
				r := Retrievability(day, s, decay)
				if !(r < prev) || r <= 0 {
					t.Fatalf("R(%g, %g, %g) = %g, not below R at the earlier time %g", day, s, decay, r, prev)
				}
				prev = r
			}
		}
	}
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func TestBatchModelEqualsStep(t *testing.T) {
	rng := newSplitMix(11)
	for trial := 0; trial < 2000; trial++ {
		w := defaults()
		if trial%2 == 1 {
			w = p5(t)
		}
		m := newFSRSModel(w, 0.7+0.29*rng.float())
		s := []float64{0, 0.0005, 0.3, 4, 80, 40000}[rng.next()%6] * (0.5 + rng.float())
		d := 11 * rng.float()
		days := float64(rng.next() % 3 * (rng.next() % 40))
		for _, short := range []bool{true, false} {
			ss, ds := m.next(s, d, days, short)
			for i := range ss {
				g := Rating(i + 1)
				ws, wd := Step(w, s, d, days, g)
				if !short {
					ws, wd = stepLongTerm(w, s, d, days, g)
				}
				if math.Abs(ss[i]-ws) > 1e-12*ws || math.Abs(ds[i]-wd) > 1e-12*wd {
					t.Fatalf("short-term %v, (S, D, t) = (%v, %v, %v), %v: batch (%v, %v), Step (%v, %v)", short, s, d, days, g, ss[i], ds[i], ws, wd)
				}
			}
		}
	}
}
