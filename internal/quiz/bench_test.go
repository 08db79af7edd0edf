package quiz

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"recall/internal/deck"
)

// collection makes n cards over 10 decks with every class of answer,
// cloze and reversed cards among them.
func collection(n int) []deck.Card {
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "an", "el"}
	word := func() string {
		s := ""
		for range 2 + r.IntN(3) {
			s += syll[r.IntN(len(syll))]
		}
		return s
	}
	cards := make([]deck.Card, 0, n)
	for i := range n {
		d := fmt.Sprintf("deck%d", i%10)
		c := deck.Card{Deck: d, Type: deck.Basic, Front: fmt.Sprintf("Question %d about %s?", i, word())}
		switch i % 20 {
		case 0, 1, 2:
			c.Back = fmt.Sprint(1000 + r.IntN(1000))
		case 3, 4:
			c.Back = fmt.Sprint(r.IntN(5000))
		case 5:
			c.Back = fmt.Sprintf("%d %s 1%03d", 1+r.IntN(28), []string{"May", "June", "July"}[r.IntN(3)], r.IntN(1000))
		case 6, 7, 8:
			c.Back = "Kar" + word()
		case 9, 10, 11:
			c.Back = word()
		case 12:
			c.Back = "the " + word() + " " + word() + " of the " + word()
		case 13:
			c.Back = word() + "\n" + word() + "\n" + word()
		case 14, 15, 16:
			c.Type, c.Ord = deck.Cloze, 1
			c.Front = fmt.Sprintf("The %s of %d is {{c1::%s}}.", word(), i, word())
		case 17, 18:
			c.Type, c.Ord = deck.Reversed, 1+i%2
			c.Back = word()
		default:
			c.Type = deck.Typed
			c.Back = word() + " / " + word()
		}
		c.ID = fmt.Sprintf("%012x", i)
		cards = append(cards, c)
	}
	return cards
}

func benchmarkBuild(b *testing.B, mode Mode, weak bool) {
	cards := collection(100_000)
	var rate func(string) float64
	if weak {
		rate = func(id string) float64 { return float64(len(id) + int(id[len(id)-1])) }
	}
	b.ReportAllocs()
	b.ResetTimer()
	// CPU time is reported beside wall time because the machine is often
	// shared, and wall time then mostly measures the neighbours.
	start := cpuTime()
	i := 0
	for ; b.Loop(); i++ {
		qs, err := Build(cards, Options{N: 50, Mode: mode, Rand: rand.New(rand.NewPCG(uint64(i), 0)), Weak: weak, Weakness: rate})
		if err != nil || len(qs) != 50 {
			b.Fatalf("%d questions, %v", len(qs), err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(i), "cpu-ms/op")
}

// cpuTime is the user and system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkBuild50From100kMixed(b *testing.B) { benchmarkBuild(b, ModeMixed, false) }
func BenchmarkBuild50From100kMC(b *testing.B)    { benchmarkBuild(b, ModeMC, false) }
func BenchmarkBuild50From100kTyped(b *testing.B) { benchmarkBuild(b, ModeTyped, false) }
func BenchmarkBuild50From100kWeak(b *testing.B)  { benchmarkBuild(b, ModeMixed, true) }

func BenchmarkCheckTyped(b *testing.B) {
	q := typedQ("photosynthesis / Photosynthese", "fotosynthesis")
	for b.Loop() {
		Check(q, "Photosynthesys.", CheckOptions{IgnoreAccents: true})
	}
}
