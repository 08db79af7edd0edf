package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"recall/internal/deck"
)

// BenchmarkReadTSV100k reads a 100,000-row Anki-style TSV file from disk, the
// whole import path up to cards in memory. It reports the heap still live
// with the result held, as a bound on what the import keeps.
func BenchmarkReadTSV100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.tsv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("#separator:tab\n#html:false\n#tags column:3\n")
	for i := range 100_000 {
		fmt.Fprintf(w, "Question number %d about \"something\"?\tThe answer to question %d, with some words to make it realistic\ttag%d common\n", i, i, i%50)
	}
	w.Flush()
	f.Close()
	b.ResetTimer()
	for b.Loop() {
		res, err := Read(path, Options{})
		if err != nil || len(res.Cards()) != 100_000 {
			b.Fatalf("%v, %d cards", err, len(res.Cards()))
		}
		reportLive(b, res)
	}
}

// BenchmarkReadAPKG10kNotes reads a 10,000-note package with 100,000 review
// log rows, history included.
func BenchmarkReadAPKG10kNotes(b *testing.B) {
	cards := make([]deck.Card, 0, 10_000)
	for i := range 10_000 {
		c := deck.Card{Deck: fmt.Sprintf("Big::Part %d", i%10), Type: deck.Basic,
			Front: fmt.Sprintf("Front <b>%d</b> & more", i), Back: fmt.Sprintf("Back %d<br>line", i), Tags: []string{"t"}}
		c.AssignID()
		cards = append(cards, c)
	}
	var reviews []Review
	at := time.Date(2023, 1, 1, 10, 0, 0, 0, time.UTC)
	for i, c := range cards {
		t := at.Add(time.Duration(i) * time.Second)
		for k := range 10 {
			reviews = append(reviews, Review{CardID: c.ID, Time: t, Rating: 1 + (i+k)%4, Duration: 3 * time.Second})
			t = t.Add(time.Duration(k+1) * 26 * time.Hour)
		}
	}
	var buf bytes.Buffer
	if err := WriteAPKG(&buf, cards, reviews); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.apkg")
	os.WriteFile(path, buf.Bytes(), 0o644)
	b.ResetTimer()
	for b.Loop() {
		res, err := Read(path, Options{WithHistory: true})
		if err != nil || len(res.Cards()) != 10_000 || len(res.Reviews) != 100_000 {
			b.Fatalf("%v, %d cards, %d reviews", err, len(res.Cards()), len(res.Reviews))
		}
		reportLive(b, res)
	}
}

func reportLive(b *testing.B, res *Result) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "live-MB")
	runtime.KeepAlive(res)
}
