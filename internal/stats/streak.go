package stats

import (
	"fmt"

	"recall/internal/store"
)

// DayCounter is the part of the store the streak reads: the answers counted
// on one scheduling day, per deck.
type DayCounter interface {
	DayCounts(day int) (map[string]store.DayCount, error)
}

// maxStreak bounds the walk back in time (more than 27 years).
const maxStreak = 10000

// Streak counts the consecutive days with at least one answer that end
// today. A day without an answer yet today does not break the streak until
// it is over: the run ending yesterday is counted then, and reviewedToday
// is false.
func Streak(src DayCounter, today int) (days int, reviewedToday bool, err error) {
	answered := func(day int) (bool, error) {
		counts, err := src.DayCounts(day)
		if err != nil {
			return false, fmt.Errorf("read the answers of day %d: %w", day, err)
		}
		for _, c := range counts {
			if c.New+c.Learning+c.Review > 0 {
				return true, nil
			}
		}
		return false, nil
	}
	reviewedToday, err = answered(today)
	if err != nil {
		return 0, false, err
	}
	day := today
	if reviewedToday {
		days = 1
	}
	for days < maxStreak {
		day--
		ok, err := answered(day)
		if err != nil {
			return 0, false, err
		}
		if !ok {
			break
		}
		days++
	}
	return days, reviewedToday, nil
}
