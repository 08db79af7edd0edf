package quiz

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"recall/internal/deck"
)

func seeded(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }

func basic(deckName, front, back string) deck.Card {
	c := deck.Card{Deck: deckName, Type: deck.Basic, Front: front, Back: back}
	c.AssignID()
	return c
}

// mixedDeck has answers of every class, several of each.
func mixedDeck() []deck.Card {
	const d = "general"
	var cs []deck.Card
	add := func(front, back string) { cs = append(cs, basic(d, front, back)) }
	for i, y := range []string{"1789", "1815", "1848", "1871", "1914", "1939", "1066", "1492"} {
		add(fmt.Sprintf("Year of event %d?", i), y)
	}
	for _, p := range [][2]string{{"France", "Paris"}, {"Germany", "Berlin"}, {"Italy", "Rome"}, {"Spain", "Madrid"}, {"Austria", "Vienna"}, {"Portugal", "Lisbon"}, {"Greece", "Athens"}} {
		add("Capital of "+p[0]+"?", p[1])
	}
	for i, n := range []string{"8", "6", "12", "100", "42", "7", "3"} {
		add(fmt.Sprintf("How many things %d?", i), n)
	}
	for i, w := range []string{"mitochondria", "ribosome", "nucleus", "cytoplasm", "membrane", "vacuole"} {
		add(fmt.Sprintf("Organelle %d?", i), w)
	}
	for i, l := range []string{"a\nb\nc", "d\ne\nf", "g\nh\ni\nj", "k\nl", "m\nn\no"} {
		add(fmt.Sprintf("List %d?", i), l)
	}
	for i, dt := range []string{"14 July 1789", "4 July 1776", "11 November 1918", "8 May 1945", "9 November 1989"} {
		add(fmt.Sprintf("Date %d?", i), dt)
	}
	return cs
}

func buildAll(t *testing.T, cards []deck.Card, mode Mode, seed uint64) []Question {
	t.Helper()
	qs, err := Build(cards, Options{N: len(cards), Mode: mode, Rand: seeded(seed)})
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func TestMCDistractorsShareTheAnswerClass(t *testing.T) {
	cards := mixedDeck()
	for seed := range uint64(20) {
		for _, q := range buildAll(t, cards, ModeMC, seed) {
			if q.Kind != KindMC {
				t.Fatalf("seed %d: %q asked as %s (%s)", seed, q.Prompt, q.Kind, q.Note)
			}
			if len(q.Options) != 4 || q.Options[q.Correct] != q.Answer {
				t.Fatalf("seed %d: %q options %q correct %d", seed, q.Prompt, q.Options, q.Correct)
			}
			want := Classify(q.Answer)
			seen := map[string]bool{}
			for _, o := range q.Options {
				if strings.TrimSpace(o) == "" {
					t.Errorf("empty option for %q", q.Prompt)
				}
				f := fold(o, true)
				if seen[f] {
					t.Errorf("duplicate option %q for %q", o, q.Prompt)
				}
				seen[f] = true
				if got := Classify(o); got.Class != want.Class {
					t.Errorf("%q (%s): option %q is a %s", q.Prompt, want.Class, o, got.Class)
				}
			}
		}
	}
}

func TestMCDateOptionsKeepTheDateLayout(t *testing.T) {
	for _, q := range buildAll(t, mixedDeck(), ModeMC, 3) {
		if Classify(q.Answer).Class != ClassDate {
			continue
		}
		for _, o := range q.Options {
			if Classify(o).Form != "DMY" {
				t.Errorf("date option %q does not look like %q", o, q.Answer)
			}
		}
	}
}

func TestMCNumberOptionsAreNearestByValue(t *testing.T) {
	var cards []deck.Card
	for i := 1; i <= 200; i++ {
		cards = append(cards, basic("n", fmt.Sprintf("Count %d?", i), fmt.Sprint(i*10)))
	}
	for _, q := range buildAll(t, cards, ModeMC, 1) {
		want := Classify(q.Answer).Size
		for _, o := range q.Options {
			if d := Classify(o).Size - want; d > 160 || d < -160 {
				t.Errorf("option %q is far from %q", o, q.Answer)
			}
		}
	}
}

func TestMCNeverOffersTheRightAnswerInDisguise(t *testing.T) {
	cards := []deck.Card{basic("g", "Capital of France?", "Paris / Lutetia")}
	for i, a := range []string{"paris", "PARIS.", "Lutetia", "the Paris", "Pàris", "Rome", "Oslo", "Bern", "Kiev"} {
		cards = append(cards, basic("g", fmt.Sprintf("City %d?", i), a))
	}
	cards[0].Accept = []string{"Ville Lumière"}
	cards = append(cards, basic("g", "City light?", "ville lumiere"))
	for seed := range uint64(30) {
		qs, err := Build(cards[:1:1], Options{N: 1, Mode: ModeMC, Rand: seeded(seed)})
		if err == nil && qs[0].Kind == KindMC {
			t.Fatal("a deck of one card produced choices")
		}
		q := buildAll(t, cards, ModeMC, seed)
		for _, qq := range q {
			if qq.CardID != cards[0].ID {
				continue
			}
			if qq.Kind != KindMC {
				t.Fatalf("seed %d: asked as %s (%s)", seed, qq.Kind, qq.Note)
			}
			got := append([]string(nil), qq.Options...)
			got = append(got[:qq.Correct], got[qq.Correct+1:]...)
			for _, o := range got {
				switch o {
				case "Rome", "Oslo", "Bern", "Kiev":
				default:
					t.Errorf("seed %d: wrong option %q is a form of the answer", seed, o)
				}
			}
		}
	}
}

func TestMCSkipsAnswersToTheSameQuestion(t *testing.T) {
	cards := []deck.Card{
		basic("g", "A large cat?", "Lion"),
		basic("g", "a large cat", "Tiger"),
		basic("g", "Bird?", "Eagle"),
		basic("g", "Fish?", "Trout"),
		basic("g", "Dog?", "Poodle"),
	}
	cards[1].ID = "tiger" // same front up to case, so the same derived ID
	for seed := range uint64(20) {
		for _, q := range buildAll(t, cards, ModeMC, seed) {
			if q.Kind != KindMC {
				continue
			}
			opts := strings.Join(q.Options, ",")
			if q.Answer == "Lion" && strings.Contains(opts, "Tiger") || q.Answer == "Tiger" && strings.Contains(opts, "Lion") {
				t.Fatalf("seed %d: answer to the same question offered as wrong: %q", seed, q.Options)
			}
		}
	}
}

func TestMCUsesTheCardsOwnWrongOptions(t *testing.T) {
	cards := mixedDeck()
	c := deck.Card{Deck: "general", Type: deck.Choice, Front: "Largest planet?", Back: "Jupiter",
		Wrong: []string{"Saturn", "", "Mars", "jupiter", "Venus", "Mercury"}}
	c.AssignID()
	cards = append(cards, c)
	allowed := map[string]bool{"Jupiter": true, "Saturn": true, "Mars": true, "Venus": true, "Mercury": true}
	for seed := range uint64(20) {
		for _, q := range buildAll(t, cards, ModeMC, seed) {
			if q.CardID != c.ID {
				continue
			}
			for _, o := range q.Options {
				if !allowed[o] {
					t.Errorf("seed %d: option %q is not among the card's own", seed, o)
				}
			}
		}
	}
}

func TestMCFillsFewOwnWrongOptionsFromTheDeck(t *testing.T) {
	cards := mixedDeck()
	c := deck.Card{Deck: "general", Type: deck.Choice, Front: "Capital of Norway?", Back: "Oslo", Wrong: []string{"Bergen"}}
	c.AssignID()
	cards = append(cards, c)
	for _, q := range buildAll(t, cards, ModeMC, 5) {
		if q.CardID != c.ID {
			continue
		}
		if q.Kind != KindMC || !strings.Contains(strings.Join(q.Options, "|"), "Bergen") {
			t.Fatalf("own option missing: %+v", q)
		}
		for _, o := range q.Options {
			if Classify(o).Class != ClassProper {
				t.Errorf("filled option %q is not a name", o)
			}
		}
		return
	}
	t.Fatal("card not asked")
}

func TestMCFallsBackToTypedWhenTooFewLookAlikes(t *testing.T) {
	cards := []deck.Card{
		basic("h", "Fall of the Bastille?", "1789"),
		basic("h", "Waterloo?", "1815"),
		basic("h", "Capital of France?", "Paris"),
		basic("h", "Capital of Italy?", "Rome"),
		basic("h", "Legs of a spider?", "8"),
	}
	for _, q := range buildAll(t, cards, ModeMC, 1) {
		if q.Kind != KindTyped || q.Note != noteTypedNoChoices || q.Options != nil {
			t.Errorf("%q: kind %s note %q options %q, want typed with a note", q.Prompt, q.Kind, q.Note, q.Options)
		}
	}
}

func TestMCOfMultiLineAnswerFallsBackToTrueFalse(t *testing.T) {
	cards := []deck.Card{
		basic("l", "Primary colours?", "red\nyellow\nblue"),
		basic("l", "Capital of Italy?", "Rome"),
	}
	for _, q := range buildAll(t, cards, ModeMC, 2) {
		if q.CardID != cards[0].ID {
			continue
		}
		if q.Kind != KindTF || q.Note != noteTFNoChoices {
			t.Errorf("multi-line answer asked as %s (%q)", q.Kind, q.Note)
		}
	}
}

func TestMCShufflesThePlaceOfTheRightAnswer(t *testing.T) {
	places := map[int]int{}
	for seed := range uint64(200) {
		qs, err := Build(mixedDeck(), Options{N: 1, Mode: ModeMC, Rand: seeded(seed)})
		if err != nil {
			t.Fatal(err)
		}
		places[qs[0].Correct]++
	}
	for p := range 4 {
		if places[p] < 25 {
			t.Errorf("right answer at %d only %d times of 200: %v", p, places[p], places)
		}
	}
}

func TestBuildIsDeterministicForASeed(t *testing.T) {
	cards := mixedDeck()
	for _, mode := range []Mode{ModeMC, ModeTF, ModeMixed, ModeTyped} {
		a, err := Build(cards, Options{N: 15, Mode: mode, Rand: seeded(42)})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Build(cards, Options{N: 15, Mode: mode, Rand: seeded(42)})
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: same seed gave different quizzes", mode)
		}
		c, _ := Build(cards, Options{N: 15, Mode: mode, Rand: seeded(43)})
		if reflect.DeepEqual(a, c) {
			t.Errorf("%s: another seed gave the same quiz", mode)
		}
	}
}

func TestBuildDefaultsToTenQuestions(t *testing.T) {
	qs, err := Build(mixedDeck(), Options{Rand: seeded(1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 10 {
		t.Errorf("got %d questions, want 10", len(qs))
	}
}

func TestBuildAsksEachCardOnce(t *testing.T) {
	cards := mixedDeck()
	qs := buildAll(t, cards, ModeMixed, 9)
	if len(qs) != len(cards) {
		t.Fatalf("got %d questions for %d cards", len(qs), len(cards))
	}
	seen := map[string]bool{}
	for _, q := range qs {
		if seen[q.CardID] {
			t.Errorf("card %s asked twice", q.CardID)
		}
		seen[q.CardID] = true
	}
}

func TestTrueFalseIsBalancedAndFalseShowsAnotherAnswer(t *testing.T) {
	var cards []deck.Card
	for i := range 1000 {
		cards = append(cards, basic("big", fmt.Sprintf("Capital of country %d?", i), fmt.Sprintf("City%c%c", 'A'+i%26, 'a'+i/26%26)))
	}
	qs := buildAll(t, cards, ModeTF, 7)
	trues := 0
	for _, q := range qs {
		if q.Kind != KindTF || !reflect.DeepEqual(q.Options, []string{True, False}) {
			t.Fatalf("%+v is not a tf question", q)
		}
		prompt, shown, ok := strings.Cut(q.Prompt, " — ")
		if !ok || !strings.HasPrefix(prompt, "Capital of country") {
			t.Fatalf("statement %q is not 'prompt — answer'", q.Prompt)
		}
		if q.Correct == 0 {
			trues++
			if shown != q.Answer {
				t.Errorf("true statement %q does not show the answer %q", q.Prompt, q.Answer)
			}
		} else if shown == q.Answer || Classify(shown).Class != Classify(q.Answer).Class {
			t.Errorf("false statement %q shows %q for answer %q", q.Prompt, shown, q.Answer)
		}
	}
	if trues < 450 || trues > 550 {
		t.Errorf("%d of 1000 statements true, want about half", trues)
	}
}

func TestTrueFalseOfClozeFillsTheGap(t *testing.T) {
	cards := []deck.Card{
		{Deck: "c", Type: deck.Cloze, Front: "The {{c1::mitochondria}} makes energy; the {{c2::nucleus}} holds DNA.", Ord: 1},
		{Deck: "c", Type: deck.Cloze, Front: "Plants use {{c1::chloroplasts}}.", Ord: 1},
	}
	for i := range cards {
		cards[i].AssignID()
	}
	sawFalse, sawTrue := false, false
	for seed := range uint64(20) {
		qs, err := Build(cards[:2], Options{N: 2, Mode: ModeTF, Rand: seeded(seed)})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			if q.CardID != cards[0].ID {
				continue
			}
			switch q.Correct {
			case 0:
				sawTrue = true
				if q.Prompt != "The mitochondria makes energy; the nucleus holds DNA." {
					t.Errorf("true cloze statement %q", q.Prompt)
				}
			case 1:
				sawFalse = true
				if q.Prompt != "The chloroplasts makes energy; the nucleus holds DNA." {
					t.Errorf("false cloze statement %q", q.Prompt)
				}
			}
		}
	}
	if !sawTrue || !sawFalse {
		t.Errorf("20 seeds gave true %v, false %v", sawTrue, sawFalse)
	}
}

func TestTrueFalseWithoutOtherAnswerFallsBackToTyped(t *testing.T) {
	cards := []deck.Card{basic("one", "Capital of France?", "Paris")}
	kinds := map[Kind]int{}
	for seed := range uint64(40) {
		qs, err := Build(cards, Options{N: 1, Mode: ModeTF, Rand: seeded(seed)})
		if err != nil {
			t.Fatal(err)
		}
		kinds[qs[0].Kind]++
		if qs[0].Kind == KindTyped && qs[0].Note != noteTypedNoFalse {
			t.Errorf("typed fall-back without note: %q", qs[0].Note)
		}
		if qs[0].Kind == KindTF && qs[0].Correct != 0 {
			t.Error("a false statement made without any other answer")
		}
	}
	if kinds[KindTF] == 0 || kinds[KindTyped] == 0 {
		t.Errorf("kinds over 40 seeds: %v, want both tf (true) and typed (fall-back)", kinds)
	}
}

func clozeCards() []deck.Card {
	text := "{{c1::Paris}} is the capital of {{c2::France}}."
	cs := []deck.Card{
		{Deck: "c", Type: deck.Cloze, Front: text, Ord: 1},
		{Deck: "c", Type: deck.Cloze, Front: text, Ord: 2},
		{Deck: "c", Type: deck.Cloze, Front: "Water boils at {{c1::100::number}} °C.", Ord: 1},
		{Deck: "c", Type: deck.Cloze, Front: "A list:\n{{c1::one\ntwo}}", Ord: 1},
		{Deck: "c", Type: deck.Basic, Front: "Capital of Italy?", Back: "Rome"},
		{Deck: "c", Type: deck.Basic, Front: "Capital of Spain?", Back: "Madrid"},
	}
	for i := range cs {
		cs[i].AssignID()
	}
	return cs
}

func TestClozeModeAsksOnlyClozeCards(t *testing.T) {
	cards := clozeCards()
	qs, err := Build(cards, Options{N: 10, Mode: ModeCloze, Rand: seeded(1)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, q := range qs {
		if q.Kind != KindCloze {
			t.Errorf("%q asked as %s", q.Prompt, q.Kind)
		}
		got[q.Prompt] = q.Answer
	}
	want := map[string]string{
		"[...] is the capital of France.": "Paris",
		"Paris is the capital of [...].":  "France",
		"Water boils at [number] °C.":     "100",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cloze questions %v, want %v", got, want)
	}
	q := qs[0]
	if v := Check(q, strings.ToLower(q.Answer), CheckOptions{}); !v.Correct {
		t.Errorf("cloze answer %q in lower case rejected", q.Answer)
	}
}

func TestClozeModeWithoutClozeCardsFails(t *testing.T) {
	_, err := Build(mixedDeck(), Options{Mode: ModeCloze, Rand: seeded(1)})
	if err == nil || !strings.Contains(err.Error(), "cloze") {
		t.Errorf("err = %v, want one about cloze cards", err)
	}
}

func TestTypedModeSkipsMultiLineAnswers(t *testing.T) {
	qs := buildAll(t, mixedDeck(), ModeTyped, 3)
	if len(qs) != len(mixedDeck())-5 {
		t.Errorf("got %d questions, want all but the 5 lists", len(qs))
	}
	for _, q := range qs {
		if strings.Contains(q.Answer, "\n") || q.Kind != KindTyped {
			t.Errorf("%q (%s) asked to type %q", q.Prompt, q.Kind, q.Answer)
		}
	}
}

func TestTypedQuestionListsFurtherAnswers(t *testing.T) {
	c := deck.Card{Deck: "t", Type: deck.Typed, Front: "Spelling?", Back: "colour / color", Accept: []string{"colour", " hue ", ""}}
	c.AssignID()
	qs := buildAll(t, []deck.Card{c}, ModeTyped, 1)
	if want := []string{"colour", "color", "hue"}; !reflect.DeepEqual(qs[0].Accept, want) {
		t.Errorf("Accept = %q, want %q", qs[0].Accept, want)
	}
}

func TestMixedModeSpreadsKindsEvenly(t *testing.T) {
	var cards []deck.Card
	for i := range 60 {
		cards = append(cards, basic("m", fmt.Sprintf("Word %d?", i), fmt.Sprintf("answer%c%c", 'a'+i%26, 'a'+i/26)))
	}
	cards = append(cards, clozeCards()[:3]...)
	kinds := map[Kind]int{}
	for _, q := range buildAll(t, cards, ModeMixed, 11) {
		if q.Note != "" {
			t.Errorf("unexpected fall-back: %q", q.Note)
		}
		kinds[q.Kind]++
	}
	if kinds[KindCloze] != 3 {
		t.Errorf("%d cloze questions, want the 3 cloze cards", kinds[KindCloze])
	}
	for _, k := range []Kind{KindMC, KindTyped, KindTF} {
		if kinds[k] != 20 {
			t.Errorf("%d %s questions of 60, want 20: %v", kinds[k], k, kinds)
		}
	}
}

func TestMixedModeHonoursCardTypes(t *testing.T) {
	cards := mixedDeck()
	mc := deck.Card{Deck: "general", Type: deck.Choice, Front: "Largest planet?", Back: "Jupiter", Wrong: []string{"Saturn", "Mars", "Venus"}}
	ty := deck.Card{Deck: "general", Type: deck.Typed, Front: "Smallest planet?", Back: "Mercury"}
	mc.AssignID()
	ty.AssignID()
	cards = append(cards, mc, ty)
	for seed := range uint64(10) {
		for _, q := range buildAll(t, cards, ModeMixed, seed) {
			if q.CardID == mc.ID && q.Kind != KindMC || q.CardID == ty.ID && q.Kind != KindTyped {
				t.Errorf("%q asked as %s", q.Prompt, q.Kind)
			}
		}
	}
}

func TestReversedFrontIsNotOfferedForItsBack(t *testing.T) {
	var cards []deck.Card
	for _, p := range [][2]string{{"chien", "dog"}, {"chat", "cat"}, {"cheval", "horse"}, {"oiseau", "bird"}, {"poisson", "fish"}, {"vache", "cow"}} {
		for ord := 1; ord <= 2; ord++ {
			c := deck.Card{Deck: "fr", Type: deck.Reversed, Front: p[0], Back: p[1], Ord: ord}
			c.ID = deck.DeriveID("fr", p[0], ord)
			cards = append(cards, c)
		}
	}
	french := map[string]bool{"chien": true, "chat": true, "cheval": true, "oiseau": true, "poisson": true, "vache": true}
	for seed := range uint64(10) {
		for _, q := range buildAll(t, cards, ModeMC, seed) {
			wantFrench := french[q.Answer]
			for _, o := range q.Options {
				if french[o] != wantFrench {
					t.Errorf("%q → %q offered %q from the other side", q.Prompt, q.Answer, o)
				}
			}
		}
	}
}

func TestBuildKeepsSiblingsApartWhileItCan(t *testing.T) {
	cards := clozeCards()[:2] // two deletions of one note
	cards = append(cards, basic("c", "Capital of Italy?", "Rome"))
	qs, err := Build(cards, Options{N: 2, Mode: ModeTyped, Rand: seeded(4)})
	if err != nil {
		t.Fatal(err)
	}
	if qs[0].CardID != cards[2].ID && qs[1].CardID != cards[2].ID {
		t.Errorf("both deletions of one note asked while another card was left: %q, %q", qs[0].Prompt, qs[1].Prompt)
	}
	qs, _ = Build(cards, Options{N: 3, Mode: ModeTyped, Rand: seeded(4)})
	if len(qs) != 3 {
		t.Errorf("got %d questions, want siblings asked when needed", len(qs))
	}
}

func TestWeakQuizPrefersWeakCards(t *testing.T) {
	var cards []deck.Card
	weak := map[string]float64{}
	for i := range 500 {
		c := basic("w", fmt.Sprintf("Q%d?", i), fmt.Sprintf("A%d", i))
		cards = append(cards, c)
		weak[c.ID] = float64(i) // the last cards are the weakest
	}
	rate := func(id string) float64 { return weak[id] }
	qs, err := Build(cards, Options{N: 12, Mode: ModeTyped, Weak: true, Weakness: rate, Rand: seeded(1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if weak[q.CardID] < 500-12-4 {
			t.Errorf("card of weakness %v chosen among the 12 weakest of 500", weak[q.CardID])
		}
	}
	other, _ := Build(cards, Options{N: 12, Mode: ModeTyped, Weak: true, Weakness: rate, Rand: seeded(2)})
	if reflect.DeepEqual(qs, other) {
		t.Error("weak quizzes of two seeds are identical: no randomness")
	}
}

func TestBuildRejectsIncompleteOptions(t *testing.T) {
	cards := mixedDeck()
	tests := []struct {
		name  string
		cards []deck.Card
		opt   Options
	}{
		{"no generator", cards, Options{}},
		{"unknown mode", cards, Options{Mode: "essay", Rand: seeded(1)}},
		{"weak without rating", cards, Options{Weak: true, Rand: seeded(1)}},
		{"no cards", nil, Options{Rand: seeded(1)}},
		{"no usable card", []deck.Card{basic("x", "Q?", ""), basic("x", " ", "A")}, Options{Rand: seeded(1)}},
		{"nothing to type", []deck.Card{basic("x", "List?", "a\nb")}, Options{Mode: ModeTyped, Rand: seeded(1)}},
	}
	for _, tt := range tests {
		if qs, err := Build(tt.cards, tt.opt); err == nil {
			t.Errorf("%s: no error, %d questions", tt.name, len(qs))
		}
	}
}

func TestParseModeReadsNamesAndDefaultsToMixed(t *testing.T) {
	for in, want := range map[string]Mode{"": ModeMixed, "MC": ModeMC, " tf ": ModeTF, "cloze": ModeCloze, "typed": ModeTyped} {
		if got, err := ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseMode("essay"); err == nil {
		t.Error("ParseMode(essay) accepted")
	}
}

func TestMixedModeDoesNotAskToTypeLongAnswers(t *testing.T) {
	var cards []deck.Card
	for i := range 30 {
		cards = append(cards, basic("m", fmt.Sprintf("Why %d?", i),
			fmt.Sprintf("because the %c%c moves slowly through the thick layers of the upper mantle", 'a'+i%26, 'a'+i/26)))
	}
	for _, q := range buildAll(t, cards, ModeMixed, 5) {
		if q.Kind == KindTyped {
			t.Errorf("mixed mode asks to type %d letters", len(q.Answer))
		}
	}
	for _, q := range buildAll(t, cards, ModeTyped, 5) {
		if q.Kind != KindTyped {
			t.Errorf("typed mode asked a long answer as %s", q.Kind)
		}
	}
}
