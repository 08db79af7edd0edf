package quiz

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"recall/internal/prompt"
)

// sessionQuestions is one question of each kind.
func sessionQuestions() []Question {
	return []Question{
		{CardID: "c1", Deck: "Geo", Kind: KindMC, Prompt: "Capital of Italy?", Answer: "Rome",
			Options: []string{"Milan", "Rome", "Turin", "Naples"}, Correct: 1},
		{CardID: "c2", Deck: "Geo", Kind: KindTF, Prompt: "Capital of Spain? — Lisbon", Answer: "Madrid",
			Options: []string{True, False}, Correct: 1},
		{CardID: "c3", Deck: "Geo", Kind: KindTyped, Prompt: "Capital of France?", Answer: "Paris"},
		{CardID: "c4", Deck: "Geo", Kind: KindCloze, Prompt: "The [...] flows through Vienna.", Answer: "Danube"},
	}
}

// tickingClock advances by step at every prompt, so that answers take
// time without the test waiting.
type tickingClock struct {
	*prompt.Fake
	now  time.Time
	step time.Duration
}

func (c *tickingClock) Now() time.Time { return c.now }

func (c *tickingClock) Key(msg, allowed string) (rune, error) {
	c.now = c.now.Add(c.step)
	return c.Fake.Key(msg, allowed)
}

func (c *tickingClock) Input(msg, def string) (string, error) {
	c.now = c.now.Add(c.step)
	return c.Fake.Input(msg, def)
}

var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func runSession(t *testing.T, s *Session, fake *prompt.Fake) (*Outcome, string, error) {
	t.Helper()
	var out strings.Builder
	s.Out = &out
	if s.Ask == nil {
		s.Ask = fake
	}
	o, err := s.Run()
	if verr := fake.Verify(); verr != nil {
		t.Fatalf("prompt script: %v\n%s", verr, out.String())
	}
	return o, out.String(), err
}

func TestSessionJudgesEveryKindAndShowsTheRightAnswer(t *testing.T) {
	fake := prompt.NewFake(prompt.Keys("3f"), []prompt.Step{prompt.Input("Parma"), prompt.Input("Danube")})
	clock := &tickingClock{Fake: fake, now: t0, step: 2 * time.Second}
	s := &Session{Questions: sessionQuestions(), Ask: clock, Now: clock.Now}
	o, out, err := runSession(t, s, fake)
	if err != nil {
		t.Fatal(err)
	}
	if o.End != EndFinished || len(o.Results) != 4 || o.Duration != 8*time.Second {
		t.Fatalf("outcome %+v", o)
	}
	want := []Result{
		{QuestionIndex: 0, Given: "Turin", Correct: false, Elapsed: 2 * time.Second},
		{QuestionIndex: 1, Given: False, Correct: true, Elapsed: 2 * time.Second},
		{QuestionIndex: 2, Given: "Parma", Correct: false, Elapsed: 2 * time.Second},
		{QuestionIndex: 3, Given: "Danube", Correct: true, Elapsed: 2 * time.Second},
	}
	for i, r := range o.Results {
		if r != want[i] {
			t.Errorf("result %d = %+v, want %+v", i, r, want[i])
		}
	}
	for _, line := range []string{
		"Question 1/4 · Geo",
		"  2) Rome",
		"\n3\n✗ Wrong. The answer is 2) Rome", // the pressed key is echoed
		"True or false?\nCapital of Spain? — Lisbon",
		"✓ Correct: false. The answer is Madrid",
		"✗ Wrong. The answer is Paris",
		"Par[-is-]{+ma+}   ([-x-] missing, {+y+} extra)",
		"Question 4/4",
		"✓ Correct.",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("screen lacks %q:\n%s", line, out)
		}
	}
	if strings.Contains(out, "left") {
		t.Errorf("a quiz without a limit shows a time left:\n%s", out)
	}
	if shown := strings.Join(fake.Shown, "|"); shown != "Your choice (1-4): |t (true) or f (false): |Your answer: |Fill the gap: " {
		t.Errorf("prompts %q", fake.Shown)
	}
}

func TestSessionChoiceByNumberIsJudgedByPositionNotText(t *testing.T) {
	// The options are numbers themselves: key 1 picks the first option
	// ("4"), which is right, though Check would read "1" as option 2.
	q := Question{Kind: KindMC, Prompt: "Moons of Jupiter known to Galileo?", Answer: "4",
		Options: []string{"4", "1", "2", "3"}, Correct: 0}
	fake := prompt.NewFake(prompt.Keys("1"))
	o, _, err := runSession(t, &Session{Questions: []Question{q}}, fake)
	if err != nil || len(o.Results) != 1 || !o.Results[0].Correct || o.Results[0].Given != "4" {
		t.Fatalf("outcome %+v, err %v", o, err)
	}
}

func TestSessionAcceptsAForgivenAnswerAndShowsTheExactOne(t *testing.T) {
	q := Question{Kind: KindTyped, Prompt: "Capital of Switzerland?", Answer: "Bern"}
	o, out, _ := runSession(t, &Session{Questions: []Question{q}}, prompt.NewFake([]prompt.Step{prompt.Input("berne")}))
	if !o.Results[0].Correct || !strings.Contains(out, "✓ Accepted. The answer is Bern") {
		t.Errorf("result %+v\n%s", o.Results[0], out)
	}
	q.Answer = "Zürich"
	o, _, _ = runSession(t, &Session{Questions: []Question{q}, Check: CheckOptions{IgnoreAccents: true}},
		prompt.NewFake([]prompt.Step{prompt.Input("Zurich")}))
	if !o.Results[0].Correct {
		t.Errorf("an answer without accents is wrong with IgnoreAccents")
	}
	q.Answer = "Zürich / Zurigo"
	o, out, _ = runSession(t, &Session{Questions: []Question{q}}, prompt.NewFake([]prompt.Step{prompt.Input("")}))
	if o.Results[0].Correct || !strings.Contains(out, "✗ No answer. The answer is Zürich / Zurigo") {
		t.Errorf("an empty answer: %+v\n%s", o.Results[0], out)
	}
}

func TestSessionShowsNoDiffForAnAnswerWithNothingInCommon(t *testing.T) {
	q := Question{Kind: KindTyped, Prompt: "Capital of France?", Answer: "Paris"}
	_, out, _ := runSession(t, &Session{Questions: []Question{q}}, prompt.NewFake([]prompt.Step{prompt.Input("Lyon")}))
	if !strings.Contains(out, "✗ Wrong. The answer is Paris") || strings.Contains(out, "[-") {
		t.Errorf("screen:\n%s", out)
	}
}

func TestSessionShowsANoteOnlyTheFirstTime(t *testing.T) {
	qs := []Question{
		{Kind: KindTyped, Prompt: "A?", Answer: "a", Note: noteTypedNoChoices},
		{Kind: KindTyped, Prompt: "B?", Answer: "b", Note: noteTypedNoChoices},
	}
	_, out, _ := runSession(t, &Session{Questions: qs}, prompt.NewFake([]prompt.Step{prompt.Input("a"), prompt.Input("b")}))
	if n := strings.Count(out, noteTypedNoChoices); n != 1 {
		t.Errorf("the note appears %d times:\n%s", n, out)
	}
}

func TestSessionInterruptKeepsTheAnswersGiven(t *testing.T) {
	fake := prompt.NewFake(prompt.Keys("2"), []prompt.Step{prompt.Interrupt("key")})
	var seen []string
	s := &Session{Questions: sessionQuestions(), OnAnswer: func(q Question, r Result) error {
		seen = append(seen, q.CardID)
		return nil
	}}
	o, _, err := runSession(t, s, fake)
	if !errors.Is(err, prompt.ErrInterrupted) {
		t.Fatalf("err %v, want the interrupt", err)
	}
	if o.End != EndInterrupted || len(o.Results) != 1 || !o.Results[0].Correct {
		t.Errorf("outcome %+v", o)
	}
	if strings.Join(seen, ",") != "c1" {
		t.Errorf("OnAnswer saw %v, want only c1", seen)
	}
}

func TestSessionStopsBeforeTheNextQuestionWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Session{Questions: sessionQuestions(), Ctx: ctx, OnAnswer: func(Question, Result) error {
		cancel() // as if Ctrl-C arrived while the answer was being saved
		return nil
	}}
	o, out, err := runSession(t, s, prompt.NewFake(prompt.Keys("2")))
	if !errors.Is(err, context.Canceled) || o.End != EndInterrupted || len(o.Results) != 1 {
		t.Errorf("outcome %+v, err %v", o, err)
	}
	if strings.Contains(out, "Question 2/") {
		t.Errorf("a question was shown after the cancel:\n%s", out)
	}
}

func TestSessionOnAnswerFailureEndsTheQuiz(t *testing.T) {
	boom := errors.New("disk full")
	s := &Session{Questions: sessionQuestions(), OnAnswer: func(Question, Result) error { return boom }}
	o, _, err := runSession(t, s, prompt.NewFake(prompt.Keys("2")))
	if !errors.Is(err, boom) || len(o.Results) != 1 {
		t.Errorf("outcome %+v, err %v", o, err)
	}
}

func TestSessionTimeLimitShowsTimeLeftAndDropsALateAnswer(t *testing.T) {
	// 50 s a question against a limit of 2 minutes: the first two answers
	// come at 0:50 and 1:40, the third at 2:30, after the limit.
	fake := prompt.NewFake(prompt.Keys("2t"), []prompt.Step{prompt.Input("Paris")})
	clock := &tickingClock{Fake: fake, now: t0, step: 50 * time.Second}
	var saved int
	s := &Session{Questions: sessionQuestions(), Ask: clock, Now: clock.Now, Limit: 2 * time.Minute,
		OnAnswer: func(Question, Result) error { saved++; return nil }}
	o, out, err := runSession(t, s, fake)
	if err != nil {
		t.Fatal(err)
	}
	if o.End != EndTimeUp || len(o.Results) != 2 || saved != 2 {
		t.Fatalf("outcome %+v, %d saved", o, saved)
	}
	for _, line := range []string{"Question 1/4 · Geo · 2:00 left", "Question 2/4 · Geo · 1:10 left",
		"Question 3/4 · Geo · 0:20 left", "Time is up: this answer came after the limit and does not count."} {
		if !strings.Contains(out, line) {
			t.Errorf("screen lacks %q:\n%s", line, out)
		}
	}
	if strings.Contains(out, "Question 4/4") || strings.Contains(out, "The answer is Paris") {
		t.Errorf("the quiz went on after the limit:\n%s", out)
	}
}

// waitingClock is a tickingClock whose prompts give up at the wait limit
// the session sets, as prompt.Terminal does.
type waitingClock struct {
	tickingClock
	limit time.Duration
	waits []time.Duration
}

func (c *waitingClock) LimitWait(d time.Duration) { c.limit = d; c.waits = append(c.waits, d) }

func (c *waitingClock) timedOut() bool {
	if c.limit > 0 && c.limit < c.step {
		c.now = c.now.Add(c.limit)
		return true
	}
	return false
}

func (c *waitingClock) Key(msg, allowed string) (rune, error) {
	if c.timedOut() {
		return 0, fmt.Errorf("read: %w", os.ErrDeadlineExceeded)
	}
	return c.tickingClock.Key(msg, allowed)
}

func (c *waitingClock) Input(msg, def string) (string, error) {
	if c.timedOut() {
		return "", fmt.Errorf("read: %w", os.ErrDeadlineExceeded)
	}
	return c.tickingClock.Input(msg, def)
}

func TestSessionTimeLimitEndsAQuestionThatIsStillWaiting(t *testing.T) {
	// 50 s a question against 2 minutes: the third question is given up
	// at 2:00, with 20 s left when it was shown.
	fake := prompt.NewFake(prompt.Keys("2t"))
	clock := &waitingClock{tickingClock: tickingClock{Fake: fake, now: t0, step: 50 * time.Second}}
	s := &Session{Questions: sessionQuestions(), Ask: clock, Now: clock.Now, Limit: 2 * time.Minute}
	o, out, err := runSession(t, s, fake)
	if err != nil {
		t.Fatal(err)
	}
	if o.End != EndTimeUp || len(o.Results) != 2 || o.Duration != 2*time.Minute {
		t.Fatalf("outcome %+v", o)
	}
	if want := []time.Duration{2 * time.Minute, 70 * time.Second, 20 * time.Second}; !slices.Equal(clock.waits, want) {
		t.Errorf("wait limits %v, want %v", clock.waits, want)
	}
	if !strings.Contains(out, "Question 3/4 · Geo · 0:20 left") || !strings.Contains(out, "Time is up.") ||
		strings.Contains(out, "does not count") || strings.Contains(out, "Question 4/4") {
		t.Errorf("screen:\n%s", out)
	}
}

func TestSessionTimeUpBeforeAQuestionAsksNothingMore(t *testing.T) {
	fake := prompt.NewFake(prompt.Keys("2"))
	clock := &tickingClock{Fake: fake, now: t0, step: time.Minute}
	s := &Session{Questions: sessionQuestions(), Ask: clock, Now: clock.Now, Limit: time.Minute}
	o, out, _ := runSession(t, s, fake)
	if o.End != EndTimeUp || len(o.Results) != 1 || !strings.Contains(out, "Time is up.") {
		t.Errorf("outcome %+v\n%s", o, out)
	}
}

func TestSessionCleansCardTextAndColoursOnlyWhenAsked(t *testing.T) {
	q := Question{Kind: KindTyped, Deck: "Evil\x1b]0;title\x07", Prompt: "Capital\x1b[2J of France?", Answer: "Par\x1b[31mis"}
	_, out, _ := runSession(t, &Session{Questions: []Question{q}}, prompt.NewFake([]prompt.Step{prompt.Input("Lyon")}))
	if strings.ContainsRune(out, '\x1b') {
		t.Errorf("escape sequences reached the screen: %q", out)
	}
	if !strings.Contains(out, "Capital of France?") || !strings.Contains(out, "The answer is Paris") {
		t.Errorf("cleaned text missing:\n%s", out)
	}
	q = Question{Kind: KindTyped, Prompt: "Capital of France?", Answer: "Paris"}
	_, out, _ = runSession(t, &Session{Questions: []Question{q}, Color: true}, prompt.NewFake([]prompt.Step{prompt.Input("Parma")}))
	if !strings.Contains(out, "\x1b[31m✗ Wrong.\x1b[0m") || !strings.Contains(out, "Par\x1b[32mis\x1b[0m\x1b[31mma\x1b[0m") {
		t.Errorf("colour output: %q", out)
	}
	if strings.Contains(out, "[-") {
		t.Errorf("diff markup shown with colour on: %q", out)
	}
}

func TestFormatClockAndDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0:00", 9 * time.Second: "0:09", 4*time.Minute + 5*time.Second: "4:05", 4*time.Minute + 4*time.Second + 100*time.Millisecond: "4:05",
		time.Hour + 2*time.Minute + 3*time.Second: "1:02:03", -time.Second: "0:00",
	} {
		if got := FormatClock(d); got != want {
			t.Errorf("FormatClock(%v) = %q, want %q", d, got, want)
		}
	}
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45s", 6*time.Minute + 12*time.Second: "6m 12s", 5 * time.Minute: "5m",
		time.Hour + 5*time.Minute: "1h 05m",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestSessionWrapsPromptAndOptionsToTheWidth(t *testing.T) {
	long := "Which of these statements about the development of new productive forces is the one the text makes?"
	opt := "Innovation plays a leading role, and new productive forces are freed from traditional growth modes"
	q := Question{Kind: KindMC, Prompt: long, Answer: opt, Options: []string{opt, "b", "c", "d"}, Correct: 0}
	fake := prompt.NewFake(prompt.Keys("1"))
	_, out, err := runSession(t, &Session{Questions: []Question{q}, Width: 40}, fake)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 40 && !strings.HasPrefix(line, "✓") {
			t.Errorf("line of %d columns at width 40: %q", n, line)
		}
	}
	if !strings.Contains(out, "\n     ") {
		t.Errorf("option continuation lines are not indented under the option:\n%s", out)
	}
}

// A question taller than the screen pauses after each screenful, so that
// its top can be read; a key turns the page.
func TestSessionPagesAQuestionTallerThanTheScreen(t *testing.T) {
	var lines []string
	for i := 1; i <= 30; i++ {
		lines = append(lines, fmt.Sprintf("line %02d", i))
	}
	q := Question{Kind: KindTyped, Deck: "Long", Prompt: strings.Join(lines, "\n"), Answer: "x"}
	fake := prompt.NewFake(prompt.Keys("  "), []prompt.Step{prompt.Input("x")})
	o, out, err := runSession(t, &Session{Questions: []Question{q}, Height: 12}, fake)
	if err != nil || len(o.Results) != 1 {
		t.Fatalf("outcome %+v, %v", o, err)
	}
	pauses := 0
	for _, m := range fake.Shown {
		if strings.Contains(m, "-- more --") {
			pauses++
		}
	}
	if pauses != 2 || !strings.Contains(out, "line 30") {
		t.Errorf("%d pauses (want 2) in %q\n%s", pauses, fake.Shown, out)
	}
	// Ctrl-C at a page break ends the quiz like Ctrl-C at a question.
	fake = prompt.NewFake([]prompt.Step{prompt.Interrupt("key")})
	o, out, err = runSession(t, &Session{Questions: []Question{q}, Height: 12}, fake)
	if !errors.Is(err, prompt.ErrInterrupted) || o.End != EndInterrupted || strings.Contains(out, "line 30") {
		t.Errorf("Ctrl-C at a page: end %v, err %v\n%s", o.End, err, out)
	}
}

// Paging is for the question only: a question that leaves the screen all
// but full does not pause before its feedback; and the time limit holds
// at a page break.
func TestSessionPagingStopsAtTheAnswerAndKeepsTheTimeLimit(t *testing.T) {
	var lines []string
	for i := 1; i <= 9; i++ {
		lines = append(lines, fmt.Sprintf("line %02d", i))
	}
	q := Question{Kind: KindTyped, Deck: "Long", Prompt: strings.Join(lines, "\n"), Answer: "x"}
	fake := prompt.NewFake([]prompt.Step{prompt.Input("y")})
	o, out, err := runSession(t, &Session{Questions: []Question{q}, Height: 12}, fake)
	if err != nil || len(o.Results) != 1 || o.End != EndFinished || !strings.Contains(out, "The answer is x") {
		t.Fatalf("end %v, err %v\n%s", o.End, err, out)
	}

	for i := 10; i <= 30; i++ {
		lines = append(lines, fmt.Sprintf("line %02d", i))
	}
	q.Prompt = strings.Join(lines, "\n")
	fake = prompt.NewFake(prompt.Keys(" "))
	clock := &waitingClock{tickingClock: tickingClock{Fake: fake, now: t0, step: 50 * time.Second}}
	o, out, err = runSession(t, &Session{Questions: []Question{q}, Height: 12, Ask: clock, Now: clock.Now, Limit: time.Minute}, fake)
	if err != nil || o.End != EndTimeUp || len(o.Results) != 0 || !strings.Contains(out, "Time is up.") {
		t.Errorf("end %v, err %v, results %d\n%s", o.End, err, len(o.Results), out)
	}
	if want := []time.Duration{time.Minute, 10 * time.Second}; !slices.Equal(clock.waits, want) {
		t.Errorf("wait limits %v, want %v (one a page)", clock.waits, want)
	}
}
