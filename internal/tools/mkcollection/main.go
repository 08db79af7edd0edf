// Command mkcollection builds a large synthetic collection (and a matching
// TSV deck) for whole-command timings:
//
//	go run ./internal/tools/mkcollection -cards 100000 -reviews 1000000 -o /tmp/big.db -tsv /tmp/big.tsv
//
// Cards are spread over ten decks; reviews are replayed through the real
// scheduler, so the memory states and due dates are what recall would have
// computed.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime/pprof"
	"time"

	"recall/internal/deck"
	"recall/internal/sched"
	"recall/internal/store"
)

func main() {
	cards := flag.Int("cards", 100000, "number of cards")
	reviews := flag.Int("reviews", 1000000, "number of reviews spread over the cards")
	out := flag.String("o", "big.db", "collection file to create")
	tsv := flag.String("tsv", "", "also write the cards as a TSV deck to this file")
	nowFlag := flag.String("now", "2026-06-01T09:00:00Z", "time of the last review")
	flag.Parse()
	if p := os.Getenv("MKC_PROF"); p != "" {
		f, _ := os.Create(p)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(*cards, *reviews, *out, *tsv, *nowFlag); err != nil {
		fmt.Fprintln(os.Stderr, "mkcollection:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(n, nrev int, out, tsv, nowFlag string) error {
	now, err := time.Parse(time.RFC3339, nowFlag)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	cs := make([]deck.Card, n)
	for i := range cs {
		cs[i] = deck.Card{Deck: fmt.Sprintf("Deck %d", i%10), Type: deck.Basic,
			Front: fmt.Sprintf("What is fact number %d of this large test collection?", i),
			Back:  fmt.Sprintf("Fact %d is a short answer", i)}
		cs[i].AssignID()
	}
	if tsv != "" {
		if err := writeTSV(tsv, cs); err != nil {
			return err
		}
	}
	os.Remove(out)
	st, err := store.Open(out, store.Options{CreateDir: true})
	if err != nil {
		return err
	}
	defer st.Close()
	// Each card is reviewed when due, as a daily user would, from a start
	// in the past until its next due date lies after now (or the review
	// budget is spent), so due dates spread over the future like a real
	// collection's. About one answer in ten is Again.
	s, err := sched.NewScheduler(sched.DefaultSettings())
	if err != nil {
		return err
	}
	var hist []store.HistoryReview
	for i := 0; i < n && len(hist) < nrev; i++ {
		t := now.AddDate(0, 0, -rng.IntN(730)).Add(-time.Duration(rng.IntN(86400)) * time.Second)
		var c sched.Card
		for len(hist) < nrev && t.Before(now) {
			r := sched.Good
			if rng.IntN(10) == 0 {
				r = sched.Again
			}
			hist = append(hist, store.HistoryReview{CardID: cs[i].ID, Time: t, Rating: r, Duration: 8 * time.Second})
			c = s.Next(c, r, t, sched.FuzzSeed(cs[i].ID, c.Reps))
			t = c.Due
		}
	}
	start := now.AddDate(0, 0, -730)
	var infos []store.DeckInfo
	for d := 0; d < 10; d++ {
		infos = append(infos, store.DeckInfo{Name: fmt.Sprintf("Deck %d", d)})
	}
	t0 := time.Now()
	_, err = st.Upsert(infos, cs, store.UpsertOptions{Now: start, History: hist, States: s.States})
	if err != nil {
		return err
	}
	fi, _ := os.Stat(out)
	fmt.Printf("%d cards, %d reviews, %d bytes (%.0f bytes/card) in %v\n", n, len(hist), fi.Size(),
		float64(fi.Size())/float64(n), time.Since(t0).Round(time.Millisecond))
	return nil
}

func writeTSV(path string, cs []deck.Card) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "front\tback")
	for _, c := range cs {
		fmt.Fprintf(w, "%s\t%s\n", c.Front, c.Back)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
