package deck

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// fragments are pieces of card text chosen to collide with the syntax:
// tags, metadata, separators, comments, escapes, brackets and cloze markup.
var fragments = []string{
	"word", "Paris", "é", "日本", "$x^2$", "`code`", "*em*",
	"Q:", "A:", "C:", "R:", "M:", "T:", "X:", "Note:", "id:", "tags:", "source:",
	"---", "# ", ">", "\\", "\\\\", "<!--", "-->", "<!\\--", "<!",
	"[", "]", "\\[", "\\]", "![a](b.png)", "[l](u)", "{", "}", "::", ":", "c1",
	" ", "  ", "\t", "\u00a0", "\uFEFF", "\n", "\n", "\n\n",
}

func randText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(fragments[r.IntN(len(fragments))])
	}
	return b.String()
}

// randSide is trimmed card text, never empty.
func randSide(r *rand.Rand) string {
	for {
		if s := strings.TrimSpace(randText(r, 1+r.IntN(8))); s != "" {
			return s
		}
	}
}

// randClozeFront builds a trimmed cloze text that clozeText keeps as it
// is, either numbered 1..n without hints (written as brackets) or with
// arbitrary numbers and hints (written as Anki markup).
func randClozeFront(r *rand.Rand) string {
	for {
		var b strings.Builder
		plain := r.IntN(2) == 0
		n := 1 + r.IntN(4)
		for i := 1; i <= n; i++ {
			b.WriteString(randText(r, r.IntN(3)))
			num, hint := i, ""
			if !plain {
				num = 1 + r.IntN(3)
				if r.IntN(2) == 0 {
					hint = "hint " + randText(r, r.IntN(2))
				}
			}
			b.WriteString(MakeCloze(num, randSide(r), hint))
		}
		b.WriteString(randText(r, r.IntN(3)))
		front := strings.TrimSpace(b.String())
		if got, _, msg := clozeText(front); msg == "" && got == front {
			return front
		}
	}
}

var (
	tagPool  = []string{"a", "b-c", "x::y", "ü", "日本", "#t", "[x", `"q"`}
	filePool = []string{"f.md", "dir/a b.md", "C:/x.md", "a:1-2", "日本.md"}
	namePool = []string{"Deck", " spaced ", `a"b`, "日本語", "x: y", "'q'", "# not a comment", "---"}
)

func randTags(r *rand.Rand) []string {
	var tags []string
	for i := r.IntN(4); i > 0; i-- {
		tags = append(tags, tagPool[r.IntN(len(tagPool))])
	}
	return tags
}

// randNote makes the cards of one random note of deck name.
func randNote(r *rand.Rand, name string) []Card {
	var cards []Card
	switch r.IntN(5) {
	case 0:
		back := ""
		if r.IntN(4) > 0 {
			back = randSide(r)
		}
		cards = []Card{{Type: Basic, Front: randSide(r), Back: back}}
	case 1:
		f, b := randSide(r), randSide(r)
		cards = []Card{{Type: Reversed, Front: f, Back: b, Ord: 1}, {Type: Reversed, Front: f, Back: b, Ord: 2}}
	case 2:
		front, back := randClozeFront(r), ""
		if r.IntN(2) == 0 {
			back = randSide(r)
		}
		for _, n := range ClozeNumbers(front) {
			cards = append(cards, Card{Type: Cloze, Front: front, Back: back, Ord: n})
		}
	case 3:
		c := Card{Type: Choice, Front: randSide(r), Back: randSide(r)}
		for i := 1 + r.IntN(3); i > 0; i-- {
			c.Wrong = append(c.Wrong, randSide(r))
		}
		cards = []Card{c}
	default:
		c := Card{Type: Typed, Front: randSide(r), Back: randSide(r)}
		for i := r.IntN(3); i > 0; i-- {
			c.Accept = append(c.Accept, randSide(r))
		}
		cards = []Card{c}
	}
	tags := randTags(r)
	var src *Source
	if r.IntN(3) == 0 {
		start := 1 + r.IntN(50)
		src = &Source{File: filePool[r.IntN(len(filePool))], Start: start, End: start + r.IntN(5)}
		if r.IntN(2) == 0 {
			src.Hash = HashText(src.File)
		}
		src.Text = randText(r, r.IntN(6))
	}
	explicit := r.IntN(4) == 0
	for i := range cards {
		c := &cards[i]
		c.Deck = name
		if tags != nil {
			c.Tags = append([]string(nil), tags...)
		}
		if src != nil {
			s := *src
			c.Source = &s
		}
		if explicit {
			c.ID = "id-" + strconv.Itoa(r.IntN(1e6)) + "-" + strconv.Itoa(i)
		}
		c.AssignID()
	}
	return cards
}

func randDeck(r *rand.Rand) Deck {
	d := Deck{Name: namePool[r.IntN(len(namePool))]}
	if r.IntN(2) == 0 {
		d.Description = randText(r, r.IntN(5))
	}
	if r.IntN(2) == 0 {
		d.Tags = append(randTags(r), "two words")
	}
	if r.IntN(2) == 0 {
		d.Source = filePool[r.IntN(len(filePool))]
	}
	seen := map[string]bool{}
	for len(d.Cards) == 0 || r.IntN(12) > 0 {
		cards := randNote(r, d.Name)
		clash := false
		for _, c := range cards {
			clash = clash || seen[c.ID]
		}
		if clash {
			continue
		}
		for _, c := range cards {
			seen[c.ID] = true
		}
		d.Cards = append(d.Cards, cards...)
	}
	return d
}

func TestRandomDecksRoundTrip(t *testing.T) {
	for seed := uint64(1); seed <= 400; seed++ {
		r := rand.New(rand.NewPCG(seed, 0x5eed))
		d := randDeck(r)
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			assertRoundTrip(t, d)
		})
	}
}
