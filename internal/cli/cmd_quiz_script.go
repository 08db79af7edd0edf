package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"recall/internal/quiz"
	"recall/internal/term"
)

// quizQuestionsJSON is what `recall quiz --json` prints: the quiz with its
// answers, for a script to ask the questions its own way.
type quizQuestionsJSON struct {
	Seed      uint64         `json:"seed"`
	Mode      string         `json:"mode"`
	Decks     []string       `json:"decks"`
	Questions []questionJSON `json:"questions"`
}

// questionJSON is one question. Answer is what an answers file should say
// to be right: the right option's text for mc, True or False for tf, the
// answer for typed and cloze (Accept lists further right answers).
type questionJSON struct {
	Number        int      `json:"number"`
	CardID        string   `json:"card_id"`
	Deck          string   `json:"deck"`
	Kind          string   `json:"kind"`
	Prompt        string   `json:"prompt"`
	Options       []string `json:"options,omitempty"`
	CorrectOption int      `json:"correct_option,omitempty"` // 1-based, mc and tf
	Answer        string   `json:"answer"`
	Accept        []string `json:"accept,omitempty"`
	CardAnswer    string   `json:"card_answer,omitempty"` // tf: the card's real answer
	Note          string   `json:"note,omitempty"`
}

// printQuestions prints the quiz as one JSON document.
func (r *quizTaking) printQuestions() error {
	out := quizQuestionsJSON{Seed: r.seed, Mode: string(r.mode), Decks: []string{}, Questions: []questionJSON{}}
	for i, q := range r.qs {
		j := questionJSON{Number: i + 1, CardID: q.CardID, Deck: q.Deck, Kind: string(q.Kind), Prompt: q.Prompt,
			Answer: q.Answer, Accept: q.Accept, Note: q.Note}
		if (q.Kind == quiz.KindMC || q.Kind == quiz.KindTF) && q.Correct >= 0 && q.Correct < len(q.Options) {
			j.Options, j.CorrectOption = q.Options, q.Correct+1
			j.Answer = q.Options[q.Correct]
		}
		if q.Kind == quiz.KindTF {
			j.CardAnswer = q.Answer
		}
		out.Questions = append(out.Questions, j)
		if !slices.Contains(out.Decks, q.Deck) {
			out.Decks = append(out.Decks, q.Deck)
		}
	}
	return r.f.writeJSON(out)
}

// scoreFile scores the answers of a file, one a line in question order,
// keeps the result, schedules the cards when asked, and prints the result.
// A missing line counts as no answer; more lines than questions is an
// error, because the answers would not be those of this quiz.
func (r *quizTaking) scoreFile() error {
	f, opts := r.f, r.opts
	lines, err := readAnswerLines(opts.Answers, f.IO.In)
	if err != nil {
		return err
	}
	// "-" means stdin, and reads as a typo when printed as a file name.
	from := opts.Answers
	if from == "-" {
		from = "stdin"
	}
	if len(lines) > len(r.qs) {
		return fmt.Errorf("%s has %d answers, but the quiz has %s; write one line per question, "+
			"in the order `recall quiz --json` with the same flags and --seed prints them",
			from, len(lines), term.Plural(len(r.qs), "question"))
	}
	if len(lines) < len(r.qs) {
		f.hint("%s has answers to %d of %d questions; the others count as wrong.", from, len(lines), len(r.qs))
	}
	check := quiz.CheckOptions{IgnoreAccents: opts.Accents}
	results := make([]quiz.Result, len(r.qs))
	noted := map[string]bool{}
	for i, q := range r.qs {
		given := ""
		if i < len(lines) {
			given = strings.TrimSpace(lines[i])
		}
		v := quiz.Check(q, given, check)
		if q.Kind == quiz.KindMC || q.Kind == quiz.KindTF {
			// Keep the option the answer names, not its number, so the
			// missed list reads well.
			if k, ok := quiz.ChoiceIndex(q, given, check); ok {
				given = q.Options[k]
			}
		}
		results[i] = quiz.Result{QuestionIndex: i, Given: given, Correct: v.Correct}
		if q.Note != "" && !noted[q.Note] && !opts.JSON {
			noted[q.Note] = true
			f.hint("Note: %s.", q.Note)
		}
	}
	now := r.now()
	rec, ex := r.record(results, now, 0, quiz.EndFinished)
	if err := r.engine.Store.AddQuiz(rec); err != nil {
		return fmt.Errorf("keep the quiz result: %w", err)
	}
	if opts.Schedule {
		for _, res := range results {
			id := r.qs[res.QuestionIndex].CardID
			if _, err := r.engine.Answer(id, quizRating(res.Correct), now, 0); err != nil {
				return fmt.Errorf("record the answer to card %s: %w", id, err)
			}
		}
	}
	if opts.JSON {
		return f.writeJSON(r.resultJSON(rec, ex, results))
	}
	r.printResult(rec, ex, false)
	if opts.Schedule {
		fmt.Fprintf(f.IO.Out, "Recorded as reviews: %d Good, %d Again.\n", rec.Correct, rec.Total-rec.Correct)
	}
	return nil
}

// readAnswerLines reads an answers file ("-" is stdin) as lines; blank
// lines at the end carry no answer and are dropped.
func readAnswerLines(path string, stdin io.Reader) ([]string, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read the answers: %w", err)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	for i := range lines {
		lines[i] = term.Sanitize(lines[i])
	}
	return lines, nil
}
