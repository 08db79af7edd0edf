package review

import (
	"slices"
	"strings"
	"testing"
	"time"

	"recall/internal/deck"
	"recall/internal/sched"
	"recall/internal/store"
)

func queueIDs(t *testing.T, f *fixture, at time.Time, opt QueueOptions) []string {
	t.Helper()
	q, err := f.eng.BuildQueue(at, opt)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range q.Cards {
		ids = append(ids, c.ID)
	}
	return ids
}

var allLimits = QueueOptions{NewLimit: -1, ReviewLimit: -1}

// A review card falls due at the start of its day, which is the end of the
// day before: it must not be in that day's queue.
func TestReviewDueTomorrowIsNotInTodaysQueue(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	set := f.eng.Settings()
	tomorrow := set.DayStart(set.Day(sessionT0) + 1)
	f.makeReview("basic", tomorrow, 0)
	id := f.cards["basic"].ID
	if slices.Contains(queueIDs(t, f, sessionT0, allLimits), id) {
		t.Fatal("a card due at the start of tomorrow is in today's queue")
	}
	if !slices.Contains(queueIDs(t, f, tomorrow.Add(time.Minute), allLimits), id) {
		t.Fatal("the card is missing from tomorrow's queue")
	}
}

func TestBuriedReviewCardLeavesTodaysQueue(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.makeReview("basic", sessionT0.Add(-time.Hour), 0)
	id := f.cards["basic"].ID
	if !slices.Contains(queueIDs(t, f, sessionT0, allLimits), id) {
		t.Fatal("the overdue card is not in the queue")
	}
	set := f.eng.Settings()
	tomorrow := set.DayStart(set.Day(sessionT0) + 1)
	if _, err := f.st.Update(id, sessionT0, func(c *store.Card) error { c.BuriedUntil = tomorrow; return nil }); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(queueIDs(t, f, sessionT0, allLimits), id) {
		t.Fatal("a buried card is still in today's queue")
	}
	if !slices.Contains(queueIDs(t, f, tomorrow.Add(time.Minute), allLimits), id) {
		t.Fatal("the buried card did not come back the next day")
	}
}

// A deck with its own new-card limit is limited by it alone, also above the
// collection's limit; other decks share the collection's.
func TestDeckOwnNewLimitIsNotCappedByCollectionLimit(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	deckText := "---\ndeck: Extra\n---\n"
	for _, q := range []string{"one", "two", "three", "four"} {
		deckText += "Q: " + q + "?\nA: " + q + "\n\n"
	}
	extra := parseDeck(t, deckText)
	if _, err := f.st.Upsert([]store.DeckInfo{{Name: "Extra", Settings: map[string]string{"new_per_day": "3"}}}, extra.Cards,
		store.UpsertOptions{Now: sessionT0}); err != nil {
		t.Fatal(err)
	}
	if err := f.st.SetConfig("new_per_day", "1"); err != nil {
		t.Fatal(err)
	}
	f.reload()
	q, err := f.eng.BuildQueue(sessionT0, allLimits)
	if err != nil {
		t.Fatal(err)
	}
	perDeck := map[string]int{}
	for _, c := range q.Cards {
		perDeck[c.Deck]++
	}
	if perDeck["Extra"] != 3 || perDeck["Geo"] != 1 {
		t.Fatalf("new cards per deck %v, want Extra 3 (its own limit) and Geo 1 (the collection's)", perDeck)
	}
}

func parseDeck(t *testing.T, text string) deck.Deck {
	t.Helper()
	d, err := deck.Parse("extra.md", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The other side of a reversed note stays out of a second session the same
// day, while the first side is still learning (due later today).
func TestSiblingOfACardLearningLaterTodayIsNotNew(t *testing.T) {
	f := newFixture(t, "---\ndeck: Rev\n---\nR: perro\nA: dog\n")
	front := f.cards["rev1"].ID
	if _, err := f.eng.Answer(front, 3, sessionT0, time.Second); err != nil {
		t.Fatal(err)
	}
	ids := queueIDs(t, f, sessionT0.Add(time.Minute), allLimits)
	if slices.Contains(ids, f.cards["rev2"].ID) {
		t.Fatalf("the sibling is in the queue while its note is learning: %v", ids)
	}
}

// A card answered Easy goes straight to review, due another day; its new
// sibling still waits until tomorrow, in a later session as in the count.
func TestSiblingOfACardAnsweredTodayWaitsForTomorrow(t *testing.T) {
	f := newFixture(t, "---\ndeck: Rev\n---\nR: perro\nA: dog\n")
	if _, err := f.eng.Answer(f.cards["rev1"].ID, sched.Easy, sessionT0, time.Second); err != nil {
		t.Fatal(err)
	}
	back := f.cards["rev2"].ID
	if ids := queueIDs(t, f, sessionT0.Add(time.Hour), allLimits); slices.Contains(ids, back) {
		t.Fatalf("the sibling of a card answered today is in today's queue: %v", ids)
	}
	q, err := f.eng.BuildQueue(sessionT0.Add(time.Hour), QueueOptions{NewLimit: -1, ReviewLimit: -1, CountOnly: true})
	if err != nil || q.Total != 0 {
		t.Fatalf("count %+v, %v; want nothing today", q, err)
	}
	if ids := queueIDs(t, f, sessionT0.Add(24*time.Hour), allLimits); !slices.Contains(ids, back) {
		t.Fatalf("the sibling did not come the next day: %v", ids)
	}
}

// The limits are applied while the due index is scanned (the most decayed
// reviews kept within each deck's and the collection's room); the result
// must be what sorting them all by decay gives, which the scan still does
// under a tag filter, and a count must give what the queue holds.
func TestPickingReviewsInTheScanMatchesSortingThemAll(t *testing.T) {
	f := newFixture(t, "---\ndeck: Geo\n---\nR: Spain\nA: Madrid\n")
	var infos []store.DeckInfo
	var cards []deck.Card
	for _, name := range []string{"Own", "Shared A", "Shared B"} {
		text := "---\ndeck: " + name + "\n---\n"
		for i := range 8 {
			text += "Q: " + name + " question " + strings.Repeat("x", i+1) + "?\nA: a\n\n"
		}
		d := parseDeck(t, text)
		cards = append(cards, d.Cards...)
		info := store.DeckInfo{Name: name}
		if name == "Own" {
			info.Settings = map[string]string{"reviews_per_day": "3"}
		}
		infos = append(infos, info)
	}
	if _, err := f.st.Upsert(infos, cards, store.UpsertOptions{Now: sessionT0}); err != nil {
		t.Fatal(err)
	}
	review := func(id string, due time.Time, stability float64) {
		if _, err := f.st.Update(id, sessionT0, func(sc *store.Card) error {
			sc.Sched = sched.Card{State: sched.Review, Due: due, LastReview: due.Add(-72 * time.Hour),
				Stability: stability, Difficulty: 5, Interval: 3, Reps: 1}
			sc.Tags = []string{"all"}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	// Due order and decay order differ: stabilities go up and down.
	for i, c := range cards {
		review(c.ID, sessionT0.Add(-time.Duration(i+1)*24*time.Hour), float64(1+(i*7)%11))
	}
	// One side of a reversed note in review, due first but hardly decayed;
	// the other side new. Which reviews are kept decides whether it waits.
	review(f.cards["rev1"].ID, sessionT0.Add(-40*24*time.Hour), 5000)
	if _, err := f.st.Update(f.cards["rev2"].ID, sessionT0, func(sc *store.Card) error { sc.Tags = []string{"all"}; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := f.st.SetConfig("reviews_per_day", "5"); err != nil {
		t.Fatal(err)
	}
	f.reload()
	ids := func(q *Queue) []string {
		var out []string
		for _, c := range q.Cards {
			out = append(out, c.ID)
		}
		slices.Sort(out)
		return out
	}
	for _, opt := range []QueueOptions{allLimits, {NewLimit: -1, ReviewLimit: 2}, {NewLimit: 0, ReviewLimit: -1}} {
		full, err := f.eng.BuildQueue(sessionT0, opt)
		if err != nil {
			t.Fatal(err)
		}
		tagged := opt
		tagged.Tag = "all"
		sorted, err := f.eng.BuildQueue(sessionT0, tagged)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(full), ids(sorted)) {
			t.Errorf("%+v: picked in the scan %v, sorted %v", opt, ids(full), ids(sorted))
		}
		opt.CountOnly = true
		count, err := f.eng.BuildQueue(sessionT0, opt)
		if err != nil {
			t.Fatal(err)
		}
		if count.Total != full.Total || count.Review != full.Review || count.New != full.New {
			t.Errorf("%+v: count %d (%d review, %d new), queue %d (%d review, %d new)", opt,
				count.Total, count.Review, count.New, full.Total, full.Review, full.New)
		}
		if opt.ReviewLimit < 0 && full.Review != 3+5 {
			t.Errorf("queue has %d reviews, want 3 (Own's limit) + 5 (the collection's)", full.Review)
		}
	}
}

// Burying siblings is a deck's own setting in the queue as in the session:
// a deck that turns it off gets both sides of a new note on one day.
func TestQueueHonoursADecksOwnBurySetting(t *testing.T) {
	f := newFixture(t, "---\ndeck: Rev\n---\nR: perro\nA: dog\n")
	both := []string{f.cards["rev1"].ID, f.cards["rev2"].ID}
	if ids := queueIDs(t, f, sessionT0, allLimits); len(ids) != 1 {
		t.Fatalf("with burying on: %v, want one side", ids)
	}
	d := parseDeck(t, "---\ndeck: Rev\n---\nR: perro\nA: dog\n")
	if _, err := f.st.Upsert([]store.DeckInfo{{Name: "Rev", Settings: map[string]string{"bury_siblings": "off"}}}, d.Cards,
		store.UpsertOptions{Now: sessionT0}); err != nil {
		t.Fatal(err)
	}
	f.reload()
	ids := queueIDs(t, f, sessionT0, allLimits)
	slices.Sort(ids)
	slices.Sort(both)
	if !slices.Equal(ids, both) {
		t.Fatalf("with the deck's burying off: %v, want both sides %v", ids, both)
	}
}
