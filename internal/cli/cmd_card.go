package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/sched"
	"recall/internal/store"
	"recall/internal/term"
)

func newCardCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "card show|suspend|unsuspend|bury|reset|delete ID",
		Short: "Show or change one card",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown card action %q; use show, suspend, unsuspend, bury, reset or delete", args[0])
			}
			return usagef("card needs an action: show, suspend, unsuspend, bury, reset or delete")
		},
	}
	var asJSON bool
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show a card, its schedule, its source passage and its history",
		Args:  exactArgs(1, "a card ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return cardShowRun(f, args[0], asJSON)
		},
	}
	show.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.AddCommand(show)

	// change makes a command that sets one thing on a card. fn returns
	// false when the card already is that way; then nothing is written, and
	// same says so.
	change := func(use, short, done, same string, fn func(c *store.Card, now time.Time) bool) *cobra.Command {
		return &cobra.Command{
			Use:   use + " ID",
			Short: short,
			Args:  exactArgs(1, "a card ID"),
			RunE: func(cmd *cobra.Command, args []string) error {
				// The engine (settings) is read before the write transaction,
				// which must not open transactions of its own.
				e, err := f.Engine(false)
				if err != nil {
					return err
				}
				now, err := f.Now()
				if err != nil {
					return err
				}
				var kept *store.Card
				c, err := e.Store.Update(args[0], now, func(c *store.Card) error {
					if !fn(c, now) {
						kept = c
						return errUnchanged
					}
					return nil
				})
				if kept != nil {
					fmt.Fprintf(f.IO.Out, "%s %s: %s\n", term.OneLine(kept.ID), same, shorten(kept.Prompt(), 60))
					return nil
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(f.IO.Out, "%s %s: %s\n", done, term.OneLine(c.ID), shorten(c.Prompt(), 60))
				return nil
			},
		}
	}
	cmd.AddCommand(
		change("suspend", "Keep a card out of reviews until unsuspended", "suspended", "is already suspended", func(c *store.Card, _ time.Time) bool {
			was := c.Suspended
			c.Suspended = true
			return !was
		}),
		change("unsuspend", "Let a suspended card be reviewed again", "unsuspended", "is not suspended", func(c *store.Card, _ time.Time) bool {
			was := c.Suspended
			c.Suspended = false
			return was
		}),
		change("bury", "Hide a card until tomorrow", "buried until tomorrow", "is already buried until tomorrow", func(c *store.Card, now time.Time) bool {
			// The settings were loaded before the write transaction began.
			set := f.engine.Settings()
			until := set.DayStart(set.Day(now) + 1)
			if !c.BuriedUntil.Before(until) {
				return false
			}
			c.BuriedUntil = until
			return true
		}),
		&cobra.Command{
			Use:   "reset ID",
			Short: "Forget a card's progress on purpose (it becomes new)",
			Args:  exactArgs(1, "a card ID"),
			RunE: func(cmd *cobra.Command, args []string) error {
				st, err := f.Store(false)
				if err != nil {
					return err
				}
				now, err := f.Now()
				if err != nil {
					return err
				}
				c, err := st.Reset(args[0], now)
				if err != nil {
					return err
				}
				fmt.Fprintf(f.IO.Out, "reset %s: it is new again (its history stays in the log)\n", term.OneLine(c.ID))
				return nil
			},
		},
		&cobra.Command{
			Use:   "delete ID",
			Short: "Delete a card (a backup is made first)",
			Args:  exactArgs(1, "a card ID"),
			RunE: func(cmd *cobra.Command, args []string) error {
				st, err := f.Store(false)
				if err != nil {
					return err
				}
				if _, err := st.ResolveID(args[0]); err != nil {
					return err
				}
				if _, err := st.Backup("delete"); err != nil {
					return err
				}
				c, err := st.Delete(args[0])
				if err != nil {
					return err
				}
				fmt.Fprintf(f.IO.Out, "deleted %s: %s\n", term.OneLine(c.ID), shorten(c.Prompt(), 60))
				return nil
			},
		},
	)
	return cmd
}

// errUnchanged ends a card change that has nothing to change, so that no
// write is made.
var errUnchanged = errors.New("unchanged")

func cardShowRun(f *Factory, id string, asJSON bool) error {
	e, err := f.Engine(true)
	if err != nil {
		return err
	}
	c, err := e.Store.Card(id)
	if err != nil {
		return err
	}
	if asJSON {
		return f.writeJSON(toCardJSON(c))
	}
	now, err := f.Now()
	if err != nil {
		return err
	}
	w := f.IO.Out
	fmt.Fprintf(w, "id:         %s\n", term.OneLine(c.ID))
	fmt.Fprintf(w, "deck:       %s\n", term.OneLine(c.Deck))
	fmt.Fprintf(w, "type:       %s\n", c.Type)
	fmt.Fprintf(w, "front:      %s\n", term.IndentRest(term.Sanitize(c.Prompt()), "            "))
	fmt.Fprintf(w, "back:       %s\n", term.IndentRest(term.Sanitize(c.Answer()), "            "))
	if len(c.Wrong) > 0 {
		fmt.Fprintf(w, "wrong:      %s\n", term.OneLine(strings.Join(c.Wrong, " | ")))
	}
	if len(c.Tags) > 0 {
		fmt.Fprintf(w, "tags:       %s\n", term.OneLine(strings.Join(c.Tags, " ")))
	}
	state := c.Sched.State.String()
	if c.Suspended {
		state += " (suspended)"
	}
	if c.BuriedUntil.After(now) {
		state += " (buried)"
	}
	fmt.Fprintf(w, "state:      %s\n", state)
	if c.Sched.State != sched.New {
		due := c.Available()
		when := "in " + sched.FormatInterval(due.Sub(now))
		if due.Before(now) {
			when = "overdue by " + sched.FormatInterval(now.Sub(due))
		}
		fmt.Fprintf(w, "due:        %s (%s)\n", due.In(time.Local).Format("2006-01-02 15:04"), when)
		fmt.Fprintf(w, "memory:     stability %.2f d, difficulty %.2f, recall now %.0f%%\n",
			c.Sched.Stability, c.Sched.Difficulty, 100*e.Retrievability(c, now))
		fmt.Fprintf(w, "reviews:    %d, lapses %d\n", c.Sched.Reps, c.Sched.Lapses)
	}
	if c.Source != nil {
		fmt.Fprintf(w, "source:     %s:%d-%d\n", term.OneLine(c.Source.File), c.Source.Start, c.Source.End)
		if c.Source.Text != "" {
			for _, l := range strings.Split(term.Wrap(term.Sanitize(c.Source.Text), 72), "\n") {
				fmt.Fprintf(w, "  > %s\n", l)
			}
		}
	}
	revs, err := e.Store.CardReviews(c.Num)
	if err != nil {
		return err
	}
	if len(revs) > 0 {
		fmt.Fprintln(w, "history:")
		for _, r := range revs {
			if r.Rating == 0 {
				fmt.Fprintf(w, "  %s  reset\n", r.Time.In(time.Local).Format("2006-01-02 15:04"))
				continue
			}
			fmt.Fprintf(w, "  %s  %-5s  from %-10s  next %s\n", r.Time.In(time.Local).Format("2006-01-02 15:04"),
				r.Rating, r.Before, intervalText(r.Interval))
		}
	}
	return nil
}

func intervalText(days int) string {
	if days == 0 {
		return "step"
	}
	return term.Plural(days, "day")
}
