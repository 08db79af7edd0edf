package cli

import (
	"fmt"
	"os"
	"recall/internal/term"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/importer"
	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
)

func init() { extraCommands = append(extraCommands, newOptimizeCmd, newEvalCmd) }

func newOptimizeCmd(f *Factory) *cobra.Command {
	var asJSON, dryRun bool
	var revlog string
	cmd := &cobra.Command{
		Use:   "optimize [DECK...]",
		Short: "Fit the FSRS parameters to your own review history",
		Long: `Fit FSRS-6's parameters to the review history in the collection (all decks, or
the named ones). The new parameters are kept only if they predict your history
better than the current ones; then every card is rescheduled from its history.
With --revlog, the history comes from a review-log CSV instead (for example
one exported from another program), and the fitted parameters are saved for
this collection.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if revlog != "" && len(args) > 0 {
				return usagef("--revlog fits on the file's history; it takes no deck names")
			}
			return optimizeRun(f, args, revlog, dryRun, asJSON)
		},
	}
	cmd.Flags().StringVar(&revlog, "revlog", "", "fit on the reviews in `FILE` (card_id,review_rating,review_time,review_duration)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "fit and report, but keep the current parameters")
	return cmd
}

type optimizeJSON struct {
	Reviews    int       `json:"reviews"`
	Cards      int       `json:"cards"`
	Items      int       `json:"items"`
	Tentative  bool      `json:"tentative"`
	OldLogLoss float64   `json:"old_log_loss"`
	NewLogLoss float64   `json:"new_log_loss"`
	Kept       bool      `json:"kept_current"`
	Params     []float64 `json:"params"`
	Saved      bool      `json:"saved"`
	Notes      []string  `json:"notes,omitempty"`
}

// collectionLogs turns the store's review log into optimizer input.
func collectionLogs(st *store.Store, decks []string) ([]sched.ReviewLog, error) {
	ids := map[uint64]string{}
	filter := review.Filter{Decks: decks}
	if err := st.EachCard(func(c *store.Card) error {
		if filter.Match(c) {
			ids[c.Num] = c.ID
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var logs []sched.ReviewLog
	err := st.EachReview(func(r store.Review) error {
		id, ok := ids[r.CardNum]
		if !ok {
			return nil
		}
		// A reset (rating 0) goes through: the optimizer and the
		// evaluation drop the card's history before it.
		logs = append(logs, sched.ReviewLog{CardID: id, Time: r.Time, Rating: r.Rating, Duration: r.Duration})
		return nil
	})
	return logs, err
}

func optimizeRun(f *Factory, decks []string, revlog string, dryRun, asJSON bool) error {
	e, err := f.Engine(dryRun)
	if err != nil {
		return err
	}
	var logs []sched.ReviewLog
	if revlog != "" {
		logs, err = readRevlog(f, revlog)
	} else {
		// A mistyped deck would otherwise select no reviews and be
		// reported as a lack of history.
		if err := e.CheckDecks(decks); err != nil {
			return err
		}
		logs, err = collectionLogs(e.Store, decks)
	}
	if err != nil {
		return err
	}
	if !hasGrades(logs) {
		return fmt.Errorf("no review history yet: review for a few days (or import a history with `recall import --with-history`) and try again")
	}
	s := e.Settings()
	current := s.Params
	if f.IO.CanPrompt() && !asJSON {
		f.hint("Fitting FSRS to %s…", term.Plural(len(logs), "review"))
	}
	res, err := sched.Optimize(logs, s, current)
	if err != nil {
		return err
	}
	saved := false
	if !res.Kept && !dryRun {
		if _, err := e.Store.Backup("optimize"); err != nil {
			return err
		}
		now, err := f.Now()
		if err != nil {
			return err
		}
		if err := e.Store.PutParams(review.FittedParamsKey, review.Fitted{Params: res.Params, Time: now, Items: res.Items}); err != nil {
			return err
		}
		// A fresh engine picks the new parameters up for the replay.
		ne, err := review.NewEngine(e.Store)
		if err != nil {
			return err
		}
		if _, err := ne.Replay(); err != nil {
			return fmt.Errorf("reschedule with the new parameters: %w", err)
		}
		saved = true
	}
	if asJSON {
		return f.writeJSON(optimizeJSON{Reviews: res.Reviews, Cards: res.Cards, Items: res.Items, Tentative: res.Tentative,
			OldLogLoss: res.OldLogLoss, NewLogLoss: res.NewLogLoss, Kept: res.Kept, Params: res.Params, Saved: saved, Notes: res.Notes})
	}
	w := f.IO.Out
	fmt.Fprintf(w, "%s of %s, %d training items\n", term.Plural(res.Reviews, "review"), term.Plural(res.Cards, "card"), res.Items)
	fmt.Fprintf(w, "log loss: current %.4f, fitted %.4f\n", res.OldLogLoss, res.NewLogLoss)
	fmt.Fprintf(w, "parameters: %s\n", formatParams(res.Params))
	for _, n := range res.Notes {
		f.hint("%s", n)
	}
	switch {
	case res.Kept:
		fmt.Fprintln(w, "kept the current parameters: the fitted ones do not predict your history better")
	case saved:
		fmt.Fprintln(w, "saved the fitted parameters and rescheduled every card from its history")
	default:
		fmt.Fprintln(w, "dry run: nothing was saved")
	}
	// Only a fit that was used can be tentative; when the current
	// parameters were kept the notes above say why.
	if res.Tentative && !res.Kept {
		f.hint("Fewer than 400 training items to learn from: the fit is tentative; run optimize again in a few weeks.")
	}
	return nil
}

func hasGrades(logs []sched.ReviewLog) bool {
	for _, l := range logs {
		if l.Rating.Valid() {
			return true
		}
	}
	return false
}

func formatParams(p []float64) string {
	s := make([]string, len(p))
	for i, x := range p {
		s[i] = fmt.Sprintf("%.4f", x)
	}
	return strings.Join(s, ", ")
}

type evalJSON struct {
	Reviews     int         `json:"reviews"`
	Cards       int         `json:"cards"`
	Predictions int         `json:"predictions"`
	Models      []modelJSON `json:"models"`
}

type modelJSON struct {
	Name     string   `json:"name"`
	LogLoss  float64  `json:"log_loss"`
	RMSEBins float64  `json:"rmse_bins"`
	AUC      *float64 `json:"auc"`
}

func newEvalCmd(f *Factory) *cobra.Command {
	var asJSON bool
	var tz string
	var dayStart int
	cmd := &cobra.Command{
		Use:   "eval [REVLOG.csv]",
		Short: "Score each scheduler's predictions on a review history",
		Long: `Replay a review history (a review-log CSV with the columns
card_id,review_rating,review_time,review_duration, or the collection's own log)
and report log loss, RMSE(bins) and AUC of FSRS-6 (default, fitted, S0-only),
SM-2, Anki's SM-2 and a constant baseline, each scored on later reviews than
it was fitted on (a time-series split).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("eval takes at most one CSV file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return evalRun(f, args, tz, dayStart, cmd.Flags().Changed("day-start"), asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&tz, "tz", "", "time zone for day boundaries (default: the collection's setting)")
	cmd.Flags().IntVar(&dayStart, "day-start", 4, "hour at which a day starts")
	return cmd
}

func evalRun(f *Factory, args []string, tz string, dayStart int, dayStartSet, asJSON bool) error {
	var logs []sched.ReviewLog
	s := sched.DefaultSettings()
	if len(args) == 1 {
		var err error
		if logs, err = readRevlog(f, args[0]); err != nil {
			return err
		}
	} else {
		e, err := f.Engine(true)
		if err != nil {
			return err
		}
		s = e.Settings()
		if logs, err = collectionLogs(e.Store, nil); err != nil {
			return err
		}
	}
	if tz != "" {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			return usagef("--tz: %v", err)
		}
		s.Location = loc
	}
	if dayStartSet || len(args) == 1 {
		if dayStart < 0 || dayStart > 23 {
			return usagef("--day-start must be 0-23")
		}
		s.DayStartHour = dayStart
	}
	if !hasGrades(logs) {
		return fmt.Errorf("no reviews to evaluate")
	}
	res, err := sched.Evaluate(logs, s)
	if err != nil {
		return err
	}
	out := evalJSON{Reviews: res.Reviews, Cards: res.Cards, Predictions: res.Predictions, Models: []modelJSON{}}
	for _, m := range res.Models {
		out.Models = append(out.Models, modelJSON{Name: m.Name, LogLoss: m.LogLoss, RMSEBins: m.RMSEBins, AUC: m.AUC})
	}
	if asJSON {
		return f.writeJSON(out)
	}
	fmt.Fprintf(f.IO.Out, "%s of %s, %d predictions scored\n", term.Plural(out.Reviews, "review"), term.Plural(out.Cards, "card"), out.Predictions)
	tw := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "model\tlog loss\tRMSE(bins)\tAUC")
	for _, m := range out.Models {
		auc := "n/a"
		if m.AUC != nil {
			auc = fmt.Sprintf("%.4f", *m.AUC)
		}
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%s\n", m.Name, m.LogLoss, m.RMSEBins, auc)
	}
	return tw.Flush()
}

// maxRowWarnings is how many bad rows of a review log are shown one by one.
const maxRowWarnings = 5

// readRevlog reads a review-log CSV, reporting bad rows on stderr.
func readRevlog(f *Factory, path string) ([]sched.ReviewLog, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer fh.Close()
	revs, bad, err := importer.ReadRevlogCSV(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// A file in a foreign time format has every row wrong; thousands of
	// identical lines would bury the point, so only the first few are
	// shown.
	for i, b := range bad {
		if i == maxRowWarnings {
			f.hint("%s: %s skipped", path, term.Plural(len(bad)-i, "more row"))
			break
		}
		f.hint("%s:%d: %s (row skipped)", path, b.Line, b.Message)
	}
	logs := make([]sched.ReviewLog, 0, len(revs))
	for _, r := range revs {
		logs = append(logs, sched.ReviewLog{CardID: r.CardID, Time: r.Time, Rating: sched.Rating(r.Rating), Duration: r.Duration})
	}
	return logs, nil
}
