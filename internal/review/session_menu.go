package review

import (
	"fmt"
	"recall/internal/term"
	"strings"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

// farFuture bounds the scan for the next due card of a filtered queue.
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// nothingDue tells when the next card is due and offers what can be done
// instead: a quiz (which the command starts once the session has ended),
// new cards beyond today's limit, or quitting. It reports whether the
// session goes on with a new queue.
func (s *Session) nothingDue() (bool, error) {
	st := s.Engine.Store
	empty, err := st.Empty()
	if err != nil {
		return false, err
	}
	if empty {
		s.say("The collection has no cards yet. Add some with `recall import FILE` or `recall generate DOC`.")
		s.sum.End = EndEmpty
		return false, nil
	}
	now := s.start
	next, err := s.nextDue()
	if err != nil {
		return false, err
	}
	if next.IsZero() {
		s.say("Nothing is due, and no card is scheduled%s.", s.filterNote())
	} else {
		s.say("Nothing is due now%s. The next card is due in %s (%s).", s.filterNote(),
			sched.FormatInterval(next.Sub(now)), next.In(time.Local).Format("Mon 2 Jan 15:04"))
	}
	extra, err := s.extraNew(now)
	if err != nil {
		return false, err
	}
	quiz := "Take a quiz (it does not change your schedule)"
	options := []string{quiz}
	more := ""
	if extra > 0 {
		limit := "today's limit"
		if s.Queue.NewLimit >= 0 {
			limit = "--new" // the limit came from the command line
		}
		more = fmt.Sprintf("Learn %s beyond %s", term.Plural(extra, "more new card"), limit)
		options = append(options, more)
	}
	options = append(options, "Quit")
	i, err := s.choose("What now?", options, len(options)-1)
	if err != nil {
		return false, err
	}
	switch options[i] {
	case quiz:
		s.sum.WantsQuiz = true
	case more:
		opt := s.Queue
		opt.NewLimit = extra
		if err := s.load(opt); err != nil {
			return false, err
		}
		return len(s.pending) > 0, nil
	}
	return false, nil
}

// filterNote names the decks or tag the queue is limited to.
func (s *Session) filterNote() string {
	var parts []string
	if len(s.Queue.Decks) > 0 {
		parts = append(parts, "in "+oneLine(strings.Join(s.Queue.Decks, ", ")))
	}
	if s.Queue.Tag != "" {
		parts = append(parts, "tagged "+oneLine(s.Queue.Tag))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}

// nextDue is when the next card of the queue's selection becomes
// available (zero when none is scheduled).
func (s *Session) nextDue() (time.Time, error) {
	var next time.Time
	if len(s.later) > 0 {
		next = s.later[0].Available()
	}
	var found time.Time
	var err error
	if len(s.Queue.Decks) == 0 && s.Queue.Tag == "" {
		found, err = s.Engine.Store.NextDue()
	} else {
		err = s.Engine.Store.DueBefore(farFuture, func(c *store.Card) bool {
			if s.Queue.Match(c) {
				found = c.Available()
				return false
			}
			return true
		})
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("find the next due card: %w", err)
	}
	if next.IsZero() || !found.IsZero() && found.Before(next) {
		next = found
	}
	return next, nil
}

// extraNew counts the new cards that could be learnt beyond today's limit,
// up to one day's worth (new_per_day, or 20 when that is 0).
func (s *Session) extraNew(now time.Time) (int, error) {
	want := s.Engine.Config.Int("new_per_day", nil)
	if want <= 0 {
		want = 20
	}
	n := 0
	err := s.Engine.Store.NewCards(now, func(c *store.Card) bool {
		if s.Queue.Match(c) {
			n++
		}
		return n < want
	})
	if err != nil {
		return 0, fmt.Errorf("count new cards: %w", err)
	}
	return n, nil
}
