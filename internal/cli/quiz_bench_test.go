package cli

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"recall/internal/deck"
	"recall/internal/quiz"
	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
)

// quizBenchCollection writes a collection of n cards over 10 decks with
// answers of every class (years, numbers with units, names, words, cloze
// deletions), half of them studied: in review with a stability between 1
// and 100 days, a tenth of those with lapses.
func quizBenchCollection(b *testing.B, n int) string {
	b.Helper()
	db := filepath.Join(b.TempDir(), "collection.db")
	st, err := store.Open(db, store.Options{Now: func() time.Time { return quizNow }})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "an", "el"}
	word := func() string {
		s := ""
		for range 2 + r.IntN(3) {
			s += syll[r.IntN(len(syll))]
		}
		return s
	}
	cards := make([]deck.Card, n)
	var history []store.HistoryReview
	for i := range cards {
		c := deck.Card{Deck: fmt.Sprintf("Deck %d", i%10), Type: deck.Basic, Front: fmt.Sprintf("Question %d about %s?", i, word())}
		switch i % 6 {
		case 0:
			c.Back = fmt.Sprint(1000 + r.IntN(1000))
		case 1:
			c.Back = fmt.Sprintf("%d km", r.IntN(5000))
		case 2:
			c.Back = "Kar" + word()
		case 3:
			c.Back = word()
		case 4:
			c.Type, c.Ord = deck.Cloze, 1
			c.Front = fmt.Sprintf("The %s of %d is {{c1::%s}}.", word(), i, word())
		default:
			c.Back = "the " + word() + " of the " + word()
		}
		c.ID = fmt.Sprintf("%012x", i)
		cards[i] = c
		if i%2 == 0 {
			history = append(history, store.HistoryReview{CardID: c.ID, Time: quizNow.AddDate(0, 0, -1-i%60), Rating: sched.Good})
		}
	}
	states := func(id string, events []sched.Event) []sched.Card {
		out := make([]sched.Card, len(events))
		for k, ev := range events {
			var num int
			fmt.Sscanf(id, "%x", &num)
			stab := 1 + float64(num%100)
			out[k] = sched.Card{State: sched.Review, Stability: stab, Difficulty: 5, LastReview: ev.Time,
				Due: ev.Time.Add(time.Duration(stab*24) * time.Hour), Interval: int(stab), Reps: 1 + num%5, Lapses: num % 20 / 18 * 3}
		}
		return out
	}
	if _, err := st.Upsert([]store.DeckInfo{{Name: "Deck 0"}}, cards, store.UpsertOptions{Now: quizNow, History: history, States: states}); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkQuiz50From100k measures what `recall quiz -n 50` does before the
// first question: open the collection, read and filter all 100,000 cards
// (rating each one's weakness with --weak), and build 50 questions.
func BenchmarkQuiz50From100k(b *testing.B) {
	db := quizBenchCollection(b, 100_000)
	for _, weak := range []bool{false, true} {
		b.Run(map[bool]string{false: "mixed", true: "mixed-weak"}[weak], func(b *testing.B) {
			seed := uint64(0)
			for b.Loop() {
				seed++
				st, err := store.Open(db, store.Options{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				e, err := review.NewEngine(st)
				if err != nil {
					b.Fatal(err)
				}
				opts := &quizOptions{N: 50, Weak: weak}
				cards, weakness, err := quizCards(e, opts, quizNow)
				if err != nil {
					b.Fatal(err)
				}
				qs, err := quiz.Build(cards, quiz.Options{N: 50, Mode: quiz.ModeMixed, Weak: weak,
					Rand: rand.New(rand.NewPCG(seed, 0)), Weakness: weakness})
				if err != nil || len(qs) != 50 {
					b.Fatalf("%d questions, %v", len(qs), err)
				}
				st.Close()
			}
		})
	}
}
