package cli

import (
	"errors"
	"fmt"
	"recall/internal/term"
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
	var took time.Duration
	cmd := &cobra.Command{
		Use:   "answer CARD RATING",
		Short: "Grade a card without a prompt (RATING: again|hard|good|easy or 1-4)",
		Args:  exactArgs(2, "a card ID and a rating (again, hard, good, easy or 1-4)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			rating, err := sched.ParseRating(args[1])
			if err != nil {
				return usageError{err}
			}
			if took < 0 {
				return usagef("--took must not be negative")
			}
			return answerRun(f, args[0], rating, took, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().DurationVar(&took, "took", 0, "how long answering took (recorded in the review log)")
	return cmd
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
	if res.Leech {
		f.hint("This card has lapsed %d times: it is tagged %q and suspended. Rewrite it, then `recall card unsuspend %s`.",
			c.Sched.Lapses, "leech", c.ID)
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
