package stats

import (
	"fmt"
	"strings"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
	"recall/internal/term"
)

// Source is what the session outlook reads from the collection;
// *store.Store provides it.
type Source interface {
	DayCounter
	// DueEntries calls fn for due-index entries available at or before t,
	// earliest first, until fn returns false.
	DueEntries(t time.Time, fn func(store.Entry) bool) error
	// NewEntries calls fn for new-index entries until it returns false.
	NewEntries(fn func(store.Entry) bool) error
}

// ForecastDays is how many days the outlook looks ahead.
const ForecastDays = 7

// Forecast counts the cards (learning and review) due on each of the n days
// after today, of the decks keepDeck accepts (nil: all): out[0] is
// everything due by the end of tomorrow, including what is left over from
// today, since it will be due tomorrow too; out[i] for i > 0 is what comes
// due during day today+1+i. It reads the due index once, without decoding
// a card.
func Forecast(src Source, set sched.Settings, today, n int, keepDeck func(string) bool) ([]int, error) {
	out := make([]int, n)
	// Review cards fall due at the very start of a day: stop a millisecond
	// short of the day after the last one.
	end := set.DayStart(today + 1 + n).Add(-time.Millisecond)
	err := src.DueEntries(end, func(en store.Entry) bool {
		if keepDeck == nil || keepDeck(en.Deck) {
			out[max(0, set.Day(en.Available)-today-1)]++
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("count due cards: %w", err)
	}
	return out, nil
}

// Outlook is what the end of a session says about the days ahead.
type Outlook struct {
	// Streak is the run of days with answers ending today (or yesterday,
	// when ReviewedToday is false).
	Streak        int
	ReviewedToday bool
	// LaterToday counts the cards due later today (learning steps);
	// DueTomorrow every other card due by the end of tomorrow, including
	// what is left over from today; NewTomorrow how many new cards
	// tomorrow can bring, up to the daily limit.
	LaterToday  int
	DueTomorrow int
	NewTomorrow int
	// Week holds the Forecast from tomorrow on.
	Week []int
}

// Look computes the outlook at now with the collection's settings and
// daily new-card limit.
func Look(src Source, set sched.Settings, now time.Time, newPerDay int) (*Outlook, error) {
	today := set.Day(now)
	o := &Outlook{}
	var err error
	if o.Streak, o.ReviewedToday, err = Streak(src, today); err != nil {
		return nil, err
	}
	if o.Week, err = Forecast(src, set, today, ForecastDays, nil); err != nil {
		return nil, err
	}
	// Cards due later today are counted in the first day of the forecast,
	// but they come back today: say so apart.
	err = src.DueEntries(set.DayStart(today+1).Add(-time.Millisecond), func(en store.Entry) bool {
		if en.Available.After(now) {
			o.LaterToday++
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("count cards due later today: %w", err)
	}
	o.Week[0] -= o.LaterToday
	o.DueTomorrow = o.Week[0]
	if newPerDay > 0 {
		tomorrow := set.DayStart(today + 1)
		err = src.NewEntries(func(en store.Entry) bool {
			if !en.Buried.After(tomorrow) {
				o.NewTomorrow++
			}
			return o.NewTomorrow < newPerDay
		})
		if err != nil {
			return nil, fmt.Errorf("count new cards: %w", err)
		}
	}
	return o, nil
}

// Lines is the outlook as short sentences, each under 40 columns for the
// usual figures.
func (o *Outlook) Lines() []string {
	var out []string
	switch {
	case o.Streak > 0 && o.ReviewedToday:
		out = append(out, fmt.Sprintf("Streak: %s.", term.Plural(o.Streak, "day")))
	case o.Streak > 0:
		out = append(out, fmt.Sprintf("Streak: %s; review today to keep it.", term.Plural(o.Streak, "day")))
	}
	if o.LaterToday > 0 {
		out = append(out, fmt.Sprintf("Later today: %s in learning.", term.Plural(o.LaterToday, "card")))
	}
	tomorrow := "Due tomorrow: nothing"
	if o.DueTomorrow > 0 {
		tomorrow = fmt.Sprintf("Due tomorrow: %d", o.DueTomorrow)
	}
	if o.NewTomorrow > 0 {
		tomorrow += fmt.Sprintf(", up to %d new", o.NewTomorrow)
	}
	out = append(out, tomorrow+".")
	if len(o.Week) > 1 {
		nums := make([]string, len(o.Week))
		for i, n := range o.Week {
			nums[i] = fmt.Sprint(n)
		}
		out = append(out, fmt.Sprintf("Next %d days: %s", len(o.Week), strings.Join(nums, " ")))
	}
	return out
}
