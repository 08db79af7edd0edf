package review

import (
	"cmp"
	"container/heap"
	"slices"
	"strings"
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
	return f.MatchDeck(c.Deck) && (f.Tag == "" || slices.Contains(c.Tags, f.Tag))
}

// QueueOptions shape today's queue.
type QueueOptions struct {
	Filter
	// NewLimit and ReviewLimit override the daily limits when ≥ 0.
	NewLimit, ReviewLimit int
	// Limit caps the whole queue (0 = none).
	Limit int
	// CountOnly fills the counts and leaves Cards and Later empty, so that
	// no card needs decoding (unless a tag filter needs it).
	CountOnly bool
}

// Queue is today's work in session order.
type Queue struct {
	Cards []*store.Card
	// Later holds learning cards due later today; they join the session when
	// due.
	Later []*store.Card
	// Total is the number of cards in the queue (len(Cards) unless
	// CountOnly); New, Learning and Review count them by kind.
	Total, New, Learning, Review int
}

// BuildQueue collects what is due now within the daily limits: learning
// cards when due, then reviews ordered by how far they have decayed (the
// lowest retrievability first, so the most overdue relative to their
// stability come first), with new cards spread among them. It works on the
// index entries and decodes only the cards it returns.
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
		lim := e.Config.Int(key, e.decks[deckName])
		used := 0
		if e.ownSetting(deckName, key) {
			used = done(counts[deckName])
		} else {
			for _, c := range counts {
				used += done(c)
			}
		}
		return max(0, lim-used)
	}
	deckOK := func(name string) bool { return opt.Filter.MatchDeck(name) }

	reviewsDone := func(d store.DayCount) int { return d.Review }
	// Without a tag filter the limits can be applied during the scan: after
	// a long break it meets tens of thousands of reviews, of which only the
	// most decayed within the limits are kept (see decayPick).
	var pick *decayPick
	if opt.Tag == "" {
		pick = &decayPick{e: e, now: now, heaps: map[string]*rankHeap{}, capacity: func(pool string) int {
			if pool == sharedPool {
				return left("reviews_per_day", "", reviewsDone, -1)
			}
			return left("reviews_per_day", pool, reviewsDone, opt.ReviewLimit)
		}, pool: func(deckName string) string {
			if opt.ReviewLimit < 0 && !e.ownSetting(deckName, "reviews_per_day") {
				return sharedPool
			}
			return deckName
		}}
	}

	var learning, later, reviews []store.Entry
	// Review cards fall due at the start of a day, which is exactly
	// dayEnd for tomorrow's: stop a millisecond short of it.
	err = e.Store.DueEntries(dayEnd.Add(-time.Millisecond), func(en store.Entry) bool {
		if !deckOK(en.Deck) || en.Buried.After(now) {
			return true
		}
		switch {
		case en.State == sched.Review && pick != nil:
			pick.offer(en)
		case en.State == sched.Review:
			reviews = append(reviews, en)
		case en.Available.After(now):
			later = append(later, en)
		default:
			learning = append(learning, en)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if pick != nil {
		reviews = pick.kept()
	}
	// A tag filter needs the cards themselves.
	var cards map[string]*store.Card
	keepTagged := func(es []store.Entry) []store.Entry {
		out := es[:0]
		for _, en := range es {
			if c := cards[en.ID]; c != nil && opt.Match(c) {
				out = append(out, en)
			}
		}
		return out
	}
	if opt.Tag != "" {
		if cards, err = e.decode(learning, later, reviews); err != nil {
			return nil, err
		}
		learning, later, reviews = keepTagged(learning), keepTagged(later), keepTagged(reviews)
	}

	// Reviews: the most decayed first, within each deck's and the
	// collection's limit (already kept to them when picked in the scan).
	reviews = e.byDecay(reviews, now)
	reviews = limitPerDeck(reviews, func(deckName string) int {
		return left("reviews_per_day", deckName, reviewsDone, opt.ReviewLimit)
	})
	if opt.ReviewLimit < 0 {
		total := left("reviews_per_day", "", reviewsDone, -1)
		reviews = e.capShared(reviews, "reviews_per_day", total)
	}

	// New cards in their added order, one per note, none whose note is
	// already in today's queue. Without a tag filter or a deck with its own
	// new-card limit, the scan stops as soon as the limit is reached, so a
	// collection with many unseen cards reads only a few.
	newDone := func(d store.DayCount) int { return d.New }
	totalNew := left("new_per_day", "", newDone, opt.NewLimit)
	seen := map[uint64]bool{}
	// Burying is each deck's setting (the session asks it per card too);
	// the notes already taken today are gathered when any deck buries.
	bury := func(deckName string) bool { return e.Config.Bool("bury_siblings", e.decks[deckName]) }
	anyBury := bury("")
	for name := range e.decks {
		anyBury = anyBury || bury(name)
	}
	if anyBury {
		// A note with a card answered today is taken for the day, whether
		// that card is still learning (due later today) or already in
		// review (due another day).
		answered, err := e.Store.NotesAnswered(day)
		if err != nil {
			return nil, err
		}
		for n := range answered {
			seen[n] = true
		}
		for _, en := range later {
			seen[en.Note] = true
		}
		for _, en := range learning {
			seen[en.Note] = true
		}
		for _, en := range reviews {
			seen[en.Note] = true
		}
	}
	ownLimits := e.deckOverrides("new_per_day")
	stopEarly := opt.Tag == "" && !ownLimits
	var news []store.Entry
	if totalNew > 0 || ownLimits && opt.NewLimit < 0 {
		err = e.Store.NewEntries(func(en store.Entry) bool {
			if !deckOK(en.Deck) || en.Buried.After(now) {
				return true
			}
			if opt.Tag == "" && bury(en.Deck) {
				if seen[en.Note] {
					return true
				}
				seen[en.Note] = true
			}
			news = append(news, en)
			return !stopEarly || len(news) < totalNew
		})
		if err != nil {
			return nil, err
		}
	}
	if opt.Tag != "" {
		more, err := e.decode(news)
		if err != nil {
			return nil, err
		}
		for id, c := range more {
			cards[id] = c
		}
		news = keepTagged(news)
		out := news[:0]
		for _, en := range news {
			if !bury(en.Deck) {
				out = append(out, en)
			} else if !seen[en.Note] {
				seen[en.Note] = true
				out = append(out, en)
			}
		}
		news = out
	}
	news = limitPerDeck(news, func(deckName string) int {
		return left("new_per_day", deckName, newDone, opt.NewLimit)
	})
	if opt.NewLimit >= 0 {
		news = news[:min(len(news), opt.NewLimit)]
	} else {
		news = e.capShared(news, "new_per_day", totalNew)
	}

	order := append(append([]store.Entry(nil), learning...), mix(reviews, news, e.Config.Get("new_spread", nil))...)
	if opt.Limit > 0 && len(order) > opt.Limit {
		order = order[:opt.Limit]
	}
	q := &Queue{Total: len(order)}
	for _, en := range order {
		switch en.State {
		case sched.New:
			q.New++
		case sched.Review:
			q.Review++
		default:
			q.Learning++
		}
	}
	if opt.CountOnly {
		return q, nil
	}
	if q.Cards, err = e.cardsOf(order, cards); err != nil {
		return nil, err
	}
	if q.Later, err = e.cardsOf(later, cards); err != nil {
		return nil, err
	}
	return q, nil
}

// capShared keeps at most n entries of the decks that use the
// collection-wide value of key; a deck with its own limit was limited by it
// alone.
func (e *Engine) capShared(es []store.Entry, key string, n int) []store.Entry {
	out := es[:0]
	for _, en := range es {
		if e.ownSetting(en.Deck, key) {
			out = append(out, en)
		} else if n > 0 {
			out = append(out, en)
			n--
		}
	}
	return out
}

// ownSetting says whether the deck sets its own value of key.
func (e *Engine) ownSetting(deckName, key string) bool {
	d := e.decks[deckName]
	return d != nil && d.Settings[key] != ""
}

// deckOverrides reports whether any deck sets its own value of key.
func (e *Engine) deckOverrides(key string) bool {
	for _, d := range e.decks {
		if d.Settings[key] != "" {
			return true
		}
	}
	return false
}

// MatchDeck reports whether a deck name passes the filter: one of the named
// decks or a sub-deck of one ("A" selects "A::B").
func (f Filter) MatchDeck(name string) bool {
	if len(f.Decks) == 0 {
		return true
	}
	for _, d := range f.Decks {
		if name == d || strings.HasPrefix(name, d+"::") {
			return true
		}
	}
	return false
}

// byDecay orders entries by retrievability now, lowest first (stable).
func (e *Engine) byDecay(es []store.Entry, now time.Time) []store.Entry {
	type ranked struct {
		r float64
		i int
	}
	rs := make([]ranked, len(es))
	for i, en := range es {
		rs[i] = ranked{e.entryRetrievability(en, now), i}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return cmp.Compare(a.r, b.r) })
	out := make([]store.Entry, len(es))
	for i, x := range rs {
		out[i] = es[x.i]
	}
	return out
}

func (e *Engine) entryRetrievability(en store.Entry, now time.Time) float64 {
	s, err := e.Scheduler(en.Deck)
	if err != nil {
		return 0
	}
	return s.Retrievability(sched.Card{State: en.State, Stability: en.Stability, LastReview: en.LastReview}, now)
}

// limitPerDeck keeps, in order, at most limit(deck) entries of each deck.
func limitPerDeck(es []store.Entry, limit func(string) int) []store.Entry {
	left := map[string]int{}
	out := es[:0]
	for _, en := range es {
		n, ok := left[en.Deck]
		if !ok {
			n = limit(en.Deck)
		}
		if n > 0 {
			out = append(out, en)
			n--
		}
		left[en.Deck] = n
	}
	return out
}

func (e *Engine) decode(lists ...[]store.Entry) (map[string]*store.Card, error) {
	var ids []string
	for _, l := range lists {
		for _, en := range l {
			ids = append(ids, en.ID)
		}
	}
	cs, err := e.Store.CardsByID(ids)
	if err != nil {
		return nil, err
	}
	m := make(map[string]*store.Card, len(cs))
	for _, c := range cs {
		m[c.ID] = c
	}
	return m, nil
}

// cardsOf returns the cards of es in order, from known when decoded already.
func (e *Engine) cardsOf(es []store.Entry, known map[string]*store.Card) ([]*store.Card, error) {
	if known == nil {
		ids := make([]string, len(es))
		for i, en := range es {
			ids[i] = en.ID
		}
		return e.Store.CardsByID(ids)
	}
	out := make([]*store.Card, 0, len(es))
	for _, en := range es {
		if c := known[en.ID]; c != nil {
			out = append(out, c)
		}
	}
	return out, nil
}

// mix places new cards among reviews: evenly spread, or all first or last.
func mix(reviews, news []store.Entry, spread string) []store.Entry {
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
	out := make([]store.Entry, 0, len(reviews)+len(news))
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

// sharedPool names the pool of decks that share the collection's review
// limit (those without their own).
const sharedPool = "\x00shared"

// decayPick keeps, of the review entries offered in scan order, what
// byDecay, limitPerDeck and capShared together would keep of all of them:
// the most decayed (ties to the earlier) within each pool's room. A pool is
// a deck with its own limit, or the decks that share the collection's.
type decayPick struct {
	e        *Engine
	now      time.Time
	pool     func(deckName string) string
	capacity func(pool string) int
	heaps    map[string]*rankHeap
	seq      int
}

func (p *decayPick) offer(en store.Entry) {
	name := p.pool(en.Deck)
	h := p.heaps[name]
	if h == nil {
		h = &rankHeap{room: p.capacity(name)}
		p.heaps[name] = h
	}
	p.seq++
	if h.room <= 0 {
		return
	}
	r := ranked{r: p.e.entryRetrievability(en, p.now), seq: p.seq, en: en}
	if len(h.items) < h.room {
		heap.Push(h, r)
	} else if r.before(h.items[0]) {
		h.items[0] = r
		heap.Fix(h, 0)
	}
}

// kept returns the entries picked, in scan order.
func (p *decayPick) kept() []store.Entry {
	var all []ranked
	for _, h := range p.heaps {
		all = append(all, h.items...)
	}
	slices.SortFunc(all, func(a, b ranked) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]store.Entry, len(all))
	for i, r := range all {
		out[i] = r.en
	}
	return out
}

// ranked is a review entry with its retrievability and scan position.
type ranked struct {
	r   float64
	seq int
	en  store.Entry
}

// before orders by decay, most decayed (lowest retrievability) first, as
// the stable sort of byDecay does.
func (a ranked) before(b ranked) bool { return a.r < b.r || a.r == b.r && a.seq < b.seq }

// rankHeap holds at most room entries with the least decayed on top, so
// that a more decayed one can take its place.
type rankHeap struct {
	items []ranked
	room  int
}

func (h *rankHeap) Len() int           { return len(h.items) }
func (h *rankHeap) Less(i, j int) bool { return h.items[j].before(h.items[i]) }
func (h *rankHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *rankHeap) Push(x any)         { h.items = append(h.items, x.(ranked)) }
func (h *rankHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
