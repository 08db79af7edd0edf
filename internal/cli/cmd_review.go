package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"sync/atomic"
	"time"

	"github.com/kballard/go-shellquote"
	"github.com/spf13/cobra"

	"recall/internal/review"
	"recall/internal/stats"
)

func init() { extraCommands = append(extraCommands, newReviewCmd) }

// reviewOptions are the flags of `recall review`; a limit below 0 means the
// daily limit from the settings.
type reviewOptions struct {
	Decks       []string
	Tag         string
	NewLimit    int
	ReviewLimit int
	Limit       int
	Minutes     float64
	// Intro is shown above the first card.
	Intro string
}

func newReviewCmd(f *Factory) *cobra.Command {
	opts := &reviewOptions{}
	cmd := &cobra.Command{
		Use:   "review [DECK...]",
		Short: "Review today's cards in the terminal",
		Long: `Review the cards due today, one at a time: read the front, press space to see
the answer, then grade it with 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy);
space or enter takes Good, or the grade suggested after a typed answer or a
choice. Each answer is saved at once, so q or Ctrl-C never loses work.

Keys at any card: u undo the last answer, s suspend, b bury until tomorrow,
e edit in $EDITOR, o show the source passage, ? help, q quit.

The cards, prompts and hints go to stderr; stdout gets only the summary at
the end. Without a terminal, use 'recall due' and 'recall answer' instead.`,
		Example: `  recall review
  recall review Geography --new 5
  recall review --minutes 10 --tag verbs`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Decks = args
			if opts.NewLimit < 0 {
				return usagef("--new must be 0 or more")
			}
			if !cmd.Flags().Changed("new") {
				opts.NewLimit = -1
			}
			opts.ReviewLimit = -1
			return reviewRun(f, opts)
		},
	}
	cmd.Flags().IntVar(&opts.NewLimit, "new", 0, "show at most `N` new cards (default: what is left of new_per_day)")
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "show at most `N` cards in all (0: no limit)")
	cmd.Flags().Float64Var(&opts.Minutes, "minutes", 0, "stop after `M` minutes (the card on screen is finished first)")
	cmd.Flags().StringVar(&opts.Tag, "tag", "", "only cards with tag `T`")
	return cmd
}

// errNeedsTerminal explains what to do instead of an interactive review.
var errNeedsTerminal = errors.New("recall review needs a terminal: it shows cards and reads single keys. " +
	"In a script, list the due cards with `recall due` (or `recall due --json`) and grade each with `recall answer CARD RATING`")

func reviewRun(f *Factory, opts *reviewOptions) error {
	switch {
	case opts.Limit < 0:
		return usagef("--limit must be 0 or more")
	case opts.Minutes < 0:
		return usagef("--minutes must be 0 or more")
	}
	// Never hand the prompt library a pipe: it would print escape codes
	// into it and fail at the first key.
	if !f.IO.CanPrompt() {
		return errNeedsTerminal
	}
	e, err := f.Engine(false)
	if err != nil {
		return err
	}
	if err := e.CheckDecks(opts.Decks); err != nil {
		return err
	}
	if _, err := f.Now(); err != nil {
		return err
	}
	scr := screenOf(f)
	// The session's own handler is in place before Run's stands aside.
	ctx, editing, stop := interruptContext()
	f.OwnInterrupt()
	defer stop()
	s := &review.Session{
		Engine: e,
		Prompt: f.Prompter(),
		Out:    f.IO.ErrOut,
		Now: func() time.Time {
			t, _ := f.Now()
			return t
		},
		Editor: editorFunc(editing),
		Intro:  opts.Intro,
		Queue: review.QueueOptions{Filter: review.Filter{Decks: opts.Decks, Tag: opts.Tag},
			NewLimit: opts.NewLimit, ReviewLimit: opts.ReviewLimit, Limit: opts.Limit},
		TimeBox: time.Duration(opts.Minutes * float64(time.Minute)),
		Width:   scr.width,
		Height:  scr.height,
		Size:    scr.size,
		Color:   scr.color,
		Clear:   scr.clear,
		Ctx:     ctx,
	}
	sum, runErr := s.Run()
	if sum != nil && sum.WantsQuiz && runErr == nil {
		return quizRun(ctx, f, &quizOptions{Decks: opts.Decks, Tag: opts.Tag, N: 10, Mode: "mixed"})
	}
	if sum != nil {
		if err := printSummary(f, e, sum); err != nil && runErr == nil {
			runErr = err
		}
	}
	return runErr
}

// screen is how the session may draw on stderr.
type screen struct {
	width, height int
	color, clear  bool
	// size measures the terminal again (nil when prompts cannot be shown).
	size func() (int, int)
}

// screenOf measures the terminal the prompts go to (stderr), which is not
// necessarily where stdout goes; colour follows NO_COLOR and TERM=dumb as
// for the other commands.
func screenOf(f *Factory) screen {
	s := screen{}
	s.width, s.height = f.IO.ErrSize()
	s.color = f.IO.CanPrompt() && f.IO.ErrColor()
	s.clear = f.IO.CanPrompt() && !f.IO.Dumb()
	if f.IO.CanPrompt() {
		s.size = f.IO.ErrSize
	}
	return s
}

// interruptContext is cancelled by an interrupt that arrives outside a
// prompt (prompts read Ctrl-C as a key), except while the editor runs,
// since Ctrl-C inside an editor belongs to the editor.
func interruptContext() (context.Context, *atomic.Bool, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	editing := &atomic.Bool{}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	go func() {
		for {
			select {
			case <-sig:
				if !editing.Load() {
					cancel()
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return ctx, editing, func() {
		signal.Stop(sig)
		cancel()
	}
}

// editorFunc runs $VISUAL or $EDITOR (vi when neither is set) on a file,
// on the terminal the prompts use.
func editorFunc(editing *atomic.Bool) func(string) error {
	return func(path string) error {
		line := os.Getenv("VISUAL")
		if line == "" {
			line = os.Getenv("EDITOR")
		}
		if line == "" {
			line = "vi"
		}
		args, err := shellquote.Split(line)
		if err != nil || len(args) == 0 {
			return fmt.Errorf("cannot read the editor command %q: %v", line, err)
		}
		cmd := exec.Command(args[0], append(args[1:], path)...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stderr, os.Stderr
		editing.Store(true)
		defer editing.Store(false)
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		return nil
	}
}

// printSummary writes the session's figures and the outlook to stdout.
func printSummary(f *Factory, e *review.Engine, sum *review.Summary) error {
	if sum.End == review.EndEmpty {
		return nil // nothing was or will be due; the session said what to do
	}
	now, err := f.Now()
	if err != nil {
		return err
	}
	lines := sum.Lines()
	o, err := stats.Look(e.Store, e.Settings(), now, e.Config.Int("new_per_day", nil))
	if err != nil {
		return err
	}
	lines = append(lines, o.Lines()...)
	for _, l := range lines {
		fmt.Fprintln(f.IO.Out, l)
	}
	return nil
}
