package deck

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// benchDeck is a deck of n cards mixing every type, as a generator or an
// import would make it.
func benchDeck(n int) Deck {
	d := Deck{Name: "Bench", Tags: []string{"bench"}}
	for i := 0; len(d.Cards) < n; i++ {
		var cards []Card
		switch i % 5 {
		case 0:
			cards = []Card{{Type: Basic, Front: fmt.Sprintf("What is item %d?", i), Back: fmt.Sprintf("It is the %dth item,\nfound on page %d.", i, i/7)}}
		case 1:
			f, b := fmt.Sprintf("word %d", i), fmt.Sprintf("Wort %d", i)
			cards = []Card{{Type: Reversed, Front: f, Back: b, Ord: 1}, {Type: Reversed, Front: f, Back: b, Ord: 2}}
		case 2:
			f := fmt.Sprintf("The {{c1::capital}} of region %d is {{c2::city %d}}.", i, i)
			cards = []Card{{Type: Cloze, Front: f, Ord: 1}, {Type: Cloze, Front: f, Ord: 2}}
		case 3:
			cards = []Card{{Type: Choice, Front: fmt.Sprintf("Pick %d", i), Back: "right", Wrong: []string{"wrong one", "wrong two"}}}
		default:
			cards = []Card{{Type: Typed, Front: fmt.Sprintf("Type %d", i), Back: fmt.Sprint(i), Accept: []string{fmt.Sprintf("#%d", i)},
				Tags: []string{"typed"}, Source: &Source{File: "doc.md", Start: i, End: i + 2, Hash: "1a2b3c4d5e", Text: "The passage\nquoted."}}}
		}
		for j := range cards {
			cards[j].Deck = d.Name
			cards[j].AssignID()
		}
		d.Cards = append(d.Cards, cards...)
	}
	return d
}

func BenchmarkParse100k(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, benchDeck(100_000)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse("bench.md", bytes.NewReader(data))
		if err != nil || len(d.Cards) < 100_000 {
			b.Fatalf("%v, %d cards", err, len(d.Cards))
		}
	}
}

func BenchmarkWrite100k(b *testing.B) {
	d := benchDeck(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
