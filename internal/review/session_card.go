package review

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"

	"recall/internal/deck"
	"recall/internal/quiz"
	"recall/internal/sched"
	"recall/internal/store"
	"recall/internal/term"
)

// cmdKeys work at every stage of a card; the help (?) lists them.
const cmdKeys = "usbeo?q"

// step is what a key did to the card on screen.
type step int

const (
	stepStay   step = iota // same stage again (help, source, nothing to undo)
	stepReveal             // show the answer
	stepRedraw             // the card changed (edited): show it again from the front
	stepDone               // the card left the screen (answered, suspended, buried, undo)
)

// turn is one card on screen.
type turn struct {
	card    *store.Card
	shown   time.Time
	suggest sched.Rating // what Enter grades: Good, or the typed/mc verdict
	preview [4]sched.Card
	at      time.Time // when the preview was made
}

var ratingNames = [5]string{"", "Again", "Hard", "Good", "Easy"}

// review shows one card until it leaves the screen.
func (s *Session) review(c *store.Card) error {
	t := &turn{card: c, shown: s.Now()}
	for {
		t.suggest = sched.Good
		s.draw(t)
		st, err := s.frontStage(t)
		if err != nil || st == stepDone {
			return err
		}
		if st == stepRedraw {
			continue
		}
		st, err = s.reveal(t)
		if err != nil || st == stepDone {
			return err
		}
		if st == stepRedraw {
			continue
		}
		st, err = s.gradeStage(t)
		if err != nil || st == stepDone {
			return err
		}
	}
}

// draw shows the card's front under the status line.
func (s *Session) draw(t *turn) {
	if s.Clear {
		fmt.Fprint(s.Out, "\x1b[H\x1b[2J")
		s.lines = 0
	} else if s.sum.Reviewed > 0 || len(s.history) > 0 || s.ack != "" {
		s.print("")
	}
	if s.ack != "" {
		s.print(s.ack)
		s.ack = ""
	}
	s.print(s.status(t.card))
	s.print(s.p.dim(fit(oneLine(t.card.Deck)+" · "+oneLine(t.card.ID), s.Width)))
	s.print("")
	s.print(s.frontText(t.card))
	s.print("")
}

// status is the line above each card: position, what is left by kind
// (this card included) and the time spent.
func (s *Session) status(cur *store.Card) string {
	// The position and what is left, not "of N": learning cards come back
	// within the session, so a total would keep growing.
	n, l, r := s.counts(cur)
	pos := s.sum.Reviewed + 1
	el := s.Now().Sub(s.start).Round(time.Second)
	clock := fmt.Sprintf("%d:%02d", int(el.Minutes()), int(el.Seconds())%60)
	kind := func(v int, long, short string, paint func(string) string, state bool) string {
		label := fmt.Sprintf("%d %s", v, short)
		if s.Width >= 60 {
			label = fmt.Sprintf("%s %d", long, v)
		}
		if state {
			return paint(label)
		}
		return label
	}
	st := cur.Sched.State
	parts := []string{
		fmt.Sprintf("#%d", pos),
		kind(n, "new", "new", s.p.blue, st == sched.New),
		kind(l, "learning", "lrn", s.p.bad, st == sched.Learning || st == sched.Relearning),
		kind(r, "review", "rev", s.p.good, st == sched.Review),
		clock,
	}
	if s.Width >= 60 {
		parts[0] = fmt.Sprintf("Card %d", pos)
	}
	return s.p.bold(parts[0]) + " · " + strings.Join(parts[1:], " · ")
}

// frontText is what the card asks, cleaned for the terminal.
func (s *Session) frontText(c *store.Card) string {
	if c.Type == deck.Cloze {
		return s.cloze(c, false)
	}
	return clean(c.Prompt())
}

// cloze renders a cloze text with the asked deletion blanked, or filled in
// and highlighted.
func (s *Session) cloze(c *store.Card, filled bool) string {
	src := clean(c.Front)
	var b strings.Builder
	last := 0
	for _, d := range deck.Deletions(src) {
		b.WriteString(src[last:d.Start])
		switch {
		case d.N != c.Ord:
			b.WriteString(d.Text)
		case filled:
			b.WriteString(s.p.high(d.Text))
		default:
			blank := "[...]"
			if d.Hint != "" {
				blank = "[" + d.Hint + "]"
			}
			b.WriteString(s.p.span(mkHigh, blank))
		}
		last = d.End
	}
	b.WriteString(src[last:])
	return b.String()
}

func (s *Session) frontPrompt(c *store.Card) string {
	action := "show the answer"
	switch {
	case c.Type == deck.Typed:
		action = "type the answer"
	case c.Type == deck.Choice && len(c.Wrong) > 0:
		action = "choose the answer"
	}
	return s.p.dim("space: "+action+" · ?: keys") + " "
}

// frontStage waits for the reveal key or a command.
func (s *Session) frontStage(t *turn) (step, error) {
	for {
		k, err := s.key(s.frontPrompt(t.card), " \r"+cmdKeys)
		if err != nil {
			return 0, err
		}
		if k == ' ' || k == '\r' {
			return stepReveal, nil
		}
		st, err := s.command(k, t)
		if err != nil || st != stepStay {
			return st, err
		}
	}
}

// reveal asks for the typed answer or the choice where the card wants one,
// then shows the answer and what each grade would do. At a choice the
// card's keys still work, so it returns their step (stepReveal otherwise).
func (s *Session) reveal(t *turn) (step, error) {
	c := t.card
	switch {
	case c.Type == deck.Typed:
		given, err := s.input("Your answer: ")
		if err != nil {
			return 0, err
		}
		s.typedResult(t, given)
	case c.Type == deck.Choice && len(c.Wrong) > 0:
		if st, err := s.choice(t); err != nil || st != stepReveal {
			return st, err
		}
	default:
		s.print(s.p.dim(strings.Repeat("─", min(s.Width, 40))))
		if c.Type == deck.Cloze {
			s.print(s.cloze(c, true))
			if extra := clean(c.Back); strings.TrimSpace(extra) != "" {
				s.print("")
				s.print(extra)
			}
		} else {
			s.print(clean(c.Answer()))
		}
	}
	t.at = s.Now()
	p, err := s.Engine.Preview(c, t.at)
	if err != nil {
		return 0, fmt.Errorf("preview the grades of %s: %w", c.ID, err)
	}
	t.preview = p
	s.print("")
	return stepReveal, nil
}

// typedResult compares a typed answer with the card's, shows the
// difference and sets the suggested grade: Good when right (also up to
// case), Hard when right only by forgiveness of a slip, Again when wrong.
func (s *Session) typedResult(t *turn, given string) {
	c := t.card
	want := clean(c.Answer())
	q := quiz.Question{Kind: quiz.KindTyped, Answer: c.Answer(), Accept: c.Accept}
	v := quiz.Check(q, given, quiz.CheckOptions{})
	given = clean(given)
	forms := typedForms(c)
	switch {
	case strings.TrimSpace(given) == "":
		t.suggest = sched.Again
		s.print(s.p.bad("✗ No answer given."))
	case v.Exact:
		s.print(s.p.good("✓ Correct."))
	case v.Correct:
		if !sameFold(given, forms) {
			t.suggest = sched.Hard
		}
		s.print(s.p.good("✓ Accepted: ") + s.diff(nearest(forms, given), given))
	default:
		t.suggest = sched.Again
		s.print(s.p.bad("✗ Not quite: ") + s.diff(nearest(forms, given), given))
	}
	if !v.Exact && strings.TrimSpace(given) != "" {
		if s.Color {
			s.print(s.p.dim("(") + s.p.good("green") + s.p.dim(": missing, ") + s.p.bad("red") + s.p.dim(": extra)"))
		} else {
			s.print(s.p.dim("([-x-] missing, {+y+} extra)"))
		}
	}
	if !v.Exact {
		s.print("Answer: " + s.p.bold(want))
	}
}

// typedForms lists the accepted answers of a typed card.
func typedForms(c *store.Card) []string {
	var forms []string
	for _, a := range append([]string{c.Answer()}, c.Accept...) {
		forms = append(forms, clean(strings.TrimSpace(a)))
		for _, alt := range strings.Split(a, " / ") {
			forms = append(forms, clean(strings.TrimSpace(alt)))
		}
	}
	return forms
}

func sameFold(given string, forms []string) bool {
	for _, f := range forms {
		if strings.EqualFold(strings.TrimSpace(given), f) {
			return true
		}
	}
	return false
}

// nearest is the accepted form the given text differs least from.
func nearest(forms []string, given string) string {
	best, cost := "", -1
	for _, f := range forms {
		n := 0
		for _, sp := range quiz.Diff(f, given) {
			if sp.Op != quiz.DiffEqual {
				n += len([]rune(sp.Text))
			}
		}
		if cost < 0 || n < cost {
			best, cost = f, n
		}
	}
	return best
}

// diff marks what a typed answer lacks (green) and has too much (red);
// without colour it uses quiz.CharDiff's [-missing-]{+extra+} markup.
func (s *Session) diff(want, given string) string {
	given = strings.TrimSpace(given)
	if !s.Color {
		return quiz.CharDiff(want, given)
	}
	var b strings.Builder
	for _, sp := range quiz.Diff(want, given) {
		switch sp.Op {
		case quiz.DiffDelete:
			b.WriteString(s.p.good(sp.Text))
		case quiz.DiffInsert:
			b.WriteString(s.p.bad(sp.Text))
		default:
			b.WriteString(sp.Text)
		}
	}
	return b.String()
}

// choice offers a multiple-choice card's options, numbered, in an order
// fixed by the card's ID, so a card looks the same every time it comes up;
// one key picks one, as in a quiz. The card's keys (undo, suspend, ...)
// work here too; their step is returned, stepReveal after a choice.
func (s *Session) choice(t *turn) (step, error) {
	c := t.card
	opts := append([]string{c.Back}, c.Wrong...)
	order := shuffled(c.ID, len(opts))
	n := min(len(order), 9)
	for i, k := range order[:n] {
		s.print(fmt.Sprintf("  %d) %s", i+1, fit(oneLine(opts[k]), max(s.Width-6, 10))))
	}
	for {
		r, err := s.key(fmt.Sprintf("Your choice (1-%d) · ?: keys", n), "123456789"[:n]+cmdKeys)
		if err != nil {
			return 0, err
		}
		if !strings.ContainsRune(cmdKeys, r) {
			i := int(r - '1')
			if order[i] == 0 {
				s.print(s.p.good("✓ Right: ") + clean(c.Back))
				return stepReveal, nil
			}
			t.suggest = sched.Again
			s.print(s.p.bad("✗ Wrong: ") + clean(opts[order[i]]))
			s.print("Answer: " + s.p.bold(clean(c.Back)))
			return stepReveal, nil
		}
		if st, err := s.command(r, t); err != nil || st != stepStay {
			return st, err
		}
	}
}

// shuffled is a permutation of 0..n-1 seeded by the card ID.
func shuffled(id string, n int) []int {
	h := fnv.New64a()
	h.Write([]byte(id))
	seed := h.Sum64()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return rng.Perm(n)
}

// gradeLines lays the four grades with their next intervals out on as few
// lines as the width allows, never splitting one grade.
func (s *Session) gradeLines(t *turn) []string {
	paint := [5]func(string) string{nil, s.p.bad, s.p.warn, s.p.good, s.p.blue}
	var lines []string
	cur, curW := "", 0
	for r := sched.Again; r <= sched.Easy; r++ {
		ivl := sched.FormatInterval(t.preview[r-1].Due.Sub(t.at))
		plain := fmt.Sprintf("%d %s %s", r, ratingNames[r], ivl)
		tok := fmt.Sprintf("%d %s %s", r, paint[r](ratingNames[r]), ivl)
		if r == t.suggest {
			tok = s.p.high(plain)
			if !s.Color {
				plain = "[" + plain + "]"
			}
		}
		w := textWidth(plain)
		if curW > 0 && curW+2+w > s.Width {
			lines = append(lines, cur)
			cur, curW = "", 0
		}
		if curW > 0 {
			cur += "  "
			curW += 2
		}
		cur += tok
		curW += w
	}
	return append(lines, cur)
}

// gradeStage shows the grades and waits for one, or a command.
func (s *Session) gradeStage(t *turn) (step, error) {
	for _, l := range s.gradeLines(t) {
		s.print(l)
	}
	msg := s.p.dim(fmt.Sprintf("1-4 or space (%s) · ?: keys", ratingNames[t.suggest])) + " "
	for {
		k, err := s.key(msg, "1234 \r"+cmdKeys)
		if err != nil {
			return 0, err
		}
		var r sched.Rating
		switch k {
		case '1', '2', '3', '4':
			r = sched.Rating(k - '0')
		case ' ', '\r':
			r = t.suggest
		}
		if r.Valid() {
			return stepDone, s.answer(t, r)
		}
		st, err := s.command(k, t)
		if err != nil || st != stepStay {
			return st, err
		}
	}
}

// answer commits the grade, keeps a learning card for later today, buries
// the card's siblings and remembers the answer for undo.
func (s *Session) answer(t *turn, r sched.Rating) error {
	now := s.Now()
	took := min(max(now.Sub(t.shown), 0), MaxAnswerTime)
	res, err := s.Engine.Answer(t.card.ID, r, now, took)
	if err != nil {
		return fmt.Errorf("save the answer to card %s: %w", t.card.ID, err)
	}
	s.sum.Reviewed++
	s.sum.Ratings[r]++
	nc := res.Card
	if !nc.Suspended && learningState(nc) && nc.Available().Before(s.dayEnd) {
		s.addLater(nc)
	}
	a := action{kind: actAnswer, card: t.card, rating: r, leech: res.Leech}
	a.siblings, err = s.burySiblings(nc, now)
	s.history = append(s.history, a)
	paint := [5]func(string) string{nil, s.p.bad, s.p.warn, s.p.good, s.p.blue}
	s.ack = s.p.dim("✓ Saved: ") + paint[r](ratingNames[r]) + s.p.dim(" · next in "+sched.FormatInterval(nc.Sched.Due.Sub(now)))
	if n := len(a.siblings); n > 0 {
		s.ack += s.p.dim(fmt.Sprintf(" · %s buried until tomorrow", term.Plural(n, "sibling")))
	}
	if res.Leech {
		s.sum.Leeches = append(s.sum.Leeches, nc.ID)
		s.ack += "\n" + s.p.warn(fmt.Sprintf("Leech: card %s has lapsed %s, so it is tagged %q and suspended. "+
			"Rewrite it, then bring it back with `recall card unsuspend %s`.", nc.ID, term.Plural(nc.Sched.Lapses, "time"), LeechTag, nc.ID))
	}
	return err
}
