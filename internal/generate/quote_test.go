package generate

import (
	"strings"
	"testing"
)

func TestQuotationIsAskedByItsSpeakerNotAsADefinition(t *testing.T) {
	d := gen(t, "speech.txt", `Speech notes

The green transition is a historic opportunity and a duty for every generation, and we must seize it with courage.

Prime Minister Jane Holm

Carbon pricing is a policy that charges emitters for each tonne of carbon dioxide they release.
`)
	wantBasic(t, d, `Who said "The green transition is a historic opportunity and a duty …"?`, "Prime Minister Jane Holm")
	for _, c := range d.Cards {
		if strings.HasPrefix(c.Front, "What is the green transition") {
			t.Errorf("the quotation is asked again as a definition: %q / %q", c.Front, c.Back)
		}
	}
	// A definition outside the quotation is asked as before.
	wantBasic(t, d, "What is carbon pricing?", "A policy that charges emitters for each tonne of carbon dioxide they release")
	// A line that makes no "Who said" card (a bare name is not taken for
	// a speaker) leaves the definition above it alone; a one-word term
	// seen only capitalised is taken for a name.
	d = gen(t, "short.txt", "Short notes\n\nDust is a nuisance.\n\nAnna Berg\n")
	wantBasic(t, d, "What is Dust?", "A nuisance")
}
