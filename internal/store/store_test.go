package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/deck"
	"recall/internal/sched"
)

var t0 = time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)

func openTemp(t testing.TB) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "c.db"), Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func basic(deckName, front, back string) deck.Card {
	c := deck.Card{Deck: deckName, Type: deck.Basic, Front: front, Back: back}
	c.AssignID()
	return c
}

func TestOpenCreatesPrivateFileWithSchema(t *testing.T) {
	st := openTemp(t)
	fi, err := os.Stat(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	err = st.view(func(tx *bolt.Tx) error {
		v, err := schemaVersion(tx)
		if v != SchemaVersion {
			t.Errorf("schema %d, want %d", v, SchemaVersion)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesMissingExplicitFolder(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "nope", "c.db"), Options{})
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("err = %v, want folder does not exist", err)
	}
}

func TestSecondOpenReportsLockedWithinTimeout(t *testing.T) {
	st := openTemp(t)
	start := time.Now()
	_, err := Open(st.Path(), Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("waited %v for the lock", d)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	st := openTemp(t)
	path := st.Path()
	if err := st.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, be64(SchemaVersion+1))
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNewer) {
		t.Fatalf("err = %v, want ErrNewer", err)
	}
}

func TestOpenRejectsFileThatIsNotACollection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("just some text that is long enough to look like a file, not a database.........................................................................................................................................................."), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v, want ErrDamaged", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the file was changed")
	}
}

func TestReadOnlyOpenOfMissingFileCreatesEmptyCollection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	empty, err := st.Empty()
	if err != nil || !empty {
		t.Fatalf("empty=%v err=%v", empty, err)
	}
	if err := st.SetConfig("x", "y"); err == nil {
		t.Error("a read-only collection accepted a write")
	}
}

func TestCardRecordRoundTrips(t *testing.T) {
	c := &Card{Card: deck.Card{ID: "abc", Deck: "D", Type: deck.Choice, Front: "Q?", Back: "A", Ord: 2,
		Wrong: []string{"x", "y"}, Accept: []string{"a"}, Tags: []string{"t1"},
		Source: &deck.Source{File: "f.md", Start: 3, End: 5, Hash: "h", Text: "passage"}},
		Sched: sched.Card{State: sched.Review, Step: 1, Stability: 3.5, Difficulty: 5.25, Ease: 2.5,
			Due: t0.Add(72 * time.Hour), LastReview: t0, Interval: 3, Reps: 4, Lapses: 1},
		Suspended: true, BuriedUntil: t0.Add(time.Hour), Num: 42, Added: t0, Modified: t0, File: "/decks/geo.md"}
	got, err := decodeCard("abc", encodeCard(c))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", *got, *c)
	}
	if _, err := decodeCard("abc", encodeCard(c)[:20]); err == nil {
		t.Error("a truncated record decoded without error")
	}
}

func TestUpsertIsIdempotentAndReportsOutcomes(t *testing.T) {
	st := openTemp(t)
	cards := []deck.Card{basic("D", "one", "1"), basic("D", "two", "2")}
	info := []DeckInfo{{Name: "D"}}
	res, err := st.Upsert(info, cards, UpsertOptions{Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(Added) != 2 {
		t.Fatalf("added %d, want 2", res.Count(Added))
	}
	res, err = st.Upsert(info, cards, UpsertOptions{Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(Unchanged) != 2 || res.Count(Added) != 0 {
		t.Fatalf("second import: %+v", res.Cards)
	}
	cards[1].Back = "II"
	res, err = st.Upsert(info, cards, UpsertOptions{Now: t0, DryRun: true})
	if err != nil || res.Count(Updated) != 1 {
		t.Fatalf("dry run: %+v %v", res.Cards, err)
	}
	if c, _ := st.Card(cards[1].ID); c.Back != "2" {
		t.Fatal("dry run wrote the update")
	}
}

func answer(t testing.TB, st *Store, id string, r sched.Rating, at time.Time) *Card {
	t.Helper()
	c, _, err := st.Answer(AnswerInput{CardID: id, Time: at, Rating: r, Day: 1,
		DayOf: func(x time.Time) int { return int(x.Unix() / 86400) }},
		func(c *Card) error {
			c.Sched.State = sched.Review
			c.Sched.Reps++
			c.Sched.LastReview = at
			c.Sched.Interval = int(r)
			c.Sched.Due = at.Add(time.Duration(r) * 24 * time.Hour)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAnswerUpdatesCardIndexLogAndCounts(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "front", "back")
	if _, err := st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0}); err != nil {
		t.Fatal(err)
	}
	got := answer(t, st, c.ID, sched.Good, t0)
	if got.Sched.State != sched.Review || got.Sched.Reps != 1 {
		t.Fatalf("state %+v", got.Sched)
	}
	n := 0
	st.DueEntries(t0.Add(4*24*time.Hour), func(Entry) bool { n++; return true })
	if n != 1 {
		t.Errorf("due index has %d entries by day 4, want 1", n)
	}
	newCount := 0
	st.NewCards(t0, func(*Card) bool { newCount++; return true })
	if newCount != 0 {
		t.Errorf("card is still in the new index")
	}
	revs, err := st.CardReviews(got.Num)
	if err != nil || len(revs) != 1 || revs[0].Rating != sched.Good || revs[0].Before != sched.New {
		t.Fatalf("log %+v %v", revs, err)
	}
	counts, _ := st.DayCounts(1)
	if counts["D"].New != 1 {
		t.Errorf("day counts %+v", counts)
	}
}

func TestUndoRestoresStateAndRemovesLogEntry(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "front", "back")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0})
	answer(t, st, c.ID, sched.Good, t0)
	answer(t, st, c.ID, sched.Easy, t0.Add(time.Hour))
	back, rev, err := st.Undo()
	if err != nil {
		t.Fatal(err)
	}
	if rev.Rating != sched.Easy || back.Sched.Reps != 1 || back.Sched.Interval != int(sched.Good) {
		t.Fatalf("after one undo: rev %+v card %+v", rev, back.Sched)
	}
	back, _, err = st.Undo()
	if err != nil || back.Sched.State != sched.New {
		t.Fatalf("after two undos: %+v %v", back.Sched, err)
	}
	if _, _, err := st.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("third undo: %v", err)
	}
	revs, _ := st.CardReviews(back.Num)
	if len(revs) != 0 {
		t.Errorf("log still has %d entries", len(revs))
	}
	counts, _ := st.DayCounts(1)
	if counts["D"] != (DayCount{}) {
		t.Errorf("day counts not restored: %+v", counts["D"])
	}
	rep, err := st.Check(false)
	if err != nil || len(rep.Problems) > 0 {
		t.Fatalf("check: %v %v", rep.Problems, err)
	}
}

func TestEditedFrontKeepsHistoryByUnambiguousMatch(t *testing.T) {
	st := openTemp(t)
	info := []DeckInfo{{Name: "D"}}
	a := basic("D", "What is the capital of France?", "Paris")
	b := basic("D", "What is the largest planet?", "Jupiter")
	st.Upsert(info, []deck.Card{a, b}, UpsertOptions{Now: t0})
	answer(t, st, a.ID, sched.Good, t0)
	edited := basic("D", "What is the capital city of France?", "Paris")
	res, err := st.Upsert(info, []deck.Card{edited, b}, UpsertOptions{Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(Renamed) != 1 || res.Count(Added) != 0 {
		t.Fatalf("outcomes %+v", res.Cards)
	}
	c, err := st.Card(edited.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Sched.Reps != 1 {
		t.Errorf("history lost: %+v", c.Sched)
	}
	if revs, _ := st.CardReviews(c.Num); len(revs) != 1 {
		t.Errorf("review log has %d entries for the edited card", len(revs))
	}
	if _, err := st.Card(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("old ID still present: %v", err)
	}
}

func TestAmbiguousEditIsNotMatched(t *testing.T) {
	st := openTemp(t)
	info := []DeckInfo{{Name: "D"}}
	a := basic("D", "capital of France", "Paris")
	b := basic("D", "capital of Spain", "Madrid")
	st.Upsert(info, []deck.Card{a, b}, UpsertOptions{Now: t0})
	// Two new fronts, each as close to both old cards: no transfer.
	n1 := basic("D", "capital of Italy", "Rome")
	n2 := basic("D", "capital of Germany", "Berlin")
	res, _ := st.Upsert(info, []deck.Card{n1, n2}, UpsertOptions{Now: t0})
	if res.Count(Renamed) != 0 || res.Count(Added) != 2 || res.Count(Gone) != 2 {
		t.Fatalf("outcomes %+v", res.Cards)
	}
}

func TestHistoryAttachedOnceAndReplayed(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "q", "a")
	hist := []HistoryReview{{CardID: c.ID, Time: t0, Rating: sched.Good}, {CardID: c.ID, Time: t0.Add(48 * time.Hour), Rating: sched.Good}}
	replay := func(id string, ev []sched.Event) []sched.Card {
		out := make([]sched.Card, len(ev))
		for i, e := range ev {
			out[i] = sched.Card{State: sched.Review, Reps: i + 1, LastReview: e.Time, Due: e.Time.Add(24 * time.Hour)}
		}
		return out
	}
	for i := 0; i < 2; i++ {
		res, err := st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0, History: hist, States: replay})
		if err != nil {
			t.Fatal(err)
		}
		if want := []int{2, 0}[i]; res.History != want {
			t.Fatalf("import %d attached %d reviews, want %d", i+1, res.History, want)
		}
	}
	got, _ := st.Card(c.ID)
	if got.Sched.Reps != 2 {
		t.Errorf("replayed state %+v", got.Sched)
	}
}

func TestBackupIsAReadableCopyAndRestoreBringsItBack(t *testing.T) {
	st := openTemp(t)
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{basic("D", "q", "a")}, UpsertOptions{Now: t0})
	p, err := st.Backup("test")
	if err != nil {
		t.Fatal(err)
	}
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{basic("D", "q", "a"), basic("D", "q2", "b")}, UpsertOptions{Now: t0})
	path := st.Path()
	st.Close()
	if _, err := Restore(p, path); err != nil {
		t.Fatal(err)
	}
	st2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	n := 0
	st2.EachCard(func(*Card) error { n++; return nil })
	if n != 1 {
		t.Errorf("restored collection has %d cards, want 1", n)
	}
	all, _ := st2.Backups()
	if len(all) < 2 {
		t.Errorf("no backup of the replaced collection: %v", all)
	}
}

func TestCheckFindsAndRepairsBrokenIndex(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "q", "a")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0})
	st.update(func(tx *bolt.Tx) error {
		k := make([]byte, 8)
		binary.BigEndian.PutUint64(k, 99)
		return tx.Bucket(bucketDue).Put(append(k, "ghost"...), nil)
	})
	rep, err := st.Check(false)
	if err != nil || len(rep.Problems) != 1 {
		t.Fatalf("problems %v err %v", rep.Problems, err)
	}
	if rep, err = st.Check(true); err != nil || !rep.Repaired {
		t.Fatalf("repair: %+v %v", rep, err)
	}
	if rep, _ = st.Check(false); len(rep.Problems) != 0 {
		t.Errorf("after repair: %v", rep.Problems)
	}
}

// A missing index entry is reported by card ID and due time, not as the
// raw bytes of its key.
func TestCheckNamesTheCardOfAMissingIndexEntry(t *testing.T) {
	st := openTemp(t)
	a, b := basic("D", "q", "a"), basic("D", "q2", "b")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{a, b}, UpsertOptions{Now: t0})
	due := t0.Add(48 * time.Hour)
	if _, err := st.Update(a.ID, t0, func(c *Card) error {
		c.Sched.State, c.Sched.Due = sched.Review, due
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	st.update(func(tx *bolt.Tx) error {
		for _, id := range []string{a.ID, b.ID} {
			c, err := getCard(tx, id)
			if err != nil {
				return err
			}
			if err := unindex(tx, c); err != nil {
				return err
			}
		}
		return nil
	})
	rep, err := st.Check(false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		fmt.Sprintf("due index entry for %s (due %s) is missing", a.ID, due.Format(time.RFC3339)),
		fmt.Sprintf("new index entry for %s is missing", b.ID),
	}
	if !reflect.DeepEqual(rep.Problems, want) {
		t.Errorf("problems %q, want %q", rep.Problems, want)
	}
}

// TestOpenMigratesVersion1AfterBackup writes a collection as schema 1 kept
// it (index entries without values) and checks that opening it upgrades the
// schema, rebuilds the indexes and keeps a backup of the old file.
func TestOpenMigratesVersion1AfterBackup(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "q", "a")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0})
	st.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNew)
		k, _ := b.Cursor().First()
		if err := b.Put(append([]byte(nil), k...), nil); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, be64(1))
	})
	path := st.Path()
	st.Close()
	st2, err := Open(path, Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	rep, err := st2.Check(false)
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("after migration: %v %v", rep.Problems, err)
	}
	var got []Entry
	st2.NewEntries(func(e Entry) bool { got = append(got, e); return true })
	if len(got) != 1 || got[0].ID != c.ID || got[0].Deck != "D" {
		t.Fatalf("new index after migration: %+v", got)
	}
	if b, _ := st2.Backups(); len(b) != 1 || !strings.Contains(b[0], "migrate") {
		t.Errorf("backups %v, want one made before migrating", b)
	}
}

func TestIndexEntryCarriesQueueFields(t *testing.T) {
	st := openTemp(t)
	c := basic("Deck A", "q", "a")
	st.Upsert([]DeckInfo{{Name: "Deck A"}}, []deck.Card{c}, UpsertOptions{Now: t0})
	answer(t, st, c.ID, sched.Good, t0)
	var got []Entry
	st.DueEntries(t0.Add(10*24*time.Hour), func(e Entry) bool { got = append(got, e); return true })
	if len(got) != 1 {
		t.Fatalf("entries %+v", got)
	}
	e := got[0]
	if e.ID != c.ID || e.State != sched.Review || e.Deck != "Deck A" || !e.LastReview.Equal(t0) ||
		!e.Available.Equal(t0.Add(72*time.Hour)) {
		t.Errorf("entry %+v", e)
	}
}

func TestUndoRefusesAnAnswerFollowedByAReset(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "front", "back")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0})
	answer(t, st, c.ID, sched.Good, t0)
	if _, err := st.Reset(c.ID, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Undo(); err == nil || !strings.Contains(err.Error(), "was reset") {
		t.Fatalf("undo after reset: %v", err)
	}
	got, _ := st.Card(c.ID)
	if got.Sched.State != sched.New {
		t.Errorf("the refused undo changed the card: %+v", got.Sched)
	}
}

func TestUndoOfADeletedCardStillFreesTheDailyCount(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "front", "back")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0})
	answer(t, st, c.ID, sched.Good, t0)
	if _, err := st.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Undo(); err != nil {
		t.Fatal(err)
	}
	if counts, _ := st.DayCounts(1); counts["D"] != (DayCount{}) {
		t.Errorf("day counts after undo: %+v", counts["D"])
	}
}

func TestUndoFollowsACardRenamedByAnEdit(t *testing.T) {
	st := openTemp(t)
	info := []DeckInfo{{Name: "D"}}
	a := basic("D", "What is the capital of France?", "Paris")
	st.Upsert(info, []deck.Card{a, basic("D", "What is the largest planet?", "Jupiter")}, UpsertOptions{Now: t0})
	answer(t, st, a.ID, sched.Good, t0)
	edited := basic("D", "What is the capital city of France?", "Paris")
	st.Upsert(info, []deck.Card{edited, basic("D", "What is the largest planet?", "Jupiter")}, UpsertOptions{Now: t0})
	back, _, err := st.Undo()
	if err != nil {
		t.Fatal(err)
	}
	if back.ID != edited.ID || back.Sched.State != sched.New {
		t.Fatalf("undo restored %s %+v, want the renamed card %s back to new", back.ID, back.Sched, edited.ID)
	}
}

func TestFirstWriteOfTheDayMakesOneBackup(t *testing.T) {
	st := openTemp(t)
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{basic("D", "q", "a")}, UpsertOptions{Now: t0})
	if all, _ := st.Backups(); len(all) != 0 {
		t.Fatalf("a backup of an empty collection: %v", all)
	}
	path := st.Path()
	st.Close()
	st2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	for i := 0; i < 3; i++ {
		if err := st2.SetConfig("k", fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := st2.Backups()
	if len(all) != 1 || !strings.Contains(all[0], "daily") {
		t.Errorf("backups %v, want one daily backup before the first write", all)
	}
}

func TestRescheduleRebuildsStatesFromTheLogAndKeepsIndexes(t *testing.T) {
	st := openTemp(t)
	a, b := basic("D", "a", "1"), basic("D", "b", "2")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{a, b}, UpsertOptions{Now: t0})
	answer(t, st, a.ID, sched.Good, t0)
	answer(t, st, a.ID, sched.Easy, t0.Add(time.Hour))
	n, err := st.Reschedule(func(c *Card, events []sched.Event) sched.Card {
		if len(events) != 2 || events[1].Rating != sched.Easy {
			t.Errorf("card %s replayed with %+v", c.ID, events)
		}
		last := events[len(events)-1].Time
		return sched.Card{State: sched.Review, Reps: len(events), LastReview: last, Due: last.Add(10 * 24 * time.Hour), Interval: 10}
	})
	if err != nil || n != 1 {
		t.Fatalf("rescheduled %d, err %v; want the one card with history", n, err)
	}
	got, _ := st.Card(a.ID)
	if got.Sched.Interval != 10 || got.Sched.Reps != 2 {
		t.Errorf("rescheduled state %+v", got.Sched)
	}
	if rep, _ := st.Check(false); len(rep.Problems) != 0 {
		t.Errorf("indexes after reschedule: %v", rep.Problems)
	}
	if c, _ := st.Card(b.ID); c.Sched.State != sched.New {
		t.Errorf("a card without history changed: %+v", c.Sched)
	}
}

func TestRestoreRefusesAFileThatIsNotACollection(t *testing.T) {
	st := openTemp(t)
	path := st.Path()
	st.Close()
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte(strings.Repeat("not a database ", 500)), 0o600)
	// The file named is not a backup; the collection itself is fine, so
	// the error must not call it damaged.
	if _, err := Restore(bad, path); !errors.Is(err, ErrNotBackup) || errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v, want ErrNotBackup and not ErrDamaged", err)
	}
	if _, err := Open(path, Options{}); err != nil {
		t.Errorf("the collection was harmed by a refused restore: %v", err)
	}
}

// Two files imported into one deck: the second does not report the first
// one's cards as gone, and --prune does not delete them.
func TestDeckFilledFromTwoFilesKeepsTheOtherFilesCards(t *testing.T) {
	st := openTemp(t)
	a, b := basic("Spanish", "hola", "hello"), basic("Spanish", "adiós", "goodbye")
	if _, err := st.Upsert([]DeckInfo{{Name: "Spanish", File: "one.csv"}}, []deck.Card{a}, UpsertOptions{Now: t0}); err != nil {
		t.Fatal(err)
	}
	res, err := st.Upsert([]DeckInfo{{Name: "Spanish", File: "two.csv"}}, []deck.Card{b}, UpsertOptions{Now: t0, Prune: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(Gone)+res.Count(Pruned) != 0 || res.Count(Added) != 1 {
		t.Fatalf("outcomes %+v", res.Cards)
	}
	if _, err := st.Card(a.ID); err != nil {
		t.Errorf("the first file's card is gone: %v", err)
	}
	// The second file again, now the deck's last file: the first file's
	// card is still not its to prune.
	res, err = st.Upsert([]DeckInfo{{Name: "Spanish", File: "two.csv"}}, []deck.Card{b}, UpsertOptions{Now: t0, Prune: true})
	if err != nil || res.Count(Gone)+res.Count(Pruned) != 0 {
		t.Fatalf("second import of two.csv: %+v %v", res.Cards, err)
	}
	// Its own card dropped from it is gone, and pruned.
	res, _ = st.Upsert([]DeckInfo{{Name: "Spanish", File: "two.csv"}}, nil, UpsertOptions{Now: t0, Prune: true})
	if res.Count(Pruned) != 1 {
		t.Fatalf("two.csv without its card: %+v", res.Cards)
	}
	if _, err := st.Card(a.ID); err != nil {
		t.Errorf("one.csv's card was pruned by two.csv: %v", err)
	}
}

// A record written before cards kept their file decodes with no file.
func TestCardRecordWithoutFileStillDecodes(t *testing.T) {
	c := &Card{Card: deck.Card{ID: "x", Deck: "D", Type: deck.Basic, Front: "f", Back: "b"}, Num: 1, File: "a.md"}
	b := encodeCard(c)
	old := b[:len(b)-len("a.md")-1] // without the trailing file field
	got, err := decodeCard("x", old)
	if err != nil || got.File != "" || got.Front != "f" {
		t.Fatalf("old record: %+v %v", got, err)
	}
}

func TestUpsertStartsAddedCardsFromAGivenSchedule(t *testing.T) {
	st := openTemp(t)
	kept, other := basic("D", "kept", "a"), basic("D", "other", "b")
	due := t0.Add(5 * 24 * time.Hour)
	start := sched.Card{State: sched.Review, Due: due, LastReview: t0.Add(-46 * 24 * time.Hour), Interval: 51,
		Ease: 2.3, Stability: 51, Difficulty: 5, Reps: 1}
	info := []DeckInfo{{Name: "D"}}
	st.Upsert(info, []deck.Card{kept, other}, UpsertOptions{Now: t0, Start: map[string]sched.Card{kept.ID: start}})
	var got []Entry
	st.DueEntries(due, func(e Entry) bool { got = append(got, e); return true })
	if len(got) != 1 || got[0].ID != kept.ID || got[0].State != sched.Review {
		t.Fatalf("due entries %+v, want the card with a start schedule", got)
	}
	if c, _ := st.Card(other.ID); c.Sched.State != sched.New {
		t.Errorf("a card without a start schedule is %v", c.Sched.State)
	}
	// A card already in the collection keeps its own schedule.
	later := start
	later.Due = due.Add(30 * 24 * time.Hour)
	st.Upsert(info, []deck.Card{kept, other}, UpsertOptions{Now: t0, Start: map[string]sched.Card{kept.ID: later, other.ID: later}})
	if c, _ := st.Card(kept.ID); !c.Sched.Due.Equal(due) {
		t.Errorf("re-import moved the due time to %v", c.Sched.Due)
	}
	if c, _ := st.Card(other.ID); c.Sched.State != sched.New {
		t.Errorf("re-import gave an existing card a start schedule: %+v", c.Sched)
	}
}

func TestBackupLeavesNoTemporaryFileAndClearsOnesCutShort(t *testing.T) {
	st := openTemp(t)
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{basic("D", "q", "a")}, UpsertOptions{Now: t0})
	dir := st.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(filepath.Base(st.Path()), filepath.Ext(st.Path()))
	stale := filepath.Join(dir, base+"-20260101-000000.000-import.db.part")
	// A collection named "<base>-old" beside it may be writing a backup.
	other := filepath.Join(dir, base+"-old-20260101-000000.000-import.db.part")
	for _, p := range []string{stale, other} {
		if err := os.WriteFile(p, []byte("half a backup"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, err := st.Backup("test")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{filepath.Base(p), filepath.Base(other)}; !reflect.DeepEqual(names, want) {
		t.Errorf("backup folder holds %v, want %v", names, want)
	}
}

// A key too short for its prefix (only a damaged file has one) is reported
// and repaired, and the readers of the index refuse it without a panic.
func TestCheckAndReadersSurviveAShortIndexKey(t *testing.T) {
	st := openTemp(t)
	c := basic("D", "q", "a")
	st.Upsert([]DeckInfo{{Name: "D"}}, []deck.Card{c}, UpsertOptions{Now: t0})
	for _, b := range [][]byte{bucketDue, bucketNew} {
		// It sorts before every real key, so a scan meets it first.
		st.update(func(tx *bolt.Tx) error { return tx.Bucket(b).Put([]byte("\x00\x00\x00"), nil) })
	}
	if err := st.DueBefore(t0.Add(time.Hour), func(*Card) bool { return true }); !errors.Is(err, ErrDamaged) {
		t.Errorf("DueBefore: %v, want a damaged-collection error", err)
	}
	if err := st.NewCards(t0, func(*Card) bool { return true }); !errors.Is(err, ErrDamaged) {
		t.Errorf("NewCards: %v, want a damaged-collection error", err)
	}
	if _, err := st.NextDue(); !errors.Is(err, ErrDamaged) {
		t.Errorf("NextDue: %v, want a damaged-collection error", err)
	}
	rep, err := st.Check(false)
	if err != nil || len(rep.Problems) != 2 || !strings.Contains(rep.Problems[0], `index entry "\x00\x00\x00" is malformed`) {
		t.Fatalf("problems %q, err %v", rep.Problems, err)
	}
	if rep, err = st.Check(true); err != nil || !rep.Repaired {
		t.Fatalf("repair: %+v %v", rep, err)
	}
	if rep, _ = st.Check(false); len(rep.Problems) != 0 {
		t.Errorf("after repair: %v", rep.Problems)
	}
}

// Imported history moves the review log's sequence on by hundreds; the
// answers given before it can still be taken back.
func TestUndoKeepsAnswersAcrossAnImportOfHistory(t *testing.T) {
	st := openTemp(t)
	a, b, old := basic("D", "a?", "1"), basic("D", "b?", "2"), basic("D", "old?", "3")
	info := []DeckInfo{{Name: "D"}}
	st.Upsert(info, []deck.Card{a, b}, UpsertOptions{Now: t0})
	answer(t, st, a.ID, sched.Good, t0)
	var hist []HistoryReview
	for i := range 600 {
		hist = append(hist, HistoryReview{CardID: old.ID, Time: t0.Add(-time.Duration(600-i) * time.Hour), Rating: sched.Good})
	}
	replay := func(id string, ev []sched.Event) []sched.Card {
		out := make([]sched.Card, len(ev))
		for i, e := range ev {
			out[i] = sched.Card{State: sched.Review, Reps: i + 1, LastReview: e.Time, Due: e.Time.Add(24 * time.Hour)}
		}
		return out
	}
	if _, err := st.Upsert(info, []deck.Card{a, b, old}, UpsertOptions{Now: t0, History: hist, States: replay}); err != nil {
		t.Fatal(err)
	}
	answer(t, st, b.ID, sched.Good, t0.Add(time.Minute))
	for _, want := range []string{b.ID, a.ID} {
		back, _, err := st.Undo()
		if err != nil || back.ID != want {
			t.Fatalf("undo gave %v, %v; want %s", back, err, want)
		}
	}
}
