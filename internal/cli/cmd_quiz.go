package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/deck"
	"recall/internal/prompt"
	"recall/internal/quiz"
	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
	"recall/internal/term"
)

func init() { extraCommands = append(extraCommands, newQuizCmd) }

// quizOptions are the flags of `recall quiz`.
type quizOptions struct {
	Decks   []string
	N       int
	Mode    string
	Tag     string
	Seed    uint64
	SeedSet bool
	// NSet is true when -n was given: only then is a shorter quiz worth a
	// word.
	NSet      bool
	TimeLimit time.Duration
	Weak      bool
	Schedule  bool
	Accents   bool
	JSON      bool
	Answers   string

	// now is the clock; nil means f.Now. Tests inject one to run out the
	// time limit without waiting.
	now func() time.Time
}

func newQuizCmd(f *Factory) *cobra.Command {
	opts := &quizOptions{}
	var limit string
	cmd := &cobra.Command{
		Use:   "quiz [DECK...]",
		Short: "Take a quiz: multiple choice, typed, true/false or cloze questions",
		Long: `Ask questions made from your cards and score the answers. A quiz does not
change the cards' schedule unless --schedule says so; its result is kept and
'recall quiz history' lists past results per deck.

In a terminal: press the option's number for multiple choice, t or f for
true/false, and type the answer (Enter) for typed and cloze questions. Each
answer is judged at once. Ctrl-C stops the quiz; what was answered is still
scored and kept.

Without a terminal, --json prints the questions with their options and
answers, and --answers FILE scores a file of answers, one a line in question
order (for multiple choice the option's text or its number, for true/false
true or false); --json with --answers prints the result as JSON.

The same --seed with the same cards and flags gives the same quiz; without
it a seed is picked and shown at the end, so a quiz can be taken again.

A deck called "history" is named after --, as in 'recall quiz -n 5 -- history',
since 'recall quiz history' lists past results.`,
		Example: `  recall quiz
  recall quiz Geography -n 20 --mode mc
  recall quiz --weak --schedule --time-limit 5m
  recall quiz Geography --seed 42 --json > questions.json
  recall quiz Geography --seed 42 --answers answers.txt`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Decks = args
			opts.SeedSet = cmd.Flags().Changed("seed")
			opts.NSet = cmd.Flags().Changed("number")
			if limit != "" {
				d, err := parseTimeLimit(limit)
				if err != nil {
					return err
				}
				opts.TimeLimit = d
			}
			return quizRun(cmd.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVarP(&opts.N, "number", "n", 10, "ask `N` questions")
	fl.StringVar(&opts.Mode, "mode", "mixed", "ask questions of kind `KIND`: mc, typed, tf, cloze or mixed")
	fl.StringVar(&opts.Tag, "tag", "", "only cards with tag `T`")
	fl.Uint64Var(&opts.Seed, "seed", 0, "seed `S` of the quiz: the same seed gives the same quiz")
	fl.StringVar(&limit, "time-limit", "", "`TIME` for the whole quiz, e.g. 5m or 90s (a bare number is minutes)")
	fl.BoolVar(&opts.Weak, "weak", false, "prefer cards you are likely to have forgotten or that lapsed often")
	fl.BoolVar(&opts.Schedule, "schedule", false, "record each answer as a review: right as Good, wrong as Again")
	fl.BoolVar(&opts.Accents, "accents", false, "ignore accents when checking typed answers")
	fl.BoolVar(&opts.JSON, "json", false, "print the questions (or, with --answers, the result) as JSON; never prompts")
	fl.StringVar(&opts.Answers, "answers", "", "score the answers in `FILE` (one a line; - for stdin) instead of asking")
	cmd.AddCommand(newQuizHistoryCmd(f))
	return cmd
}

// parseTimeLimit reads a Go duration ("5m", "1m30s") or a bare number of
// minutes.
func parseTimeLimit(v string) (time.Duration, error) {
	d, ok := parseDuration(v, time.Minute)
	if !ok {
		return 0, usagef("--time-limit: %q is not a duration; use e.g. 5m, 90s or 1m30s", v)
	}
	if d <= 0 {
		return 0, usagef("--time-limit must be more than 0")
	}
	return d, nil
}

// errQuizNeedsTerminal explains what to do instead of an interactive quiz.
// It is a usage error (exit 2): the command line lacks what a script needs,
// and adding --json or --answers fixes it.
var errQuizNeedsTerminal = usagef("a quiz needs a terminal to ask its questions. In a script, print them with " +
	"`recall quiz --json --seed S`, then score a file of answers (one a line) with " +
	"`recall quiz --seed S --answers FILE`; see `recall quiz --help`")

// quizTaking is what every way of taking a quiz shares: the questions, how
// they were made, and the collection that keeps the result.
type quizTaking struct {
	f      *Factory
	opts   *quizOptions
	engine *review.Engine
	now    func() time.Time
	mode   quiz.Mode
	seed   uint64
	qs     []quiz.Question
}

// quizRun checks the flags, reads the cards, builds the quiz and takes it
// the way the flags say: scored from a file, printed as JSON, or asked in
// the terminal.
func quizRun(ctx context.Context, f *Factory, opts *quizOptions) error {
	mode, err := quiz.ParseMode(opts.Mode)
	if err != nil {
		return usagef("--mode: %v", strings.TrimPrefix(err.Error(), "quiz: "))
	}
	scripted := opts.JSON || opts.Answers != ""
	switch {
	case opts.N < 1:
		return usagef("-n must be 1 or more")
	case opts.TimeLimit < 0:
		return usagef("--time-limit must be more than 0")
	case opts.TimeLimit > 0 && scripted:
		return usagef("--time-limit is for a quiz in a terminal; it does not apply with --json or --answers")
	case opts.Schedule && opts.JSON && opts.Answers == "":
		return usagef("--schedule needs answers: use it with --answers, or in a terminal")
	case !scripted && !f.IO.CanPrompt():
		return errQuizNeedsTerminal
	}
	if _, err := f.Now(); err != nil {
		return err
	}
	r := &quizTaking{f: f, opts: opts, now: opts.now, mode: mode, seed: opts.Seed}
	if r.now == nil {
		r.now = func() time.Time { t, _ := f.Now(); return t }
	}
	if !opts.SeedSet {
		// A short number, easy to retype; repeats between quizzes do no harm.
		r.seed = uint64(time.Now().UnixNano()) % 1_000_000
	}
	// Printing the questions only reads; everything else keeps a result.
	if r.engine, err = f.Engine(opts.JSON && opts.Answers == ""); err != nil {
		return err
	}
	cards, weakness, err := quizCards(r.engine, opts, r.now())
	if err != nil {
		return err
	}
	r.qs, err = quiz.Build(cards, quiz.Options{N: opts.N, Mode: mode, Weak: opts.Weak,
		Rand: rand.New(rand.NewPCG(r.seed, 0)), Weakness: weakness})
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "quiz: ")
		if mode != quiz.ModeMixed {
			msg += "; try another --mode"
		}
		return fmt.Errorf("cannot make a quiz: %s", msg)
	}
	if len(r.qs) < opts.N && opts.NSet {
		f.hint("Only %s: the selected cards allow no more.", term.Plural(len(r.qs), "question"))
	}
	switch {
	case opts.Answers != "":
		return r.scoreFile()
	case opts.JSON:
		return r.printQuestions()
	}
	f.OwnInterrupt()
	return r.interactive(ctx)
}

// quizCards reads the cards the quiz may ask: those of the named decks
// (all when none; a deck includes its sub-decks) with the tag, suspended
// ones left out. With --weak it also rates each card's weakness. An empty
// selection is an error that says why and what to do.
func quizCards(e *review.Engine, opts *quizOptions, now time.Time) ([]deck.Card, func(string) float64, error) {
	inDecks := review.Filter{Decks: opts.Decks}
	seen := make([]bool, len(opts.Decks))
	// Pointers first, copied once into a slice of the right size: growing
	// a slice of whole cards would copy 100,000 of them several times over.
	var picked []*store.Card
	var weak map[string]float64
	if opts.Weak {
		weak = map[string]float64{}
	}
	total, selected, tagged := 0, 0, 0
	err := e.Store.EachCard(func(c *store.Card) error {
		total++
		if !inDecks.Match(c) {
			return nil
		}
		for i, d := range opts.Decks {
			seen[i] = seen[i] || review.Filter{Decks: []string{d}}.MatchDeck(c.Deck)
		}
		selected++
		if opts.Tag != "" && !slices.Contains(c.Tags, opts.Tag) {
			return nil
		}
		tagged++
		if c.Suspended {
			return nil
		}
		picked = append(picked, c)
		if weak != nil {
			weak[c.ID] = weakness(e, c, now)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read the cards: %w", err)
	}
	where := ""
	if len(opts.Decks) > 0 {
		where = " in " + quotedList(opts.Decks)
	}
	switch {
	case total == 0:
		return nil, nil, errors.New("the collection has no cards yet, so there is nothing to quiz. " +
			"Add cards with `recall import FILE` or `recall generate DOC --import`, or run `recall` to load the built-in decks")
	case slices.Contains(seen, false):
		missing := opts.Decks[slices.Index(seen, false)]
		return nil, nil, fmt.Errorf("no deck named %q; `recall decks` lists them", missing)
	case selected > 0 && tagged == 0:
		return nil, nil, fmt.Errorf("no cards%s have the tag %q; `recall search` finds cards by tag", where, opts.Tag)
	case len(picked) == 0:
		return nil, nil, fmt.Errorf("every card%s is suspended, so there is nothing to quiz; "+
			"`recall card unsuspend ID` brings a card back", where)
	}
	cards := make([]deck.Card, len(picked))
	for i, c := range picked {
		cards[i] = c.Card
	}
	var rate func(string) float64
	if weak != nil {
		rate = func(id string) float64 { return weak[id] }
	}
	return cards, rate, nil
}

// weakness rates how badly a card needs practice: (1 − R) + lapses/10.
//
// 1 − R is the scheduler's own estimate of the chance the card is forgotten
// right now, so overdue and poorly learnt cards come first. It misses one
// thing: after a lapse and relearning, a card that keeps slipping looks as
// fresh as any other. Each lapse therefore adds 0.1, i.e. counts like ten
// points more chance of forgetting; three lapses weigh as much as R falling
// from 0.9 to 0.6. New cards have no memory to test yet and rank below
// every studied card (−1), so they fill a weak quiz only when the studied
// cards run out.
func weakness(e *review.Engine, c *store.Card, now time.Time) float64 {
	if c.Sched.State == sched.New {
		return -1
	}
	return 1 - e.Retrievability(c, now) + float64(c.Sched.Lapses)/10
}

// quotedList names decks for a message: "A", "A" and "B", "A", "B" and "C".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// interactive asks the questions in the terminal, schedules each answer
// when asked to, then keeps and shows the result, also of a quiz cut short.
func (r *quizTaking) interactive(ctx context.Context) error {
	f, opts := r.f, r.opts
	f.hint("Quiz: %s%s. Press an option's number or t/f, or type the answer and Enter.",
		term.Plural(len(r.qs), "question"), r.limitText())
	f.hint("Ctrl-C stops; what you answered still counts and is kept.")
	errWidth, errHeight := f.IO.ErrSize()
	s := &quiz.Session{
		Questions: r.qs,
		Ask:       f.Prompter(),
		Out:       f.IO.ErrOut,
		Now:       r.now,
		Limit:     opts.TimeLimit,
		Check:     quiz.CheckOptions{IgnoreAccents: opts.Accents},
		Color:     f.IO.ErrColor(),
		Ctx:       ctx,
		Width:     errWidth,
		Height:    errHeight,
	}
	var scheduled [5]int
	if opts.Schedule {
		s.OnAnswer = func(q quiz.Question, res quiz.Result) error {
			rating := quizRating(res.Correct)
			if _, err := r.engine.Answer(q.CardID, rating, r.now(), min(res.Elapsed, review.MaxAnswerTime)); err != nil {
				return fmt.Errorf("record the answer to card %s: %w", q.CardID, err)
			}
			scheduled[rating]++
			return nil
		}
	}
	out, runErr := s.Run()
	switch {
	case errors.Is(runErr, io.EOF):
		// Ctrl-D ends the quiz as q ends a review: a stop, not an interrupt.
		runErr = nil
	case errors.Is(runErr, context.Canceled):
		runErr = prompt.ErrInterrupted
	}
	rec, ex := r.record(out.Results, out.Start, out.Duration, out.End)
	var saveErr error
	if rec.Total > 0 {
		saveErr = r.engine.Store.AddQuiz(rec)
	}
	fmt.Fprintln(f.IO.ErrOut)
	r.printResult(rec, ex, true)
	if opts.Schedule && rec.Total > 0 {
		fmt.Fprintf(f.IO.Out, "Recorded as reviews: %d Good, %d Again.\n", scheduled[sched.Good], scheduled[sched.Again])
	}
	if rec.Total == 0 {
		f.hint("Nothing was answered, so nothing was kept.")
	}
	if saveErr != nil {
		return fmt.Errorf("keep the quiz result: %w", saveErr)
	}
	return runErr
}

// limitText is the time limit for the opening line.
func (r *quizTaking) limitText() string {
	if r.opts.TimeLimit <= 0 {
		return ""
	}
	return " in " + quiz.FormatDuration(r.opts.TimeLimit)
}

// quizRating is the review grade of a quiz answer.
func quizRating(correct bool) sched.Rating {
	if correct {
		return sched.Good
	}
	return sched.Again
}
