package deck

import (
	"os"
	"testing"
)

const formatsDir = "../../../shared/data/formats/"

func parseSample(t *testing.T, name string) Deck {
	t.Helper()
	path := formatsDir + name
	if _, err := os.Stat(path); err != nil {
		t.Skipf("sample %s not available (%v); it comes with the shared specs", path, err)
	}
	d, err := parseFile(t, path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseHashcardsMathSample(t *testing.T) {
	d := parseSample(t, "hashcards_example_Math.md")
	if d.Name != "hashcards_example_Math" {
		t.Errorf("deck name %q, want the file stem", d.Name)
	}
	var basic, cloze int
	for _, c := range d.Cards {
		switch c.Type {
		case Basic:
			basic++
		case Cloze:
			cloze++
		default:
			t.Errorf("unexpected %s card %q", c.Type, c.Front)
		}
	}
	// 4 questions; one cloze with one deletion and a table with four.
	if basic != 4 || cloze != 5 {
		t.Fatalf("got %d basic and %d cloze cards, want 4 and 5", basic, cloze)
	}
	c := d.Cards
	if c[1].Front != "State the first DeMorgan Law" ||
		c[1].Back != "$$\n\\neg \\left( P \\land Q \\right) \\equiv \\neg P \\lor \\neg Q\n$$" {
		t.Errorf("multi-line answer: %q", c[1].Back)
	}
	if c[4].Line != 28 || c[4].Prompt() != "The TeX command `\\alpha` renders as [...]." || c[4].Answer() != "$\\alpha$" {
		t.Errorf("first cloze: line %d prompt %q answer %q", c[4].Line, c[4].Prompt(), c[4].Answer())
	}
	for i, want := range []string{"F", "T", "T", "T"} {
		if got := c[5+i]; got.Ord != i+1 || got.Answer() != want || got.Line != 32 {
			t.Errorf("table cloze %d: ord %d answer %q line %d", i+1, got.Ord, got.Answer(), got.Line)
		}
	}
}

func TestParseHashcardsQuotesSample(t *testing.T) {
	d := parseSample(t, "hashcards_example_Quotes.md")
	if len(d.Cards) != 3 {
		t.Fatalf("got %d cards, want one cloze with 3 deletions", len(d.Cards))
	}
	for i, want := range []string{"Ecclesiastes", "6", "9"} {
		c := d.Cards[i]
		if c.Type != Cloze || c.Ord != i+1 || c.Answer() != want || c.Front != d.Cards[0].Front {
			t.Errorf("card %d: %s ord %d answer %q", i, c.Type, c.Ord, c.Answer())
		}
	}
	if got := StripCloze(d.Cards[0].Front); got != "Better is the sight of the eyes than the wandering of the\ndesire: this is also vanity and vexation of spirit.\n\n— Ecclesiastes 6:9" {
		t.Errorf("text %q", got)
	}
}

func TestHashcardsSamplesRoundTrip(t *testing.T) {
	for _, name := range []string{"hashcards_example_Math.md", "hashcards_example_Quotes.md"} {
		d := parseSample(t, name)
		assertRoundTrip(t, d)
	}
}
