package cli

import (
	"errors"
	"fmt"
	"math"
	"recall/internal/term"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/sched"
	"recall/internal/store"
)

type answerJSON struct {
	ID           string    `json:"id"`
	Rating       string    `json:"rating"`
	State        string    `json:"state"`
	Due          time.Time `json:"due"`
	IntervalDays int       `json:"interval_days"`
	Stability    float64   `json:"stability"`
	Difficulty   float64   `json:"difficulty"`
}

func newAnswerCmd(f *Factory) *cobra.Command {
	var asJSON bool
	var tookFlag string
	cmd := &cobra.Command{
		Use:   "answer CARD RATING",
		Short: "Grade a card without a prompt (RATING: again|hard|good|easy or 1-4)",
		Args:  exactArgs(2, "a card ID and a rating (again, hard, good, easy or 1-4)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			rating, err := sched.ParseRating(args[1])
			if err != nil {
				return usageError{err}
			}
			took, err := parseTook(tookFlag)
			if err != nil {
				return err
			}
			return answerRun(f, args[0], rating, took, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&tookFlag, "took", "", "`TIME` answering took, recorded in the review log (e.g. 8s, 1m30s; a bare number is seconds)")
	return cmd
}

// parseTook reads --took: a Go duration or a bare number of seconds, from
// zero to a day (longer is no answer time but a pause).
func parseTook(v string) (time.Duration, error) {
	if v == "" {
		return 0, nil
	}
	d, ok := parseDuration(v, time.Second)
	if !ok {
		return 0, usagef("--took: %q is not a duration; use e.g. 8s, 1m30s or a number of seconds", v)
	}
	if d < 0 || d > 24*time.Hour {
		return 0, usagef("--took: %s is out of range; give 0s to 24h", v)
	}
	return d, nil
}

// parseDuration reads a Go duration ("1m30s") or a bare number of units.
func parseDuration(v string, unit time.Duration) (time.Duration, bool) {
	if d, err := time.ParseDuration(v); err == nil {
		return d, true
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) > float64(math.MaxInt64/int64(unit)) {
		return 0, false
	}
	return time.Duration(n * float64(unit)), true
}

func answerRun(f *Factory, id string, rating sched.Rating, took time.Duration, asJSON bool) error {
	e, err := f.Engine(false)
	if err != nil {
		return err
	}
	now, err := f.Now()
	if err != nil {
		return err
	}
	res, err := e.Answer(id, rating, now, took)
	if err != nil {
		return err
	}
	c := res.Card
	if asJSON {
		return f.writeJSON(answerJSON{ID: c.ID, Rating: rating.String(), State: c.Sched.State.String(),
			Due: c.Sched.Due.Truncate(time.Millisecond), IntervalDays: c.Sched.Interval, Stability: c.Sched.Stability, Difficulty: c.Sched.Difficulty})
	}
	fmt.Fprintf(f.IO.Out, "%s %s → %s, due %s (in %s)\n", term.OneLine(c.ID), rating, c.Sched.State,
		c.Sched.Due.In(time.Local).Format("2006-01-02 15:04"), sched.FormatInterval(c.Sched.Due.Sub(now)))
	switch {
	case res.Leech:
		f.hint("This card has lapsed %d times: it is tagged %q and suspended. Rewrite it, then `recall card unsuspend %s`.",
			c.Sched.Lapses, "leech", c.ID)
	case c.Suspended:
		f.hint("%s is suspended: the answer is kept, but the card stays out of reviews until `recall card unsuspend %s`.",
			term.OneLine(c.ID), term.OneLine(c.ID))
	}
	return nil
}

func newUndoCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "undo",
		Short: "Take back the last answer (repeatable)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := f.Store(false)
			if err != nil {
				return err
			}
			c, rev, err := st.Undo()
			if err != nil {
				if errors.Is(err, store.ErrNothingToUndo) {
					return fmt.Errorf("nothing to undo")
				}
				return err
			}
			what := fmt.Sprintf("took back %s on %s (%s)", rev.Rating, term.OneLine(c.ID), shorten(c.Prompt(), 50))
			if _, err := st.Card(c.ID); errors.Is(err, store.ErrNotFound) {
				// The answer leaves today's counts; the card stays deleted.
				fmt.Fprintf(f.IO.Out, "%s; the card was deleted since and stays deleted\n", what)
				return nil
			}
			fmt.Fprintf(f.IO.Out, "%s; it is %s again\n", what, c.Sched.State)
			return nil
		},
	}
}
