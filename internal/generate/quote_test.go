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

func TestCommitmentOfANamedSpeakerIsAsked(t *testing.T) {
	d := gen(t, "summits.txt", `Climate summits

At the Nordic Climate Forum held in Oslo to plan for 2030, Norway said it would "close its last coal plant by 2028, expand offshore wind along the whole coast, and train ten thousand new engineers."

In March 2024, the Ministry of Energy announced it will "publish a grid plan."

At the summit, Kenya pledged it would "plant fifteen billion trees by 2032."

Brazil says it will "end illegal logging in the Amazon."

The mayor said the city would consider the plan.
`)
	// A long commitment is answered by its first clause.
	wantBasic(t, d, "What did Norway say it would do at the Nordic Climate Forum?", "Close its last coal plant by 2028 …")
	wantBasic(t, d, "What did Kenya pledge it would do at the summit?", "Plant fifteen billion trees by 2032")
	wantBasic(t, d, "What does Brazil say it will do?", "End illegal logging in the Amazon")
	// "the Ministry of Energy" is not a name opening the sentence; no
	// quotation, no commitment card.
	for _, c := range d.Cards {
		if strings.Contains(c.Front, "Ministry") && strings.HasPrefix(c.Front, "What did") || strings.Contains(c.Front, "mayor") {
			t.Errorf("unexpected commitment card %q", c.Front)
		}
	}
}
