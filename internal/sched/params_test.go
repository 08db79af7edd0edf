package sched

import (
	"math"
	"strings"
	"testing"
)

func TestFillParamsConvertsFSRS45(t *testing.T) {
	got, err := FillParams([]float64{0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61})
	if err != nil {
		t.Fatal(err)
	}
	checkNearSlice(t, "17→21", got, []float64{0.4, 0.6, 2.4, 5.8, 6.81, 0.44675013, 1.36, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61, 0, 0, 0, 0.5})
}

func TestFillParamsPadsFSRS5AndDefaultsEmpty(t *testing.T) {
	in := p5(t)[:19]
	got, err := FillParams(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 21 || got[19] != 0 || got[20] != 0.5 || got[0] != in[0] {
		t.Errorf("19→21 = %v", got)
	}
	got, err = FillParams(nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNearSlice(t, "empty", got, DefaultParams[:])
	full := defaults()
	full[3] = 9
	got, _ = FillParams(full)
	checkNearSlice(t, "21", got, full)
}

func TestFillParamsRejectsOtherLengthsAndNonFinite(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22} {
		if _, err := FillParams(make([]float64, n)); err == nil {
			t.Errorf("length %d accepted", n)
		} else if !strings.Contains(err.Error(), "21") {
			t.Errorf("length %d: error %q does not say what is expected", n, err)
		}
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		p := defaults()
		p[7] = bad
		if _, err := FillParams(p); err == nil || !strings.Contains(err.Error(), "w7") {
			t.Errorf("w7 = %v: err = %v, want an error naming w7", bad, err)
		}
	}
}

func TestClampParamsAppliesBoundsAndReports(t *testing.T) {
	p := defaults()
	copy(p, []float64{0, -1000, 1000, 0, 1000, -1000, 1, 0.25, -0.1})
	got, notes := ClampParams(p, 1)
	checkNearSlice(t, "w0..w8", got[:9], []float64{0.001, 0.001, 100, 0.001, 10, 0.001, 1, 0.25, 0})
	checkNearSlice(t, "w9..w20", got[9:], DefaultParams[9:])
	if len(notes) != 7 {
		t.Errorf("notes = %q, want one per changed entry (7)", notes)
	}
	if p[0] != 0 {
		t.Error("ClampParams changed its input")
	}
}

func TestSameDayCeilingWithTwoRelearningSteps(t *testing.T) {
	checkNear(t, "C", SameDayCeiling(DefaultParams[:], 2), 0.60046)
	got, notes := ClampParams(defaults(), 2)
	checkNearSlice(t, "w17..w19", got[17:20], []float64{0.5425, 0.0912, 0.0658})
	if len(notes) != 0 {
		t.Errorf("defaults with 2 relearning steps: notes %q, want none", notes)
	}
	if c := SameDayCeiling(DefaultParams[:], 1); c != 2 {
		t.Errorf("C with one relearning step = %v, want 2", c)
	}
	// With many relearning steps the ceiling binds.
	got, notes = ClampParams(defaults(), 10)
	if c := SameDayCeiling(DefaultParams[:], 10); got[17] != c || len(notes) != 1 {
		t.Errorf("10 steps: w17 = %v (C = %v), notes %q", got[17], c, notes)
	}
}

func TestClampParamsW19FloorDependsOnMode(t *testing.T) {
	p := defaults()
	p[19] = 0
	short, _ := ClampParamsMode(p, 1, true)
	long, notes := ClampParamsMode(p, 1, false)
	if short[19] != 0.01 || long[19] != 0 || len(notes) != 0 {
		t.Errorf("w19 = 0: short-term %v (want 0.01), long-term %v (want 0), notes %q", short[19], long[19], notes)
	}
}
