package sched

import (
	"errors"
	"math"
	"testing"
)

func TestSM2PredictorFollowsBenchmarkRules(t *testing.T) {
	h := func(pairs ...int) []review {
		out := make([]review, 0, len(pairs)/2)
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, review{g: Rating(pairs[i]), t: int32(pairs[i+1])})
		}
		return out
	}
	// Good, Good, Good: 1, 6, then 6 × ef (2.5 after two q = 4 answers) = 15.
	if got := benchmarkSM2Interval(h(3, 0, 3, 1, 3, 6)); got != 15 {
		t.Errorf("G G G: interval %v, want 15", got)
	}
	// A same-day answer is ignored; a failure resets to 1 day.
	if got := benchmarkSM2Interval(h(3, 0, 1, 0, 3, 1, 1, 6)); got != 1 {
		t.Errorf("G (A same day) G A: interval %v, want 1", got)
	}
	// The ease falls on failure too: after A the next run grows by a smaller
	// factor. q = 2 lowers ef by 0.32: 2.5 → 2.18 → 2.18 after G → 2.18.
	if got := benchmarkSM2Interval(h(1, 0, 3, 1, 3, 1, 3, 6)); got != math.Round(6*2.18+0.01) {
		t.Errorf("A G G G: interval %v, want %v", got, math.Round(6*2.18+0.01))
	}
	checkNear(t, "R at the interval", sm2PredictRecall(15, 15), 0.9)
}

func TestAnkiSM2PredictorFollowsScheduler(t *testing.T) {
	h := func(pairs ...int) []review {
		out := make([]review, 0, len(pairs)/2)
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, review{g: Rating(pairs[i]), t: int32(pairs[i+1])})
		}
		return out
	}
	// Easy graduates at 4 days; Good on time: 4 × 2.5 = 10.
	if got := ankiSM2Interval(h(4, 0, 3, 4)); got != 10 {
		t.Errorf("E G: %v, want 10", got)
	}
	// Good graduates at 1 day; Again lapses to 1; Good 1 day later: ease
	// 2.3, hard 1.2 → min 2, good max(2.3 → 2, hard + 1 = 3) = 3.
	if got := ankiSM2Interval(h(3, 0, 1, 1, 3, 1)); got != 3 {
		t.Errorf("G A G: %v, want 3", got)
	}
}

func TestEvaluateOnSampleScoresEveryModel(t *testing.T) {
	res, err := Evaluate(loadSample(t), sampleSettings())
	if err != nil {
		t.Fatal(err)
	}
	if res.Reviews != 12580 || res.Cards != 1205 || res.Predictions == 0 {
		t.Fatalf("reviews %d cards %d predictions %d", res.Reviews, res.Cards, res.Predictions)
	}
	if len(res.Models) != 6 {
		t.Fatalf("%d models, want 6", len(res.Models))
	}
	byName := map[string]ModelScore{}
	for _, m := range res.Models {
		byName[m.Name] = m
		if math.IsNaN(m.LogLoss) || m.LogLoss <= 0 || m.RMSEBins < 0 || m.RMSEBins > 1 {
			t.Errorf("%s: log loss %v, RMSE %v", m.Name, m.LogLoss, m.RMSEBins)
		}
		auc := "null"
		if m.AUC != nil {
			auc = ftoa(*m.AUC)
		}
		t.Logf("%-18s log loss %.4f  RMSE(bins) %.4f  AUC %s", m.Name, m.LogLoss, m.RMSEBins, auc)
	}
	if byName[ModelAVG].AUC == nil {
		t.Error("AVG AUC undefined although both outcomes occur")
	}
	// Every FSRS variant beats both SM-2 predictors and the constant. (Whether
	// the fitted parameters beat the defaults out of sample depends on the
	// history: this learner's early months have far more lapses than the
	// later ones, and the early splits learn that.)
	for _, fsrs := range []string{ModelFSRSDefault, ModelFSRSOptimized, ModelFSRSS0} {
		for _, other := range []string{ModelSM2, ModelAnkiSM2, ModelAVG} {
			if !(byName[fsrs].LogLoss < byName[other].LogLoss) {
				t.Errorf("%s log loss %v not below %s %v", fsrs, byName[fsrs].LogLoss, other, byName[other].LogLoss)
			}
		}
	}
	// Fitting makes the predictions better calibrated.
	if !(byName[ModelFSRSOptimized].RMSEBins < byName[ModelFSRSDefault].RMSEBins) {
		t.Errorf("optimized RMSE(bins) %v not below the defaults' %v", byName[ModelFSRSOptimized].RMSEBins, byName[ModelFSRSDefault].RMSEBins)
	}
}

func TestEvaluateNeedsSixItems(t *testing.T) {
	_, err := Evaluate(simulate(2, 3, defaults(), 1), sampleSettings())
	if !errors.Is(err, ErrNotEnoughData) {
		t.Errorf("err = %v, want ErrNotEnoughData", err)
	}
}

func TestEvaluateIsDeterministic(t *testing.T) {
	logs := simulate(200, 6, defaults(), 9)
	a, err := Evaluate(logs, sampleSettings())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Evaluate(logs, sampleSettings())
	for i := range a.Models {
		if a.Models[i].LogLoss != b.Models[i].LogLoss || a.Models[i].RMSEBins != b.Models[i].RMSEBins {
			t.Errorf("%s differs between runs", a.Models[i].Name)
		}
	}
}
