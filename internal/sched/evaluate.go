package sched

import (
	"fmt"
	"sync"
)

// Names of the models Evaluate scores, in the order it reports them.
const (
	ModelFSRSDefault   = "FSRS-6 default"
	ModelFSRSOptimized = "FSRS-6 optimized"
	ModelFSRSS0        = "FSRS-6 S0 only"
	ModelSM2           = "SM-2"
	ModelAnkiSM2       = "Anki-SM-2"
	ModelAVG           = "AVG"
)

var modelNames = []string{ModelFSRSDefault, ModelFSRSOptimized, ModelFSRSS0, ModelSM2, ModelAnkiSM2, ModelAVG}

// ModelScore is the accuracy of one model on the pooled test items.
type ModelScore struct {
	Name     string
	LogLoss  float64
	RMSEBins float64
	// AUC is nil when it is undefined (only one outcome in the test items).
	AUC *float64
}

// EvalResult is what Evaluate measured.
type EvalResult struct {
	// Reviews and Cards count the graded history; Predictions the scored
	// test items.
	Reviews, Cards, Predictions int
	Models                      []ModelScore
}

// evalSplits is the number of scored parts of the time-series split.
const evalSplits = 5

// Evaluate scores how well each model predicts recall on a review history
// (§5): a time-series split into six parts, every fitted model trained on
// the parts before the one it predicts, the first part never scored. Day
// numbers and the training mode come from s. It returns ErrNotEnoughData
// (wrapped) when there are fewer than six items.
func Evaluate(logs []ReviewLog, s Settings) (EvalResult, error) {
	if err := s.Validate(); err != nil {
		return EvalResult{}, fmt.Errorf("evaluate: %w", err)
	}
	ds := buildDataset(logs, s)
	res := EvalResult{Reviews: ds.reviews, Cards: len(ds.cards)}
	n := len(ds.items)
	seg := n / (evalSplits + 1)
	if seg == 0 {
		return res, fmt.Errorf("evaluate: %w: %d items, at least %d needed", ErrNotEnoughData, n, evalSplits+1)
	}
	preds := make([][][]prediction, evalSplits) // split → model → predictions
	var wg sync.WaitGroup
	for i := 0; i < evalSplits; i++ {
		lo, hi := (i+1)*seg, (i+2)*seg
		if i == evalSplits-1 {
			hi = n
		}
		wg.Go(func() {
			preds[i] = evalSplit(ds, ds.items[:lo], ds.items[lo:hi], s)
		})
	}
	wg.Wait()
	for m, name := range modelNames {
		var pooled []prediction
		for i := range preds {
			pooled = append(pooled, preds[i][m]...)
		}
		score := ModelScore{Name: name, LogLoss: logLoss(pooled), RMSEBins: rmseBins(pooled)}
		if a, ok := auc(pooled); ok {
			score.AUC = &a
		}
		res.Models = append(res.Models, score)
		res.Predictions = len(pooled)
	}
	return res, nil
}

// evalSplit fits on train and predicts test with every model, in the order
// of modelNames.
func evalSplit(ds *dataset, train, test []item, s Settings) [][]prediction {
	rel := relearningCount(s)
	optimized := DefaultParams[:]
	if fit, err := fitParams(ds, train, s.ShortTerm, rel, fitFull); err == nil {
		optimized = fit.w
	}
	s0 := DefaultParams[:]
	if fit, err := fitParams(ds, train, s.ShortTerm, rel, fitS0Only); err == nil {
		s0 = fit.w
	}
	avg := 0.0
	for _, it := range train {
		avg += ds.label(it)
	}
	avg /= float64(len(train))

	out := make([][]prediction, len(modelNames))
	for m := range out {
		out[m] = make([]prediction, len(test))
	}
	var gw gradWork
	for j, it := range test {
		hist, t := ds.history(it), float64(ds.target(it).t)
		base := prediction{y: ds.label(it), w: 1, bin: ds.itemBin(it)}
		ps := [...]float64{
			gw.predict(DefaultParams[:], hist, t),
			gw.predict(optimized, hist, t),
			gw.predict(s0, hist, t),
			sm2PredictRecall(t, benchmarkSM2Interval(hist)),
			sm2PredictRecall(t, ankiSM2Interval(hist)),
			avg,
		}
		for m, p := range ps {
			out[m][j] = base
			out[m][j].p = p
		}
	}
	return out
}
