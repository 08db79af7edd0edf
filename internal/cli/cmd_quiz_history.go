package cli

import (
	"encoding/json"
	"fmt"
	"recall/internal/term"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/quiz"
	"recall/internal/review"
	"recall/internal/store"
)

func newQuizHistoryCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "history [DECK...]",
		Short: "List past quizzes with their scores, and the score of each deck",
		Long: `List the quizzes taken, oldest first, with their scores, then each deck's
share of right answers over all its quizzes. With DECK, only quizzes that
asked from that deck (or its sub-decks).`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return quizHistoryRun(f, args, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// pastQuiz is a kept quiz result with its extra fields read.
type pastQuiz struct {
	store.QuizRecord
	extra quizExtra
}

// perDeck is the score of each deck of a quiz. A record without that
// breakdown (kept by another program) counts for its deck when it has
// only one.
func (p pastQuiz) perDeck() []deckScore {
	if len(p.extra.PerDeck) > 0 || len(p.Decks) != 1 {
		return p.extra.PerDeck
	}
	return []deckScore{{Deck: p.Decks[0], Correct: p.Correct, Total: p.Total}}
}

// deckHistory sums a deck's quizzes.
type deckHistory struct {
	Deck        string    `json:"deck"`
	Quizzes     int       `json:"quizzes"`
	Correct     int       `json:"correct"`
	Total       int       `json:"total"`
	Percent     float64   `json:"percent"`
	Last        time.Time `json:"last"`
	LastCorrect int       `json:"last_correct"`
	LastTotal   int       `json:"last_total"`
}

type quizHistoryJSON struct {
	Quizzes []pastQuizJSON `json:"quizzes"`
	Decks   []deckHistory  `json:"decks"`
}

type pastQuizJSON struct {
	Time            time.Time          `json:"time"`
	Decks           []string           `json:"decks"`
	Mode            string             `json:"mode"`
	Correct         int                `json:"correct"`
	Total           int                `json:"total"`
	Percent         float64            `json:"percent"`
	Questions       int                `json:"questions"`
	DurationSeconds float64            `json:"duration_seconds"`
	End             string             `json:"end"`
	Seed            uint64             `json:"seed"`
	PerDeck         []deckScore        `json:"per_deck"`
	Missed          []store.QuizMissed `json:"missed"`
}

func quizHistoryRun(f *Factory, decks []string, asJSON bool) error {
	st, err := f.Store(true)
	if err != nil {
		return err
	}
	recs, err := st.Quizzes()
	if err != nil {
		return fmt.Errorf("read the quiz results: %w", err)
	}
	matches := review.Filter{Decks: decks}.MatchDeck
	var past []pastQuiz
	for _, rec := range recs {
		p := pastQuiz{QuizRecord: rec}
		if len(rec.Extra) > 0 {
			// A damaged extra only costs the breakdown, not the listing.
			_ = json.Unmarshal(rec.Extra, &p.extra)
		}
		if p.extra.Questions == 0 {
			p.extra.Questions = rec.Total
		}
		if len(decks) == 0 || slices.ContainsFunc(rec.Decks, matches) {
			past = append(past, p)
		}
	}
	sums := deckHistories(past, matches)
	if asJSON {
		out := quizHistoryJSON{Quizzes: []pastQuizJSON{}, Decks: sums}
		for _, p := range past {
			j := pastQuizJSON{Time: p.Time, Decks: p.Decks, Mode: p.Mode, Correct: p.Correct, Total: p.Total,
				Percent: percent(p.Correct, p.Total), Questions: p.extra.Questions, DurationSeconds: p.Duration.Seconds(),
				End: p.extra.End, Seed: p.extra.Seed, PerDeck: p.perDeck(), Missed: p.Missed}
			if j.Decks == nil {
				j.Decks = []string{}
			}
			if j.PerDeck == nil {
				j.PerDeck = []deckScore{}
			}
			if j.Missed == nil {
				j.Missed = []store.QuizMissed{}
			}
			out.Quizzes = append(out.Quizzes, j)
		}
		return f.writeJSON(out)
	}
	if len(past) == 0 {
		if len(decks) > 0 {
			f.hint("No quizzes from %s yet; take one with `recall quiz %s`.", quotedList(decks), decks[0])
		} else {
			f.hint("No quizzes yet; take one with `recall quiz`.")
		}
		return nil
	}
	w := f.IO.Out
	fmt.Fprintf(w, "%-16s  %7s  %4s  %-5s  %7s  %s\n", "date", "score", "%", "mode", "time", "decks")
	for _, p := range past {
		took := "-"
		if p.Duration > 0 {
			took = quiz.FormatDuration(p.Duration)
		}
		line := fmt.Sprintf("%-16s  %7s  %3.0f%%  %-5s  %7s  %s", p.Time.In(time.Local).Format("2006-01-02 15:04"),
			fmt.Sprintf("%d/%d", p.Correct, p.Total), percent(p.Correct, p.Total), p.Mode, took,
			shorten(strings.Join(p.Decks, ", "), 40))
		switch quiz.End(p.extra.End) {
		case quiz.EndInterrupted:
			line += fmt.Sprintf("  (stopped after %d of %d)", p.Total, p.extra.Questions)
		case quiz.EndTimeUp:
			line += fmt.Sprintf("  (time ran out after %d of %d)", p.Total, p.extra.Questions)
		}
		fmt.Fprintln(w, line)
	}
	if len(sums) == 0 {
		return nil
	}
	width := 4
	for _, d := range sums {
		width = max(width, term.Cells(term.OneLine(d.Deck)))
	}
	width = min(width, 40)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%s  %7s  %9s  %5s  %s\n", term.Pad("deck", width), "quizzes", "answers", "right", "last")
	for _, d := range sums {
		fmt.Fprintf(w, "%s  %7d  %9d  %4.0f%%  %s %d/%d\n", term.Pad(term.Fit(term.OneLine(d.Deck), width), width), d.Quizzes, d.Total,
			d.Percent, d.Last.In(time.Local).Format("2006-01-02"), d.LastCorrect, d.LastTotal)
	}
	return nil
}

// deckHistories sums the answers of each deck over the quizzes, decks by
// name; only decks that keep says yes to.
func deckHistories(past []pastQuiz, keep func(string) bool) []deckHistory {
	by := map[string]*deckHistory{}
	for _, p := range past {
		for _, ds := range p.perDeck() {
			if ds.Total == 0 || !keep(ds.Deck) {
				continue
			}
			h := by[ds.Deck]
			if h == nil {
				h = &deckHistory{Deck: ds.Deck}
				by[ds.Deck] = h
			}
			h.Quizzes++
			h.Correct += ds.Correct
			h.Total += ds.Total
			if !p.Time.Before(h.Last) {
				h.Last, h.LastCorrect, h.LastTotal = p.Time, ds.Correct, ds.Total
			}
		}
	}
	out := []deckHistory{}
	for _, h := range by {
		h.Percent = percent(h.Correct, h.Total)
		out = append(out, *h)
	}
	slices.SortFunc(out, func(a, b deckHistory) int { return strings.Compare(a.Deck, b.Deck) })
	return out
}
