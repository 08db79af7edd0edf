package generate

import (
	"strings"
	"testing"

	"recall/internal/deck"
)

// gen generates a deck from one document and fails the test on error.
func gen(t *testing.T, name, text string, opt ...Options) deck.Deck {
	t.Helper()
	var o Options
	if len(opt) > 0 {
		o = opt[0]
	}
	d, err := Generate([]Document{{Name: name, Data: []byte(text)}}, o)
	if err != nil {
		t.Fatalf("Generate(%s): %v", name, err)
	}
	return d
}

// basic returns the back of the basic card with the given front.
func basic(t *testing.T, d deck.Deck, front string) string {
	t.Helper()
	for _, c := range d.Cards {
		if c.Type != deck.Cloze && c.Front == front {
			return c.Back
		}
	}
	t.Errorf("no card %q; cards:\n%s", front, listCards(d))
	return ""
}

// hasBasic reports whether the deck has a card with that front and back.
func wantBasic(t *testing.T, d deck.Deck, front, back string) {
	t.Helper()
	for _, c := range d.Cards {
		if c.Type != deck.Cloze && c.Front == front {
			if c.Back != back {
				t.Errorf("card %q: back %q, want %q", front, c.Back, back)
			}
			return
		}
	}
	t.Errorf("no card %q; cards:\n%s", front, listCards(d))
}

// wantCloze checks that the deck has a cloze whose prompt and answer are
// as given ("[...]" marks the gap in the prompt).
func wantCloze(t *testing.T, d deck.Deck, prompt, answer string) {
	t.Helper()
	for _, c := range d.Cards {
		if c.Type == deck.Cloze && deck.ClozePrompt(c.Front, c.Ord) == prompt {
			if got := deck.ClozeAnswer(c.Front, c.Ord); got != answer {
				t.Errorf("cloze %q: answer %q, want %q", prompt, got, answer)
			}
			return
		}
	}
	t.Errorf("no cloze %q; cards:\n%s", prompt, listCards(d))
}

// noCardMentions fails if any card's front or back contains s.
func noCardMentions(t *testing.T, d deck.Deck, s string) {
	t.Helper()
	for _, c := range d.Cards {
		if strings.Contains(c.Front, s) || strings.Contains(c.Back, s) {
			t.Errorf("card %q / %q contains %q", c.Front, c.Back, s)
		}
	}
}

func listCards(d deck.Deck) string {
	var b strings.Builder
	for _, c := range d.Cards {
		if c.Type == deck.Cloze {
			b.WriteString("  C " + deck.ClozePrompt(c.Front, c.Ord) + " => " + deck.ClozeAnswer(c.Front, c.Ord) + "\n")
		} else {
			b.WriteString("  " + string(c.Type) + " " + c.Front + " => " + strings.ReplaceAll(c.Back, "\n", " / ") + "\n")
		}
	}
	return b.String()
}

func countRule(d deck.Deck, pred func(deck.Card) bool) int {
	n := 0
	for _, c := range d.Cards {
		if pred(c) {
			n++
		}
	}
	return n
}
