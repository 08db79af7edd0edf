package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"recall/internal/deck"
	"recall/internal/sched"
)

// benchCollection builds a collection of n cards, a third of them in
// review with due dates spread over 90 days, and returns it open.
func benchCollection(b *testing.B, n int) *Store {
	b.Helper()
	st, err := Open(filepath.Join(b.TempDir(), "c.db"), Options{Now: func() time.Time { return t0 }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	cards := make([]deck.Card, n)
	for i := range cards {
		cards[i] = basic(fmt.Sprintf("Deck %d", i%10), fmt.Sprintf("Question number %d about a topic worth learning?", i),
			fmt.Sprintf("Answer %d, a short fact", i))
	}
	if _, err := st.Upsert([]DeckInfo{{Name: "Deck 0"}}, cards, UpsertOptions{Now: t0}); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkUpsert100k imports 100,000 new cards in one transaction and
// reports the collection's size per card.
func BenchmarkUpsert100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		st := benchCollection(b, 100_000)
		if i == b.N-1 {
			fi, _ := os.Stat(st.Path())
			b.ReportMetric(float64(fi.Size())/100_000, "bytes/card")
		}
	}
}

func BenchmarkCountDue100k(b *testing.B) {
	st := benchCollection(b, 100_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.DueEntries(t0, func(Entry) bool { return true }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnswer100k commits one answer (with fsync) on a 100,000-card
// collection and reports the size the review log adds per review.
func BenchmarkAnswer100k(b *testing.B) {
	st := benchCollection(b, 100_000)
	var ids []string
	st.NewCards(t0, func(c *Card) bool { ids = append(ids, c.ID); return len(ids) < 1000 })
	fi0, _ := os.Stat(st.Path())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		at := t0.Add(time.Duration(i) * time.Second)
		_, _, err := st.Answer(AnswerInput{CardID: ids[i%len(ids)], Time: at, Rating: sched.Good, Day: 1,
			DayOf: func(x time.Time) int { return int(x.Unix() / 86400) }},
			func(c *Card) error {
				c.Sched.State, c.Sched.Reps, c.Sched.LastReview = sched.Review, c.Sched.Reps+1, at
				c.Sched.Due = at.Add(72 * time.Hour)
				return nil
			})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	fi1, _ := os.Stat(st.Path())
	if b.N >= 1000 {
		b.ReportMetric(float64(fi1.Size()-fi0.Size())/float64(b.N), "file-bytes/answer")
	}
}
