package sched

import (
	"cmp"
	"slices"
	"time"
)

// ReviewLog is one logged answer, the input of Optimize and Evaluate.
// Rating 0 marks a reset of the card (everything before it is forgotten);
// ratings outside 0–4 (manual reschedules and the like) are ignored.
type ReviewLog struct {
	CardID   string
	Time     time.Time
	Rating   Rating
	Duration time.Duration
}

// review is one graded answer in a card's history: the grade and the days
// since the previous answer (0 for the first and for same-day answers).
type review struct {
	g Rating
	t int32
}

// item is a prediction target (§4.1): review k of card c (k ≥ 1, t > 0),
// predicted from reviews 0..k−1.
type item struct {
	card int32
	k    int32
	time int64 // of the target, in Unix nanoseconds, for ordering
}

// dataset is a review history cut into cards and items.
type dataset struct {
	cards   [][]review
	items   []item // sorted by target time
	reviews int    // graded reviews kept
}

func (d *dataset) history(it item) []review { return d.cards[it.card][:it.k] }
func (d *dataset) target(it item) review    { return d.cards[it.card][it.k] }

func (d *dataset) label(it item) float64 {
	if d.target(it).g > Again {
		return 1
	}
	return 0
}

// buildDataset groups logs by card in time order, applies resets and turns
// each later-day review into an item. Day numbers come from set.Day.
func buildDataset(logs []ReviewLog, set Settings) *dataset {
	order := make([]int, len(logs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(logs[a].CardID, logs[b].CardID); c != 0 {
			return c
		}
		return logs[a].Time.Compare(logs[b].Time)
	})
	ds := &dataset{}
	var cur []review
	var times []int64
	prevDay := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		ci := int32(len(ds.cards))
		ds.cards = append(ds.cards, cur)
		ds.reviews += len(cur)
		for k := 1; k < len(cur); k++ {
			if cur[k].t > 0 {
				ds.items = append(ds.items, item{card: ci, k: int32(k), time: times[k]})
			}
		}
		cur, times = nil, times[:0]
	}
	for i, li := range order {
		l := logs[li]
		if i > 0 && logs[order[i-1]].CardID != l.CardID {
			flush()
		}
		switch {
		case l.Rating == 0:
			cur, times = nil, times[:0]
		case l.Rating.Valid():
			d := set.Day(l.Time)
			t := int32(0)
			if len(cur) > 0 {
				t = int32(max(0, d-prevDay))
			}
			prevDay = d
			cur = append(cur, review{g: l.Rating, t: t})
			times = append(times, l.Time.UnixNano())
		}
	}
	flush()
	slices.SortStableFunc(ds.items, func(a, b item) int {
		if c := cmp.Compare(a.time, b.time); c != 0 {
			return c
		}
		if c := cmp.Compare(a.card, b.card); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
	return ds
}

// firstLongTerm is the index of the card's first review with t > 0 (the
// target of its init item), or -1.
func firstLongTerm(rs []review) int {
	for k := 1; k < len(rs); k++ {
		if rs[k].t > 0 {
			return k
		}
	}
	return -1
}

// recencyWeights are the §4.4 weights of n time-ordered items:
// 0.25 + 0.75·(i / max(n−1, 1))³.
func recencyWeights(n int) []float64 {
	w := make([]float64, n)
	den := float64(max(n-1, 1))
	for i := range w {
		x := float64(i) / den
		w[i] = 0.25 + 0.75*x*x*x
	}
	return w
}
