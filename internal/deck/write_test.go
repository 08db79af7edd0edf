package deck

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// writeString writes d and fails the test on error.
func writeString(t *testing.T, d Deck) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.String()
}

// withoutLines clears Card.Line, which Write does not keep.
func withoutLines(d Deck) Deck {
	cards := make([]Card, len(d.Cards))
	copy(cards, d.Cards)
	for i := range cards {
		cards[i].Line = 0
	}
	d.Cards = cards
	return d
}

// assertRoundTrip checks Parse(Write(d)) == d and that writing again gives
// the same bytes.
func assertRoundTrip(t *testing.T, d Deck) {
	t.Helper()
	text := writeString(t, d)
	back, err := Parse(testFile, strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse(Write(d)): %v\nwritten:\n%s", err, text)
	}
	if !reflect.DeepEqual(withoutLines(back), withoutLines(d)) {
		t.Fatalf("Parse(Write(d)) differs\nwritten:\n%s\n got %#v\nwant %#v", text, withoutLines(back), withoutLines(d))
	}
	if again := writeString(t, back); again != text {
		t.Fatalf("second Write differs:\n%s\n---- first:\n%s", again, text)
	}
}

func card(typ Type, front, back string, ord int) Card {
	c := Card{Deck: "Deck", Type: typ, Front: front, Back: back, Ord: ord}
	c.AssignID()
	return c
}

func TestWriteLayout(t *testing.T) {
	src := &Source{File: "notes/a.md", Start: 3, End: 4, Hash: "1a2b3c4d5e", Text: "line one\n\n  indented"}
	basic := card(Basic, "What?", "That.", 0)
	basic.Tags = []string{"x", "y"}
	basic.Source = src
	mc := Card{ID: "mc-1", Deck: "Deck", Type: Choice, Front: "Pick", Back: "right", Wrong: []string{"w1", "w2"}}
	typed := card(Typed, "Type", "a1", 0)
	typed.Accept = []string{"a2"}
	d := Deck{Name: "Deck", Description: "About things", Tags: []string{"t1", "t2"}, Source: "doc.md", Cards: []Card{
		basic,
		card(Reversed, "dog", "Hund", 1), card(Reversed, "dog", "Hund", 2),
		card(Cloze, "{{c1::a}} b {{c2::c}}", "extra", 1), card(Cloze, "{{c1::a}} b {{c2::c}}", "extra", 2),
		mc, typed,
	}}
	want := `---
deck: Deck
description: About things
tags: t1, t2
source: doc.md
---

Q: What?
A: That.
tags: x y
source: notes/a.md:3-4 1a2b3c4d5e
> line one
>
>   indented

R: dog
A: Hund

C: [a] b [c]
A: extra

M: Pick
A: right
X: w1
X: w2
id: mc-1

T: Type
A: a1
A: a2
`
	if got := writeString(t, d); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	assertRoundTrip(t, d)
}

func TestWriteIDOnlyWhenNotDerived(t *testing.T) {
	a := card(Basic, "a", "b", 0)
	b := card(Basic, "c", "d", 0)
	b.ID = "kept"
	rev1, rev2 := card(Reversed, "r", "s", 1), card(Reversed, "r", "s", 2)
	rev2.ID = "side-two"
	out := writeString(t, Deck{Name: "Deck", Cards: []Card{a, b, rev1, rev2}})
	if strings.Count(out, "id:") != 2 || !strings.Contains(out, "\nid: kept\n") ||
		!strings.Contains(out, "\nid: "+rev1.ID+" side-two\n") {
		t.Errorf("id lines wrong:\n%s", out)
	}
}

func TestWriteDeckWithoutNameWritesAllIDs(t *testing.T) {
	c := Card{Type: Basic, Front: "a", Back: "b"}
	c.AssignID()
	out := writeString(t, Deck{Cards: []Card{c}})
	if out != "Q: a\nA: b\nid: "+c.ID+"\n" {
		t.Errorf("got %q", out)
	}
	d, err := Parse("other.md", strings.NewReader(out))
	if err != nil || d.Cards[0].ID != c.ID {
		t.Errorf("ID not kept under another file name: %v %+v", err, d.Cards)
	}
}

func TestWriteClozeForms(t *testing.T) {
	tests := []struct{ front, want string }{
		{"{{c1::a}} and {{c2::b}}", "C: [a] and [b]"},
		{"[x] {{c1::a}}", `C: \[x\] [a]`},
		{"![img](a.png) {{c1::a}} [l](u)", "C: ![img](a.png) [a] [l](u)"},
		{"{{c1::$[0,1]$}}", "C: [$[0,1]$]"},
		{"{{c1::a]b}}", `C: [a\]b]`},
		{"{{c1::std::vector::}} x", "C: [std::vector] x"},
		{"{{c1::a::hint}}", "C: {{c1::a::hint}}"},
		{"{{c2::a}} {{c1::b}}", "C: {{c2::a}} {{c1::b}}"},
		{"{{c1::a}} {{c1::b}}", "C: {{c1::a}} {{c1::b}}"},
		{"{{c01::a}}", "C: {{c01::a}}"},
		{`\{{c1::a}}`, `C: \{{c1::a}}`},
	}
	for _, tt := range tests {
		var cards []Card
		for _, n := range ClozeNumbers(tt.front) {
			cards = append(cards, card(Cloze, tt.front, "", n))
		}
		d := Deck{Name: "Deck", Cards: cards}
		out := writeString(t, d)
		if got := strings.Split(out, "\n")[4]; got != tt.want {
			t.Errorf("%q written as %q, want %q", tt.front, got, tt.want)
		}
		assertRoundTrip(t, d)
	}
}

func TestWriteEscapesTextThatLooksLikeStructure(t *testing.T) {
	tricky := []string{
		"line\nQ: not a question\nA: nor an answer\nC: [x]\nR: M: T: X:",
		"a\n---\nb\n---   \nc",
		"a\nid: x\ntags: y\nsource: f.md:1-2 h",
		"a\n\\Q: already escaped\n\\\\---\n\\plain backslash",
		"a <!-- not a comment --> b\n<!--\n<!\\-- x --> <!\\\\--",
		"first line ends in blanks   \nsecond",
		"a\n# heading\n> quote\n\n\n  indented",
		"Q: on the first line is fine",
	}
	for _, text := range tricky {
		t.Run(text, func(t *testing.T) {
			b := card(Basic, text, text, 0)
			b.Source = &Source{File: "f.md", Start: 1, End: 1, Text: text}
			m := Card{Deck: "Deck", Type: Choice, Front: "mc " + text, Back: text, Wrong: []string{text, "w"}}
			m.AssignID()
			cl := card(Cloze, text+" {{c1::"+text+"}}", text, 1)
			assertRoundTrip(t, Deck{Name: "Deck", Cards: []Card{b, m, cl}})
		})
	}
}

func TestWriteNormalisesText(t *testing.T) {
	c := Card{Deck: "Deck", Front: "  a\r\nb  ", Back: "c\rd", Tags: []string{}}
	out := writeString(t, Deck{Name: "Deck", Cards: []Card{c}})
	d, err := Parse(testFile, strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	got := d.Cards[0]
	if got.Type != Basic || got.Front != "a\nb" || got.Back != "c\nd" || got.Tags != nil || got.ID != DeriveID("Deck", "a b", 0) {
		t.Errorf("got %+v", got)
	}
}

func TestWriteFrontMatterQuotesWhatNeedsIt(t *testing.T) {
	d := Deck{
		Name:        " padded ",
		Description: "two\nlines <!-- x",
		Tags:        []string{"a b", "c,d", `"q"`},
		Source:      `"quoted"`,
		Cards:       []Card{{Type: Basic, Front: "a", Back: "b"}},
	}
	d.Cards[0].Deck = d.Name
	d.Cards[0].AssignID()
	out := writeString(t, d)
	if !strings.Contains(out, `deck: " padded "`) || !strings.Contains(out, `tags: ["a b", "c\x2cd", "\"q\""]`) ||
		!strings.Contains(out, `description: "two\nlines <!\-- x"`) {
		t.Errorf("front matter:\n%s", out)
	}
	assertRoundTrip(t, d)
}

func TestWriteRejectsWhatCannotBeRead(t *testing.T) {
	valid := card(Basic, "q", "a", 0)
	rev := card(Reversed, "r", "s", 1)
	cl1 := card(Cloze, "{{c1::a}} {{c2::b}}", "", 1)
	tests := []struct {
		name  string
		cards []Card
		tags  []string
		msg   string
	}{
		{"no cards", nil, nil, "has no cards"},
		{"half a reversed pair", []Card{rev}, nil, "the note makes cards [1 2] but the deck has cards [1]"},
		{"missing cloze sibling", []Card{cl1}, nil, "the note makes cards [1 2] but the deck has cards [1]"},
		{"cloze ord not in the text", []Card{cl1, card(Cloze, "{{c1::a}} {{c2::b}}", "", 2), card(Cloze, "{{c1::a}} {{c2::b}}", "", 3)}, nil, "makes cards [1 2] but the deck has cards [1 2 3]"},
		{"duplicate IDs", []Card{valid, valid}, nil, `have the same ID`},
		{"explicit ID equal to a derived one", []Card{valid, func() Card { c := card(Basic, "other", "x", 0); c.ID = valid.ID; return c }()}, nil, "have the same ID"},
		{"empty question", []Card{card(Basic, " ", "a", 0)}, nil, "the question is empty"},
		{"blank in an ID", []Card{func() Card { c := valid; c.ID = "a b"; return c }()}, nil, `id "a b" has a blank`},
		{"control character in an ID", []Card{func() Card { c := valid; c.ID = "x\x01y"; return c }()}, nil, "has a control character"},
		{"escape sequence in an ID", []Card{func() Card { c := valid; c.ID = "\x1b[31m"; return c }()}, nil, "has a control character"},
		{"blank source file", []Card{func() Card { c := valid; c.Source = &Source{File: " ", Start: 1, End: 2}; return c }()}, nil, "source must have"},
		{"tag with a blank", []Card{func() Card { c := valid; c.Tags = []string{"a b"}; return c }()}, nil, `tag "a b" must be non-empty, without blanks or commas`},
		{"tag with a comma", []Card{func() Card { c := valid; c.Tags = []string{"a,b"}; return c }()}, nil, "without blanks or commas"},
		{"unknown type", []Card{func() Card { c := valid; c.Type = "weird"; return c }()}, nil, `unknown type "weird"`},
		{"invalid UTF-8", []Card{card(Basic, "a\xff", "b", 0)}, nil, "not valid UTF-8"},
		{"basic with an ord", []Card{card(Basic, "a", "b", 2)}, nil, "ord 2 does not fit a basic card"},
		{"choice without wrong options", []Card{card(Choice, "a", "b", 0)}, nil, "needs wrong options"},
		{"basic with wrong options", []Card{func() Card { c := valid; c.Wrong = []string{"x"}; return c }()}, nil, "only a multiple-choice card"},
		{"typed with empty accepted answer", []Card{func() Card { c := card(Typed, "a", "b", 0); c.Accept = []string{" "}; return c }()}, nil, "an accepted answer is empty"},
		{"reversed without back", []Card{card(Reversed, "a", "", 1), card(Reversed, "a", "", 2)}, nil, "the answer is empty"},
		{"cloze without deletion", []Card{card(Cloze, "plain", "", 1)}, nil, "cloze has no deletion"},
		{"bad source range", []Card{func() Card { c := valid; c.Source = &Source{File: "f", Start: 5, End: 2}; return c }()}, nil, "source must have"},
		{"source file with a line break", []Card{func() Card { c := valid; c.Source = &Source{File: "a\nb", Start: 1, End: 2}; return c }()}, nil, "source must have"},
		{"source hash with a blank", []Card{func() Card { c := valid; c.Source = &Source{File: "f", Start: 1, End: 2, Hash: "a b"}; return c }()}, nil, "source must have"},
		{"empty deck tag", []Card{valid}, []string{""}, "cannot be written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, Deck{Name: "Deck", Tags: tt.tags, Cards: tt.cards})
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %v, want …%s…", err, tt.msg)
			}
		})
	}
}

func TestWriteGroupsNoteCardsAtTheFirst(t *testing.T) {
	r1, r2 := card(Reversed, "r", "s", 1), card(Reversed, "r", "s", 2)
	b := card(Basic, "b", "c", 0)
	d := Deck{Name: "Deck", Cards: []Card{r2, b, r1}}
	back, err := Parse(testFile, strings.NewReader(writeString(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Cards) != 3 || back.Cards[0].ID != r1.ID || back.Cards[1].ID != r2.ID || back.Cards[2].ID != b.ID {
		t.Errorf("order %+v", back.Cards)
	}
}

func TestWriteSeparatesIdenticalNotesByID(t *testing.T) {
	a1, a2 := card(Reversed, "r", "s", 1), card(Reversed, "r", "s", 2)
	b1, b2 := a1, a2
	b1.ID, b2.ID = "other-1", "other-2"
	assertRoundTrip(t, Deck{Name: "Deck", Cards: []Card{a1, a2, b1, b2}})
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsWriterError(t *testing.T) {
	err := Write(failWriter{}, Deck{Name: "Deck", Cards: []Card{card(Basic, "a", "b", 0)}})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("got %v", err)
	}
}

func TestExampleFileRoundTrips(t *testing.T) {
	d, err := parseFile(t, "testdata/example.md")
	if err != nil {
		t.Fatal(err)
	}
	d2, err := Parse(testFile, strings.NewReader(writeString(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(withoutLines(d2), withoutLines(d)) {
		t.Errorf("example does not round-trip")
	}
}

func TestWriteTrimsBlanksAroundTheSourceFile(t *testing.T) {
	c := card(Basic, "q", "a", 0)
	c.Source = &Source{File: " notes.md\t", Start: 3, End: 4, Hash: "abc"}
	var b bytes.Buffer
	if err := Write(&b, Deck{Name: "Deck", Cards: []Card{c}}); err != nil {
		t.Fatal(err)
	}
	d, err := Parse("d.md", &b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if s := d.Cards[0].Source; s == nil || s.File != "notes.md" || s.Start != 3 || s.End != 4 {
		t.Errorf("source read back %+v", s)
	}
}
