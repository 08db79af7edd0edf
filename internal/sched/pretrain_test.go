package sched

import "testing"

// referenceS0Groups is the pre-training data of FSRS.md §7.8.
func referenceS0Groups() []s0Group {
	share := []float64{0.86666667, 0.90721649, 0.73015873, 0.76315789, 0.67857143}
	count := []float64{435, 97, 63, 38, 28}
	out := make([]s0Group, len(share))
	for i := range share {
		out[i] = s0Group{t: float64(i + 1), p: share[i], count: count[i]}
	}
	return out
}

func TestPretrainLossMatchesReference(t *testing.T) {
	g := referenceS0Groups()
	checkNear(t, "Loss(0.7840586)", s0Loss(g, 0.7840586, 0.212), 279.9206961069712)
	checkNear(t, "Loss(0.7840590622451964)", s0Loss(g, 0.7840590622451964, 0.212), 279.9206977311556)
}

func TestPretrainSearchMatchesReference(t *testing.T) {
	g := smoothS0Groups(referenceS0Groups(), 0.94302857)
	checkNear(t, "S0", fitS0(g, 0.212), 0.7355089)
}

func TestSmoothAndFillMatchesReference(t *testing.T) {
	got, ok := smoothAndFill([4]float64{0.4, 0, 2.3, 10.9}, [4]bool{true, false, true, true}, [4]int{1, 1, 1, 1})
	if !ok {
		t.Fatal("not filled")
	}
	checkNearSlice(t, "{1,3,4}", got[:], []float64{0.4, 1.1227008, 2.3, 10.9})
	got, _ = smoothAndFill([4]float64{0, 0.35, 0, 0}, [4]bool{false, true, false, false}, [4]int{0, 1, 0, 0})
	checkNearSlice(t, "{2}", got[:], []float64{0.05738148, 0.35, 0.6242943, 2.2453482})
	if _, ok := smoothAndFill([4]float64{}, [4]bool{}, [4]int{}); ok {
		t.Error("nothing known should fail")
	}
}

func TestSmoothAndFillOrdersGradesByCount(t *testing.T) {
	// Again fitted above Good: the grade with more items wins.
	got, _ := smoothAndFill([4]float64{5, 0, 3, 0}, [4]bool{true, false, true, false}, [4]int{10, 0, 2, 0})
	if got[0] != 5 || got[2] != 5 {
		t.Errorf("Again (10 items) 5 vs Good (2 items) 3 → %v, want both 5", got)
	}
	for i := 1; i < 4; i++ {
		if got[i] < got[i-1] {
			t.Errorf("filled S0 not ascending: %v", got)
		}
	}
	got, _ = smoothAndFill([4]float64{5, 0, 3, 0}, [4]bool{true, false, true, false}, [4]int{2, 0, 10, 0})
	if got[0] != 3 || got[2] != 3 {
		t.Errorf("Again (2 items) 5 vs Good (10 items) 3 → %v, want both 3", got)
	}
}
