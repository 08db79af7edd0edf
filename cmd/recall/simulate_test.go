package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// simulate START DAYS RATING plays DAYS days of reviews with the recall
// binary: every day, from START's time of day on, it answers every card
// `recall due --json` lists with RATING, and asks again every 15 minutes
// until nothing is due, so that learning steps come back within the day.
// It prints one line a day and a summary that the script checks: the most
// new cards in a day, how many cards reached review, and how many had an
// interval that failed to grow.
func simulate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: simulate START DAYS RATING")
	}
	start, err := time.Parse(time.RFC3339, args[0])
	ts.Check(err)
	days, err := strconv.Atoi(args[1])
	ts.Check(err)
	rating := args[2]

	recall := func(at time.Time, v any, args ...string) {
		ts.Check(ts.Exec("recall", append([]string{"--now", at.Format(time.RFC3339)}, args...)...))
		if err := json.Unmarshal([]byte(ts.ReadFile("stdout")), v); err != nil {
			ts.Fatalf("recall %v: %v", args, err)
		}
	}
	// Everything is printed at the end: each run of recall replaces stdout.
	var out strings.Builder
	intervals := map[string][]int{}
	maxNew := 0
	for day := range days {
		at := start.AddDate(0, 0, day)
		newToday, answered := 0, 0
		for {
			var due []struct{ ID, State string }
			recall(at, &due, "due", "--json")
			if len(due) == 0 {
				break
			}
			for _, c := range due {
				if c.State == "new" {
					newToday++
				}
				var a struct {
					State        string
					IntervalDays int `json:"interval_days"`
				}
				recall(at, &a, "answer", c.ID, rating, "--json")
				if a.State == "review" {
					intervals[c.ID] = append(intervals[c.ID], a.IntervalDays)
				}
				answered++
			}
			at = at.Add(15 * time.Minute)
		}
		maxNew = max(maxNew, newToday)
		fmt.Fprintf(&out, "day %d: %d answers, %d new\n", day+1, answered, newToday)
	}
	notGrowing, longest := 0, 0
	for _, iv := range intervals {
		for i := 1; i < len(iv); i++ {
			if iv[i] <= iv[i-1] {
				notGrowing++
				ts.Logf("intervals that did not grow: %v", iv)
				break
			}
		}
		longest = max(longest, slices.Max(iv))
	}
	fmt.Fprintf(&out, "most new cards in a day: %d\n", maxNew)
	fmt.Fprintf(&out, "cards in review: %d\n", len(intervals))
	fmt.Fprintf(&out, "cards whose interval did not grow: %d\n", notGrowing)
	fmt.Fprintf(&out, "longest interval: %d days\n", longest)
	fmt.Fprint(ts.Stdout(), out.String())
}
