package sched

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
)

// ErrNotEnoughData means the review history is too small to fit or score
// anything; the caller keeps its current parameters.
var ErrNotEnoughData = errors.New("not enough review history")

// OptimizeResult is what Optimize found.
type OptimizeResult struct {
	// Params are the parameters to use from now on: the fitted ones, or
	// the current ones when Kept.
	Params []float64
	// Items, Reviews and Cards count the training items (§4.1), the graded
	// reviews and the cards of the history.
	Items, Reviews, Cards int
	// Tentative is set when there are fewer than 400 items, the point below
	// which Anki does not fit at all.
	Tentative bool
	// OldLogLoss and NewLogLoss score the current and the fitted parameters
	// on all items, with recency weights.
	OldLogLoss, NewLogLoss float64
	// Kept is set when the current parameters were kept because the fitted
	// ones were not strictly better.
	Kept bool
	// Notes explain what happened, one sentence each.
	Notes []string
}

// Training constants of §4.4.
const (
	trainEpochs    = 5
	trainBatchSize = 512
	trainLR        = 0.04
	trainGamma     = 1.0
	trainMaxLen    = 256
	trainSeed      = 2023
	minItemsFit    = 8
	minItemsTrain  = 64
	tentativeItems = 400
)

// Optimize fits FSRS parameters to a review history (§4.2) and keeps the
// current ones unless the fitted ones have a strictly lower log loss.
// current may have any length FillParams accepts (empty = defaults). Day
// numbers, the short-term mode and the number of relearning steps come
// from s. It returns ErrNotEnoughData (wrapped) when nothing can be fitted.
func Optimize(logs []ReviewLog, s Settings, current []float64) (OptimizeResult, error) {
	if err := s.Validate(); err != nil {
		return OptimizeResult{}, fmt.Errorf("optimize: %w", err)
	}
	cur, err := FillParams(current)
	if err != nil {
		return OptimizeResult{}, fmt.Errorf("optimize: current parameters: %w", err)
	}
	cur, _ = clampParams(cur, relearningCount(s), s.ShortTerm)
	ds := buildDataset(logs, s)
	res := OptimizeResult{
		Params:    cur,
		Items:     len(ds.items),
		Reviews:   ds.reviews,
		Cards:     len(ds.cards),
		Tentative: len(ds.items) < tentativeItems,
		Kept:      true,
	}
	if len(ds.items) == 0 {
		return res, fmt.Errorf("optimize: %w: no card was reviewed again on a later day", ErrNotEnoughData)
	}
	fitted, err := fitParams(ds, ds.items, s.ShortTerm, relearningCount(s), fitFull)
	if err != nil {
		return res, fmt.Errorf("optimize: %w", err)
	}
	weights := recencyWeights(len(ds.items))
	res.OldLogLoss = scoreLogLoss(ds, ds.items, weights, cur)
	res.Notes = append(res.Notes, fitted.notes...)
	if fitted.stage == stageDefaults {
		res.NewLogLoss = res.OldLogLoss
		// Say both figures: the report's item count is before the outlier
		// filter, and a bare "0 usable" beside "3 training items" reads
		// as a contradiction.
		res.Notes = append(res.Notes, fmt.Sprintf("only %d of the %d training items are usable once outliers are set aside (at least %d are needed): kept the current parameters",
			fitted.trainItems, res.Items, minItemsFit))
		return res, nil
	}
	res.NewLogLoss = scoreLogLoss(ds, ds.items, weights, fitted.w)
	if res.Tentative {
		res.Notes = append(res.Notes, fmt.Sprintf("%d items is fewer than %d: the fit is tentative", res.Items, tentativeItems))
	}
	if res.NewLogLoss < res.OldLogLoss {
		res.Params, res.Kept = fitted.w, false
	} else {
		res.Notes = append(res.Notes, fmt.Sprintf("fitted log loss %.4f is not lower than the current %.4f: kept the current parameters", res.NewLogLoss, res.OldLogLoss))
	}
	return res, nil
}

type fitMode int8

const (
	fitFull   fitMode = iota // the whole pipeline
	fitS0Only                // stop after pre-training
)

type fitStage int8

const (
	stageDefaults fitStage = iota // too few items: the defaults
	stageS0                       // fitted S0, default w4..w20
	stageTrained                  // all parameters trained
)

type fitOutcome struct {
	w          []float64
	stage      fitStage
	trainItems int
	notes      []string
}

// fitParams runs the §4.2 pipeline on items (sorted by time).
func fitParams(ds *dataset, items []item, shortTerm bool, relearning int, mode fitMode) (fitOutcome, error) {
	train, pre := filterOutliers(ds, items)
	out := fitOutcome{w: append([]float64(nil), DefaultParams[:]...), trainItems: len(train)}
	if len(train) < minItemsFit {
		return out, nil
	}
	recalled := 0.0
	for _, it := range train {
		recalled += ds.label(it)
	}
	avgRecall := recalled / float64(len(train))

	s0, known, counts := pretrainS0(ds, pre, avgRecall)
	filled, ok := smoothAndFill(s0, known, counts)
	if !ok {
		return out, fmt.Errorf("%w: no card has a usable first later-day review", ErrNotEnoughData)
	}
	init := append([]float64(nil), DefaultParams[:]...)
	copy(init, filled[:])
	clampInPlace(init, relearning, shortTerm, nil)
	out.w, out.stage = init, stageS0

	allInit := len(train) == len(pre)
	if mode == fitS0Only || allInit || len(train) < minItemsTrain {
		if mode == fitFull {
			out.notes = append(out.notes, fmt.Sprintf("%d items: fitted the initial stabilities only", len(train)))
		}
		return out, nil
	}
	w := trainParams(ds, train, init, shortTerm, relearning)
	var trained [4]float64
	copy(trained[:], w[:4])
	if filled, ok := smoothAndFill(trained, known, counts); ok {
		copy(w, filled[:])
	}
	out.w, out.stage = w, stageTrained
	return out, nil
}

// filterOutliers applies step 1 of §4.2 and returns the training items and
// the pre-training items (the kept init items), both in time order.
func filterOutliers(ds *dataset, items []item) (train, pre []item) {
	type key struct {
		g Rating
		t int32
	}
	keyOf := func(it item) (key, bool) {
		rs := ds.cards[it.card]
		fl := firstLongTerm(rs)
		return key{rs[0].g, rs[fl].t}, int(it.k) == fl
	}
	sizes := map[key]int{}
	var totals [5]int
	for _, it := range items {
		if k, isInit := keyOf(it); isInit {
			sizes[k]++
			totals[k.g]++
		}
	}
	groups := make([]key, 0, len(sizes))
	for k := range sizes {
		groups = append(groups, k)
	}
	slices.SortFunc(groups, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.g, b.g), cmp.Compare(sizes[a], sizes[b]), cmp.Compare(a.t, b.t))
	})
	dropped := map[key]bool{}
	removed := [5]int{}
	for _, k := range groups {
		size := sizes[k]
		limit := int32(100)
		if k.g == Easy {
			limit = 365
		}
		switch {
		case removed[k.g]+size < max(20, totals[k.g]/20):
			dropped[k] = true
			removed[k.g] += size
		case size < 6 || k.t > limit:
			dropped[k] = true
		}
	}
	for _, it := range items {
		k, isInit := keyOf(it)
		if dropped[k] {
			continue
		}
		train = append(train, it)
		if isInit {
			pre = append(pre, it)
		}
	}
	return train, pre
}

// pretrainS0 fits S0 for every first grade that has pre-training items
// (§4.3) and returns the fits, which grades have one and their counts.
func pretrainS0(ds *dataset, pre []item, avgRecall float64) (s0 [4]float64, known [4]bool, counts [4]int) {
	type acc struct{ recalled, n float64 }
	byGrade := [4]map[int32]*acc{}
	for _, it := range pre {
		g := ds.cards[it.card][0].g - 1
		if byGrade[g] == nil {
			byGrade[g] = map[int32]*acc{}
		}
		t := ds.target(it).t
		a := byGrade[g][t]
		if a == nil {
			a = &acc{}
			byGrade[g][t] = a
		}
		a.recalled += ds.label(it)
		a.n++
		counts[g]++
	}
	for g := range byGrade {
		if counts[g] == 0 {
			continue
		}
		ts := make([]int32, 0, len(byGrade[g]))
		for t := range byGrade[g] {
			ts = append(ts, t)
		}
		slices.Sort(ts)
		groups := make([]s0Group, len(ts))
		for i, t := range ts {
			a := byGrade[g][t]
			groups[i] = s0Group{t: float64(t), p: a.recalled / a.n, count: a.n}
		}
		s0[g] = fitS0(smoothS0Groups(groups, avgRecall), DefaultParams[g])
		known[g] = true
	}
	return s0, known, counts
}

// trainParams runs the training loop of §4.4 from init on the training
// items (in time order) and returns the clamped result.
func trainParams(ds *dataset, train []item, init []float64, shortTerm bool, relearning int) []float64 {
	type wItem struct {
		it     item
		weight float64
	}
	weights := recencyWeights(len(train))
	data := make([]wItem, 0, len(train))
	for i, it := range train {
		if int(it.k)+1 <= trainMaxLen {
			data = append(data, wItem{it, weights[i]})
		}
	}
	slices.SortStableFunc(data, func(a, b wItem) int { return cmp.Compare(a.it.k, b.it.k) })
	n := len(data)
	var batches [][]wItem
	for lo := 0; lo < n; lo += trainBatchSize {
		batches = append(batches, data[lo:min(lo+trainBatchSize, n)])
	}
	w := append([]float64(nil), init...)
	opt := newAdam(NumParams)
	rng := rand.New(rand.NewPCG(trainSeed, 0))
	total := (n/trainBatchSize + 1) * trainEpochs
	grad := make([]float64, NumParams)
	var gw gradWork
	step := 0
	for epoch := 0; epoch < trainEpochs; epoch++ {
		rng.Shuffle(len(batches), func(i, j int) { batches[i], batches[j] = batches[j], batches[i] })
		for _, b := range batches {
			clear(grad)
			for _, x := range b {
				gw.itemLossGrad(w, ds.history(x.it), float64(ds.target(x.it).t), ds.label(x.it), x.weight, grad)
			}
			addL2Grad(w, init, trainGamma*float64(len(b))/float64(n), grad)
			if !shortTerm {
				for _, j := range []int{0, 1, 2, 3, 17, 18, 19} {
					grad[j] = 0
				}
			}
			opt.step(w, grad, cosineLR(trainLR, step, total))
			clampInPlace(w, relearning, shortTerm, nil)
			step++
		}
	}
	return w
}
