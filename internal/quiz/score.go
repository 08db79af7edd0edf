package quiz

import "time"

// Result is the outcome of one answered question.
type Result struct {
	QuestionIndex int
	Given         string
	Correct       bool
	Elapsed       time.Duration
}

// Score sums up a quiz.
type Score struct {
	Correct, Total int
	// Percent is 100 × Correct / Total, 0 when nothing was answered.
	Percent  float64
	Duration time.Duration
	Missed   []Missed
}

// Missed is a wrongly answered question, for the review at the end.
type Missed struct {
	Prompt, Given, Answer string
}

// Tally scores the answered questions: Total counts the results (a quiz cut
// short counts what was answered), Missed lists the wrong ones in the order
// answered. total is the whole quiz's time; when it is zero the answers'
// times are summed. Results naming no question are ignored.
func Tally(qs []Question, rs []Result, total time.Duration) Score {
	var s Score
	var sum time.Duration
	for _, r := range rs {
		if r.QuestionIndex < 0 || r.QuestionIndex >= len(qs) {
			continue
		}
		s.Total++
		sum += r.Elapsed
		if r.Correct {
			s.Correct++
			continue
		}
		q := qs[r.QuestionIndex]
		s.Missed = append(s.Missed, Missed{Prompt: q.Prompt, Given: r.Given, Answer: shownAnswer(q)})
	}
	if s.Total > 0 {
		s.Percent = 100 * float64(s.Correct) / float64(s.Total)
	}
	s.Duration = total
	if total == 0 {
		s.Duration = sum
	}
	return s
}

// shownAnswer is the right answer as a review of mistakes shows it; for a
// true/false question the right choice with the card's real answer, so that
// a false statement gets corrected.
func shownAnswer(q Question) string {
	switch q.Kind {
	case KindTF:
		if q.Correct == 1 && q.Correct < len(q.Options) {
			return q.Options[1] + " — " + q.Answer
		}
		if q.Correct == 0 && len(q.Options) > 0 {
			return q.Options[0]
		}
	case KindMC:
		if q.Correct >= 0 && q.Correct < len(q.Options) {
			return q.Options[q.Correct]
		}
	}
	return q.Answer
}
