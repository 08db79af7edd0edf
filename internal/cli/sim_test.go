package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"recall/internal/term"
)

// run executes one recall command line in-process and returns stdout.
func run(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, term.Test(strings.NewReader(""), &out, &errOut, false))
	if code != 0 {
		t.Fatalf("recall %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

func writeDeck(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\ndeck: Sim\n---\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Q: Question %d?\nA: Answer %d\n\n", i, i)
	}
	p := filepath.Join(dir, "sim.md")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSixtySimulatedDaysGrowIntervalsAndKeepLimits answers every due card
// Good each day for 60 days and checks the daily new-card limit holds and
// that intervals grow.
func TestSixtySimulatedDaysGrowIntervalsAndKeepLimits(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	deckFile := writeDeck(t, dir, 30)
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	base := []string{"--db", db}
	run(t, append(base, "import", deckFile)...)
	run(t, append(base, "config", "new_per_day", "5")...)
	run(t, append(base, "config", "fuzz", "off")...)
	intervals := map[string][]int{}
	for day := 0; day < 60; day++ {
		now := start.AddDate(0, 0, day)
		newToday := 0
		// Learning cards come back after their steps: answer through the day.
		for step := 0; step < 6; step++ {
			at := now.Add(time.Duration(step) * 15 * time.Minute).Format(time.RFC3339)
			var due []cardJSON
			if err := json.Unmarshal([]byte(run(t, append(base, "--now", at, "due", "--json")...)), &due); err != nil {
				t.Fatal(err)
			}
			for _, c := range due {
				if c.State == "new" {
					newToday++
				}
				var a answerJSON
				if err := json.Unmarshal([]byte(run(t, append(base, "--now", at, "answer", c.ID, "good", "--json")...)), &a); err != nil {
					t.Fatal(err)
				}
				if a.State == "review" {
					intervals[c.ID] = append(intervals[c.ID], a.IntervalDays)
				}
			}
		}
		if newToday > 5 {
			t.Fatalf("day %d introduced %d new cards, limit 5", day, newToday)
		}
	}
	if len(intervals) != 30 {
		t.Fatalf("%d cards graduated in 60 days, want all 30", len(intervals))
	}
	for id, iv := range intervals {
		for i := 1; i < len(iv); i++ {
			if iv[i] <= iv[i-1] {
				t.Errorf("card %s: intervals did not grow on Good: %v", id, iv)
				break
			}
		}
		if len(iv) < 3 {
			t.Errorf("card %s reviewed only %d times in review state: %v", id, len(iv), iv)
		}
	}
}
