package cli

import (
	"fmt"
	"recall/internal/term"
	"strings"

	"github.com/spf13/cobra"

	"recall/internal/review"
	"recall/internal/stats"
	"recall/internal/store"
)

func init() { extraCommands = append(extraCommands, newStatsCmd) }

func newStatsCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats [DECK...]",
		Short: "Retention, streak, forecast, activity heatmap and counts",
		RunE: func(cmd *cobra.Command, args []string) error {
			return statsRun(f, args, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type statsJSON struct {
	Cards          int            `json:"cards"`
	New            int            `json:"new"`
	Learning       int            `json:"learning"`
	Review         int            `json:"review"`
	Suspended      int            `json:"suspended"`
	DueNow         int            `json:"due_now"`
	Retention      *float64       `json:"retention_30d"`
	RetentionCount int            `json:"retention_answers"`
	Recall         *float64       `json:"mean_recall_now"`
	ReviewsToday   int            `json:"reviews_today"`
	Streak         int            `json:"streak_days"`
	Forecast       []int          `json:"forecast"`
	Activity       []activityJSON `json:"activity"`
}

type activityJSON struct {
	Date    string `json:"date"`
	Answers int    `json:"answers"`
}

func statsRun(f *Factory, decks []string, asJSON bool) error {
	e, err := f.Engine(true)
	if err != nil {
		return err
	}
	if err := e.CheckDecks(decks); err != nil {
		return err
	}
	now, err := f.Now()
	if err != nil {
		return err
	}
	var keep func(string) bool
	if len(decks) > 0 {
		keep = review.Filter{Decks: decks}.MatchDeck
	}
	r, err := stats.Collection(e.Store, e.Settings(), now, keep, func(c *store.Card) float64 { return e.Retrievability(c, now) })
	if err != nil {
		return err
	}
	if asJSON {
		out := statsJSON{Cards: r.Cards, New: r.New, Learning: r.Learning, Review: r.Review, Suspended: r.Suspended,
			DueNow: r.Due, Retention: r.Retention, RetentionCount: r.RetentionCount, Recall: r.Recall,
			ReviewsToday: r.ReviewsToday, Streak: r.Streak, Forecast: r.Forecast, Activity: []activityJSON{}}
		for _, a := range r.Activity {
			out.Activity = append(out.Activity, activityJSON{Date: a.Date.Format("2006-01-02"), Answers: a.Answers})
		}
		return f.writeJSON(out)
	}
	w := f.IO.Out
	fmt.Fprintf(w, "cards       %d (%d new, %d learning, %d review, %d suspended); %d due now\n",
		r.Cards, r.New, r.Learning, r.Review, r.Suspended, r.Due)
	if r.Retention != nil {
		fmt.Fprintf(w, "retention   %.1f%% of %s in the last %d days (target %.0f%%)\n", 100**r.Retention,
			term.Plural(r.RetentionCount, "review"), stats.RetentionDays, 100*e.Settings().DesiredRetention)
	} else {
		fmt.Fprintf(w, "retention   no reviews of mature cards in the last %d days yet\n", stats.RetentionDays)
	}
	if r.Recall != nil {
		fmt.Fprintf(w, "recall now  %.1f%% on average for cards in review\n", 100**r.Recall)
	}
	fmt.Fprintf(w, "today       %s; streak %s\n", term.Plural(r.ReviewsToday, "answer"), term.Plural(r.Streak, "day"))
	fmt.Fprintf(w, "next 7 days %s\n", joinInts(r.Forecast[:7]))
	week, month := 0, 0
	for i, n := range r.Forecast {
		if i < 7 {
			week += n
		}
		month += n
	}
	fmt.Fprintf(w, "due         %d in 7 days, %d in 30 days\n", week, month)
	fmt.Fprintln(w, "activity (last 26 weeks, one column a week, Monday on top):")
	fmt.Fprint(w, heatmap(r.Activity))
	return nil
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, " ")
}

// heatmap draws answers per day as a grid of weeks (columns) by weekdays
// (rows) with shades from blank to full.
func heatmap(days []stats.DayActivity) string {
	if len(days) == 0 {
		return ""
	}
	shades := []rune(" ░▒▓█")
	top := 0
	for _, d := range days {
		top = max(top, d.Answers)
	}
	lead := (int(days[0].Date.Weekday()) + 6) % 7 // Monday first
	cols := (lead + len(days) + 6) / 7
	grid := make([][]rune, 7)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", cols))
	}
	for i, d := range days {
		pos := lead + i
		shade := 0
		if d.Answers > 0 && top > 0 {
			shade = 1 + (d.Answers*3)/top
		}
		grid[pos%7][pos/7] = shades[min(shade, 4)]
	}
	names := []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	var b strings.Builder
	for i, row := range grid {
		fmt.Fprintf(&b, "  %s %s\n", names[i], string(row))
	}
	return b.String()
}
