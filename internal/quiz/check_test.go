package quiz

import (
	"math/rand/v2"
	"testing"
)

func typedQ(answer string, accept ...string) Question {
	return Question{Kind: KindTyped, Prompt: "?", Answer: answer, Accept: accept}
}

func TestCheckTypedAcceptsForgivenAndRejectsTheRest(t *testing.T) {
	accents := CheckOptions{IgnoreAccents: true}
	tests := []struct {
		name    string
		q       Question
		given   string
		opt     CheckOptions
		correct bool
		exact   bool
	}{
		// exact
		{"same text", typedQ("Paris"), "Paris", CheckOptions{}, true, true},
		{"surrounding space is exact", typedQ("Paris"), "  Paris \t", CheckOptions{}, true, true},
		{"decomposed accent is the same text", typedQ("Zürich"), "Zu\u0308rich", CheckOptions{}, true, true},
		{"listed accept", typedQ("colour", "color"), "color", CheckOptions{}, true, true},
		{"slash alternative", typedQ("colour / color"), "color", CheckOptions{}, true, true},
		{"whole slash answer", typedQ("colour / color"), "colour / color", CheckOptions{}, true, true},
		// forgiven
		{"case", typedQ("Paris"), "paris", CheckOptions{}, true, false},
		{"trailing full stop", typedQ("Paris"), "Paris.", CheckOptions{}, true, false},
		{"quotes around", typedQ("Hamlet"), "\"Hamlet\"", CheckOptions{}, true, false},
		{"inner whitespace run", typedQ("New York"), "new   york", CheckOptions{}, true, false},
		{"leading article in answer", typedQ("The Beatles"), "Beatles", CheckOptions{}, true, false},
		{"leading article given", typedQ("Beatles"), "the beatles", CheckOptions{}, true, false},
		{"French article", typedQ("la Seine"), "Seine", CheckOptions{}, true, false},
		{"German article", typedQ("das Haus"), "Haus", CheckOptions{}, true, false},
		{"Spanish article", typedQ("los Andes"), "andes", CheckOptions{}, true, false},
		{"elided article", typedQ("l'Europe"), "Europe", CheckOptions{}, true, false},
		{"accents when ignored", typedQ("Zürich"), "Zurich", accents, true, false},
		{"stroke letter when ignoring accents", typedQ("Łódź"), "Lodz", accents, true, false},
		{"one slip in 5 letters", typedQ("Paris"), "Pariss", CheckOptions{}, true, false},
		{"swapped neighbours in 6 letters", typedQ("Berlin"), "Berlni", CheckOptions{}, true, false},
		{"two slips in 12 letters", typedQ("photosynthesis"), "fotosynthesis", CheckOptions{}, true, false},
		{"Markdown emphasis in answer", typedQ("**Paris**"), "Paris", CheckOptions{}, true, false},
		{"emphasis inside a phrase", typedQ("the *Mona Lisa*"), "Mona Lisa", CheckOptions{}, true, false},
		{"math delimiters around the answer", typedQ("$0$"), "0", CheckOptions{}, true, false},
		{"display math delimiters", typedQ("$$x^2$$"), "x^2", CheckOptions{}, true, false},
		{"year with full stop", typedQ("1789"), "1789.", CheckOptions{}, true, false},
		{"slash alternative folded", typedQ("colour / color"), "Color", CheckOptions{}, true, false},
		{"accept folded", typedQ("Peking", "Beijing"), "beijing", CheckOptions{}, true, false},
		{"letters slip beside right digits", typedQ("Apollo 11"), "Apolo 11", CheckOptions{}, true, false},
		{"answer made only of punctuation", typedQ("?"), "?", CheckOptions{}, true, true},
		{"cloze answer is checked like typed", Question{Kind: KindCloze, Answer: "mitochondria"}, "Mitochondria", CheckOptions{}, true, false},
		// rejected
		{"accent without IgnoreAccents is one slip", typedQ("Zürich"), "Zurich", CheckOptions{}, true, false},
		{"accents when ignored in a short word", typedQ("été"), "ete", accents, true, false},
		{"accents count in a short word", typedQ("été"), "ete", CheckOptions{}, false, false},
		{"wrong word", typedQ("Paris"), "Lyon", CheckOptions{}, false, false},
		{"empty", typedQ("Paris"), "", CheckOptions{}, false, false},
		{"only spaces", typedQ("Paris"), "   ", CheckOptions{}, false, false},
		{"no slip in 3 letters", typedQ("cat"), "cot", CheckOptions{}, false, false},
		{"two slips in 6 letters", typedQ("Berlin"), "Barlan", CheckOptions{}, false, false},
		{"three slips in 14 letters", typedQ("photosynthesis"), "fotosintesis", CheckOptions{}, false, false},
		{"year must be exact", typedQ("1789"), "1798", CheckOptions{}, false, false},
		{"number must be exact", typedQ("3.14"), "3.15", CheckOptions{}, false, false},
		{"number with unit must be exact", typedQ("300 km"), "300 kn", CheckOptions{}, false, false},
		{"digits inside a name must match", typedQ("Apollo 11"), "Apollo 12", CheckOptions{}, false, false},
		{"inner punctuation is not forgiven", typedQ("U.S.A."), "USA", CheckOptions{}, false, false},
		{"C# is not C", typedQ("C#"), "C", CheckOptions{}, false, false},
		{"C++ is not C", typedQ("C++"), "C", CheckOptions{}, false, false},
		{"a currency sign is not markup", typedQ("$5"), "5", CheckOptions{}, false, false},
		{"sign of a number counts", typedQ("-5"), "5", CheckOptions{}, false, false},
		{"half of a semicolon answer", typedQ("Ottawa; since 1857"), "Ottawa", CheckOptions{}, false, false},
		{"half of a comma list", typedQ("red, green, blue"), "red", CheckOptions{}, false, false},
		{"part of a slash-less answer", typedQ("km/h"), "km", CheckOptions{}, false, false},
		{"article alone is not the answer", typedQ("The Who"), "The", CheckOptions{}, false, false},
		{"longer text containing the answer", typedQ("Paris"), "Paris or Lyon", CheckOptions{}, false, false},
		{"an article is not a wildcard", typedQ("the Nile"), "the Seine", CheckOptions{}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Check(tt.q, tt.given, tt.opt)
			if v.Correct != tt.correct || v.Exact != tt.exact {
				t.Errorf("Check(%q, %q) = correct %v exact %v, want %v %v", tt.q.Answer, tt.given, v.Correct, v.Exact, tt.correct, tt.exact)
			}
			if v.Expected != tt.q.Answer {
				t.Errorf("Expected = %q, want %q", v.Expected, tt.q.Answer)
			}
			if !v.Correct && v.Diff == "" {
				t.Errorf("wrong answer %q got no diff", tt.given)
			}
			if v.Correct && v.Diff != "" {
				t.Errorf("right answer %q got diff %q", tt.given, v.Diff)
			}
		})
	}
}

func TestCheckTypedDiffAgainstNearestAcceptedForm(t *testing.T) {
	v := Check(typedQ("colour / color", "hue"), "hux", CheckOptions{})
	if v.Correct {
		t.Fatal("hux accepted")
	}
	if v.Diff != "hu[-e-]{+x+}" {
		t.Errorf("Diff = %q, want hu[-e-]{+x+}", v.Diff)
	}
}

func TestCheckMCByTextOrNumber(t *testing.T) {
	q := Question{Kind: KindMC, Options: []string{"Lyon", "Paris", "Marseille", "Nice"}, Correct: 1, Answer: "Paris"}
	tests := []struct {
		given          string
		correct, exact bool
	}{
		{"2", true, true},
		{" 2 ", true, true},
		{"Paris", true, true},
		{"paris", true, false},
		{"Pariss", true, false},
		{"1", false, false},
		{"5", false, false},
		{"0", false, false},
		{"Lyon", false, false},
		{"Berlin", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		v := Check(q, tt.given, CheckOptions{})
		if v.Correct != tt.correct || v.Exact != tt.exact {
			t.Errorf("mc %q: correct %v exact %v, want %v %v", tt.given, v.Correct, v.Exact, tt.correct, tt.exact)
		}
		if v.Expected != "Paris" {
			t.Errorf("mc Expected = %q", v.Expected)
		}
	}
}

func TestCheckMCOptionTextWinsOverNumber(t *testing.T) {
	q := Question{Kind: KindMC, Options: []string{"3", "1", "2", "4"}, Correct: 2, Answer: "2"}
	if v := Check(q, "2", CheckOptions{}); !v.Correct {
		t.Error(`"2" is an option's text and should pick it, not the second option`)
	}
	if v := Check(q, "3", CheckOptions{}); v.Correct {
		t.Error(`"3" picked the third option instead of the option "3"`)
	}
}

func TestCheckMCAmbiguousSlipIsWrong(t *testing.T) {
	q := Question{Kind: KindMC, Options: []string{"Paris", "Parts", "Lyon", "Nice"}, Correct: 0}
	if _, ok := ChoiceIndex(q, "Paras", CheckOptions{}); ok {
		t.Error("a slip that fits two options named one of them")
	}
	if i, ok := ChoiceIndex(q, "Lyonn", CheckOptions{}); !ok || i != 2 {
		t.Errorf("ChoiceIndex(Lyonn) = %d, %v; want 2, true", i, ok)
	}
}

func TestCheckTrueFalseWords(t *testing.T) {
	q := Question{Kind: KindTF, Options: []string{True, False}, Correct: 1}
	for _, g := range []string{"f", "F", "false", "False", "no", "n", "2", "False."} {
		if v := Check(q, g, CheckOptions{}); !v.Correct || v.Expected != False {
			t.Errorf("tf %q: %+v, want correct False", g, v)
		}
	}
	for _, g := range []string{"t", "true", "TRUE", "yes", "y", "1", "", "maybe", "3"} {
		if v := Check(q, g, CheckOptions{}); v.Correct {
			t.Errorf("tf %q counted as False", g)
		}
	}
	if _, ok := ChoiceIndex(q, "maybe", CheckOptions{}); ok {
		t.Error("maybe named a choice")
	}
}

func TestWithinDistanceAgreesWithFullAlignment(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	word := func() []rune {
		w := make([]rune, r.IntN(9))
		for i := range w {
			w[i] = rune("abc"[r.IntN(3)])
		}
		return w
	}
	for range 5000 {
		a, b := word(), word()
		for k := 0; k <= 3; k++ {
			if got, want := withinDistance(a, b, k), distance(a, b) <= k; got != want {
				t.Fatalf("withinDistance(%q, %q, %d) = %v, full distance %d", string(a), string(b), k, got, distance(a, b))
			}
		}
	}
	if distance([]rune("the"), []rune("teh")) != 1 {
		t.Error("a swap of neighbours is not one step")
	}
}
