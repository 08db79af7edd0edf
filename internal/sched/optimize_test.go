package sched

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

func TestOptimizeOnSampleBeatsDefaults(t *testing.T) {
	logs := loadSample(t)
	res, err := Optimize(logs, sampleSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Reviews != 12580 || res.Cards != 1205 {
		t.Errorf("reviews %d cards %d, want 12580 and 1205", res.Reviews, res.Cards)
	}
	if res.Kept || res.Tentative {
		t.Errorf("kept %v tentative %v, want a new, non-tentative fit (notes %q)", res.Kept, res.Tentative, res.Notes)
	}
	if !(res.NewLogLoss < res.OldLogLoss) {
		t.Errorf("new log loss %v is not below the defaults' %v", res.NewLogLoss, res.OldLogLoss)
	}
	checkParamsInBounds(t, res.Params, 1, true)
	clamped, notes := ClampParams(res.Params, 1)
	if len(notes) != 0 {
		t.Errorf("fitted params needed clamping: %q", notes)
	}
	for i := range clamped {
		if clamped[i] != res.Params[i] {
			t.Errorf("w%d out of bounds", i)
		}
	}
	t.Logf("items %d, log loss %.4f → %.4f, params %.4f", res.Items, res.OldLogLoss, res.NewLogLoss, res.Params)
}

func checkParamsInBounds(t *testing.T, w []float64, relearning int, shortTerm bool) {
	t.Helper()
	if len(w) != NumParams {
		t.Fatalf("%d params", len(w))
	}
	for i, v := range w {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("w%d = %v", i, v)
		}
	}
	if _, notes := ClampParamsMode(w, relearning, shortTerm); len(notes) != 0 {
		t.Errorf("params out of bounds: %q", notes)
	}
}

// simulate answers cards with a scheduler and draws each answer from the
// forgetting curve of true parameters, giving a review log that a fit
// should recover well.
func simulate(cards, reviewsPerCard int, truth []float64, seed uint64) []ReviewLog {
	set := DefaultSettings()
	set.Location = time.UTC
	sc, _ := NewScheduler(set)
	rng := newSplitMix(seed)
	start := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	logs := make([]ReviewLog, 0, cards*reviewsPerCard)
	for c := 0; c < cards; c++ {
		id := "sim" + itoa(c)
		var card Card
		var trueS, trueD float64
		now := start.Add(time.Duration(c%500) * 37 * time.Minute)
		for r := 0; r < reviewsPerCard; r++ {
			var g Rating
			t := float64(set.Day(now) - set.Day(card.LastReview))
			if card.State == New {
				g = Rating(1 + rng.next()%4)
				if g == Easy && rng.next()%3 != 0 {
					g = Good
				}
			} else {
				p := Retrievability(t, trueS, truth[20])
				switch x := rng.float(); {
				case x >= p:
					g = Again
				case x < p*0.1:
					g = Hard
				case x < p*0.9:
					g = Good
				default:
					g = Easy
				}
			}
			if card.State == New {
				trueS, trueD = Step(truth, 0, 0, 0, g)
			} else {
				trueS, trueD = Step(truth, trueS, trueD, t, g)
			}
			logs = append(logs, ReviewLog{CardID: id, Time: now, Rating: g})
			card = sc.Next(card, g, now, FuzzSeed(id, card.Reps))
			now = card.Due.Add(time.Duration(rng.next()%600) * time.Minute)
		}
	}
	return logs
}

// splitMix is a tiny deterministic generator for test data.
type splitMix struct{ x uint64 }

func newSplitMix(seed uint64) *splitMix { return &splitMix{seed} }
func (s *splitMix) next() uint64 {
	s.x += 0x9e3779b97f4a7c15
	z := s.x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
func (s *splitMix) float() float64 { return float64(s.next()>>11) / (1 << 53) }

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for ; i > 0; i /= 10 {
		n--
		b[n] = byte('0' + i%10)
	}
	return string(b[n:])
}

func TestOptimizeMovesTowardsTrueParameters(t *testing.T) {
	truth := defaults()
	truth[0], truth[2], truth[20] = 1.5, 6, 0.3
	logs := simulate(600, 8, truth, 42)
	res, err := Optimize(logs, sampleSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkParamsInBounds(t, res.Params, 1, true)
	if res.Kept || !(res.NewLogLoss < res.OldLogLoss) {
		t.Fatalf("fit not better than the defaults: %+v", res)
	}
	// Good's initial stability is the best-determined: it should move
	// from the default 2.3 towards 6.
	if res.Params[2] < 3.5 {
		t.Errorf("w2 = %v, want it near the true 6 (default %v)", res.Params[2], DefaultParams[2])
	}
}

func TestOptimizeKeepsCurrentWhenNotBetter(t *testing.T) {
	logs := simulate(300, 6, defaults(), 7)
	first, err := Optimize(logs, sampleSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Optimize(logs, sampleSettings(), first.Params)
	if err != nil {
		t.Fatal(err)
	}
	if !(again.NewLogLoss < again.OldLogLoss) != again.Kept {
		t.Errorf("kept = %v with old %v new %v", again.Kept, again.OldLogLoss, again.NewLogLoss)
	}
	if again.Kept && len(again.Notes) == 0 {
		t.Error("keeping the current parameters should be explained in a note")
	}
}

func TestOptimizeSmallHistoriesFitLess(t *testing.T) {
	// Ten cards, each answered on two days: too few items for training,
	// enough for S0.
	logs := simulate(40, 2, defaults(), 3)
	res, err := Optimize(logs, sampleSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Tentative {
		t.Error("40 items should give a tentative result")
	}
	for i := 4; i < NumParams; i++ {
		if res.Params[i] != DefaultParams[i] {
			t.Errorf("w%d = %v changed; with %d items only S0 should be fitted", i, res.Params[i], res.Items)
		}
	}
	_, err = Optimize(simulate(5, 1, defaults(), 1), sampleSettings(), nil)
	if !errors.Is(err, ErrNotEnoughData) {
		t.Errorf("cards reviewed once: err = %v, want ErrNotEnoughData", err)
	}
	if _, err := Optimize(logs, sampleSettings(), []float64{1, 2}); err == nil {
		t.Error("bad current parameters accepted")
	}
}

func TestOptimizeLongTermFreezesShortTermParameters(t *testing.T) {
	set := sampleSettings()
	set.ShortTerm = false
	res, err := Optimize(simulate(400, 8, defaults(), 5), set, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkParamsInBounds(t, res.Params, 0, false)
	if res.Kept {
		t.Fatalf("long-term fit not better than the defaults: %+v", res)
	}
	for _, i := range []int{17, 18, 19} {
		if res.Params[i] != DefaultParams[i] {
			t.Errorf("w%d = %v moved in long-term mode", i, res.Params[i])
		}
	}
}

func TestDatasetBuildsItemsFromLaterDays(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2024, 5, d, h, 0, 0, 0, time.UTC) }
	logs := []ReviewLog{
		{CardID: "b", Time: at(1, 10), Rating: Good},
		{CardID: "a", Time: at(1, 10), Rating: Again},
		{CardID: "a", Time: at(1, 11), Rating: Good},
		{CardID: "a", Time: at(2, 3), Rating: Good}, // before 04:00: still day 1
		{CardID: "a", Time: at(3, 10), Rating: Hard},
		{CardID: "a", Time: at(3, 12), Rating: 9}, // not a grade: ignored
		{CardID: "b", Time: at(2, 10), Rating: 0}, // reset
		{CardID: "b", Time: at(4, 10), Rating: Easy},
		{CardID: "b", Time: at(9, 10), Rating: Again},
	}
	ds := buildDataset(logs, sampleSettings())
	if len(ds.cards) != 2 || ds.reviews != 6 || len(ds.items) != 2 {
		t.Fatalf("cards %d reviews %d items %d, want 2, 6, 2", len(ds.cards), ds.reviews, len(ds.items))
	}
	a := ds.items[0]
	if hist := ds.history(a); len(hist) != 3 || hist[2].t != 0 || ds.target(a).t != 2 || ds.label(a) != 1 {
		t.Errorf("card a item: history %v target %v", hist, ds.target(a))
	}
	b := ds.items[1]
	if hist := ds.history(b); len(hist) != 1 || hist[0].g != Easy || ds.target(b).t != 5 || ds.label(b) != 0 {
		t.Errorf("card b item after reset: history %v target %v", hist, ds.target(b))
	}
}

func TestOutlierFilterDropsRareDelays(t *testing.T) {
	// 100 cards first answered Good and reviewed again after 1 day, and 3
	// after 50 days: the small group is dropped, with the later reviews of
	// its cards; the large group stays and feeds pre-training.
	var logs []ReviewLog
	day0 := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	add := func(id string, days ...int) {
		for _, d := range days {
			logs = append(logs, ReviewLog{CardID: id, Time: day0.AddDate(0, 0, d), Rating: Good})
		}
	}
	for i := 0; i < 100; i++ {
		add("common"+itoa(i), 0, 1, 5)
	}
	for i := 0; i < 3; i++ {
		add("rare"+itoa(i), 0, 50, 60)
	}
	ds := buildDataset(logs, sampleSettings())
	train, pre := filterOutliers(ds, ds.items)
	if len(pre) != 100 || len(train) != 200 {
		t.Errorf("pre-training %d, training %d; want 100 and 200", len(pre), len(train))
	}
}

// A history too small to fit reports the same item count in its note as
// in Items, so the two figures a user sees agree.
func TestOptimizeNoteOnTooFewItemsAgreesWithItems(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 10, 0, 0, 0, time.UTC) }
	logs := []ReviewLog{
		{CardID: "a", Time: day(1), Rating: Good}, {CardID: "a", Time: day(3), Rating: Good}, {CardID: "a", Time: day(9), Rating: Good},
		{CardID: "b", Time: day(1), Rating: Again}, {CardID: "b", Time: day(2), Rating: Good},
	}
	set := DefaultSettings()
	set.Location = time.UTC
	res, err := Optimize(logs, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Kept || res.Items == 0 {
		t.Fatalf("kept %v, items %d: want a kept fit on a few items", res.Kept, res.Items)
	}
	want := fmt.Sprintf("of the %d training items", res.Items)
	if !strings.Contains(strings.Join(res.Notes, "\n"), want) {
		t.Errorf("notes %q do not say %q", res.Notes, want)
	}
}
