package generate

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"recall/internal/deck"
)

const factsDoc = `# Rivers

## What is the Nile?

The Nile is the longest river in Africa, flowing north for 6,650 km.

Main tributaries: the White Nile, the Blue Nile, the Atbara.

The Aswan High Dam was completed in 1970 and holds back Lake Nasser.

Cairo, the capital of Egypt, stands on its banks.
`

func TestGenerateIsDeterministic(t *testing.T) {
	for _, name := range []string{"testdata/bisect.md", "testdata/saturn.html", "testdata/ringbuf.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		a, errA := Generate([]Document{{Name: name, Data: data}}, Options{})
		b, errB := Generate([]Document{{Name: name, Data: data}}, Options{})
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

func TestIDsSurviveAnUnrelatedEditAbove(t *testing.T) {
	before := gen(t, "rivers.md", factsDoc)
	edited := strings.Replace(factsDoc, "# Rivers\n", "# Rivers\n\nThe Danube, a river of central Europe, was\nmapped again in 2025.\n", 1)
	after := gen(t, "rivers.md", edited)
	ids := map[string]deck.Card{}
	for _, c := range after.Cards {
		ids[c.ID] = c
	}
	for _, c := range before.Cards {
		moved, ok := ids[c.ID]
		if !ok {
			t.Errorf("card %q lost its ID %s after an edit above it", c.Front, c.ID)
			continue
		}
		if moved.Source.Start != c.Source.Start+3 {
			t.Errorf("card %q did not move: lines %d-%d", c.Front, moved.Source.Start, moved.Source.End)
		}
	}
	if len(after.Cards) <= len(before.Cards) {
		t.Errorf("the new paragraph made no card (%d before, %d after)", len(before.Cards), len(after.Cards))
	}
}

func TestIDsChangeWithThePassageAndTheDeck(t *testing.T) {
	a := gen(t, "rivers.md", factsDoc)
	b := gen(t, "rivers.md", strings.Replace(factsDoc, "in 1970", "in 1971", 1))
	c := gen(t, "rivers.md", factsDoc, Options{Deck: "Geography"})
	id := func(d deck.Deck, sub string) string {
		for _, c := range d.Cards {
			if c.Type == deck.Cloze && strings.Contains(c.Front, sub) {
				return c.ID
			}
		}
		t.Fatalf("no cloze containing %q", sub)
		return ""
	}
	if id(a, "{{c1::1970}}") == id(b, "{{c1::1971}}") {
		t.Error("an edited passage kept its card's ID")
	}
	if id(a, "{{c1::1970}}") == id(c, "{{c1::1970}}") {
		t.Error("the same card in another deck has the same ID")
	}
}

func TestMaxKeepsTheBestCardsInDocumentOrder(t *testing.T) {
	all := gen(t, "rivers.md", factsDoc)
	best := gen(t, "rivers.md", factsDoc, Options{Max: 3})
	if len(all.Cards) <= 3 || len(best.Cards) != 3 {
		t.Fatalf("%d cards, with Max 3: %d", len(all.Cards), len(best.Cards))
	}
	// The question heading outranks clozes.
	if best.Cards[0].Front != "What is the Nile?" {
		t.Errorf("best cards: %s", listCards(best))
	}
	for i := 1; i < len(best.Cards); i++ {
		if best.Cards[i].Source.Start < best.Cards[i-1].Source.Start {
			t.Errorf("cards out of document order: %s", listCards(best))
		}
	}
}

func TestTypesChooseAndConvertCards(t *testing.T) {
	clozes := gen(t, "rivers.md", factsDoc, Options{Types: []deck.Type{deck.Cloze}})
	if len(clozes.Cards) == 0 {
		t.Fatal("no clozes")
	}
	for _, c := range clozes.Cards {
		if c.Type != deck.Cloze {
			t.Errorf("Types cloze gave a %s card %q", c.Type, c.Front)
		}
	}
	typed := gen(t, "rivers.md", factsDoc, Options{Types: []deck.Type{deck.Typed, deck.Basic}})
	var nTyped int
	for _, c := range typed.Cards {
		switch c.Type {
		case deck.Typed:
			nTyped++
			if wordCount(c.Back) > 4 {
				t.Errorf("typed card with a long answer: %q", c.Back)
			}
		case deck.Cloze:
			t.Errorf("cloze %q when only typed and basic were asked for", c.Front)
		}
	}
	if nTyped == 0 {
		t.Errorf("no typed card:\n%s", listCards(typed))
	}
	rev := gen(t, "rivers.md", factsDoc, Options{Types: []deck.Type{deck.Reversed}})
	if len(rev.Cards) == 0 || len(rev.Cards)%2 != 0 {
		t.Fatalf("%d reversed cards, want pairs", len(rev.Cards))
	}
	for i := 0; i < len(rev.Cards); i += 2 {
		a, b := rev.Cards[i], rev.Cards[i+1]
		if a.Type != deck.Reversed || a.Ord != 1 || b.Ord != 2 || a.Front != b.Front || a.ID == b.ID {
			t.Errorf("reversed pair %+v / %+v", a, b)
		}
	}
	wantBasic(t, rev, "Cairo", "The capital of Egypt")
	if _, err := Generate([]Document{{Name: "a.md", Data: []byte(factsDoc)}}, Options{Types: []deck.Type{"flash"}}); err == nil || !strings.Contains(err.Error(), `unknown card type "flash"`) {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := Generate([]Document{{Name: "a.md", Data: []byte(factsDoc)}}, Options{Types: []deck.Type{deck.Choice}}); err == nil || !strings.Contains(err.Error(), "multiple-choice questions come from the quiz") {
		t.Errorf("choice only: %v", err)
	}
}

func TestDefaultDeckName(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"notes/rivers.md", "# World rivers\n\nThe Nile is a river in Africa.\n", "World rivers"},
		{"page.html", "<title>Saturn | Planet Notes</title><p>Saturn is a planet in the Solar System.</p>", "Saturn"},
		{"x.md", "---\ntitle: \"From front matter\"\n---\n\nThe Nile is a river in Africa.\n", "From front matter"},
		{"a-short-doc.txt", "Short title\n\nThe Nile is a river in Africa.\n", "Short title"},
		{"new-productive-forces.txt", "The development of new productive forces is an essential requirement for quality development, and it matters a great deal.\n\nThe Nile is a river in Africa.\n", "New productive forces"},
		{"-", "The Nile is a river in Africa. It flows north.\n", "Notes"},
	} {
		d := gen(t, tc.name, tc.text)
		if d.Name != tc.want {
			t.Errorf("%s: deck %q, want %q", tc.name, d.Name, tc.want)
		}
	}
	if d := gen(t, "x.md", factsDoc, Options{Deck: "Mine"}); d.Name != "Mine" || d.Cards[0].Deck != "Mine" {
		t.Errorf("Options.Deck ignored: %q", d.Name)
	}
}

func TestSeveralDocumentsMakeOneDeckInOrder(t *testing.T) {
	d, err := Generate([]Document{
		{Name: "a.md", Data: []byte("# Alpha\n\nThe Nile is the longest river in Africa.\n")},
		{Name: "b.txt", Data: []byte("Beta\n\nThe Amazon is the largest river in South America.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Alpha" || len(d.Cards) != 2 || d.Cards[0].Source.File != "a.md" || d.Cards[1].Source.File != "b.txt" || d.Source != "a.md, b.txt" {
		t.Errorf("deck %q from %q:\n%s", d.Name, d.Source, listCards(d))
	}
	if _, err := Generate([]Document{{Name: "a.md", Data: []byte("# A\n\nThe Nile is a river.\n")}, {Name: "empty.md"}}, Options{}); err == nil || err.Error() != "empty.md: no text to make cards from" {
		t.Errorf("an empty second document: %v", err)
	}
}

func TestGeneratedDecksWriteAndParseBack(t *testing.T) {
	for _, name := range []string{"testdata/bisect.md", "testdata/saturn.html", "testdata/ringbuf.txt"} {
		data, _ := os.ReadFile(name)
		d, err := Generate([]Document{{Name: name, Data: data}}, Options{Types: []deck.Type{deck.Basic, deck.Cloze, deck.Reversed}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := deck.Write(&buf, d); err != nil {
			t.Fatalf("%s: write: %v", name, err)
		}
		back, err := deck.Parse("deck.md", &buf)
		if err != nil {
			t.Fatalf("%s: parse: %v", name, err)
		}
		if len(back.Cards) != len(d.Cards) {
			t.Fatalf("%s: %d cards written, %d read", name, len(d.Cards), len(back.Cards))
		}
		for i, c := range back.Cards {
			w := d.Cards[i]
			if c.ID != w.ID || c.Type != w.Type || c.Front != w.Front || c.Back != w.Back || c.Ord != w.Ord || !reflect.DeepEqual(c.Source, w.Source) {
				t.Errorf("%s: card %d changed in the round trip:\n got %+v\nwant %+v", name, i, c, w)
			}
		}
	}
}

func TestTypesThatLeaveNothingSayHowManyCardsTheyRemoved(t *testing.T) {
	doc := "# Rivers\n\nThe Aswan High Dam was completed in 1970 and holds back Lake Nasser.\n"
	all := gen(t, "rivers.md", doc)
	_, err := Generate([]Document{{Name: "rivers.md", Data: []byte(doc)}}, Options{Types: []deck.Type{deck.Typed, deck.Reversed}})
	var filtered *TypesFilteredError
	if !errors.As(err, &filtered) {
		t.Fatalf("err = %v, want a TypesFilteredError", err)
	}
	if filtered.Removed != len(all.Cards) || !strings.Contains(err.Error(), "(typed,reversed)") {
		t.Errorf("removed %d of %d cards; %v", filtered.Removed, len(all.Cards), err)
	}
}
