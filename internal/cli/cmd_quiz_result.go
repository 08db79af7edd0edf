package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kballard/go-shellquote"

	"recall/internal/quiz"
	"recall/internal/store"
	"recall/internal/term"
)

// quizExtra is what a kept quiz result holds beyond store.QuizRecord's
// fields (in its Extra), so that history can show it per deck and a quiz
// can be taken again.
type quizExtra struct {
	Seed uint64 `json:"seed"`
	// Questions is the number of questions the quiz had; the record's
	// Total counts those answered.
	Questions int    `json:"questions"`
	End       string `json:"end"`
	// Asked are the DECK arguments (empty: all decks).
	Asked   []string    `json:"asked,omitempty"`
	Tag     string      `json:"tag,omitempty"`
	Weak    bool        `json:"weak,omitempty"`
	PerDeck []deckScore `json:"per_deck"`
	// Numbers are the question numbers of the record's Missed entries.
	Numbers []int `json:"missed_numbers,omitempty"`
}

// deckScore is the part of a quiz asked from one deck.
type deckScore struct {
	Deck    string `json:"deck"`
	Correct int    `json:"correct"`
	Total   int    `json:"total"`
}

// record turns the answers into the result to keep: the score, the missed
// questions with their right answers, and the score of each deck.
func (r *quizTaking) record(results []quiz.Result, start time.Time, took time.Duration, end quiz.End) (store.QuizRecord, quizExtra) {
	score := quiz.Tally(r.qs, results, took)
	rec := store.QuizRecord{Time: start, Mode: string(r.mode), Correct: score.Correct, Total: score.Total,
		Duration: took, Decks: []string{}}
	ex := quizExtra{Seed: r.seed, Questions: len(r.qs), End: string(end), Asked: r.opts.Decks, Tag: r.opts.Tag, Weak: r.opts.Weak}
	for _, q := range r.qs {
		if !slices.Contains(rec.Decks, q.Deck) {
			rec.Decks = append(rec.Decks, q.Deck)
		}
	}
	slices.Sort(rec.Decks)
	per := map[string]*deckScore{}
	k := 0
	for _, res := range results {
		if res.QuestionIndex < 0 || res.QuestionIndex >= len(r.qs) {
			continue
		}
		q := r.qs[res.QuestionIndex]
		ds := per[q.Deck]
		if ds == nil {
			ds = &deckScore{Deck: q.Deck}
			per[q.Deck] = ds
		}
		ds.Total++
		if res.Correct {
			ds.Correct++
			continue
		}
		// Tally lists the misses in the order answered, as met here.
		m := score.Missed[k]
		k++
		rec.Missed = append(rec.Missed, store.QuizMissed{CardID: q.CardID, Prompt: m.Prompt, Given: m.Given, Answer: m.Answer})
		ex.Numbers = append(ex.Numbers, res.QuestionIndex+1)
	}
	for _, d := range rec.Decks {
		if ds := per[d]; ds != nil {
			ex.PerDeck = append(ex.PerDeck, *ds)
		}
	}
	if data, err := json.Marshal(ex); err == nil {
		rec.Extra = data
	}
	return rec, ex
}

// percent is the share of right answers, one decimal.
func percent(correct, total int) float64 {
	if total == 0 {
		return 0
	}
	return math.Round(1000*float64(correct)/float64(total)) / 10
}

// printResult writes the score, how the quiz ended, the score per deck,
// the missed questions with their right answers and how to take the quiz
// again, to stdout.
func (r *quizTaking) printResult(rec store.QuizRecord, ex quizExtra, timed bool) {
	out := r.f.IO
	line := fmt.Sprintf("Score: %d/%d (%.0f%%)", rec.Correct, rec.Total, percent(rec.Correct, rec.Total))
	if timed {
		line += " in " + quiz.FormatDuration(rec.Duration)
	}
	fmt.Fprintln(out.Out, out.Bold(line))
	switch quiz.End(ex.End) {
	case quiz.EndInterrupted:
		fmt.Fprintf(out.Out, "Stopped after %d of %d questions.\n", rec.Total, ex.Questions)
	case quiz.EndTimeUp:
		fmt.Fprintf(out.Out, "Time ran out after %d of %d questions.\n", rec.Total, ex.Questions)
	}
	if len(ex.PerDeck) > 1 {
		parts := make([]string, len(ex.PerDeck))
		for i, d := range ex.PerDeck {
			parts[i] = fmt.Sprintf("%s %d/%d", term.OneLine(d.Deck), d.Correct, d.Total)
		}
		fmt.Fprintln(out.Out, "By deck: "+strings.Join(parts, ", "))
	}
	if len(rec.Missed) > 0 {
		fmt.Fprintln(out.Out, "Missed:")
		for i, m := range rec.Missed {
			num := strconv.Itoa(ex.Numbers[i]) + ". "
			pad := strings.Repeat(" ", 2+len(num))
			given := m.Given
			if strings.TrimSpace(given) == "" {
				given = "(no answer)"
			}
			fmt.Fprintf(out.Out, "  %s%s\n", num, term.IndentRest(term.Sanitize(m.Prompt), pad))
			fmt.Fprintf(out.Out, "%syour answer:  %s\n", pad, term.IndentRest(term.Sanitize(given), pad+"              "))
			fmt.Fprintf(out.Out, "%sright answer: %s\n", pad, out.Green(term.IndentRest(term.Sanitize(m.Answer), pad+"              ")))
		}
	}
	// The command on a line of its own, so that it can be copied whole.
	fmt.Fprintf(out.Out, "Seed %d; take this quiz again with:\n  %s\n", r.seed, term.Sanitize(r.repeatCommand()))
}

// indentLines indents the lines after the first by pad.

// repeatCommand is the command line that builds the same quiz again.
func (r *quizTaking) repeatCommand() string {
	args := append([]string{"recall", "quiz"}, r.opts.Decks...)
	if r.opts.N != 10 {
		args = append(args, "-n", strconv.Itoa(r.opts.N))
	}
	if r.mode != quiz.ModeMixed {
		args = append(args, "--mode", string(r.mode))
	}
	if r.opts.Tag != "" {
		args = append(args, "--tag", r.opts.Tag)
	}
	if r.opts.Weak {
		args = append(args, "--weak")
	}
	args = append(args, "--seed", strconv.FormatUint(r.seed, 10))
	return shellquote.Join(args...)
}

// quizResultJSON is the result printed by --answers --json.
type quizResultJSON struct {
	Seed      uint64           `json:"seed"`
	Mode      string           `json:"mode"`
	Decks     []string         `json:"decks"`
	Questions int              `json:"questions"`
	Correct   int              `json:"correct"`
	Total     int              `json:"total"`
	Percent   float64          `json:"percent"`
	PerDeck   []deckScore      `json:"per_deck"`
	Missed    []missedJSON     `json:"missed"`
	Answers   []quizAnswerJSON `json:"answers"`
	Scheduled bool             `json:"scheduled"`
}

type missedJSON struct {
	Number int    `json:"number"`
	CardID string `json:"card_id"`
	Prompt string `json:"prompt"`
	Given  string `json:"given"`
	Answer string `json:"answer"`
}

type quizAnswerJSON struct {
	Number  int    `json:"number"`
	CardID  string `json:"card_id"`
	Given   string `json:"given"`
	Correct bool   `json:"correct"`
}

func (r *quizTaking) resultJSON(rec store.QuizRecord, ex quizExtra, results []quiz.Result) quizResultJSON {
	out := quizResultJSON{Seed: r.seed, Mode: rec.Mode, Decks: rec.Decks, Questions: ex.Questions, Correct: rec.Correct,
		Total: rec.Total, Percent: percent(rec.Correct, rec.Total), PerDeck: ex.PerDeck, Missed: []missedJSON{},
		Answers: []quizAnswerJSON{}, Scheduled: r.opts.Schedule}
	if out.PerDeck == nil {
		out.PerDeck = []deckScore{}
	}
	for i, m := range rec.Missed {
		out.Missed = append(out.Missed, missedJSON{Number: ex.Numbers[i], CardID: m.CardID, Prompt: m.Prompt, Given: m.Given, Answer: m.Answer})
	}
	for _, res := range results {
		out.Answers = append(out.Answers, quizAnswerJSON{Number: res.QuestionIndex + 1, CardID: r.qs[res.QuestionIndex].CardID,
			Given: res.Given, Correct: res.Correct})
	}
	return out
}
