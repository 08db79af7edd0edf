package stats

import (
	"fmt"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

// Counts are a set of cards counted by state. A suspended card counts as
// suspended whatever its state; Due counts the cards in learning or review
// available now.
type Counts struct {
	Cards, New, Learning, Review, Suspended, Due int
}

// Add counts card c at now.
func (k *Counts) Add(c *store.Card, now time.Time) {
	k.Cards++
	switch {
	case c.Suspended:
		k.Suspended++
		return
	case c.Sched.State == sched.New:
		k.New++
		return
	case c.Sched.State == sched.Review:
		k.Review++
	default:
		k.Learning++
	}
	if !c.Available().After(now) {
		k.Due++
	}
}

// Report is what `recall stats` shows about a collection or some decks.
type Report struct {
	Counts
	// Retention is the share of answers to cards in review state that were
	// not Again over the last RetentionDays days (nil without such answers):
	// the true retention to compare with desired_retention.
	Retention      *float64
	RetentionCount int
	// Recall is the mean predicted probability of recall of review cards now.
	Recall       *float64
	ReviewsToday int
	Streak       int
	// Forecast[i] is the number of cards due on day today+1+i (Forecast[0]
	// includes today's backlog).
	Forecast []int
	// Activity maps each of the last HeatmapDays days to its answer count.
	Activity []DayActivity
}

// DayActivity is the number of answers on one day.
type DayActivity struct {
	Date    time.Time
	Answers int
}

// Periods the report covers.
const (
	RetentionDays = 30
	HeatmapDays   = 26 * 7
	ForecastSpan  = 30
)

// Collection computes the report at now for the cards of the decks
// keepDeck accepts (nil: all). retrievability gives a card's probability
// of recall now.
func Collection(st *store.Store, set sched.Settings, now time.Time, keepDeck func(string) bool,
	retrievability func(*store.Card) float64) (*Report, error) {
	r := &Report{}
	nums := map[uint64]bool{}
	sumR, nR := 0.0, 0
	err := st.EachCard(func(c *store.Card) error {
		if keepDeck != nil && !keepDeck(c.Deck) {
			return nil
		}
		nums[c.Num] = true
		r.Add(c, now)
		if !c.Suspended && c.Sched.State == sched.Review {
			sumR += retrievability(c)
			nR++
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read cards: %w", err)
	}
	if nR > 0 {
		m := sumR / float64(nR)
		r.Recall = &m
	}
	today := set.Day(now)
	first := today - HeatmapDays + 1
	counts := make([]int, HeatmapDays)
	kept, lapsed := 0, 0
	err = st.ReviewsSince(set.DayStart(first), func(rv store.Review) bool {
		if rv.Rating == 0 || (keepDeck != nil && !nums[rv.CardNum]) {
			return true
		}
		d := set.Day(rv.Time)
		if d >= first && d <= today {
			counts[d-first]++
		}
		if d > today-RetentionDays && d <= today && rv.Before == sched.Review {
			if rv.Rating == sched.Again {
				lapsed++
			} else {
				kept++
			}
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("read review log: %w", err)
	}
	if kept+lapsed > 0 {
		ret := float64(kept) / float64(kept+lapsed)
		r.Retention, r.RetentionCount = &ret, kept+lapsed
	}
	for i, n := range counts {
		r.Activity = append(r.Activity, DayActivity{Date: set.DayStart(first + i), Answers: n})
	}
	r.ReviewsToday = counts[len(counts)-1]
	if r.Streak, _, err = Streak(st, today); err != nil {
		return nil, err
	}
	if r.Forecast, err = Forecast(st, set, today, ForecastSpan, keepDeck); err != nil {
		return nil, err
	}
	return r, nil
}
