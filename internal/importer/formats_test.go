package importer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"recall/internal/deck"
)

func TestSampleHashcardsDecksReadAsMarkdown(t *testing.T) {
	math, err := Read(sample(t, "hashcards_example_Math.md"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Format != FormatMarkdown {
		t.Errorf("format %s", math.Format)
	}
	// 4 basic cards, a one-deletion cloze and a table cloze with four.
	if n := len(math.Cards()); n != 9 {
		t.Errorf("%d cards, want 9", n)
	}
	quotes, err := Read(sample(t, "hashcards_example_Quotes.md"), Options{Format: FormatHashcards})
	if err != nil {
		t.Fatal(err)
	}
	cards := quotes.Cards()
	if len(cards) != 3 || cards[0].Type != deck.Cloze || deck.ClozeAnswer(cards[2].Front, 3) != "9" {
		t.Errorf("quotes %+v", cards)
	}
	again, _ := Read(sample(t, "hashcards_example_Quotes.md"), Options{Format: FormatHashcards})
	if !reflect.DeepEqual(quotes.Decks, again.Decks) {
		t.Error("second read differs")
	}
}

func TestReadMarkdownDeckOverrideRederivesIDs(t *testing.T) {
	path := writeFile(t, "d.md", "Q: one\nA: 1\n\nQ: two\nA: 2\nid: fixed-two\n\nQ: one\nA: again\n")
	res, err := Read(path, Options{Deck: "Other"})
	if err != nil {
		t.Fatal(err)
	}
	cards := res.Cards()
	want := deck.DeriveID("Other", "one", 0)
	if cards[0].ID != want || cards[0].Deck != "Other" || cards[1].ID != "fixed-two" {
		t.Errorf("cards %+v (want id %s)", cards, want)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Line != 8 || !strings.Contains(res.Skipped[0].Message, "lines 1 and 8") {
		t.Errorf("skipped %v", res.Skipped)
	}
}

func TestReadMarkdownParseErrorNamesFileOnce(t *testing.T) {
	_, err := Read(writeFile(t, "bad.md", "Q: open question\n---\n"), Options{})
	if err == nil || strings.Count(err.Error(), "bad.md") != 1 {
		t.Errorf("err = %v", err)
	}
}

func TestSampleMnemosyneFiles(t *testing.T) {
	res, err := Read(sample(t, "mnemosyne_excel_import_CR.txt"), Options{Format: FormatMnemosyne})
	if err != nil {
		t.Fatal(err)
	}
	if got := fronts(res); !reflect.DeepEqual(got, []string{"Question 1", "Question 2", "Question 3", "Question 4", "Question 5"}) {
		t.Errorf("fronts %v", got)
	}
	if c := res.Cards()[4]; c.Back != "Answer 5" || c.Line != 5 {
		t.Errorf("last card %+v", c)
	}
	// Detected as generic delimited text, it gives the same five cards.
	det, err := Read(sample(t, "mnemosyne_excel_import_CR.txt"), Options{})
	if err != nil || len(det.Cards()) != 5 {
		t.Errorf("detected: %v, %v", det, err)
	}
	res, err = Read(sample(t, "mnemosyne_tsv_2_CRLF_entity.txt"), Options{Format: FormatMnemosyne})
	if err != nil {
		t.Fatal(err)
	}
	want := []deck.Card{{Deck: "mnemosyne_tsv_2_CRLF_entity", Type: deck.Basic, Front: "f", Back: "p\n至", Line: 2}}
	want[0].AssignID()
	if !reflect.DeepEqual(res.Cards(), want) {
		t.Errorf("cards %+v", res.Cards())
	}
}

func TestReadMnemosyneTSVOneFieldIsAnError(t *testing.T) {
	res, err := Read(writeFile(t, "m.txt", "lonely\nq\ta\tb\tnotes<br>more\n"), Options{Format: FormatMnemosyne})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Line != 1 {
		t.Errorf("errors %v", res.Errors)
	}
	if c := res.Cards()[0]; c.Back != "a\nb\n\nnotes\nmore" {
		t.Errorf("card %+v", c)
	}
}

func TestReadMnemosyneXML(t *testing.T) {
	content := `<?xml version="1.0" encoding="UTF-8"?>
<mnemosyne core_version="1" time_of_start="1170000000">
<category active="1"><name>&lt;default&gt;</name></category>
<category active="1"><name>French</name></category>
<item id="abc1" gr="3" e="2.5"><cat>French</cat><Q>&lt;b&gt;chien&lt;/b&gt;</Q><A>dog</A></item>
<item id="abc1.inv" gr="2" e="2.5"><cat>French</cat><Q>dog</Q><A>&lt;b&gt;chien&lt;/b&gt;</A></item>
<item id="x9"><cat>&lt;default&gt;</cat><Q>1 &amp;lt; 2?</Q><A>yes</A></item>
<item id="e0"><cat>French</cat><Q></Q><A>nothing</A></item>
</mnemosyne>`
	path := writeFile(t, "old.xml", content)
	res, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatMnemosyneXML {
		t.Errorf("format %s", res.Format)
	}
	cards := res.Cards()
	if len(cards) != 3 {
		t.Fatalf("cards %+v", cards)
	}
	if c := cards[0]; c.Type != deck.Reversed || c.Ord != 1 || c.Front != "**chien**" || c.Back != "dog" || c.Deck != "French" {
		t.Errorf("forward %+v", c)
	}
	if c := cards[1]; c.Ord != 2 || c.ID == cards[0].ID {
		t.Errorf("reverse %+v", c)
	}
	if c := cards[2]; c.Front != "1 < 2?" || c.Deck != "old" {
		t.Errorf("default category %+v", c)
	}
	if len(res.Skipped) != 1 {
		t.Errorf("skipped %v", res.Skipped)
	}
	again, _ := Read(path, Options{})
	if !reflect.DeepEqual(res.Decks, again.Decks) {
		t.Error("second read differs")
	}
}

func TestReadQuizletWithCustomSeparators(t *testing.T) {
	path := writeFile(t, "q.txt", "chien - dog$$chat - cat - feline$$\n$$lonely$$oiseau - bird")
	res, err := Read(path, Options{Format: FormatQuizlet, TermSep: " - ", RowSep: "$$"})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Cards()
	if len(got) != 3 || got[1].Back != "cat - feline" || got[2].Front != "oiseau" {
		t.Errorf("cards %+v", got)
	}
	if len(res.Errors) != 1 || res.Errors[0].Line != 2 {
		t.Errorf("errors %v", res.Errors)
	}
	if !containsWarning(res, "3 fields") {
		t.Errorf("warnings %v", res.Warnings)
	}
	// Default separators: TAB and newline, with no quote handling at all.
	res, err = Read(writeFile(t, "q2.txt", "\"quoted\tkept \"as is\"\nsecond\trow\n"), Options{Format: FormatQuizlet})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Cards(); len(got) != 2 || got[0].Front != `"quoted` || got[1].Line != 2 {
		t.Errorf("cards %+v", got)
	}
	res, err = Read(writeFile(t, "q3.txt", "a\tb\n\nc\td\n\ne\tf"), Options{Format: FormatQuizlet, RowSep: `\n\n`})
	if err != nil || len(res.Cards()) != 3 || res.Cards()[2].Line != 5 {
		t.Errorf("escaped row separator: %+v, %v", res.Cards(), err)
	}
}

func TestReadObsidian(t *testing.T) {
	content := "---\ntags: [notes]\n---\n" +
		"# Heading\n\n" +
		"#flashcards/lang/fr\n\n" +
		"chien::dog\n" +
		"- chat:::cat <!--SR:!2024-08-16,51,230!2024-08-10,3,250-->\n" +
		"- loup:::wolf <!--SR:!2024-08-16,0,230!2024-08-12,4,250-->\n" +
		"code `a::b` is not a card\n\n" +
		"What is the\ncapital of France?\n?\nParis\n<!--SR:!2024-08-16,51,230-->\n\n" +
		"Two sides\n??\nboth ways\n\n" +
		"#flashcards/other The ==sun== is a ==star==^[kind] and ==hot==[^g] and ==bright==[^g].\n\n" +
		"```\nx::y in code\n```\n\n" +
		"Plain paragraph.\n"
	path := writeFile(t, "vault.md", content)
	res, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatObsidian {
		t.Fatalf("format %s", res.Format)
	}
	type card struct {
		deck  string
		typ   deck.Type
		ord   int
		front string
		back  string
		line  int
	}
	var got []card
	for _, c := range res.Cards() {
		got = append(got, card{c.Deck, c.Type, c.Ord, c.Front, c.Back, c.Line})
	}
	cloze := "The {{c1::sun}} is a {{c2::star::kind}} and {{c3::hot}} and {{c3::bright}}."
	want := []card{
		{"flashcards::lang::fr", deck.Basic, 0, "chien", "dog", 8},
		{"flashcards::lang::fr", deck.Reversed, 1, "chat", "cat", 9},
		{"flashcards::lang::fr", deck.Reversed, 2, "chat", "cat", 9},
		{"flashcards::lang::fr", deck.Reversed, 1, "loup", "wolf", 10},
		{"flashcards::lang::fr", deck.Reversed, 2, "loup", "wolf", 10},
		{"flashcards::lang::fr", deck.Basic, 0, "What is the\ncapital of France?", "Paris", 13},
		{"flashcards::lang::fr", deck.Reversed, 1, "Two sides", "both ways", 19},
		{"flashcards::lang::fr", deck.Reversed, 2, "Two sides", "both ways", 19},
		{"flashcards::other", deck.Cloze, 1, cloze, "", 23},
		{"flashcards::other", deck.Cloze, 2, cloze, "", 23},
		{"flashcards::other", deck.Cloze, 3, cloze, "", 23},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
	// The SR comments give the two sides of chat:::cat and the Paris card
	// their schedules, one group a card in order; the rest start new. The
	// first group of loup:::wolf makes no sense (interval 0): its card
	// starts new, and the second still goes to the second card.
	day := func(s string) time.Time { d, _ := time.ParseInLocation("2006-01-02", s, time.Local); return d }
	cards := res.Cards()
	wantStart := map[string]SM2State{
		cards[1].ID: {Due: day("2024-08-16"), Interval: 51, Ease: 2.3},
		cards[2].ID: {Due: day("2024-08-10"), Interval: 3, Ease: 2.5},
		cards[4].ID: {Due: day("2024-08-12"), Interval: 4, Ease: 2.5},
		cards[5].ID: {Due: day("2024-08-16"), Interval: 51, Ease: 2.3},
	}
	if !reflect.DeepEqual(res.Start, wantStart) {
		t.Errorf("start schedules %+v, want %+v", res.Start, wantStart)
	}
}
