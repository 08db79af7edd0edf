package review

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"recall/internal/deck"
	"recall/internal/prompt"
	"recall/internal/sched"
	"recall/internal/store"
)

// sessionT0 is a Monday morning in UTC; the fixture's day starts at 04:00 UTC.
var sessionT0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

const fixtureDeck = `---
deck: Geo
---
Q: What is the capital of France?
A: Paris

C: The [Danube] flows into the [Black Sea].

T: Capital of Italy?
A: Rome

M: Largest ocean?
A: Pacific
X: Atlantic
X: Indian
X: Arctic

R: Berlin
A: Germany
source: atlas.md:3-4 abc
> Berlin is the capital
> of Germany.
`

// clock is a fake time that moves on a little at every reading, so that
// answers take time and the session's elapsed time grows.
type clock struct {
	t    time.Time
	step time.Duration
}

func (c *clock) Now() time.Time {
	c.t = c.t.Add(c.step)
	return c.t
}

// fixture is a real collection in a temp dir with the fixture deck.
type fixture struct {
	t     *testing.T
	st    *store.Store
	eng   *Engine
	clock *clock
	cards map[string]*store.Card // by a short name: basic, cloze1, cloze2, typed, mc, rev1, rev2
}

func newFixture(t *testing.T, text string) *fixture {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "c.db"), store.Options{Now: func() time.Time { return sessionT0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetConfig("timezone", "UTC"); err != nil {
		t.Fatal(err)
	}
	d, err := deck.Parse("geo.md", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Upsert([]store.DeckInfo{{Name: d.Name}}, d.Cards, store.UpsertOptions{Now: sessionT0.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st, clock: &clock{t: sessionT0, step: time.Second}, cards: map[string]*store.Card{}}
	f.reload()
	return f
}

// reload re-reads the engine (after a setting changed) and the cards.
func (f *fixture) reload() {
	f.t.Helper()
	eng, err := NewEngine(f.st)
	if err != nil {
		f.t.Fatal(err)
	}
	f.eng = eng
	err = f.st.EachCard(func(c *store.Card) error {
		name := map[deck.Type]string{deck.Basic: "basic", deck.Typed: "typed", deck.Choice: "mc"}[c.Type]
		switch c.Type {
		case deck.Cloze:
			name = "cloze" + string(rune('0'+c.Ord))
		case deck.Reversed:
			name = "rev" + string(rune('0'+c.Ord))
		}
		f.cards[name] = c
		return nil
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// card reads a fixture card's stored state now.
func (f *fixture) card(name string) *store.Card {
	f.t.Helper()
	c, err := f.st.Card(f.cards[name].ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// reviews returns the whole review log.
func (f *fixture) reviews() []store.Review {
	f.t.Helper()
	var out []store.Review
	if err := f.st.EachReview(func(r store.Review) error { out = append(out, r); return nil }); err != nil {
		f.t.Fatal(err)
	}
	return out
}

// session builds a session on the fixture with a scripted prompter.
func (f *fixture) session(fake *prompt.Fake) (*Session, *bytes.Buffer) {
	out := &bytes.Buffer{}
	return &Session{
		Engine: f.eng,
		Prompt: fake,
		Out:    out,
		Now:    f.clock.Now,
		Queue:  QueueOptions{NewLimit: -1, ReviewLimit: -1},
		Width:  80,
	}, out
}

// run plays a script and checks that every step was used as expected.
func (f *fixture) run(steps ...[]prompt.Step) (*Summary, string, error) {
	f.t.Helper()
	fake := prompt.NewFake(steps...)
	s, out := f.session(fake)
	sum, err := s.Run()
	if verr := fake.Verify(); verr != nil {
		f.t.Fatalf("script: %v\noutput:\n%s\nprompts: %q", verr, out, fake.Shown)
	}
	return sum, out.String(), err
}

func steps(s ...prompt.Step) []prompt.Step { return s }

// shownIDs lists the cards the output showed, in order, from their header
// lines ("Geo · <id>").
func shownIDs(out string) []string {
	var ids []string
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "Geo · "); ok {
			ids = append(ids, rest)
		}
	}
	return ids
}

// makeReview puts a fixture card in review, due at due, through a real
// answer on an earlier day (it adds one entry to the review log).
func (f *fixture) makeReview(name string, due time.Time, lapses int) {
	f.t.Helper()
	_, _, err := f.st.Answer(store.AnswerInput{CardID: f.cards[name].ID, Time: due.Add(-72 * time.Hour), Rating: sched.Good, Day: 1},
		func(c *store.Card) error {
			c.Sched = sched.Card{State: sched.Review, Due: due, LastReview: due.Add(-72 * time.Hour),
				Stability: 3, Difficulty: 5, Interval: 3, Reps: 2, Lapses: lapses}
			return nil
		})
	if err != nil {
		f.t.Fatal(err)
	}
}

// ids maps fixture names to card IDs.
func (f *fixture) ids(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = f.cards[n].ID
	}
	return out
}

// ratingsOf returns the ratings of the log entries of one card.
func (f *fixture) ratingsOf(name string) []sched.Rating {
	f.t.Helper()
	var out []sched.Rating
	for _, r := range f.reviews() {
		if r.CardNum == f.cards[name].Num {
			out = append(out, r.Rating)
		}
	}
	return out
}

// stripSGR removes colour codes, to measure what a line shows.
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
