package review

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"recall/internal/deck"
	"recall/internal/prompt"
	"recall/internal/sched"
	"recall/internal/store"
)

// benchCollection builds a collection of n basic cards in one import: two
// thirds new, one third in review with one imported answer each and due
// dates spread from 45 days ago to 45 days ahead, so that about a sixth of
// the collection is due.
func benchCollection(b *testing.B, n int) (*store.Store, time.Time) {
	b.Helper()
	now := sessionT0
	st, err := store.Open(filepath.Join(b.TempDir(), "c.db"), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := st.SetConfig("timezone", "UTC"); err != nil {
		b.Fatal(err)
	}
	cards := make([]deck.Card, n)
	var hist []store.HistoryReview
	due := map[string]time.Time{}
	for i := range cards {
		c := deck.Card{Deck: fmt.Sprintf("Deck %d", i%10), Type: deck.Basic,
			Front: fmt.Sprintf("Question number %d about a topic worth learning?", i), Back: fmt.Sprintf("Answer %d", i)}
		c.AssignID()
		cards[i] = c
		if i%3 == 0 {
			at := now.Add(-time.Duration(50+i%40) * 24 * time.Hour)
			hist = append(hist, store.HistoryReview{CardID: c.ID, Time: at, Rating: sched.Good})
			due[c.ID] = now.Add(time.Duration(i%90-45)*24*time.Hour + time.Duration(i%1440)*time.Minute)
		}
	}
	states := func(id string, ev []sched.Event) []sched.Card {
		out := make([]sched.Card, len(ev))
		for i, e := range ev {
			out[i] = sched.Card{State: sched.Review, Due: due[id], LastReview: e.Time, Stability: 20, Difficulty: 5,
				Interval: 20, Reps: i + 1}
		}
		return out
	}
	infos := make([]store.DeckInfo, 10)
	for i := range infos {
		infos[i] = store.DeckInfo{Name: fmt.Sprintf("Deck %d", i)}
	}
	if _, err := st.Upsert(infos, cards, store.UpsertOptions{Now: now, History: hist, States: states}); err != nil {
		b.Fatal(err)
	}
	return st, now
}

// stopAtFirstKey is a prompter that ends the session at its first prompt,
// which comes right after the first card is on screen.
type stopAtFirstKey struct{ prompt.Fake }

func (*stopAtFirstKey) Key(string, string) (rune, error) { return 0, prompt.ErrInterrupted }

// BenchmarkFirstCard100k measures what `recall review` does before the
// first card is on screen, after the collection is open: load the settings,
// build today's queue within the limits and draw the card.
func BenchmarkFirstCard100k(b *testing.B) {
	st, now := benchCollection(b, 100_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		eng, err := NewEngine(st)
		if err != nil {
			b.Fatal(err)
		}
		s := &Session{Engine: eng, Prompt: &stopAtFirstKey{}, Out: io.Discard, Now: func() time.Time { return now },
			Queue: QueueOptions{NewLimit: -1, ReviewLimit: -1}, Width: 80, Height: 24}
		sum, err := s.Run()
		if !errors.Is(err, prompt.ErrInterrupted) || sum.Reviewed != 0 {
			b.Fatalf("session ended with %v", err)
		}
	}
}

// BenchmarkSessionAnswer100k measures one card of a session on a
// 100,000-card collection: reveal, preview of the grades, the answer
// committed with fsync, and the next card drawn. It reports the median.
func BenchmarkSessionAnswer100k(b *testing.B) {
	st, now := benchCollection(b, 100_000)
	eng, err := NewEngine(st)
	if err != nil {
		b.Fatal(err)
	}
	eng.Config = NewConfig(map[string]string{"timezone": "UTC", "reviews_per_day": "1000000"})
	clockNow := now
	times := make([]time.Duration, 0, b.N)
	last := time.Now()
	p := &timingKeys{n: b.N, onGrade: func() {
		t := time.Now()
		times = append(times, t.Sub(last))
		last = t
	}}
	s := &Session{Engine: eng, Prompt: p, Out: io.Discard, Width: 80,
		Now:   func() time.Time { clockNow = clockNow.Add(time.Second); return clockNow },
		Queue: QueueOptions{NewLimit: 0, ReviewLimit: -1}}
	b.ResetTimer()
	last = time.Now()
	sum, err := s.Run()
	b.StopTimer()
	if err != nil || sum.Reviewed != b.N {
		b.Fatalf("reviewed %d of %d: %v", sum.Reviewed, b.N, err)
	}
	if len(times) > 1 {
		// The first interval includes building the queue; leave it out.
		times = times[1:]
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median/card")
	}
}

// timingKeys reveals and grades Good n cards, then quits, calling onGrade
// each time a card reaches its first prompt.
type timingKeys struct {
	prompt.Fake
	n, graded int
	revealed  bool
	onGrade   func()
}

func (p *timingKeys) Key(msg, allowed string) (rune, error) {
	if !p.revealed {
		if p.graded > 0 {
			p.onGrade()
		}
		if p.graded == p.n {
			return 'q', nil
		}
		p.revealed = true
		return ' ', nil
	}
	p.revealed = false
	p.graded++
	return '3', nil
}

// BenchmarkAnswerCommit100k measures Engine.Answer alone (read the card,
// schedule, one write transaction with fsync) on a 100,000-card collection.
func BenchmarkAnswerCommit100k(b *testing.B) {
	st, now := benchCollection(b, 100_000)
	eng, err := NewEngine(st)
	if err != nil {
		b.Fatal(err)
	}
	q, err := eng.BuildQueue(now, QueueOptions{NewLimit: 0, ReviewLimit: 1_000_000})
	if err != nil || len(q.Cards) == 0 {
		b.Fatalf("queue: %v", err)
	}
	times := make([]time.Duration, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := q.Cards[i%len(q.Cards)]
		t := time.Now()
		if _, err := eng.Answer(c.ID, sched.Good, now.Add(time.Duration(i)*time.Second), 5*time.Second); err != nil {
			b.Fatal(err)
		}
		times[i] = time.Since(t)
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median/answer")
}
