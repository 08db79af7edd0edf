package review

import (
	"slices"
	"sort"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

// Filter selects cards for a queue.
type Filter struct {
	Decks []string // empty = all; a deck also selects its sub-decks ("A" → "A::B")
	Tag   string
}

// Match reports whether c passes the filter.
func (f Filter) Match(c *store.Card) bool {
	if len(f.Decks) > 0 {
		ok := false
		for _, d := range f.Decks {
			if c.Deck == d || len(c.Deck) > len(d)+2 && c.Deck[:len(d)+2] == d+"::" {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return f.Tag == "" || slices.Contains(c.Tags, f.Tag)
}

// QueueOptions shape today's queue.
type QueueOptions struct {
	Filter
	// NewLimit and ReviewLimit override the daily limits when ≥ 0.
	NewLimit, ReviewLimit int
	// Limit caps the whole queue (0 = none).
	Limit int
}

// Queue is today's work in session order.
type Queue struct {
	Cards []*store.Card
	// Later holds learning cards due later today; they join the session when
	// due.
	Later []*store.Card
	// New, Learning and Review count the queue's cards by kind.
	New, Learning, Review int
}

// BuildQueue collects what is due now within the daily limits: learning
// cards when due, then reviews ordered by how far they have decayed (the
// lowest retrievability first, so the most overdue relative to their
// stability come first), with new cards spread among them.
func (e *Engine) BuildQueue(now time.Time, opt QueueOptions) (*Queue, error) {
	set := e.Settings()
	day := set.Day(now)
	dayEnd := set.DayStart(day + 1)
	counts, err := e.Store.DayCounts(day)
	if err != nil {
		return nil, err
	}
	left := func(key string, deckName string, done func(store.DayCount) int, override int) int {
		if override >= 0 {
			return override
		}
		d := e.decks[deckName]
		lim := e.Config.Int(key, d)
		used := 0
		if d != nil && len(d.Settings) > 0 && d.Settings[key] != "" {
			used = done(counts[deckName])
		} else {
			for _, c := range counts {
				used += done(c)
			}
		}
		return max(0, lim-used)
	}
	q := &Queue{}
	var learning, reviews []*store.Card
	reviewLeft := map[string]int{}
	err = e.Store.DueBefore(dayEnd, func(c *store.Card) bool {
		if !opt.Match(c) {
			return true
		}
		if c.Sched.State == sched.Review {
			n, ok := reviewLeft[c.Deck]
			if !ok {
				n = left("reviews_per_day", c.Deck, func(d store.DayCount) int { return d.Review }, opt.ReviewLimit)
			}
			if n <= 0 {
				reviewLeft[c.Deck] = 0
				return true
			}
			reviewLeft[c.Deck] = n - 1
			reviews = append(reviews, c)
			return true
		}
		if c.Available().After(now) {
			q.Later = append(q.Later, c)
		} else {
			learning = append(learning, c)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	// A collection-wide review limit applies across decks too.
	if opt.ReviewLimit < 0 {
		total := left("reviews_per_day", "", func(d store.DayCount) int { return d.Review }, -1)
		if len(reviews) > total {
			sortByDecay(e, reviews, now)
			reviews = reviews[:total]
		}
	}
	sortByDecay(e, reviews, now)

	var news []*store.Card
	newLeft := map[string]int{}
	totalNew := left("new_per_day", "", func(d store.DayCount) int { return d.New }, opt.NewLimit)
	if totalNew > 0 {
		err = e.Store.NewCards(now, func(c *store.Card) bool {
			if !opt.Match(c) {
				return true
			}
			n, ok := newLeft[c.Deck]
			if !ok {
				n = left("new_per_day", c.Deck, func(d store.DayCount) int { return d.New }, opt.NewLimit)
			}
			if n <= 0 {
				newLeft[c.Deck] = 0
				return true
			}
			newLeft[c.Deck] = n - 1
			news = append(news, c)
			return len(news) < totalNew
		})
		if err != nil {
			return nil, err
		}
	}
	if e.Config.Bool("bury_siblings", nil) {
		news = dropSiblings(append(slices.Clone(learning), reviews...), news)
	}
	q.Cards = append(q.Cards, learning...)
	q.Cards = append(q.Cards, mix(reviews, news, e.Config.Get("new_spread", nil))...)
	if opt.Limit > 0 && len(q.Cards) > opt.Limit {
		q.Cards = q.Cards[:opt.Limit]
	}
	for _, c := range q.Cards {
		q.count(c, 1)
	}
	return q, nil
}

func (q *Queue) count(c *store.Card, d int) {
	switch c.Sched.State {
	case sched.New:
		q.New += d
	case sched.Review:
		q.Review += d
	default:
		q.Learning += d
	}
}

func sortByDecay(e *Engine, cs []*store.Card, now time.Time) {
	r := make(map[string]float64, len(cs))
	for _, c := range cs {
		r[c.ID] = e.Retrievability(c, now)
	}
	sort.SliceStable(cs, func(i, j int) bool { return r[cs[i].ID] < r[cs[j].ID] })
}

// dropSiblings removes new cards whose note already has a card in the
// queue, and keeps one new card per note.
func dropSiblings(queued, news []*store.Card) []*store.Card {
	seen := map[string]bool{}
	for _, c := range queued {
		seen[c.NoteKey()] = true
	}
	out := news[:0:0]
	for _, c := range news {
		k := c.NoteKey()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// mix places new cards among reviews: evenly spread, or all first or last.
func mix(reviews, news []*store.Card, spread string) []*store.Card {
	switch {
	case len(news) == 0:
		return reviews
	case len(reviews) == 0:
		return news
	case spread == "first":
		return append(slices.Clone(news), reviews...)
	case spread == "last":
		return append(slices.Clone(reviews), news...)
	}
	out := make([]*store.Card, 0, len(reviews)+len(news))
	every := float64(len(reviews)+len(news)) / float64(len(news))
	ni, ri := 0, 0
	for i := 0; ri < len(reviews) || ni < len(news); i++ {
		if ni < len(news) && (ri >= len(reviews) || float64(i+1) >= every*float64(ni+1)) {
			out = append(out, news[ni])
			ni++
		} else {
			out = append(out, reviews[ri])
			ri++
		}
	}
	return out
}
