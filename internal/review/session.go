package review

import (
	"context"
	"errors"
	"fmt"
	"io"
	"recall/internal/term"
	"slices"
	"time"

	"recall/internal/prompt"
	"recall/internal/quiz"
	"recall/internal/sched"
	"recall/internal/store"
)

// LearnAhead is how early a learning card due later today is shown when
// nothing else is left, so a short wait does not end the session.
const LearnAhead = 20 * time.Minute

// MaxAnswerTime caps the time recorded for one answer: a card left on
// screen during a coffee break says nothing about its difficulty.
const MaxAnswerTime = time.Minute

// Session is one interactive review. It takes its dependencies from the
// caller so that a test can drive it with a scripted prompt.Fake, a fixed
// clock and a fake editor on a real collection.
//
// Every answer is committed (Engine.Answer, one transaction) before the
// next card appears, so quitting or a crash loses at most the card on
// screen.
type Session struct {
	Engine *Engine
	Prompt prompt.Prompter
	// Out receives the cards, messages and hints. The command passes
	// stderr, where the prompts are, so that stdout holds only the summary.
	Out io.Writer
	Now func() time.Time
	// Editor runs the user's editor on a file and returns when it exits;
	// an error means the edit is abandoned.
	Editor func(path string) error
	// Queue selects the cards and the limits.
	Queue QueueOptions
	// TimeBox stops the session at the first card after it has run this
	// long (0 = no limit).
	TimeBox time.Duration
	// Width and Height are the screen size; Height 0 turns paging off.
	Width, Height int
	// Size, when set, measures the screen again after each key, so that a
	// window resized during the session is laid out anew.
	Size func() (width, height int)
	// Color allows colour and bold; without it highlights use brackets.
	Color bool
	// Clear shows each card on a clean screen and erases prompt lines once
	// answered (on a terminal only).
	Clear bool
	// Ctx stops the session between cards when cancelled (an interrupt
	// that arrived outside a prompt).
	Ctx context.Context
	// TempDir holds the file of a card being edited ("" = the system's).
	TempDir string
	// Intro is shown above the first card (e.g. that the built-in deck was
	// just loaded), where a cleared screen would otherwise hide it.
	Intro string

	p       painter
	start   time.Time
	dayEnd  time.Time
	first   []*store.Card // cards that must come next (undone ones)
	pending []*store.Card // today's queue in order
	later   []*store.Card // learning cards due later today, earliest first
	history []action      // what u can take back, newest last
	sum     Summary
	ack     string // result of the last card, shown above the next one
	lines   int    // lines written since the last key press, for paging
	skip    bool   // the user stopped paging: drop output until the next prompt
	err     error  // an interrupt at a paging prompt, reported at the next prompt
}

// End says why a session ended.
type End string

// The ways a session ends.
const (
	EndFinished    End = "finished"    // nothing left for now
	EndQuit        End = "quit"        // the user pressed q
	EndInterrupted End = "interrupted" // Ctrl-C
	EndTimeUp      End = "time-up"     // the time box ran out
	EndNothingDue  End = "nothing-due" // nothing was due and the user chose not to go on
	EndEmpty       End = "empty"       // the collection has no cards at all
)

// Summary is what a session did.
type Summary struct {
	Reviewed int
	// Ratings counts answers by grade (index 1-4).
	Ratings  [5]int
	Duration time.Duration
	End      End
	// Leeches lists the cards that became leeches in this session.
	Leeches           []string
	Suspended, Buried int
	Edited            int
	// WantsQuiz is set when, with nothing due, the user chose a quiz; the
	// command starts it after the session.
	WantsQuiz bool
	// LaterToday counts learning cards that come back later today, the
	// earliest at NextLearning.
	LaterToday   int
	NextLearning time.Time
}

// Again is the number of Again answers.
func (s *Summary) Again() int { return s.Ratings[sched.Again] }

// AgainRate is the share of answers that were Again (0 without answers).
func (s *Summary) AgainRate() float64 {
	if s.Reviewed == 0 {
		return 0
	}
	return float64(s.Again()) / float64(s.Reviewed)
}

// errQuit ends the session at the user's request.
var errQuit = errors.New("quit")

// Run reviews until the queue is done, the time box runs out, or the user
// quits or interrupts. It returns the summary in every case; the error is
// prompt.ErrInterrupted after Ctrl-C (everything answered is saved), nil
// after q.
func (s *Session) Run() (*Summary, error) {
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Ctx == nil {
		s.Ctx = context.Background()
	}
	if s.Width <= 0 {
		s.Width = 80
	}
	s.p = painter{color: s.Color}
	s.ack = s.Intro
	s.start = s.Now()
	set := s.Engine.Settings()
	s.dayEnd = set.DayStart(set.Day(s.start) + 1)
	err := s.load(s.Queue)
	if err == nil && len(s.pending) == 0 && s.nextLater(s.start, true) == nil {
		var more bool
		if more, err = s.nothingDue(); err == nil && !more && s.sum.End == "" {
			s.sum.End = EndNothingDue
		}
	}
	if err == nil && s.sum.End == "" {
		err = s.loop()
	}
	switch {
	case errors.Is(err, errQuit), errors.Is(err, io.EOF):
		// Ctrl-D (end of input) quits like q, and like q leaves the
		// prompt's line.
		if errors.Is(err, io.EOF) {
			fmt.Fprintln(s.Out)
		}
		s.sum.End, err = EndQuit, nil
	case errors.Is(err, prompt.ErrInterrupted), errors.Is(err, context.Canceled):
		s.sum.End, err = EndInterrupted, prompt.ErrInterrupted
		fmt.Fprintln(s.Out)
	}
	s.flushAck()
	s.sum.Duration = s.Now().Sub(s.start)
	s.sum.LaterToday = len(s.later)
	if len(s.later) > 0 {
		s.sum.NextLearning = s.later[0].Available()
	}
	return &s.sum, err
}

// load fills the queue from the collection.
func (s *Session) load(opt QueueOptions) error {
	q, err := s.Engine.BuildQueue(s.start, opt)
	if err != nil {
		return fmt.Errorf("build today's queue: %w", err)
	}
	s.pending = q.Cards
	s.later = q.Later
	slices.SortStableFunc(s.later, func(a, b *store.Card) int { return a.Available().Compare(b.Available()) })
	return nil
}

func (s *Session) loop() error {
	for {
		now := s.Now()
		if err := s.Ctx.Err(); err != nil {
			return err
		}
		if s.TimeBox > 0 && now.Sub(s.start) >= s.TimeBox {
			s.sum.End = EndTimeUp
			s.flushAck()
			s.say("Time is up (%s). Everything you answered is saved.", quiz.FormatDuration(s.TimeBox))
			return nil
		}
		c := s.next(now)
		if c == nil {
			s.sum.End = EndFinished
			s.flushAck()
			s.finished(now)
			return nil
		}
		if err := s.review(c); err != nil {
			return err
		}
	}
}

// next takes the card to show now: an undone card first, then a learning
// card that has come due, then the queue in order, and when only learning
// cards remain, the next one if it is due within LearnAhead.
func (s *Session) next(now time.Time) *store.Card {
	if len(s.first) > 0 {
		c := s.first[0]
		s.first = s.first[1:]
		return c
	}
	if c := s.nextLater(now, false); c != nil {
		s.later = s.later[1:]
		return c
	}
	if len(s.pending) > 0 {
		c := s.pending[0]
		s.pending = s.pending[1:]
		return c
	}
	if c := s.nextLater(now, true); c != nil {
		s.later = s.later[1:]
		return c
	}
	return nil
}

// nextLater returns the first learning card if it is due at now (or within
// LearnAhead when ahead is set), without taking it.
func (s *Session) nextLater(now time.Time, ahead bool) *store.Card {
	if len(s.later) == 0 {
		return nil
	}
	c := s.later[0]
	limit := now
	if ahead {
		limit = now.Add(LearnAhead)
	}
	if c.Available().After(limit) {
		return nil
	}
	return c
}

// requeue puts a card that was on screen back: a learning card not yet due
// among the later ones, anything else at the head of the queue.
func (s *Session) requeue(c *store.Card, now time.Time) {
	if learningState(c) && c.Available().After(now) && c.Available().Before(s.dayEnd) {
		s.addLater(c)
		return
	}
	s.pending = append([]*store.Card{c}, s.pending...)
}

func (s *Session) addLater(c *store.Card) {
	i, _ := slices.BinarySearchFunc(s.later, c, func(a, b *store.Card) int {
		if a.Available().After(b.Available()) {
			return 1
		}
		return -1
	})
	s.later = slices.Insert(s.later, i, c)
}

// drop removes a card from every queue of the session.
func (s *Session) drop(id string) {
	del := func(cs []*store.Card) []*store.Card {
		return slices.DeleteFunc(cs, func(c *store.Card) bool { return c.ID == id })
	}
	s.first, s.pending, s.later = del(s.first), del(s.pending), del(s.later)
}

// replace puts a fresh copy of a card wherever the session holds it.
func (s *Session) replace(c *store.Card) {
	for _, q := range [][]*store.Card{s.first, s.pending, s.later} {
		for i := range q {
			if q[i].ID == c.ID {
				q[i] = c
			}
		}
	}
}

func learningState(c *store.Card) bool {
	return c.Sched.State == sched.Learning || c.Sched.State == sched.Relearning
}

// counts are the remaining new, learning and review cards, the one on
// screen included.
func (s *Session) counts(cur *store.Card) (n, l, r int) {
	add := func(c *store.Card) {
		switch c.Sched.State {
		case sched.New:
			n++
		case sched.Review:
			r++
		default:
			l++
		}
	}
	if cur != nil {
		add(cur)
	}
	for _, q := range [][]*store.Card{s.first, s.pending, s.later} {
		for _, c := range q {
			add(c)
		}
	}
	return
}

// finished says that the queue is done, and when learning cards return.
func (s *Session) finished(now time.Time) {
	if s.sum.Reviewed == 0 && len(s.history) == 0 {
		return
	}
	if len(s.later) == 0 {
		s.say("%s That is all for now.", s.p.good("Done!"))
		return
	}
	at := s.later[0].Available()
	s.say("Done for now. %s come back later today; the next in %s (%s). Run recall again then.",
		term.Plural(len(s.later), "learning card"), sched.FormatInterval(at.Sub(now)), at.In(time.Local).Format("15:04"))
}

// measure takes the screen's size from Size, if set.
func (s *Session) measure() {
	if s.Size == nil {
		return
	}
	if w, h := s.Size(); w > 0 {
		s.Width, s.Height = w, h
	}
}

// say writes a message of ours (not deck text) as wrapped lines.
func (s *Session) say(format string, a ...any) {
	s.print(fmt.Sprintf(format, a...))
}

// print lays text out to the width and writes it, pausing with "-- more --"
// when a screenful has gone by since the last key press.
func (s *Session) print(text string) {
	for _, line := range layout(text, s.Width) {
		if s.skip || s.err != nil {
			return
		}
		if s.Height > 2 && s.lines >= s.Height-1 {
			s.more()
			if s.skip || s.err != nil {
				return
			}
		}
		fmt.Fprintln(s.Out, s.p.render(line))
		s.lines++
	}
}

// more waits for a key after a screenful; q skips the rest of the text.
func (s *Session) more() {
	k, err := s.key(s.p.dim("-- more -- (space: next page, q: skip)"), " \rq"+string(prompt.KeyDown))
	if err != nil {
		s.err = err
		return
	}
	if k == 'q' {
		fmt.Fprintln(s.Out, s.p.render(s.p.dim("…")))
		s.skip = true
	}
}

// key shows a one-line prompt and waits for one of the allowed keys. On a
// terminal the answered prompt line is erased so the text that follows
// takes its place.
func (s *Session) key(msg, allowed string) (rune, error) {
	if s.err != nil {
		return 0, s.err
	}
	// An interrupt that arrived while the card was drawn (outside a prompt)
	// must not leave the prompt waiting for a key.
	if err := s.Ctx.Err(); err != nil {
		return 0, prompt.ErrInterrupted
	}
	r, err := s.Prompt.Key(s.p.render(fit(msg, s.Width-1)), allowed)
	s.lines, s.skip = 0, false
	s.measure()
	if err != nil {
		return 0, err
	}
	if s.Clear {
		fmt.Fprint(s.Out, "\r\x1b[K")
	} else {
		fmt.Fprintln(s.Out)
	}
	return r, nil
}

// input reads a line; a line given ends its own line on screen (a prompt
// given up does not: Run ends it).
func (s *Session) input(msg string) (string, error) {
	if s.err != nil {
		return "", s.err
	}
	if err := s.Ctx.Err(); err != nil {
		return "", prompt.ErrInterrupted
	}
	v, err := s.Prompt.Input(s.p.render(msg), "")
	s.lines, s.skip = 0, false
	s.measure()
	return v, err
}

func (s *Session) choose(msg string, options []string, def int) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if err := s.Ctx.Err(); err != nil {
		return 0, prompt.ErrInterrupted
	}
	i, err := s.Prompt.Select(msg, options, def)
	s.lines, s.skip = 0, false
	s.measure()
	return i, err
}

// flushAck writes the result of the last card if no card has shown it yet.
func (s *Session) flushAck() {
	if s.ack != "" {
		s.print(s.ack)
		s.ack = ""
	}
}
