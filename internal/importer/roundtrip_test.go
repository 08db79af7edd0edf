package importer

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"recall/internal/deck"
)

// exportCards covers every card shape the writers handle, with text that
// needs escaping, IDs of every origin, two decks and tags.
func exportCards() []deck.Card {
	cards := []deck.Card{
		{Deck: "Lang::French", Type: deck.Basic, Front: "Capital of France?", Back: "Paris & <Versailles>", Tags: []string{"geo", "europe::fr"}},
		{Deck: "Lang::French", Type: deck.Basic, Front: "#hash at start", Back: "tab\tand \"quotes\"\nand a second line"},
		{Deck: "Lang::French", Type: deck.Reversed, Ord: 1, Front: "chien", Back: "dog"},
		{Deck: "Lang::French", Type: deck.Reversed, Ord: 2, Front: "chien", Back: "dog"},
		{Deck: "Maths", Type: deck.Cloze, Ord: 1, Front: "{{c1::2}} + {{c2::2::sum}} = 4", Back: "extra"},
		{Deck: "Maths", Type: deck.Cloze, Ord: 2, Front: "{{c1::2}} + {{c2::2::sum}} = 4", Back: "extra"},
		{Deck: "Maths", Type: deck.Typed, Front: "7 × 6", Back: "42"},
		// Explicit ID, and IDs as read from Anki (GUID, GUID/2).
		{ID: "capital-it", Deck: "Maths", Type: deck.Basic, Front: "Capital of Italy?", Back: "Rome"},
		{ID: "cU1%zNUzk1", Deck: "Maths", Type: deck.Reversed, Ord: 1, Front: "hello", Back: "world"},
		{ID: "cU1%zNUzk1/2", Deck: "Maths", Type: deck.Reversed, Ord: 2, Front: "hello", Back: "world"},
		{ID: "Gx/3", Deck: "Maths", Type: deck.Cloze, Ord: 3, Front: "only {{c3::three}}"},
	}
	for i := range cards {
		cards[i].AssignID()
	}
	return cards
}

func sameCards(t *testing.T, got, want []deck.Card) {
	t.Helper()
	byID := map[string]deck.Card{}
	for _, c := range got {
		c.Line = 0
		byID[c.ID] = c
	}
	if len(got) != len(want) {
		t.Errorf("%d cards, want %d", len(got), len(want))
	}
	for _, w := range want {
		c, ok := byID[w.ID]
		if !ok {
			t.Errorf("card %s (%q) missing", w.ID, w.Front)
			continue
		}
		if !reflect.DeepEqual(c, w) {
			t.Errorf("card %s:\n got %+v\nwant %+v", w.ID, c, w)
		}
	}
}

func TestWriteTSVThenReadGivesTheSameCards(t *testing.T) {
	cards := exportCards()
	var buf bytes.Buffer
	if err := WriteTSV(&buf, cards); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.HasPrefix(out, "\xEF\xBB\xBF") || !strings.HasPrefix(out, "#separator:tab\n#html:true\n") {
		t.Errorf("header:\n%s", out)
	}
	if !strings.Contains(out, "\t\"#hash at start\"\t") || !strings.Contains(out, "\"tab\tand \"\"quotes\"\"<br>and a second line\"") {
		t.Errorf("quoting:\n%s", out)
	}
	if strings.Count(out, "\n") != 6+8 { // 6 header lines, 8 notes
		t.Errorf("a row spans lines:\n%s", out)
	}
	res, err := Read(writeFile(t, "export.txt", out), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors)+len(res.Skipped)+len(res.Warnings) > 0 {
		t.Errorf("reports: %v %v %v", res.Errors, res.Skipped, res.Warnings)
	}
	sameCards(t, res.Cards(), cards)
}

func TestWriteTSVSingleKindUsesHeaders(t *testing.T) {
	var buf bytes.Buffer
	cards := []deck.Card{{Deck: "D", Type: deck.Basic, Front: "q", Back: "a", Tags: []string{"two words"}}}
	cards[0].AssignID()
	WriteTSV(&buf, cards)
	want := "#separator:tab\n#html:true\n#notetype:Basic\n#deck:D\n#guid column:1\n#tags column:4\n" + cards[0].ID + "\tq\ta\ttwo_words\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
}

// A deck named with digits only goes in a column: as a #deck header it
// would be read back as an Anki deck ID.
func TestWriteTSVKeepsADeckNamedWithDigits(t *testing.T) {
	var buf bytes.Buffer
	cards := []deck.Card{{Deck: "2024", Type: deck.Basic, Front: "q", Back: "a"}}
	cards[0].AssignID()
	if err := WriteTSV(&buf, cards); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "#deck:") {
		t.Errorf("a #deck header:\n%s", buf.String())
	}
	res, err := Read(writeFile(t, "export.txt", buf.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings %v", res.Warnings)
	}
	sameCards(t, res.Cards(), cards)
}

func reviewsFor(cards []deck.Card, seed uint64) []Review {
	rng := rand.New(rand.NewPCG(seed, 1))
	var out []Review
	at := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	for i, c := range cards {
		if i%2 == 1 {
			continue
		}
		t := at.Add(time.Duration(i) * time.Minute)
		for k := 0; k < 4; k++ {
			out = append(out, Review{CardID: c.ID, Time: t, Rating: 1 + rng.IntN(4), Duration: time.Duration(rng.IntN(20000)) * time.Millisecond})
			t = t.Add(time.Duration(1+rng.IntN(200)) * time.Hour)
		}
	}
	return out
}

func TestWriteAPKGThenReadGivesTheSameCardsAndHistory(t *testing.T) {
	cards := exportCards()
	reviews := reviewsFor(cards, 7)
	var buf bytes.Buffer
	if err := WriteAPKG(&buf, cards, reviews); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.apkg")
	os.WriteFile(path, buf.Bytes(), 0o644)
	res, err := Read(path, Options{WithHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors)+len(res.Skipped)+len(res.Warnings) > 0 {
		t.Errorf("reports: %v %v %v", res.Errors, res.Skipped, res.Warnings)
	}
	sameCards(t, res.Cards(), cards)
	got := append([]Review(nil), res.Reviews...)
	want := append([]Review(nil), reviews...)
	sortReviews(got)
	sortReviews(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("history differs:\n got %v\nwant %v", got, want)
	}
}

func sortReviews(rs []Review) {
	for i := range rs {
		rs[i].Time = rs[i].Time.UTC()
	}
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && (rs[j].CardID < rs[j-1].CardID || rs[j].CardID == rs[j-1].CardID && rs[j].Time.Before(rs[j-1].Time)); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

func TestWriteAPKGIsAnkiShaped(t *testing.T) {
	cards := exportCards()
	var buf bytes.Buffer
	if err := WriteAPKG(&buf, cards, reviewsFor(cards, 3)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.apkg")
	os.WriteFile(path, buf.Bytes(), 0o644)
	f, _ := os.Open(path)
	defer f.Close()
	z, err := openSafeZip(f, int64(buf.Len()), defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if z.has("meta") || !z.has("collection.anki2") || !z.has("media") {
		t.Errorf("members %v", z.files)
	}
	dbPath := filepath.Join(t.TempDir(), "c.anki2")
	out, _ := os.Create(dbPath)
	z.copyTo(out, "collection.anki2", false)
	out.Close()
	db, err := openSQLiteRO(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ver int
	var journal string
	db.QueryRow(`SELECT ver FROM col`).Scan(&ver)
	db.QueryRow(`PRAGMA journal_mode`).Scan(&journal)
	if ver != 11 || journal == "wal" {
		t.Errorf("ver %d, journal %s", ver, journal)
	}
	// Anki does not generate cards on import: one row per template or deletion.
	var notes, cardRows, graves int
	db.QueryRow(`SELECT count(*) FROM notes`).Scan(&notes)
	db.QueryRow(`SELECT count(*) FROM cards`).Scan(&cardRows)
	db.QueryRow(`SELECT count(*) FROM graves`).Scan(&graves)
	if notes != 8 || cardRows != len(cards) || graves != 0 {
		t.Errorf("notes %d, cards %d, graves %d", notes, cardRows, graves)
	}
	var csum, sfld int64
	var sfldText, guid string
	db.QueryRow(`SELECT csum, sfld, guid FROM notes WHERE flds LIKE 'Capital of France?%'`).Scan(&csum, &sfldText, &guid)
	_ = sfld
	if csum != fieldChecksum("Capital of France?") || sfldText != "Capital of France?" || guid != cards[0].ID {
		t.Errorf("csum %d sfld %q guid %q", csum, sfldText, guid)
	}
	var flds string
	db.QueryRow(`SELECT flds FROM notes WHERE guid = 'cU1%zNUzk1'`).Scan(&flds)
	if flds != "hello\x1fworld" {
		t.Errorf("Anki GUID not kept: %q", flds)
	}
	// Reviewed cards are review cards; the log's first day is learning.
	var reviewed, learning int
	db.QueryRow(`SELECT count(*) FROM cards WHERE type = 2 AND queue = 2 AND ivl >= 1 AND due > 0`).Scan(&reviewed)
	db.QueryRow(`SELECT count(DISTINCT cid) FROM revlog WHERE type = 0`).Scan(&learning)
	if reviewed != 6 || learning != 6 {
		t.Errorf("reviewed cards %d, cards with a learning row %d", reviewed, learning)
	}
}

func TestWriteAPKGIDsSurviveATripThroughAnki(t *testing.T) {
	// Anki drops notes.data; the GUID alone must still give back the ID of a
	// basic card and of the first card of a note.
	cards := exportCards()
	notes := groupNotes(cards)
	for _, n := range notes {
		for i, c := range n.cards {
			if n.ords[i] == 0 && AnkiCardID(n.guid, 0) != c.ID {
				t.Errorf("note %s: card %s would come back as %s", n.guid, c.ID, AnkiCardID(n.guid, 0))
			}
		}
	}
}

func TestWriteJSONThenReadJSONIsLossless(t *testing.T) {
	cards := exportCards()
	cards = append(cards, deck.Card{ID: "mc1", Deck: "Maths", Type: deck.Choice, Front: "2+2?", Back: "4", Wrong: []string{"3", "5"},
		Source: &deck.Source{File: "book.md", Start: 3, End: 5, Hash: "abc", Text: "passage"}},
		deck.Card{ID: "t1", Deck: "Maths", Type: deck.Typed, Front: "color", Back: "colour", Accept: []string{"color"}})
	decks := groupDecks(cards)
	decks[0].Description, decks[0].Tags, decks[0].Source = "French words", []string{"lang"}, "doc.md"
	reviews := reviewsFor(cards, 11)
	reviews[0].Duration = 1234567 * time.Nanosecond
	reviews[1].Time = time.Date(2024, 5, 5, 10, 0, 0, 123456789, time.FixedZone("X", 3600))
	var buf bytes.Buffer
	if err := WriteJSON(&buf, decks, reviews); err != nil {
		t.Fatal(err)
	}
	gotDecks, gotReviews, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotDecks, decks) {
		t.Errorf("decks differ:\n got %+v\nwant %+v", gotDecks, decks)
	}
	if len(gotReviews) != len(reviews) {
		t.Fatalf("%d reviews", len(gotReviews))
	}
	for i := range reviews {
		g, w := gotReviews[i], reviews[i]
		if g.CardID != w.CardID || !g.Time.Equal(w.Time) || g.Rating != w.Rating || g.Duration != w.Duration {
			t.Errorf("review %d: got %+v want %+v", i, g, w)
		}
	}
}

func TestReadJSONRefusesNewerAndDamagedFiles(t *testing.T) {
	for in, want := range map[string]string{
		`{"format":"recall","version":2,"decks":[]}`:                                        "update recall",
		`{"format":"other","version":1}`:                                                    "not a recall JSON",
		`{"format":"recall","version":1,"decks":[{"name":"d","cards":[{"type":"weird"}]}]}`: "unknown card type",
		`{"format":"recall","version":1,"decks":[],"reviews":[{"card_id":"x","rating":7}]}`: "rating",
		`{"format":"recall",`: "reading recall JSON",
		`{"format":"recall","version":1,"decks":[{"name":"d","cards":[{"id":"x\u0001y","front":"q","back":"a"}]}]}`: "card 1: id \"x\\x01y\" has a control character",
	} {
		_, _, err := ReadJSON(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v", in, err)
		}
	}
}

func TestReadJSONFileHonoursWithHistory(t *testing.T) {
	cards := exportCards()
	var buf bytes.Buffer
	WriteJSON(&buf, groupDecks(cards), reviewsFor(cards, 1))
	path := writeFile(t, "export.json", buf.String())
	res, err := Read(path, Options{})
	if err != nil || res.Format != FormatJSON || len(res.Reviews) != 0 || len(res.Cards()) != len(cards) {
		t.Fatalf("%v, %v", res, err)
	}
	res, err = Read(path, Options{WithHistory: true})
	if err != nil || len(res.Reviews) == 0 {
		t.Errorf("with history: %v, %v", res, err)
	}
}
