package sched

import "testing"

func BenchmarkNext(b *testing.B) {
	sc := mustScheduler(b, sampleSettings())
	c := sc.Next(Card{}, Good, start, 0)
	c = sc.Next(c, Good, c.Due, 0)
	now := c.Due
	b.ReportAllocs()
	for b.Loop() {
		c2 := sc.Next(c, Good, now, 0.5)
		_ = c2
	}
}

// BenchmarkReplay1M replays 100,000 cards of 10 reviews each.
func BenchmarkReplay1M(b *testing.B) {
	sc := mustScheduler(b, sampleSettings())
	const cards, per = 100_000, 10
	ids := make([]string, cards)
	histories := make([][]Event, cards)
	for i := range histories {
		ids[i] = "card" + itoa(i)
		now := start
		var c Card
		ev := make([]Event, per)
		for k := range ev {
			g := Rating(1 + (i*7+k*3)%4)
			if k > 0 && g == Again && k%3 != 0 {
				g = Good
			}
			ev[k] = Event{Time: now, Rating: g}
			c = sc.Next(c, g, now, FuzzSeed(ids[i], c.Reps))
			now = c.Due
		}
		histories[i] = ev
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, ev := range histories {
			sc.Replay(ids[i], ev)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(cards*per), "ns/review")
}

func BenchmarkOptimizeSample(b *testing.B) {
	logs := loadSample(b)
	for b.Loop() {
		if _, err := Optimize(logs, sampleSettings(), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOptimize100k fits 10,000 simulated cards of 10 reviews each.
func BenchmarkOptimize100k(b *testing.B) {
	truth := defaults()
	truth[2], truth[20] = 4, 0.25
	logs := simulate(10_000, 10, truth, 99)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Optimize(logs, sampleSettings(), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluateSample(b *testing.B) {
	logs := loadSample(b)
	for b.Loop() {
		if _, err := Evaluate(logs, sampleSettings()); err != nil {
			b.Fatal(err)
		}
	}
}
