package quiz

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"recall/internal/term"
)

// The interactive session is the one part of this package that talks to a
// person. It still owns no terminal and no store: it writes to an
// io.Writer, reads through the small Asker interface (prompt.Prompter
// satisfies it), takes its clock from the caller and hands every judged
// answer to a callback, so the caller decides what an answer does to the
// collection.

// Asker is what a quiz session needs from a terminal. Key reads one key
// press among allowed; Input reads a line. Either returns an error when
// the user gives up (Ctrl-C, end of input), which ends the quiz.
type Asker interface {
	Key(msg, allowed string) (rune, error)
	Input(msg, def string) (string, error)
}

// waitLimiter is an Asker that can stop waiting for an answer after a
// while (prompt.Terminal can); its prompt then fails with an error that
// matches os.ErrDeadlineExceeded. Without it, an answer that comes after
// the time limit is simply not counted.
type waitLimiter interface {
	LimitWait(d time.Duration)
}

// End says why a quiz session stopped.
type End string

// The ways a quiz session ends.
const (
	EndFinished    End = "finished"    // every question was asked
	EndInterrupted End = "interrupted" // the user stopped it (Ctrl-C), or the input ended
	EndTimeUp      End = "time-up"     // the time limit ran out
)

// Session asks the questions of a quiz one by one, judges each answer at
// once and shows the right answer.
//
// Multiple-choice and true/false questions are answered with one key (the
// option's number, or t/f), typed and cloze questions with a line of text.
// A key rather than a menu, because a quiz is a drill where one press per
// question matters, the numbered options stay on screen and in the
// scrollback (the feedback names the right one by its number), and reading
// a key needs none of the cursor movement a menu redraw relies on.
type Session struct {
	Questions []Question
	Ask       Asker
	// Out receives the questions and the feedback; the command passes
	// stderr, where the prompts are, so that stdout holds only the result.
	Out io.Writer
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Limit is the time for the whole quiz (0 = none). The time left is
	// shown with each question; when it runs out, a waiting question is
	// given up (see waitLimiter), an answer given after it does not count,
	// and no further question is asked.
	Limit time.Duration
	// Check controls how forgiving the judgement of typed answers is.
	Check CheckOptions
	// Color allows colour; without it the character diff uses CharDiff's
	// [-missing-]{+extra+} markup.
	Color bool
	// Ctx stops the quiz before the next question when cancelled (an
	// interrupt that arrived between prompts).
	Ctx context.Context
	// Width is the screen width text is wrapped to (0 = no wrapping).
	Width int
	// Height is the screen height: a question taller than it pauses with
	// "-- more --" after each screenful (0 = no paging).
	Height int
	// While a question is shown, paging is set (it sets the time limit of
	// the page's key); lines counts what was written since the question or
	// its last page began, and pageErr is the error of a page's key.
	paging  func()
	lines   int
	pageErr error

	// OnAnswer is called with every counted answer before the next
	// question, so the result is kept even if the quiz stops later; an
	// error ends the quiz and is returned by Run.
	OnAnswer func(q Question, r Result) error
}

// Outcome is what a session did.
type Outcome struct {
	// Results holds the counted answers in the order given.
	Results []Result
	// Start is when the first question appeared; Duration the time from
	// then to the end.
	Start    time.Time
	Duration time.Duration
	End      End
}

// Run asks until every question is answered, the time runs out or the
// user stops. It returns the outcome in every case, so that a partial
// result can be shown and kept; the error is the one of the prompt that
// ended the quiz (such as prompt.ErrInterrupted), the context's, or the
// OnAnswer callback's.
func (s *Session) Run() (*Outcome, error) {
	now := s.Now
	if now == nil {
		now = time.Now
	}
	ctx := s.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	o := &Outcome{Start: now()}
	deadline := o.Start.Add(s.Limit)
	noted := map[string]bool{}
	var err error
	for i, q := range s.Questions {
		if err = ctx.Err(); err != nil {
			o.End = EndInterrupted
			break
		}
		shown := now()
		if s.Limit > 0 && !shown.Before(deadline) {
			o.End = EndTimeUp
			s.say(s.bold("Time is up."))
			break
		}
		// Only the question pages: what follows an answer is short.
		s.lines, s.paging = 0, func() { s.limitWait(deadline, now) }
		s.show(i, q, shown, deadline, noted)
		s.paging = nil
		// An interrupt while the question was drawn (outside a prompt,
		// or at a page break) must not leave the prompt waiting for a key.
		if err, s.pageErr = s.pageErr, nil; errors.Is(err, os.ErrDeadlineExceeded) {
			o.End, err = EndTimeUp, nil
			fmt.Fprintln(s.Out) // the "-- more --" line
			s.say(s.bold("Time is up."))
			break
		} else if err != nil {
			o.End = EndInterrupted
			fmt.Fprintln(s.Out)
			break
		}
		if err = ctx.Err(); err != nil {
			o.End = EndInterrupted
			break
		}
		s.limitWait(deadline, now)
		var given string
		var choice int
		given, choice, err = s.ask(q)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			o.End, err = EndTimeUp, nil
			fmt.Fprintln(s.Out) // the prompt's line
			s.say(s.bold("Time is up."))
			break
		}
		if err != nil {
			o.End = EndInterrupted
			fmt.Fprintln(s.Out)
			break
		}
		answered := now()
		if s.Limit > 0 && answered.After(deadline) {
			o.End = EndTimeUp
			s.say(s.bold("Time is up:") + " this answer came after the limit and does not count.")
			break
		}
		v := s.judge(q, given, choice)
		r := Result{QuestionIndex: i, Given: given, Correct: v.Correct, Elapsed: answered.Sub(shown)}
		o.Results = append(o.Results, r)
		s.feedback(q, given, v)
		if s.OnAnswer != nil {
			if err = s.OnAnswer(q, r); err != nil {
				break
			}
		}
	}
	if o.End == "" {
		o.End = EndFinished
	}
	o.Duration = now().Sub(o.Start)
	return o, err
}

// limitWait gives the next prompt what is left of the time limit, when
// the Asker can stop waiting (see waitLimiter).
func (s *Session) limitWait(deadline time.Time, now func() time.Time) {
	if lw, ok := s.Ask.(waitLimiter); ok && s.Limit > 0 {
		lw.LimitWait(deadline.Sub(now()))
	}
}

// show writes the progress line, a note the first time it comes up, and
// the question with its options.
func (s *Session) show(i int, q Question, at, deadline time.Time, noted map[string]bool) {
	head := fmt.Sprintf("Question %d/%d", i+1, len(s.Questions))
	parts := []string{s.bold(head)}
	if d := term.OneLine(q.Deck); d != "" {
		parts = append(parts, s.dim(d))
	}
	if s.Limit > 0 {
		parts = append(parts, FormatClock(deadline.Sub(at))+" left")
	}
	s.say("")
	s.say(strings.Join(parts, " · "))
	if q.Note != "" && !noted[q.Note] {
		noted[q.Note] = true
		s.sayWrapped(s.dim("Note: " + term.Sanitize(q.Note) + "."))
	}
	if q.Kind == KindTF {
		s.say("True or false?")
	}
	s.say(s.wrap(term.Sanitize(q.Prompt), 0))
	if q.Kind == KindMC {
		for k, opt := range q.Options {
			s.say(fmt.Sprintf("  %d) %s", k+1, term.IndentRest(s.wrap(term.Sanitize(opt), 5), "     ")))
		}
	}
}

// ask reads the answer: the chosen option's text and index for mc and tf
// (index -1 otherwise), the typed line for typed and cloze questions.
func (s *Session) ask(q Question) (string, int, error) {
	switch {
	case q.Kind == KindMC && len(q.Options) > 0:
		keys := "123456789"[:min(len(q.Options), 9)]
		r, err := s.Ask.Key(fmt.Sprintf("Your choice (1-%d): ", len(keys)), keys)
		if err != nil {
			return "", -1, err
		}
		fmt.Fprintln(s.Out, string(r))
		k := int(r - '1')
		return q.Options[k], k, nil
	case q.Kind == KindTF:
		r, err := s.Ask.Key("t (true) or f (false): ", "tf12")
		if err != nil {
			return "", -1, err
		}
		k := 0
		if r == 'f' || r == '2' {
			k = 1
		}
		opts := []string{True, False}
		fmt.Fprintln(s.Out, opts[k])
		return opts[k], k, nil
	}
	msg := "Your answer: "
	if q.Kind == KindCloze {
		msg = "Fill the gap: "
	}
	line, err := s.Ask.Input(msg, "")
	return strings.TrimSpace(line), -1, err
}

// judge rates an answer. A choice made by key is judged by its index: its
// text could be a number that Check would read as another option's.
func (s *Session) judge(q Question, given string, choice int) Verdict {
	if choice < 0 {
		return Check(q, given, s.Check)
	}
	v := Verdict{Correct: choice == q.Correct, Exact: choice == q.Correct}
	if q.Correct >= 0 && q.Correct < len(q.Options) {
		v.Expected = q.Options[q.Correct]
	}
	return v
}

// feedback says whether the answer was right and shows the right answer,
// with the difference when a typed answer was wrong.
func (s *Session) feedback(q Question, given string, v Verdict) {
	answer := term.Sanitize(q.Answer)
	switch q.Kind {
	case KindMC:
		if v.Correct {
			s.sayWrapped(s.good("✓ Correct."))
			return
		}
		s.sayWrapped(s.bad("✗ Wrong.") + fmt.Sprintf(" The answer is %d) ", q.Correct+1) + s.bold(term.Sanitize(v.Expected)))
	case KindTF:
		verdict := "✓ Correct"
		paint := s.good
		if !v.Correct {
			verdict, paint = "✗ Wrong", s.bad
		}
		if q.Correct == 1 {
			s.sayWrapped(paint(verdict+": false.") + " The answer is " + s.bold(answer))
		} else {
			s.sayWrapped(paint(verdict + ": true."))
		}
	default:
		switch {
		case v.Exact:
			s.sayWrapped(s.good("✓ Correct."))
		case v.Correct:
			s.sayWrapped(s.good("✓ Accepted.") + " The answer is " + s.bold(answer))
		case given == "":
			s.sayWrapped(s.bad("✗ No answer.") + " The answer is " + s.bold(answer))
		default:
			s.sayWrapped(s.bad("✗ Wrong.") + " The answer is " + s.bold(answer))
			if d := s.diff(v.Diff, q, given); d != "" {
				s.say("  " + d)
				if s.Color {
					s.say("  " + s.dim("(") + s.good("green") + s.dim(": missing, ") + s.bad("red") + s.dim(": extra)"))
				}
			}
		}
	}
}

// diff shows how a wrong typed answer differs from the nearest right one:
// in colour the missing letters green and the extra ones red, else in
// CharDiff's markup with a legend. An answer with nothing in common with
// the right one gets no diff ("") — it would only repeat both texts.
func (s *Session) diff(markup string, q Question, given string) string {
	want := nearestForm(acceptedForms(q.Answer, q.Accept), clean(given))
	spans := Diff(want, clean(given))
	if !slices.ContainsFunc(spans, func(sp DiffSpan) bool { return sp.Op == DiffEqual }) {
		return ""
	}
	if !s.Color {
		return term.Sanitize(markup) + s.dim("   ([-x-] missing, {+y+} extra)")
	}
	var b strings.Builder
	for _, sp := range spans {
		t := term.Sanitize(sp.Text)
		switch sp.Op {
		case DiffDelete:
			b.WriteString(s.good(t))
		case DiffInsert:
			b.WriteString(s.bad(t))
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

func (s *Session) say(text string) {
	for _, line := range strings.Split(text, "\n") {
		if s.pageErr != nil {
			return
		}
		if s.paging != nil && s.Height > 2 && s.lines >= s.Height-1 {
			// A screenful of the question: wait, so that its top does not
			// scroll away unread (within the time limit, if there is one).
			s.paging()
			if _, err := s.Ask.Key(s.dim("-- more -- (space: next page)"), " \r"); err != nil {
				s.pageErr = err
				return
			}
			fmt.Fprintln(s.Out)
			s.lines = 0
		}
		fmt.Fprintln(s.Out, line)
		s.lines++
	}
}

// sayWrapped writes a line of running text wrapped to the width.
func (s *Session) sayWrapped(line string) { s.say(s.wrap(line, 0)) }

// wrap breaks text to the screen width less indent columns, so that long
// prompts and options break between words rather than where the terminal
// cuts them.
func (s *Session) wrap(text string, indent int) string {
	if s.Width <= 0 {
		return text
	}
	return term.Wrap(text, s.Width-indent)
}

func (s *Session) style(code, t string) string {
	if !s.Color || t == "" {
		return t
	}
	return "\x1b[" + code + "m" + t + "\x1b[0m"
}

func (s *Session) bold(t string) string { return s.style("1", t) }
func (s *Session) dim(t string) string  { return s.style("2", t) }
func (s *Session) good(t string) string { return s.style("32", t) }
func (s *Session) bad(t string) string  { return s.style("31", t) }

// oneLine is outside text for a status line: sanitised, white space
// collapsed.

// FormatClock is a time left as a countdown shows it: "4:05", "0:09";
// "1:02:03" from an hour; never negative. Part of a second counts as a
// whole one, so a countdown starts at the full time and shows 0:00 only
// when none is left.
func FormatClock(d time.Duration) string {
	d = (max(d, 0) + time.Second - 1).Truncate(time.Second)
	h, m, sec := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%d:%02d", m, sec)
}

// FormatDuration is the length of a quiz: "45s", "5m", "6m 12s", "1h 05m".
func FormatDuration(d time.Duration) string {
	d = max(d, 0).Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour && d%time.Minute == 0:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < time.Hour:
		return fmt.Sprintf("%dm %02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
}
