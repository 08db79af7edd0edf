package cli

import (
	"fmt"
	"recall/internal/term"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/review"
	"recall/internal/sched"
)

type dueOptions struct {
	Decks []string
	Tag   string
	Limit int
	Count bool
	JSON  bool
}

func newDueCmd(f *Factory) *cobra.Command {
	opts := &dueOptions{}
	cmd := &cobra.Command{
		Use:   "due [DECK...]",
		Short: "List the cards due now, in session order",
		Long: `List the cards today's review would show now, in the order it would show them:
learning and review cards due now, and new cards up to today's limit. Use it
with 'recall answer' to review from scripts.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Decks = args
			return dueRun(f, opts)
		},
	}
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "show at most `N` cards")
	cmd.Flags().BoolVar(&opts.Count, "count", false, "print only the number of due cards")
	cmd.Flags().StringVar(&opts.Tag, "tag", "", "only cards with tag `T`")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func dueRun(f *Factory, opts *dueOptions) error {
	if opts.Limit < 0 {
		return usagef("--limit must be 0 or more")
	}
	e, err := f.Engine(true)
	if err != nil {
		return err
	}
	if err := e.CheckDecks(opts.Decks); err != nil {
		return err
	}
	now, err := f.Now()
	if err != nil {
		return err
	}
	q, err := e.BuildQueue(now, review.QueueOptions{Filter: review.Filter{Decks: opts.Decks, Tag: opts.Tag},
		NewLimit: -1, ReviewLimit: -1, Limit: opts.Limit, CountOnly: opts.Count})
	if err != nil {
		return err
	}
	if opts.Count {
		if opts.JSON {
			return f.writeJSON(map[string]int{"due": q.Total, "new": q.New, "learning": q.Learning, "review": q.Review})
		}
		fmt.Fprintln(f.IO.Out, q.Total)
		return nil
	}
	if opts.JSON {
		out := make([]cardJSON, 0, len(q.Cards))
		for _, c := range q.Cards {
			out = append(out, toCardJSON(c))
		}
		return f.writeJSON(out)
	}
	if len(q.Cards) == 0 {
		return nothingDue(f, e, now)
	}
	printCardRows(f, q.Cards)
	f.hint("%s due (%d new, %d learning, %d review). Answer with `recall answer ID again|hard|good|easy`.",
		term.Plural(len(q.Cards), "card"), q.New, q.Learning, q.Review)
	return nil
}

// nothingDue says when the next card comes due.
func nothingDue(f *Factory, e *review.Engine, now time.Time) error {
	next, err := e.Store.NextDue()
	if err != nil {
		return err
	}
	if next.IsZero() {
		f.hint("Nothing is due. Add cards with `recall import` or `recall generate`, or take a quiz with `recall quiz`.")
		return nil
	}
	f.hint("Nothing is due now; the next card is due in %s (%s). Take a quiz meanwhile with `recall quiz`.",
		sched.FormatInterval(next.Sub(now)), next.In(time.Local).Format("Mon 2 Jan 15:04"))
	return nil
}
