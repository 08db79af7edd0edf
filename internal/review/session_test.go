package review

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"recall/internal/prompt"
	"recall/internal/sched"
	"recall/internal/store"
	"recall/internal/term"
)

// The fixture's queue, with siblings kept apart: basic, cloze1, typed, mc,
// rev1 (cloze2 and rev2 are siblings of queued cards).

func TestRevealThenGradeCommitsTheAnswer(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	sum, out, err := f.run(prompt.Keys(" 4q"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.ratingsOf("basic"); !reflect.DeepEqual(got, []sched.Rating{sched.Easy}) {
		t.Errorf("log of the basic card = %v, want [easy]", got)
	}
	if c := f.card("basic"); c.Sched.State != sched.Review || c.Sched.Reps != 1 {
		t.Errorf("card after Easy: %+v", c.Sched)
	}
	if sum.Reviewed != 1 || sum.Ratings[sched.Easy] != 1 || sum.End != EndQuit {
		t.Errorf("summary %+v", sum)
	}
	for _, want := range []string{"What is the capital of France?", "Paris", "1 Again 1m", "4 Easy", "✓ Saved: Easy · next in"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEnterAndSpaceGradeGood(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	_, _, err := f.run(prompt.Keys(" \r \rq"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.ratingsOf("basic"); !reflect.DeepEqual(got, []sched.Rating{sched.Good}) {
		t.Errorf("enter graded %v, want [good]", got)
	}
	if got := f.ratingsOf("cloze1"); !reflect.DeepEqual(got, []sched.Rating{sched.Good}) {
		t.Errorf("space graded %v, want [good]", got)
	}
}

func TestStatusLineCountsWhatIsLeft(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	_, out, _ := f.run(prompt.Keys(" 1q"))
	if !strings.Contains(out, "Card 1 · new 5 · learning 0 · review 0 · 0:0") {
		t.Errorf("first status line wrong:\n%s", out)
	}
	// Again keeps the card for later today: it counts as learning now.
	if !strings.Contains(out, "Card 2 · new 4 · learning 1 · review 0") {
		t.Errorf("second status line wrong:\n%s", out)
	}
}

func TestUndoTwiceBringsBackTheCardsNewestFirst(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	// Answer basic and cloze1, undo twice at the typed card's front: cloze1
	// comes back, and at its front the second undo brings back basic.
	sum, out, err := f.run(prompt.Keys(" 3 3uu q"))
	if err != nil {
		t.Fatal(err)
	}
	want := f.ids("basic", "cloze1", "typed", "cloze1", "basic")
	if got := shownIDs(out); !reflect.DeepEqual(got, want) {
		t.Errorf("cards shown %v, want %v", got, want)
	}
	if n := len(f.reviews()); n != 0 {
		t.Errorf("review log has %d entries after undoing both answers", n)
	}
	for _, name := range []string{"basic", "cloze1"} {
		if c := f.card(name); c.Sched.State != sched.New {
			t.Errorf("%s is %v after undo, want new", name, c.Sched.State)
		}
	}
	if sum.Reviewed != 0 || sum.Ratings[sched.Good] != 0 {
		t.Errorf("summary still counts undone answers: %+v", sum)
	}
	if !strings.Contains(out, "Took back Good") {
		t.Errorf("undo not announced:\n%s", out)
	}
}

func TestUndoAfterUndoingEverythingSaysSo(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	_, out, err := f.run(prompt.Keys("uq"))
	if err != nil || !strings.Contains(out, "Nothing to undo in this session.") {
		t.Errorf("err %v, output:\n%s", err, out)
	}
}

func TestUndoAnswerOfACardThatCameBackForLearning(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.eng.Config = NewConfig(map[string]string{"timezone": "UTC", "new_per_day": "1"})
	// Again puts the card in learning, due in a minute: it comes back at
	// once (learn ahead); undo there restores the new card, shown once more.
	_, out, err := f.run(prompt.Keys(" 1u q"))
	if err != nil {
		t.Fatal(err)
	}
	id := f.cards["basic"].ID
	if got := shownIDs(out); !reflect.DeepEqual(got, []string{id, id, id}) {
		t.Errorf("shown %v", got)
	}
	if c := f.card("basic"); c.Sched.State != sched.New || len(f.reviews()) != 0 {
		t.Errorf("after undo: %+v, log %d", c.Sched, len(f.reviews()))
	}
}

func TestSuspendTakesTheCardOutAndUndoBringsItBack(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	sum, out, err := f.run(prompt.Keys("s"), prompt.Keys("q"))
	if err != nil {
		t.Fatal(err)
	}
	if !f.card("basic").Suspended || sum.Suspended != 1 {
		t.Fatalf("basic not suspended (summary %+v)", sum)
	}
	if got := shownIDs(out); !reflect.DeepEqual(got, f.ids("basic", "cloze1")) {
		t.Errorf("shown %v", got)
	}
	_, out, err = f.run(prompt.Keys("s"), prompt.Keys("u"), prompt.Keys("q"))
	if err != nil {
		t.Fatal(err)
	}
	// The second session starts at cloze1 (basic is suspended): suspend it,
	// then take that back at typed's front.
	if f.card("cloze1").Suspended {
		t.Error("undo did not unsuspend cloze1")
	}
	if got := shownIDs(out); !reflect.DeepEqual(got, f.ids("cloze1", "typed", "cloze1")) {
		t.Errorf("shown %v", got)
	}
}

func TestBuryHidesTheCardUntilTheNextDay(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	sum, _, err := f.run(prompt.Keys(" b"), prompt.Keys("q"))
	if err != nil {
		t.Fatal(err)
	}
	c := f.card("basic")
	tomorrow := time.Date(2026, 3, 3, 4, 0, 0, 0, time.UTC)
	if !c.BuriedUntil.Equal(tomorrow) || sum.Buried != 1 {
		t.Fatalf("buried until %v, want %v (summary %+v)", c.BuriedUntil, tomorrow, sum)
	}
	if len(f.reviews()) != 0 {
		t.Error("bury recorded an answer")
	}
	q, _ := f.eng.BuildQueue(sessionT0.Add(time.Hour), QueueOptions{NewLimit: -1, ReviewLimit: -1})
	if slices.ContainsFunc(q.Cards, func(x *store.Card) bool { return x.ID == c.ID }) {
		t.Error("buried card is still in today's queue")
	}
	q, _ = f.eng.BuildQueue(tomorrow.Add(time.Hour), QueueOptions{NewLimit: -1, ReviewLimit: -1})
	if !slices.ContainsFunc(q.Cards, func(x *store.Card) bool { return x.ID == c.ID }) {
		t.Error("buried card is not back tomorrow")
	}
}

func TestQuitKeepsAnswersAndEndsWithoutError(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	sum, _, err := f.run(prompt.Keys(" 3 q"))
	if err != nil || sum.End != EndQuit || sum.Reviewed != 1 || len(f.reviews()) != 1 {
		t.Errorf("err %v summary %+v log %d", err, sum, len(f.reviews()))
	}
}

func TestCtrlCMidCardKeepsAnswersAndReportsInterrupted(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	sum, _, err := f.run(prompt.Keys(" 3 "), steps(prompt.Interrupt("key")))
	if !errors.Is(err, prompt.ErrInterrupted) || sum.End != EndInterrupted {
		t.Fatalf("err %v end %v", err, sum.End)
	}
	if sum.Reviewed != 1 || len(f.reviews()) != 1 || f.card("cloze1").Sched.State != sched.New {
		t.Errorf("summary %+v, log %d, cloze1 %v", sum, len(f.reviews()), f.card("cloze1").Sched.State)
	}
}

func TestCtrlCWhileTypingAnAnswer(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	sum, _, err := f.run(prompt.Keys(" 3 3 "), steps(prompt.Interrupt("input")))
	if !errors.Is(err, prompt.ErrInterrupted) || sum.Reviewed != 2 || len(f.reviews()) != 2 {
		t.Errorf("err %v summary %+v log %d", err, sum, len(f.reviews()))
	}
}

func TestCancelledContextStopsBetweenCards(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	ctx, cancel := context.WithCancel(context.Background())
	fake := prompt.NewFake(prompt.Keys(" 3"))
	s, _ := f.session(fake)
	s.Ctx = ctx
	// Cancel as soon as the first answer is saved: the grade key is the
	// last scripted step, so the next prompt would fail the script.
	s.Now = func() time.Time {
		if len(f.reviews()) > 0 {
			cancel()
		}
		return f.clock.Now()
	}
	sum, err := s.Run()
	if !errors.Is(err, prompt.ErrInterrupted) || sum.End != EndInterrupted || sum.Reviewed != 1 {
		t.Errorf("err %v summary %+v", err, sum)
	}
	if err := fake.Verify(); err != nil {
		t.Error(err)
	}
}

func TestTimeBoxStopsTakingCards(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.clock.step = 0
	fake := prompt.NewFake(prompt.Keys(" 3 3"))
	s, out := f.session(fake)
	// Every key press takes 30 seconds: two cards fill two minutes.
	s.Prompt = slowKeys{fake, f.clock, 30 * time.Second}
	s.TimeBox = 2 * time.Minute
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if sum.End != EndTimeUp || sum.Reviewed != 2 || len(f.reviews()) != 2 {
		t.Errorf("summary %+v log %d", sum, len(f.reviews()))
	}
	if !strings.Contains(out.String(), "Time is up (2m)") {
		t.Errorf("no time-up message:\n%s", out)
	}
}

func TestLimitCapsTheSession(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys(" 4 4"))
	s, out := f.session(fake)
	s.Queue.Limit = 2
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil || sum.End != EndFinished || sum.Reviewed != 2 {
		t.Fatalf("err %v script %v summary %+v\n%s", err, fake.Verify(), sum, out)
	}
	if !strings.Contains(out.String(), "That is all for now.") {
		t.Errorf("no end message:\n%s", out)
	}
}

func TestNewLimitAndTagFilter(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys(" 4"))
	s, out := f.session(fake)
	s.Queue.NewLimit = 1
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil || sum.Reviewed != 1 || sum.End != EndFinished {
		t.Fatalf("err %v script %v summary %+v\n%s", err, fake.Verify(), sum, out)
	}
	if got := shownIDs(out.String()); !reflect.DeepEqual(got, f.ids("basic")) {
		t.Errorf("shown %v", got)
	}
}

func TestLearningCardReturnsInTheSameSession(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	// One new card: Again (1m), Good (10m), Good (graduates). Each wait is
	// within the learn-ahead window, so the card comes back at once.
	fake := prompt.NewFake(prompt.Keys(" 1 3 3"))
	s, out := f.session(fake)
	s.Queue.NewLimit = 1
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if got := f.ratingsOf("basic"); !reflect.DeepEqual(got, []sched.Rating{sched.Again, sched.Good, sched.Good}) {
		t.Errorf("log %v", got)
	}
	if c := f.card("basic"); c.Sched.State != sched.Review || sum.End != EndFinished || sum.LaterToday != 0 {
		t.Errorf("card %+v summary %+v", c.Sched, sum)
	}
}

func TestLearningCardDueAfterLearnAheadEndsTheSession(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.eng.Config = NewConfig(map[string]string{"timezone": "UTC", "learning_steps": "30m"})
	fake := prompt.NewFake(prompt.Keys(" 1"))
	s, out := f.session(fake)
	s.Queue.NewLimit = 1
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if sum.End != EndFinished || sum.LaterToday != 1 || sum.NextLearning.Sub(sessionT0) < 29*time.Minute {
		t.Errorf("summary %+v", sum)
	}
	if !strings.Contains(out.String(), "1 learning card come back later today; the next in 30m") {
		t.Errorf("no message about the returning card:\n%s", out)
	}
}

func TestSiblingsAreBuriedAfterAnAnswerAndUnburiedByUndo(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.makeReview("rev1", sessionT0.Add(-time.Hour), 0)
	f.makeReview("rev2", sessionT0.Add(-time.Hour), 0)
	fake := prompt.NewFake(prompt.Keys(" 3"))
	s, out := f.session(fake)
	s.Queue.NewLimit = 0
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil || sum.Reviewed != 1 || sum.End != EndFinished {
		t.Fatalf("err %v script %v summary %+v\n%s", err, fake.Verify(), sum, out)
	}
	first := shownIDs(out.String())[0]
	other := "rev2"
	if first == f.cards["rev2"].ID {
		other = "rev1"
	}
	if got := f.card(other).BuriedUntil; !got.Equal(time.Date(2026, 3, 3, 4, 0, 0, 0, time.UTC)) {
		t.Errorf("sibling buried until %v", got)
	}
	if !strings.Contains(out.String(), "1 sibling buried until tomorrow") {
		t.Errorf("burial not announced:\n%s", out)
	}

	// Without the setting both sides are shown.
	g := newFixture(t, fixtureDeck)
	g.makeReview("rev1", sessionT0.Add(-time.Hour), 0)
	g.makeReview("rev2", sessionT0.Add(-time.Hour), 0)
	g.eng.Config = NewConfig(map[string]string{"timezone": "UTC", "bury_siblings": "off"})
	fake = prompt.NewFake(prompt.Keys(" 3 3"))
	s, out = g.session(fake)
	s.Queue.NewLimit = 0
	if sum, err := s.Run(); err != nil || fake.Verify() != nil || sum.Reviewed != 2 {
		t.Errorf("without bury_siblings: err %v script %v summary %+v\n%s", err, fake.Verify(), sum, out)
	}
}

func TestUndoUnburiesTheSiblings(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.makeReview("rev1", sessionT0.Add(-time.Hour), 0)
	f.makeReview("rev2", sessionT0.Add(-time.Hour), 0)
	// The queue is both sides and one new card; answering the first side
	// buries the other, and u at the new card's front takes that back.
	fake := prompt.NewFake(prompt.Keys(" 3"), prompt.Keys("u"), prompt.Keys("q"))
	s, out := f.session(fake)
	s.Queue.NewLimit = 1
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	for _, name := range []string{"rev1", "rev2"} {
		if c := f.card(name); !c.BuriedUntil.IsZero() || c.Sched.Reps != 2 {
			t.Errorf("%s after undo: buried %v reps %d", name, c.BuriedUntil, c.Sched.Reps)
		}
	}
}

func TestLeechIsReportedAndSuspended(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.makeReview("basic", sessionT0.Add(-time.Hour), 0)
	f.eng.Config = NewConfig(map[string]string{"timezone": "UTC", "leech_threshold": "1"})
	fake := prompt.NewFake(prompt.Keys(" 1"))
	s, out := f.session(fake)
	s.Queue.NewLimit = 0
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	c := f.card("basic")
	if !c.Suspended || !slices.Contains(c.Tags, LeechTag) || !reflect.DeepEqual(sum.Leeches, []string{c.ID}) {
		t.Errorf("card suspended %v tags %v summary leeches %v", c.Suspended, c.Tags, sum.Leeches)
	}
	if !strings.Contains(out.String(), "Leech: card "+c.ID+" has lapsed 1 time, so it is tagged") {
		t.Errorf("leech not reported:\n%s", out)
	}
}

func TestTypedAnswerSuggestsTheGrade(t *testing.T) {
	cases := []struct {
		typed   string
		suggest sched.Rating
		show    string
	}{
		{"Rome", sched.Good, "✓ Correct."},
		{"rome", sched.Good, "✓ Accepted: "},
		{"Roma", sched.Hard, "✓ Accepted: Rom[-e-]{+a+}"},
		{"Paris", sched.Again, "✗ Not quite: "},
		{"", sched.Again, "✗ No answer given."},
	}
	for _, tc := range cases {
		t.Run(tc.typed, func(t *testing.T) {
			f := newFixture(t, fixtureDeck)
			fake := prompt.NewFake(prompt.Keys(" 3 3 "), steps(prompt.Input(tc.typed)), prompt.Keys("\rq"))
			s, out := f.session(fake)
			if _, err := s.Run(); err != nil || fake.Verify() != nil {
				t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
			}
			if got := f.ratingsOf("typed"); !reflect.DeepEqual(got, []sched.Rating{tc.suggest}) {
				t.Errorf("enter graded %v, want %v", got, tc.suggest)
			}
			if !strings.Contains(out.String(), tc.show) {
				t.Errorf("output lacks %q:\n%s", tc.show, out)
			}
			if tc.suggest != sched.Good && !strings.Contains(out.String(), "Answer: Rome") {
				t.Errorf("answer not shown:\n%s", out)
			}
		})
	}
}

func TestChoiceOffersShuffledOptionsAndSuggestsAgainWhenWrong(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	mc := f.cards["mc"]
	order := shuffled(mc.ID, 4)
	if !reflect.DeepEqual(order, shuffled(mc.ID, 4)) {
		t.Fatal("option order is not stable for a card")
	}
	opts := append([]string{mc.Back}, mc.Wrong...)
	wrong := slices.IndexFunc(order, func(k int) bool { return k != 0 })
	fake := prompt.NewFake(prompt.Keys(" 3 3 "), steps(prompt.Input("Rome")), prompt.Keys("3 "), prompt.Keys(string(rune('1'+wrong))), prompt.Keys("\rq"))
	s, out := f.session(fake)
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if got := f.ratingsOf("mc"); !reflect.DeepEqual(got, []sched.Rating{sched.Again}) {
		t.Errorf("enter after a wrong choice graded %v, want [again]", got)
	}
	var shown []string
	for _, k := range order {
		shown = append(shown, opts[k])
	}
	for i, o := range shown {
		if line := fmt.Sprintf("  %d) %s", i+1, o); !strings.Contains(out.String(), line) {
			t.Errorf("option line %q not shown:\n%s", line, out)
		}
	}
	if !strings.Contains(out.String(), "✗ Wrong: "+opts[order[wrong]]) || !strings.Contains(out.String(), "Answer: Pacific") {
		t.Errorf("verdict not shown:\n%s", out)
	}

	g := newFixture(t, fixtureDeck)
	right := slices.Index(order, 0)
	fake = prompt.NewFake(prompt.Keys(" 3 3 "), steps(prompt.Input("Rome")), prompt.Keys("3 "), prompt.Keys(string(rune('1'+right))), prompt.Keys("\rq"))
	s, out = g.session(fake)
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if got := g.ratingsOf("mc"); !reflect.DeepEqual(got, []sched.Rating{sched.Good}) || !strings.Contains(out.String(), "✓ Right: Pacific") {
		t.Errorf("right choice graded %v\n%s", got, out)
	}
}

// The card's keys work at the choice prompt too: s suspends the card there
// without choosing.
func TestChoicePromptTakesTheCardKeys(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys(" 3 3 "), steps(prompt.Input("Rome")), prompt.Keys("3 "), prompt.Keys("?s"), prompt.Keys("q"))
	s, out := f.session(fake)
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if c, _ := f.st.Card(f.cards["mc"].ID); !c.Suspended || len(f.ratingsOf("mc")) != 0 {
		t.Errorf("mc: suspended %v, ratings %v; want suspended without an answer", c.Suspended, f.ratingsOf("mc"))
	}
	if !strings.Contains(fake.Shown[len(fake.Shown)-2], "Your choice (1-4) · ?: keys") {
		t.Errorf("prompts %q", fake.Shown)
	}
}

func TestClozeShowsTheBlankThenTheHighlightedAnswer(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	_, out, _ := f.run(prompt.Keys(" 3 q"))
	if !strings.Contains(out, "The [...] flows into the Black Sea.") || !strings.Contains(out, "The [Danube] flows into the Black Sea.") {
		t.Errorf("cloze without colour:\n%s", out)
	}
	g := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys(" 3 q"))
	s, buf := g.session(fake)
	s.Color = true
	s.Run()
	if !strings.Contains(buf.String(), "The \x1b[1;36m[...]\x1b[0m flows") || !strings.Contains(buf.String(), "The \x1b[1;36mDanube\x1b[0m flows") {
		t.Errorf("cloze with colour:\n%q", buf.String())
	}
}

func TestSourceKeyShowsThePassage(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.eng.Config = NewConfig(map[string]string{"timezone": "UTC", "new_per_day": "1"})
	_, out, _ := f.run(prompt.Keys("oq"))
	if !strings.Contains(out, "This card has no source passage") {
		t.Errorf("basic card source:\n%s", out)
	}
	g := newFixture(t, fixtureDeck)
	_, out, _ = g.run(prompt.Keys(" 3 3 "), steps(prompt.Input("Rome")), prompt.Keys("3 "), prompt.Keys("1"), prompt.Keys("3o oq"))
	if !strings.Contains(out, "The passage holds the answer, so it shows once the card is answered.") {
		t.Errorf("the passage was offered before the reveal:\n%s", out)
	}
	if !strings.Contains(out, "Source: atlas.md, lines 3-4\nBerlin is the capital\nof Germany.") {
		t.Errorf("reversed card source:\n%s", out)
	}
}

func TestHelpListsTheKeys(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	_, out, _ := f.run(prompt.Keys("? ?q"))
	if strings.Count(out, "u       undo last answer (repeatable)") != 2 || !strings.Contains(out, "q       quit; every answer is saved") {
		t.Errorf("help at the front and at the grades:\n%s", out)
	}
}

func TestEditRewritesTheCardAndKeepsItsID(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	id := f.cards["basic"].ID
	var file string
	fake := prompt.NewFake(prompt.Keys(" e 3q"))
	s, out := f.session(fake)
	s.TempDir = t.TempDir()
	s.Editor = func(path string) error {
		file = path
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "id: "+id) {
			t.Errorf("file lacks the id line:\n%s", data)
		}
		return os.WriteFile(path, []byte(strings.Replace(string(data), "A: Paris", "A: Paris, on the Seine", 1)), 0o600)
	}
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	c := f.card("basic")
	if c.Back != "Paris, on the Seine" || sum.Edited != 1 {
		t.Errorf("back %q edited %d", c.Back, sum.Edited)
	}
	if got := f.ratingsOf("basic"); !reflect.DeepEqual(got, []sched.Rating{sched.Good}) {
		t.Errorf("answer after the edit not recorded on the same ID: %v", got)
	}
	if !strings.Contains(out.String(), "Saved the edit.") || !strings.Contains(out.String(), "Paris, on the Seine") {
		t.Errorf("edit not shown:\n%s", out)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("temp file left behind: %v", err)
	}
}

func TestEditOfAClozeRewritesTheWholeNote(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys(" 3eq"))
	s, out := f.session(fake)
	s.TempDir = t.TempDir()
	s.Editor = func(path string) error {
		data, _ := os.ReadFile(path)
		text := string(data)
		for _, id := range f.ids("cloze1", "cloze2") {
			if !strings.Contains(text, id) {
				t.Errorf("note file lacks card %s:\n%s", id, text)
			}
		}
		return os.WriteFile(path, []byte(strings.Replace(text, "flows into", "empties into", 1)), 0o600)
	}
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	for _, name := range []string{"cloze1", "cloze2"} {
		if c := f.card(name); !strings.Contains(c.Front, "empties into") || c.ID != f.cards[name].ID {
			t.Errorf("%s after edit: %q", name, c.Front)
		}
	}
	if !strings.Contains(out.String(), "The [...] empties into the Black Sea.") {
		t.Errorf("edited card not shown again:\n%s", out)
	}
}

func TestEditorFailureKeepsTheCard(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys("eq"))
	s, out := f.session(fake)
	s.TempDir = t.TempDir()
	s.Editor = func(path string) error {
		os.WriteFile(path, []byte("Q: changed\nA: changed\n"), 0o600)
		return errors.New("exit status 1")
	}
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v", err, fake.Verify())
	}
	if c := f.card("basic"); c.Front != "What is the capital of France?" {
		t.Errorf("card changed to %q", c.Front)
	}
	if !strings.Contains(out.String(), "The editor failed (exit status 1); the card is unchanged.") {
		t.Errorf("failure not reported:\n%s", out)
	}
}

func TestEditThatDoesNotParseKeepsTheCardAndTheText(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys("eq"))
	s, out := f.session(fake)
	dir := t.TempDir()
	s.TempDir = dir
	s.Editor = func(path string) error { return os.WriteFile(path, []byte("this is not a card\n"), 0o600) }
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v", err, fake.Verify())
	}
	if c := f.card("basic"); c.Back != "Paris" {
		t.Errorf("card changed: %q", c.Back)
	}
	if !strings.Contains(out.String(), "Could not read the edited card, so it is unchanged") {
		t.Errorf("parse failure not reported:\n%s", out)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 1 {
		t.Errorf("the unreadable text should be kept, found %d files", len(left))
	}
}

func TestEditWithoutEditorSaysHowToSetOne(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	_, out, _ := f.run(prompt.Keys("eq"))
	if !strings.Contains(out, "set $EDITOR") {
		t.Errorf("output:\n%s", out)
	}
}

func TestNothingDueOffersMoreNewCards(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.eng.Config = NewConfig(map[string]string{"timezone": "UTC", "new_per_day": "0"})
	fake := prompt.NewFake(steps(prompt.Choose(1)), prompt.Keys(" 3q"))
	s, out := f.session(fake)
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if fake.Shown[0] != "What now? Take a quiz (it does not change your schedule) | Learn 7 more new cards beyond today's limit | Quit" {
		t.Errorf("menu %q", fake.Shown[0])
	}
	if !strings.Contains(out.String(), "Nothing is due now, and no card is scheduled") && !strings.Contains(out.String(), "Nothing is due, and no card is scheduled") {
		t.Errorf("no nothing-due message:\n%s", out)
	}
	if sum.Reviewed != 1 || len(f.reviews()) != 1 {
		t.Errorf("summary %+v", sum)
	}
}

// With --new 0, the limit the menu goes beyond is the flag's, not the day's.
func TestNothingDueNamesTheNewLimitGiven(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(steps(prompt.Choose(2)))
	s, out := f.session(fake)
	s.Queue.NewLimit = 0
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if !strings.Contains(fake.Shown[0], "Learn 7 more new cards beyond --new |") {
		t.Errorf("menu %q", fake.Shown[0])
	}
}

func TestNothingDueSaysWhenAndAsksForTheQuiz(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	f.makeReview("basic", sessionT0.Add(27*time.Hour), 0)
	f.eng.Config = NewConfig(map[string]string{"timezone": "UTC", "new_per_day": "0"})
	fake := prompt.NewFake(steps(prompt.Choose(0)))
	s, out := f.session(fake)
	s.Queue.Decks = []string{"Geo"}
	sum, err := s.Run()
	if err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	if want := "Nothing is due now in Geo. The next card is due in 1d"; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if !sum.WantsQuiz || sum.End != EndNothingDue || sum.Reviewed != 0 {
		t.Errorf("summary %+v", sum)
	}
	// Quit from the menu.
	fake = prompt.NewFake(steps(prompt.Choose(2)))
	s, _ = f.session(fake)
	if sum, err := s.Run(); err != nil || sum.End != EndNothingDue || fake.Verify() != nil {
		t.Errorf("quit from the menu: %v %+v %v", err, sum, fake.Verify())
	}
}

func TestEmptyCollectionSaysHowToAddCards(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	for _, c := range f.cards {
		if _, err := f.st.Delete(c.ID); err != nil {
			t.Fatal(err)
		}
	}
	sum, out, err := f.run()
	if err != nil || sum.End != EndEmpty || !strings.Contains(out, "recall import FILE") {
		t.Errorf("err %v summary %+v output:\n%s", err, sum, out)
	}
}

func TestNarrowScreenWrapsEveryLine(t *testing.T) {
	long := "---\ndeck: A deck with a rather long name that will not fit\n---\n" +
		"Q: " + strings.Repeat("A question that goes on and on ", 6) + "?\nA: Supercalifragilisticexpialidocious-and-then-some-more-letters and 北京是中国的首都北京是中国的首都北京是中国的首都\n"
	f := newFixture(t, long)
	fake := prompt.NewFake(prompt.Keys(" ?3q"))
	s, out := f.session(fake)
	s.Width = 40
	s.Color = true
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v", err, fake.Verify())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if w := textWidth(stripSGR(line)); w > 40 {
			t.Errorf("line of %d columns: %q", w, line)
		}
	}
	for _, msg := range fake.Shown {
		if w := textWidth(stripSGR(msg)); w > 40 {
			t.Errorf("prompt of %d columns: %q", w, msg)
		}
	}
}

func TestLongAnswerPagesAScreenAtATime(t *testing.T) {
	var back []string
	for i := 1; i <= 30; i++ {
		back = append(back, fmt.Sprintf("line %02d", i))
	}
	f := newFixture(t, "Q: Tell me everything\nA: "+strings.Join(back, "\n")+"\n")
	// Height 10: the back overflows twice; the Down arrow pages on (as
	// space does), q skips the rest.
	fake := prompt.NewFake(prompt.Keys(" " + string(prompt.KeyDown) + "q3q"))
	s, out := f.session(fake)
	s.Height = 10
	if _, err := s.Run(); err != nil || fake.Verify() != nil {
		t.Fatalf("err %v script %v\n%s", err, fake.Verify(), out)
	}
	more := 0
	for _, m := range fake.Shown {
		if strings.Contains(m, "-- more --") {
			more++
		}
	}
	if more != 2 {
		t.Errorf("%d pauses, want 2; prompts %q", more, fake.Shown)
	}
	// Each page holds Height-1 lines: the rule and lines 1-8, then 9-17.
	if !strings.Contains(out.String(), "line 17\n") || strings.Contains(out.String(), "line 18") {
		t.Errorf("q at -- more -- did not skip the rest:\n%s", out)
	}
	if len(f.reviews()) != 1 {
		t.Error("grade after paging not recorded")
	}
}

func TestDeckTextCannotReachTheTerminalRaw(t *testing.T) {
	f := newFixture(t, "Q: Evil \x1b]0;owned\x07front \x1b[31mred\nA: back\x1b[2J \u009b31m\n")
	fake := prompt.NewFake(prompt.Keys(" 3q"))
	s, out := f.session(fake)
	if _, err := s.Run(); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out.String(), "\x1b\x07\u009b") {
		t.Errorf("control characters reached the output: %q", out)
	}
	if !strings.Contains(out.String(), "Evil front red") {
		t.Errorf("text lost: %q", out)
	}
}

func TestWithoutColourNothingButText(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	_, out, _ := f.run(prompt.Keys(" 1 3 "), steps(prompt.Input("Roma")), prompt.Keys("q"))
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape codes without colour: %q", out)
	}
}

func TestSummaryCountsAgainRate(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	sum, _, _ := f.run(prompt.Keys(" 1 3q"))
	if sum.Reviewed != 2 || sum.Again() != 1 || sum.AgainRate() != 0.5 {
		t.Errorf("summary %+v rate %v", sum, sum.AgainRate())
	}
}

// slowKeys is a prompter on which every key press takes a while.
type slowKeys struct {
	*prompt.Fake
	clock *clock
	took  time.Duration
}

func (p slowKeys) Key(msg, allowed string) (rune, error) {
	p.clock.t = p.clock.t.Add(p.took)
	return p.Fake.Key(msg, allowed)
}

// A window made narrower during the session is measured again after the
// next key: what follows fits the new width.
func TestSessionLaysOutAgainAfterAResize(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	fake := prompt.NewFake(prompt.Keys(" 3q"))
	s, out := f.session(fake)
	width := 80
	s.Size = func() (int, int) { return width, 0 }
	// The window narrows while the first card's answer is on screen.
	s.Prompt = &resizeOnKey{Fake: fake, after: 1, resize: func() { width = 30 }}
	if _, err := s.Run(); err != nil && !errors.Is(err, prompt.ErrInterrupted) {
		t.Fatal(err)
	}
	if err := fake.Verify(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	wide, narrowed := 0, false
	for _, l := range lines {
		if w := term.Cells(l); w > 30 {
			wide++
			if narrowed {
				t.Errorf("line of %d columns after the resize: %q", w, l)
			}
		}
		if strings.Contains(l, "Again") { // the grades line comes after the resize
			narrowed = true
		}
	}
	if !narrowed {
		t.Fatalf("no grades shown:\n%s", out.String())
	}
}

// resizeOnKey calls resize once after its first `after` keys.
type resizeOnKey struct {
	*prompt.Fake
	after  int
	keys   int
	resize func()
}

func (r *resizeOnKey) Key(msg, allowed string) (rune, error) {
	k, err := r.Fake.Key(msg, allowed)
	if r.keys++; r.keys == r.after {
		r.resize()
	}
	return k, err
}
