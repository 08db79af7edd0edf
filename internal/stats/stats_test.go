package stats

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"recall/internal/deck"
	"recall/internal/sched"
	"recall/internal/store"
)

var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func utcSettings() sched.Settings {
	s := sched.DefaultSettings()
	s.Location = time.UTC
	return s
}

// collection opens a temp collection with n new basic cards.
func collection(t *testing.T, n int) (*store.Store, []string) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "c.db"), store.Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cards := make([]deck.Card, n)
	ids := make([]string, n)
	for i := range cards {
		cards[i] = deck.Card{Deck: "D", Type: deck.Basic, Front: fmt.Sprintf("q%d", i), Back: "a"}
		cards[i].AssignID()
		ids[i] = cards[i].ID
	}
	if _, err := st.Upsert([]store.DeckInfo{{Name: "D"}}, cards, store.UpsertOptions{Now: t0}); err != nil {
		t.Fatal(err)
	}
	return st, ids
}

// answerOn records an answer on the given day that makes the card due at due.
func answerOn(t *testing.T, st *store.Store, id string, day int, due time.Time) {
	t.Helper()
	_, _, err := st.Answer(store.AnswerInput{CardID: id, Time: t0, Rating: sched.Good, Day: day}, func(c *store.Card) error {
		c.Sched = sched.Card{State: sched.Review, Due: due, LastReview: t0, Stability: 3, Difficulty: 5, Interval: 3, Reps: 1}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStreakCountsConsecutiveDaysEndingToday(t *testing.T) {
	st, ids := collection(t, 5)
	for i, day := range []int{98, 100, 101, 102, 102} {
		answerOn(t, st, ids[i], day, t0.Add(72*time.Hour))
	}
	days, today, err := Streak(st, 102)
	if err != nil {
		t.Fatal(err)
	}
	if days != 3 || !today {
		t.Errorf("streak = %d (today %v), want 3 days including today", days, today)
	}
}

func TestStreakKeptWhenTodayHasNoAnswerYet(t *testing.T) {
	st, ids := collection(t, 2)
	answerOn(t, st, ids[0], 100, t0)
	answerOn(t, st, ids[1], 101, t0)
	days, today, err := Streak(st, 102)
	if err != nil || days != 2 || today {
		t.Errorf("streak = %d (today %v, err %v), want 2 ending yesterday", days, today, err)
	}
	if days, _, _ := Streak(st, 103); days != 0 {
		t.Errorf("a missed day should end the streak, got %d", days)
	}
}

func TestStreakIgnoresDayEmptiedByUndo(t *testing.T) {
	st, ids := collection(t, 2)
	answerOn(t, st, ids[0], 101, t0)
	answerOn(t, st, ids[1], 102, t0)
	if _, _, err := st.Undo(); err != nil {
		t.Fatal(err)
	}
	days, today, err := Streak(st, 102)
	if err != nil || days != 1 || today {
		t.Errorf("streak = %d (today %v, err %v), want 1 ending yesterday", days, today, err)
	}
}

func TestForecastCountsBacklogIntoTomorrowAndEachDayAfter(t *testing.T) {
	set := utcSettings()
	st, ids := collection(t, 6)
	today := set.Day(t0)
	dues := []time.Time{
		t0.Add(-48 * time.Hour), // overdue: still due tomorrow
		set.DayStart(today + 1), // due at the very start of tomorrow
		set.DayStart(today + 1).Add(9 * time.Hour),
		set.DayStart(today + 2), // the day after
		set.DayStart(today + 4).Add(time.Hour),
		set.DayStart(today + 30), // beyond the window
	}
	for i, due := range dues {
		answerOn(t, st, ids[i], today, due)
	}
	got, err := Forecast(st, set, today, 7, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{3, 1, 0, 1, 0, 0, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("forecast = %v, want %v", got, want)
	}
}

func TestLookCountsNewCardsUpToTheDailyLimit(t *testing.T) {
	set := utcSettings()
	st, ids := collection(t, 5)
	answerOn(t, st, ids[0], set.Day(t0), set.DayStart(set.Day(t0)+1))
	o, err := Look(st, set, t0, 3)
	if err != nil {
		t.Fatal(err)
	}
	if o.NewTomorrow != 3 || o.DueTomorrow != 1 || o.Streak != 1 || !o.ReviewedToday || len(o.Week) != ForecastDays {
		t.Errorf("outlook %+v", o)
	}
	o, _ = Look(st, set, t0, 100)
	if o.NewTomorrow != 4 {
		t.Errorf("with a high limit NewTomorrow = %d, want the 4 new cards left", o.NewTomorrow)
	}
	o, _ = Look(st, set, t0, 0)
	if o.NewTomorrow != 0 {
		t.Errorf("with no new cards per day NewTomorrow = %d", o.NewTomorrow)
	}
}

// A card due in ten minutes (a learning step) comes back today: the
// outlook says so and does not count it for tomorrow.
func TestLookSaysApartWhatComesBackLaterToday(t *testing.T) {
	set := utcSettings()
	st, ids := collection(t, 3)
	today := set.Day(t0)
	answerOn(t, st, ids[0], today, t0.Add(10*time.Minute))
	answerOn(t, st, ids[1], today, set.DayStart(today+1).Add(time.Hour))
	o, err := Look(st, set, t0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.LaterToday != 1 || o.DueTomorrow != 1 || o.Week[0] != 1 {
		t.Errorf("outlook %+v, want 1 later today and 1 tomorrow", o)
	}
	if got := strings.Join(o.Lines(), "\n"); !strings.Contains(got, "Later today: 1 card in learning.\nDue tomorrow: 1.") {
		t.Errorf("lines:\n%s", got)
	}
}

func TestOutlookLinesSayStreakTomorrowAndWeek(t *testing.T) {
	o := &Outlook{Streak: 5, ReviewedToday: true, DueTomorrow: 41, NewTomorrow: 20, Week: []int{41, 12, 8, 20, 5, 0, 9}}
	got := strings.Join(o.Lines(), "\n")
	want := "Streak: 5 days.\nDue tomorrow: 41, up to 20 new.\nNext 7 days: 41 12 8 20 5 0 9"
	if got != want {
		t.Errorf("lines:\n%s\nwant:\n%s", got, want)
	}
	o = &Outlook{Streak: 1, Week: []int{0, 0}}
	got = strings.Join(o.Lines(), "\n")
	if !strings.Contains(got, "Streak: 1 day; review today to keep it.") || !strings.Contains(got, "Due tomorrow: nothing.") {
		t.Errorf("lines for a kept streak and an empty day:\n%s", got)
	}
	for _, l := range (&Outlook{Streak: 12, ReviewedToday: true, DueTomorrow: 140, NewTomorrow: 20, Week: []int{140, 99, 99, 99, 99, 99, 99}}).Lines() {
		if len([]rune(l)) > 40 {
			t.Errorf("line %q is wider than 40 columns", l)
		}
	}
}
