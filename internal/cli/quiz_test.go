package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"recall/internal/prompt"
	"recall/internal/quiz"
	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
	"recall/internal/term"
)

// quizDeck is a deck with enough look-alike answers for every kind of
// question.
const quizDeck = `---
deck: Geography
---

Q: What is the capital of France?
A: Paris

Q: What is the capital of Italy?
A: Rome

Q: What is the capital of Spain?
A: Madrid

Q: What is the capital of Germany?
A: Berlin

Q: What is the capital of Portugal?
A: Lisbon

Q: What is the capital of Austria?
A: Vienna

Q: What is the capital of Greece?
A: Athens

Q: What is the capital of Poland?
A: Warsaw

C: The longest river in Africa is the [Nile].

M: Largest ocean?
A: Pacific
X: Atlantic
X: Indian
X: Arctic

T: Capital of Switzerland?
A: Bern
`

var quizNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// quizCollection imports quizDeck into a new collection and returns its
// path.
func quizCollection(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "collection.db")
	file := filepath.Join(dir, "geo.md")
	if err := os.WriteFile(file, []byte(quizDeck), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := Run([]string{"--db", db, "import", file}, term.Test(strings.NewReader(""), &out, &errOut, false)); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut.String())
	}
	return db
}

// quizCLI runs recall in-process on a collection; tty says whether the
// streams count as a terminal, and fake (when set) answers the prompts.
type quizCLI struct {
	out, errOut bytes.Buffer
	f           *Factory
	db          string
	at          time.Time // the --now of the command
}

func newQuizCLI(db string, tty bool, fake prompt.Prompter) *quizCLI {
	c := &quizCLI{db: db, at: quizNow}
	c.f = NewFactory(term.Test(strings.NewReader(""), &c.out, &c.errOut, tty))
	c.f.DB = db
	c.f.NowFlag = quizNow.Format(time.RFC3339)
	if fake != nil {
		c.f.Prompter = func() prompt.Prompter { return fake }
	}
	return c
}

// run executes `recall quiz ...` and returns the error the command ended
// with.
func (c *quizCLI) run(args ...string) error {
	root := NewRootCmd(c.f)
	// The global flags are bound to the Factory, so they are passed as
	// flags rather than set on it.
	root.SetArgs(append([]string{"--db", c.db, "--now", c.at.Format(time.RFC3339), "quiz"}, args...))
	root.SetOut(&c.out)
	root.SetErr(&c.errOut)
	err := root.ExecuteContext(context.Background())
	c.f.close()
	return err
}

// questionsOf prints the quiz for the flags as JSON, as a script would,
// and returns its questions: the key to what the terminal quiz will ask.
func questionsOf(t *testing.T, db string, args ...string) []questionJSON {
	t.Helper()
	c := newQuizCLI(db, false, nil)
	if err := c.run(append(args, "--json")...); err != nil {
		t.Fatalf("quiz --json: %v\n%s", err, c.errOut.String())
	}
	var got quizQuestionsJSON
	if err := json.Unmarshal(c.out.Bytes(), &got); err != nil {
		t.Fatalf("quiz --json output: %v\n%s", err, c.out.String())
	}
	return got.Questions
}

// answerSteps scripts the prompts: right answers where right[i] is true,
// wrong ones elsewhere.
func answerSteps(qs []questionJSON, right ...bool) []prompt.Step {
	var steps []prompt.Step
	for i, q := range qs {
		ok := i < len(right) && right[i]
		switch q.Kind {
		case "mc", "tf":
			k := q.CorrectOption
			if !ok {
				k = k%len(q.Options) + 1
			}
			steps = append(steps, prompt.Keys(strconv.Itoa(k))...)
		default:
			text := q.Answer
			if !ok {
				text = "Ulaanbaatar"
			}
			steps = append(steps, prompt.Input(text))
		}
	}
	return steps
}

// quizzesIn returns the kept quiz results.
func quizzesIn(t *testing.T, db string) []store.QuizRecord {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs, err := st.Quizzes()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func extraOf(t *testing.T, rec store.QuizRecord) quizExtra {
	t.Helper()
	var ex quizExtra
	if err := json.Unmarshal(rec.Extra, &ex); err != nil {
		t.Fatalf("extra of the kept result: %v", err)
	}
	return ex
}

func TestQuizInATerminalScoresShowsMissedAndKeepsTheResult(t *testing.T) {
	db := quizCollection(t)
	args := []string{"--seed", "7", "-n", "5"}
	qs := questionsOf(t, db, args...)
	if len(qs) != 5 {
		t.Fatalf("%d questions, want 5", len(qs))
	}
	fake := prompt.NewFake(answerSteps(qs, true, false, true, false, true))
	c := newQuizCLI(db, true, fake)
	if err := c.run(args...); err != nil {
		t.Fatalf("quiz: %v\n%s", err, c.errOut.String())
	}
	if err := fake.Verify(); err != nil {
		t.Fatal(err)
	}
	out := c.out.String()
	for _, want := range []string{"Score: 3/5 (60%) in ", "Missed:\n  2. ", "  4. ", "Seed 7; take this quiz again with:\n  recall quiz -n 5 --seed 7"} {
		if !strings.Contains(out, want) {
			t.Errorf("result lacks %q:\n%s", want, out)
		}
	}
	for _, i := range []int{1, 3} {
		if !strings.Contains(out, "right answer: "+missedAnswer(qs[i])) {
			t.Errorf("result lacks the right answer of question %d (%q):\n%s", i+1, missedAnswer(qs[i]), out)
		}
	}
	if !strings.Contains(c.errOut.String(), "Question 5/5") || strings.Contains(out, "Question 1/5") {
		t.Errorf("questions must go to stderr only:\nstdout %s\nstderr %s", out, c.errOut.String())
	}
	recs := quizzesIn(t, db)
	if len(recs) != 1 {
		t.Fatalf("%d results kept, want 1", len(recs))
	}
	rec, ex := recs[0], extraOf(t, recs[0])
	if rec.Correct != 3 || rec.Total != 5 || rec.Mode != "mixed" || !slices.Equal(rec.Decks, []string{"Geography"}) {
		t.Errorf("kept %+v", rec)
	}
	if len(rec.Missed) != 2 || rec.Missed[0].CardID != qs[1].CardID || rec.Missed[1].CardID != qs[3].CardID {
		t.Errorf("missed %+v", rec.Missed)
	}
	if ex.Seed != 7 || ex.Questions != 5 || ex.End != "finished" ||
		!slices.Equal(ex.PerDeck, []deckScore{{Deck: "Geography", Correct: 3, Total: 5}}) || !slices.Equal(ex.Numbers, []int{2, 4}) {
		t.Errorf("extra %+v", ex)
	}
	// Without --schedule a quiz leaves the cards alone.
	if log := logOf(t, db); len(log) != 0 {
		t.Errorf("review log %v, want none", log)
	}
}

// missedAnswer is the answer the missed list shows for a question.
func missedAnswer(q questionJSON) string {
	if q.Kind == "tf" && q.Answer == quiz.False {
		return "False — " + q.CardAnswer
	}
	return q.Answer
}

func TestQuizCtrlCShowsAndKeepsThePartialResultAndExits130(t *testing.T) {
	db := quizCollection(t)
	args := []string{"--seed", "11", "-n", "6"}
	qs := questionsOf(t, db, args...)
	steps := answerSteps(qs[:2], true, false)
	kind := "key"
	if qs[2].Kind != "mc" && qs[2].Kind != "tf" {
		kind = "input"
	}
	fake := prompt.NewFake(steps, []prompt.Step{prompt.Interrupt(kind)})
	c := newQuizCLI(db, true, fake)
	err := c.run(args...)
	if code := exitCode(err); code != ExitInterrupted {
		t.Fatalf("exit %d (%v), want %d", code, err, ExitInterrupted)
	}
	out := c.out.String()
	if !strings.Contains(out, "Score: 1/2 (50%)") || !strings.Contains(out, "Stopped after 2 of 6 questions.") {
		t.Errorf("partial result not shown:\n%s", out)
	}
	recs := quizzesIn(t, db)
	if len(recs) != 1 || recs[0].Correct != 1 || recs[0].Total != 2 || extraOf(t, recs[0]).End != "interrupted" {
		t.Fatalf("kept %+v", recs)
	}
}

func TestQuizInterruptedBeforeAnyAnswerKeepsNothing(t *testing.T) {
	db := quizCollection(t)
	qs := questionsOf(t, db, "--seed", "3", "-n", "2", "--mode", "typed")
	if qs[0].Kind != "typed" && qs[0].Kind != "cloze" {
		t.Fatalf("kind %s", qs[0].Kind)
	}
	c := newQuizCLI(db, true, prompt.NewFake([]prompt.Step{prompt.Interrupt("input")}))
	if err := c.run("--seed", "3", "-n", "2", "--mode", "typed"); !errors.Is(err, prompt.ErrInterrupted) {
		t.Fatalf("err %v", err)
	}
	if recs := quizzesIn(t, db); len(recs) != 0 {
		t.Errorf("kept %+v", recs)
	}
	if !strings.Contains(c.errOut.String(), "Nothing was answered, so nothing was kept.") {
		t.Errorf("stderr: %s", c.errOut.String())
	}
}

func TestQuizScheduleRecordsGoodForRightAndAgainForWrong(t *testing.T) {
	db := quizCollection(t)
	args := []string{"--seed", "5", "-n", "4", "--schedule"}
	qs := questionsOf(t, db, "--seed", "5", "-n", "4")
	fake := prompt.NewFake(answerSteps(qs, true, false, false, true))
	c := newQuizCLI(db, true, fake)
	if err := c.run(args...); err != nil {
		t.Fatalf("quiz: %v\n%s", err, c.errOut.String())
	}
	if !strings.Contains(c.out.String(), "Recorded as reviews: 2 Good, 2 Again.") {
		t.Errorf("stdout:\n%s", c.out.String())
	}
	log := logOf(t, db)
	want := map[string][]sched.Rating{
		qs[0].CardID: {sched.Good}, qs[1].CardID: {sched.Again}, qs[2].CardID: {sched.Again}, qs[3].CardID: {sched.Good},
	}
	if len(log) != len(want) {
		t.Fatalf("review log %v, want %v", log, want)
	}
	for id, rs := range want {
		if !slices.Equal(log[id], rs) {
			t.Errorf("card %s: log %v, want %v", id, log[id], rs)
		}
	}
}

// steppingPrompter moves the injected clock at every prompt, as if each
// answer took step.
type steppingPrompter struct {
	*prompt.Fake
	now  *time.Time
	step time.Duration
}

func (p steppingPrompter) Key(msg, allowed string) (rune, error) {
	*p.now = p.now.Add(p.step)
	return p.Fake.Key(msg, allowed)
}

func (p steppingPrompter) Input(msg, def string) (string, error) {
	*p.now = p.now.Add(p.step)
	return p.Fake.Input(msg, def)
}

func TestQuizTimeLimitRunsOutWithAnInjectedClock(t *testing.T) {
	db := quizCollection(t)
	qs := questionsOf(t, db, "--seed", "9", "-n", "5")
	// 25 s an answer against a minute: two answers count, the third comes
	// at 1:15 and does not.
	fake := prompt.NewFake(answerSteps(qs[:3], true, true, true))
	clock := quizNow
	c := newQuizCLI(db, true, steppingPrompter{Fake: fake, now: &clock, step: 25 * time.Second})
	opts := &quizOptions{N: 5, Mode: "mixed", Seed: 9, SeedSet: true, TimeLimit: time.Minute,
		now: func() time.Time { return clock }}
	if err := quizRun(context.Background(), c.f, opts); err != nil {
		t.Fatalf("quiz: %v\n%s", err, c.errOut.String())
	}
	c.f.close()
	if err := fake.Verify(); err != nil {
		t.Fatal(err)
	}
	screen := c.errOut.String()
	for _, want := range []string{"Question 1/5 · Geography · 1:00 left", "Question 2/5 · Geography · 0:35 left",
		"Question 3/5 · Geography · 0:10 left", "does not count"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	out := c.out.String()
	if !strings.Contains(out, "Score: 2/2 (100%) in 1m 15s") || !strings.Contains(out, "Time ran out after 2 of 5 questions.") {
		t.Errorf("result:\n%s", out)
	}
	recs := quizzesIn(t, db)
	if len(recs) != 1 || recs[0].Total != 2 || recs[0].Duration != 75*time.Second || extraOf(t, recs[0]).End != "time-up" {
		t.Errorf("kept %+v", recs)
	}
}

func TestQuizWithoutATerminalNeedsJSONOrAnswers(t *testing.T) {
	db := quizCollection(t)
	var out, errOut bytes.Buffer
	code := Run([]string{"--db", db, "quiz"}, term.Test(strings.NewReader(""), &out, &errOut, false))
	if code != ExitUsage || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out.String())
	}
	for _, want := range []string{"needs a terminal", "--json", "--answers"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q: %s", want, errOut.String())
		}
	}
}

func TestQuizWeakAsksStudiedCardsBeforeNewOnes(t *testing.T) {
	db := quizCollection(t)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := review.NewEngine(st)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	st.EachCard(func(c *store.Card) error { ids = append(ids, c.ID); return nil })
	studied := ids[:6]
	month := quizNow.AddDate(0, -1, 0)
	for i, id := range studied {
		for _, r := range []sched.Rating{sched.Good, sched.Good, sched.Again, sched.Good}[:2+i%3] {
			if _, err := e.Answer(id, r, month, 0); err != nil {
				t.Fatal(err)
			}
			month = month.Add(time.Hour)
		}
	}
	st.Close()
	for seed := range 5 {
		for _, q := range questionsOf(t, db, "--weak", "-n", "3", "--seed", strconv.Itoa(seed)) {
			if !slices.Contains(studied, q.CardID) {
				t.Errorf("seed %d: --weak asked new card %s before studied ones", seed, q.CardID)
			}
		}
	}
}

func TestWeaknessRanksNewBelowStudiedAndLapsesAboveRecall(t *testing.T) {
	db := quizCollection(t)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, err := review.NewEngine(st)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	st.EachCard(func(c *store.Card) error { ids = append(ids, c.ID); return nil })
	answer := func(id string, at time.Time, rs ...sched.Rating) *store.Card {
		for _, r := range rs {
			if _, err := e.Answer(id, r, at, 0); err != nil {
				t.Fatal(err)
			}
			at = at.Add(24 * time.Hour)
		}
		c, err := st.Card(id)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	newCard, _ := st.Card(ids[0])
	fresh := answer(ids[1], quizNow.Add(-48*time.Hour), sched.Good, sched.Good)
	old := answer(ids[2], quizNow.AddDate(-1, 0, 0), sched.Good, sched.Good)
	lapsed := answer(ids[3], quizNow.Add(-72*time.Hour), sched.Good, sched.Good, sched.Again)
	wNew, wFresh, wOld, wLapsed := weakness(e, newCard, quizNow), weakness(e, fresh, quizNow), weakness(e, old, quizNow), weakness(e, lapsed, quizNow)
	if !(wNew < wFresh && wFresh < wOld) {
		t.Errorf("weakness new %.3f, recently studied %.3f, long overdue %.3f: want rising", wNew, wFresh, wOld)
	}
	if lapsed.Sched.Lapses != 1 || wLapsed < 1-e.Retrievability(lapsed, quizNow)+0.1-1e-9 || wLapsed <= wFresh {
		t.Errorf("a lapsed card weighs %.3f (lapses %d), fresh one %.3f", wLapsed, lapsed.Sched.Lapses, wFresh)
	}
}

func TestQuizHistoryListsResultsAndSumsEachDeck(t *testing.T) {
	db := quizCollection(t)
	for day, seed := range []string{"1", "2"} {
		qs := questionsOf(t, db, "--seed", seed, "-n", "4")
		fake := prompt.NewFake(answerSteps(qs, true, true, seed == "1", false))
		c := newQuizCLI(db, true, fake)
		c.at = quizNow.AddDate(0, 0, day)
		if err := c.run("--seed", seed, "-n", "4"); err != nil {
			t.Fatal(err)
		}
	}
	c := newQuizCLI(db, false, nil)
	if err := c.run("history", "--json"); err != nil {
		t.Fatal(err)
	}
	var h quizHistoryJSON
	if err := json.Unmarshal(c.out.Bytes(), &h); err != nil {
		t.Fatalf("%v\n%s", err, c.out.String())
	}
	if len(h.Quizzes) != 2 || h.Quizzes[0].Correct != 3 || h.Quizzes[1].Correct != 2 || h.Quizzes[0].Seed != 1 {
		t.Errorf("quizzes %+v", h.Quizzes)
	}
	if len(h.Decks) != 1 || h.Decks[0].Deck != "Geography" || h.Decks[0].Quizzes != 2 || h.Decks[0].Correct != 5 ||
		h.Decks[0].Total != 8 || h.Decks[0].Percent != 62.5 || h.Decks[0].LastCorrect != 2 {
		t.Errorf("decks %+v", h.Decks)
	}
	c = newQuizCLI(db, false, nil)
	if err := c.run("history"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3/4   75%  mixed", "2/4   50%  mixed", "Geography        2          8    62%"} {
		if !strings.Contains(c.out.String(), want) {
			t.Errorf("history lacks %q:\n%s", want, c.out.String())
		}
	}
	c = newQuizCLI(db, false, nil)
	if err := c.run("history", "History"); err != nil {
		t.Fatal(err)
	}
	if c.out.Len() != 0 || !strings.Contains(c.errOut.String(), "No quizzes from \"History\" yet") {
		t.Errorf("filtered history: stdout %q stderr %q", c.out.String(), c.errOut.String())
	}
}
