package sched

import (
	"math"
	"testing"
)

// near reports whether got matches want within the tolerance of FSRS.md §7:
// |got − want| ≤ 1e-4·max(1, |want|).
func near(got, want float64) bool {
	return math.Abs(got-want) <= 1e-4*math.Max(1, math.Abs(want))
}

func checkNear(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %.9g, want %.9g", what, got, want)
	}
}

func checkNearSlice(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d numbers, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("%s[%d] = %.9g, want %.9g", what, i, got[i], want[i])
		}
	}
}

func defaults() []float64 { return append([]float64(nil), DefaultParams[:]...) }

// p5 is the FSRS-5 vector of §7, padded per §1.1.
func p5(t *testing.T) []float64 {
	t.Helper()
	w, err := FillParams([]float64{0.6845422, 1.6790825, 4.7349424, 10.042885, 7.4410233, 0.64219797,
		1.071918, 0.0025195254, 1.432437, 0.1544, 0.8692766, 2.0696752, 0.0953, 0.2975, 2.4691248,
		0.19542035, 3.201072, 0.18046261, 0.121442534})
	if err != nil {
		t.Fatal(err)
	}
	return w
}
