package generate

import (
	"testing"

	"recall/internal/deck"
)

func TestInstructionsWithPolicyVerbsHideWhatTheyActOn(t *testing.T) {
	d := gen(t, "plan.md", `# Regional plan

## Measures

- Eliminate bottlenecks that hinder growth in the region.
- Facilitate the flow of talent between universities and firms.
- Streamline permits for small firms and eliminate fees for start-ups.
- Optimize the layout of industries across regions.
`)
	wantCloze(t, d, "Measures: Eliminate [...] that hinder growth in the region.", "bottlenecks")
	wantCloze(t, d, "Measures: Facilitate the flow of [...].", "talent between universities and firms")
	wantCloze(t, d, "Measures: Streamline [...] and eliminate fees for start-ups.", "permits for small firms")
	wantCloze(t, d, "Measures: Optimize the layout of [...].", "industries across regions")
}

func TestBaseVerbsLeaveNounsAlone(t *testing.T) {
	for _, w := range []string{"eliminate", "facilitate", "optimize", "diversify", "standardize", "deepen"} {
		if !isBaseVerb(w) {
			t.Errorf("isBaseVerb(%q) = false", w)
		}
	}
	for _, w := range []string{"size", "prize", "climate", "senate", "quality", "industry", "estimate", "rise"} {
		if isBaseVerb(w) {
			t.Errorf("isBaseVerb(%q) = true for a noun", w)
		}
	}
	// A sentence that opens with a noun states no measure: nothing to
	// hide without a fact (Generate fails when it finds nothing at all).
	d, err := Generate([]Document{{Name: "n.txt", Data: []byte("Notes\n\nClimate shapes the harvest of every region.\n\nPrize money rewards the best teams each year.\n")}}, Options{})
	if err == nil {
		if n := countRule(d, func(c deck.Card) bool { return c.Type == deck.Cloze }); n != 0 {
			t.Errorf("%d clozes from sentences without a measure:\n%s", n, listCards(d))
		}
	}
}
