package generate

import (
	"strings"
	"testing"

	"recall/internal/deck"
)

func TestOpenListIsHintedAsExamples(t *testing.T) {
	d := gen(t, "regions.txt", `Regional plans

The northern province said it will promote the clustered development of new materials, biomedicine and other emerging industries.

Tianjin trains engineers in welding, robotics, logistics and so on.

Yunnan grows crops such as rice, tea, sugar cane, etc. on its terraces.

Gansu builds wind farms, solar parks and storage plants, after a long debate in its congress.
`)
	wantCloze(t, d, "The northern province said it will promote the clustered development of [examples] and other emerging industries.", "new materials, biomedicine")
	wantCloze(t, d, "Tianjin trains engineers in [examples] and so on.", "welding, robotics, logistics")
	wantCloze(t, d, "Yunnan grows crops such as [examples], etc. on its terraces.", "rice, tea, sugar cane")
	// A list the sentence closes keeps its count.
	wantCloze(t, d, "Gansu builds [3 items], after a long debate in its congress.", "wind farms, solar parks and storage plants")
}

func TestClozeOfACompleteSentenceEndsWithAStop(t *testing.T) {
	d := gen(t, "steps.md", `# Irrigation

## Measures

- Reservoirs should be connected to regional supply networks in a timely manner
- Promote drip irrigation on farms and contribute to water saving and soil health
- Canals built in 1932 and rebuilt in 1978
`)
	wantCloze(t, d, "Measures: Reservoirs should be connected to [...] in a timely manner.", "regional supply networks")
	wantCloze(t, d, "Measures: Promote drip irrigation on farms and contribute to [...].", "water saving and soil health")
	// A phrase is no sentence: no stop is added to it.
	for _, c := range d.Cards {
		if strings.Contains(c.Front, "1978.") || strings.Contains(c.Front, "1932.") {
			t.Errorf("a stop added to a phrase: %q", c.Front)
		}
	}
	if n := countRule(d, func(c deck.Card) bool { return strings.Contains(c.Front, "Canals built") }); n == 0 {
		t.Errorf("no cloze on the phrase item:\n%s", listCards(d))
	}
}

func TestClosingStop(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Scientific innovations should be applied to industries in time", "."},
		{"Strengthen scientific and technological innovation", "."},
		{"Significant increase in total factor productivity", ""},
		{"Git 2.7 or later", ""},
		{"The rings are made of ice.", ""},
		{"At the summit held in Lisbon to discuss trade in 2025 …", ""},
		{"He said it would \"publish a plan\"", ""},
	} {
		if got := closingStop(tc.in); got != tc.want {
			t.Errorf("closingStop(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
