package deck

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads one deck file in the native format (described at the top of
// format.go). name is used in errors ("decks/x.md:12: ...") and, when no
// front matter names the deck, its stem is the deck name. Cards whose
// derived ID repeats an earlier card's are dropped; use ParseReport to
// learn about them. Malformed input yields a *ParseError.
func Parse(name string, r io.Reader) (Deck, error) {
	d, _, err := ParseReport(name, r)
	return d, err
}

// ParseReport is Parse that also reports the notes it dropped as
// duplicates, in file order.
func ParseReport(name string, r io.Reader) (Deck, []Duplicate, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Deck{}, nil, fmt.Errorf("read %s: %w", name, err)
	}
	text := string(data)
	guess := estimateCards(text)
	p := &parser{
		file: name,
		sc:   newLineScanner(name, text),
		seen: make(map[string]seenID, guess),
	}
	p.deck.Cards = make([]Card, 0, guess)
	if err := p.run(); err != nil {
		return Deck{}, nil, err
	}
	if len(p.deck.Cards) == 0 {
		return Deck{}, nil, &ParseError{name, 0, "no cards found; a card starts with Q:, C:, R:, M: or T: at the beginning of a line"}
	}
	return p.deck, p.dups, nil
}

// estimateCards guesses the number of cards from the lines that start
// with a card tag, counting two for reversed and cloze notes, so that the
// card slice and ID map need not grow step by step in a large deck.
func estimateCards(text string) int {
	n := 0
	for i := 0; i+1 < len(text); {
		if text[i+1] == ':' {
			switch text[i] {
			case 'Q', 'M', 'T':
				n++
			case 'R', 'C':
				n += 2
			}
		}
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return min(n, 1<<20)
}

// side is the text of one part of a card (question, answer, option) with
// the file line of each of its lines, for error positions.
type side struct {
	lines []string
	nums  []int
}

func (s *side) add(text string, n int) {
	s.lines = append(s.lines, text)
	s.nums = append(s.nums, n)
}

func (s *side) raw() string {
	if len(s.lines) == 1 {
		return s.lines[0]
	}
	return strings.Join(s.lines, "\n")
}

func (s *side) text() string { return strings.TrimSpace(s.raw()) }

// lineAt maps a byte offset in text() back to a file line.
func (s *side) lineAt(pos int) int {
	raw := s.raw()
	lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	return s.nums[strings.Count(raw[:lead+pos], "\n")]
}

// note is one card as written; reversed and cloze notes make several cards.
type note struct {
	tag      byte // Q, R, C, M or T
	line     int
	question side
	answers  []*side
	wrongs   []*side

	ids        []string
	idLine     int
	tags       []string
	source     *Source
	sourceLine int
	quote      []string
}

type seenID struct {
	line     int
	explicit bool
}

type parser struct {
	file string
	sc   *lineScanner
	deck Deck
	dups []Duplicate
	seen map[string]seenID

	note    *note
	cur     *side // the side that continuation lines go to, if any
	quoting bool  // the lines before were source: and its quote
}

func (p *parser) errorf(line int, format string, args ...any) error {
	return &ParseError{p.file, line, fmt.Sprintf(format, args...)}
}

func (p *parser) run() error {
	text, n, ok, err := p.sc.next()
	if err != nil {
		return err
	}
	if ok && n == 1 && isSeparator(text) {
		if err := p.frontMatter(); err != nil {
			return err
		}
		text, n, ok, err = p.sc.next()
	}
	if p.deck.Name == "" {
		p.deck.Name = stem(p.file)
	}
	for ; ok && err == nil; text, n, ok, err = p.sc.next() {
		if err := p.line(text, n); err != nil {
			return err
		}
	}
	if err != nil {
		return err
	}
	return p.finish()
}

func stem(name string) string {
	if name == "" {
		return ""
	}
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// frontMatter reads the lines after the opening `---` up to the closing one.
func (p *parser) frontMatter() error {
	for {
		text, n, ok, err := p.sc.next()
		if err != nil {
			return err
		}
		if !ok {
			return p.errorf(1, "front matter opened by --- is never closed; add a line of only --- after it")
		}
		if isSeparator(text) {
			return nil
		}
		if msg := frontMatterLine(&p.deck, text); msg != "" {
			return p.errorf(n, "%s", msg)
		}
	}
}

func (p *parser) line(text string, n int) error {
	if p.quoting {
		if strings.HasPrefix(text, ">") {
			q := strings.TrimPrefix(text[1:], " ")
			p.note.quote = append(p.note.quote, q)
			return nil
		}
		p.quoting = false
	}
	if tag, rest, ok := cardTag(text); ok {
		return p.tag(tag, strings.TrimSpace(rest), n)
	}
	if isSeparator(text) {
		if err := p.finish(); err != nil {
			return err
		}
		p.note, p.cur = nil, nil
		return nil
	}
	if key, value, ok := metaLine(text); ok {
		return p.meta(key, value, n)
	}
	if p.cur != nil {
		p.cur.add(unescapeLine(text), n)
		return nil
	}
	t := strings.TrimSpace(text)
	switch {
	case t == "" || t[0] == '#':
		return nil // blank line or heading between cards
	case p.note != nil && t[0] == '>':
		return p.errorf(n, "quote line outside a source passage; > lines must directly follow the card's source: line")
	case p.note != nil:
		return p.errorf(n, "text after the card's id:, tags: or source: lines: %s; move it before them or start a new card with Q:, C:, R:, M: or T:", excerpt(t))
	}
	return p.errorf(n, "text outside a card: %s; start a card with Q:, C:, R:, M: or T:, or make it a heading (#) or an HTML comment", excerpt(t))
}

// excerpt quotes the start of a line for an error message.
func excerpt(s string) string {
	const max = 40
	if len(s) > max {
		cut := max
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strconv.Quote(s)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func (p *parser) tag(tag byte, rest string, n int) error {
	switch tag {
	case 'A':
		nt := p.note
		if nt == nil {
			return p.errorf(n, "A: without a question before it; start the card with Q:, R:, C:, M: or T:")
		}
		if len(nt.answers) > 0 && nt.tag != 'T' {
			return p.errorf(n, "second A: for the card at line %d; %s", nt.line, secondAnswerHint[nt.tag])
		}
		p.cur = &side{}
		nt.answers = append(nt.answers, p.cur)
	case 'X':
		if p.note == nil || p.note.tag != 'M' {
			return p.errorf(n, "X: (a wrong option) outside a multiple-choice card; start the card with M:")
		}
		p.cur = &side{}
		p.note.wrongs = append(p.note.wrongs, p.cur)
	default:
		if err := p.finish(); err != nil {
			return err
		}
		p.note = &note{tag: tag, line: n}
		p.cur = &p.note.question
	}
	p.cur.add(rest, n)
	return nil
}

var secondAnswerHint = map[byte]string{
	'Q': "a basic card has one answer (use T: for a typed card with several accepted answers)",
	'R': "a reversed card has one answer",
	'C': "a cloze card takes one A: with extra text",
	'M': "a multiple-choice card has one right answer (A:); wrong options go on X: lines",
}

func (p *parser) meta(key, value string, n int) error {
	nt := p.note
	if nt == nil {
		return p.errorf(n, "%s: line outside a card; put it right after the card it belongs to", key)
	}
	p.cur = nil
	switch key {
	case "id":
		if nt.ids != nil {
			return p.errorf(n, "second id: line for the card at line %d; give all its IDs on one line", nt.line)
		}
		nt.ids = strings.Fields(value)
		nt.idLine = n
		if len(nt.ids) == 0 {
			return p.errorf(n, "id: without a value; write the card's ID after it or remove the line")
		}
		for _, id := range nt.ids {
			if err := CheckID(id); err != nil {
				return p.errorf(n, "%v", err)
			}
		}
	case "tags":
		nt.tags = append(nt.tags, splitTags(value)...)
	case "source":
		if nt.source != nil {
			return p.errorf(n, "second source: line for the card at line %d; a card has one source", nt.line)
		}
		src, msg := parseSource(value)
		if msg != "" {
			return p.errorf(n, "%s", msg)
		}
		nt.source, nt.sourceLine = src, n
		p.quoting = true
	}
	return nil
}

var sourceRange = regexp.MustCompile(`^(.+):([0-9]+)-([0-9]+)$`)

// parseSource reads "FILE:START-END HASH" (the hash may be missing). The
// file may hold blanks and colons, so the value is taken apart from the
// right.
func parseSource(v string) (*Source, string) {
	const bad = "source: should be FILE:START-END HASH (like notes.md:3-7 1a2b3c4d5e); start the line with \\ if it is text"
	loc, hash := v, ""
	if !sourceRange.MatchString(v) {
		i := strings.LastIndexFunc(v, unicode.IsSpace)
		if i < 0 {
			return nil, bad
		}
		loc, hash = strings.TrimRightFunc(v[:i], unicode.IsSpace), v[i+1:]
	}
	m := sourceRange.FindStringSubmatch(loc)
	if m == nil {
		return nil, bad
	}
	start, err1 := strconv.Atoi(m[2])
	end, err2 := strconv.Atoi(m[3])
	if err1 != nil || err2 != nil || start < 1 || end < start {
		return nil, "source: line range " + m[2] + "-" + m[3] + " is invalid; lines count from 1 and the end is not before the start"
	}
	return &Source{File: m[1], Start: start, End: end, Hash: hash}, ""
}

// finish turns the open note into cards.
func (p *parser) finish() error {
	nt := p.note
	p.note, p.cur, p.quoting = nil, nil, false
	if nt == nil {
		return nil
	}
	cards, err := p.build(nt)
	if err != nil {
		return err
	}
	if nt.ids != nil && len(nt.ids) != len(cards) {
		return p.errorf(nt.idLine, "id: lists %d IDs but the card at line %d makes %d cards; give one ID per card, in card order", len(nt.ids), nt.line, len(cards))
	}
	if nt.source != nil {
		nt.source.Text = strings.Join(nt.quote, "\n")
	}
	for i := range cards {
		c := &cards[i]
		c.Deck, c.Line = p.deck.Name, nt.line
		c.Tags, c.Source = nt.tags, nt.source
		if i > 0 {
			// Siblings get their own copies so that editing one card's
			// tags or source leaves the others alone.
			c.Tags = append([]string(nil), nt.tags...)
			if nt.source != nil {
				s := *nt.source
				c.Source = &s
			}
			if len(c.Tags) == 0 {
				c.Tags = nil
			}
		}
		if nt.ids != nil {
			c.ID = nt.ids[i]
		}
		c.AssignID()
	}
	return p.keep(nt, cards)
}

// keep appends the note's cards unless they repeat earlier IDs. A repeated
// explicit ID is an error; a repeated derived ID makes the whole note a
// duplicate, because a note is written back as one unit.
func (p *parser) keep(nt *note, cards []Card) error {
	explicit := nt.ids != nil
	if explicit && len(cards) > 1 {
		// Derived IDs of one note differ by ord; listed ones may repeat.
		own := make(map[string]bool, len(cards))
		for _, c := range cards {
			if own[c.ID] {
				return p.errorf(nt.idLine, "id: lists %q twice; each card needs its own ID", c.ID)
			}
			own[c.ID] = true
		}
	}
	for _, c := range cards {
		prev, dup := p.seen[c.ID]
		if !dup {
			continue
		}
		switch {
		case explicit:
			return p.errorf(nt.idLine, "duplicate id %q: the card at line %d has it too; IDs must be unique in a file, change one of them", c.ID, prev.line)
		case prev.explicit:
			return p.errorf(nt.line, "this card's derived ID %q is the explicit id: of the card at line %d; change that id", c.ID, prev.line)
		}
		p.dups = append(p.dups, Duplicate{Line: nt.line, FirstLine: prev.line, Front: c.Front})
		return nil
	}
	for _, c := range cards {
		p.seen[c.ID] = seenID{line: nt.line, explicit: explicit}
	}
	p.deck.Cards = append(p.deck.Cards, cards...)
	return nil
}

// build checks a note's sides and makes its cards (without IDs).
func (p *parser) build(nt *note) ([]Card, error) {
	q := nt.question.text()
	answer := func(i int) string { return nt.answers[i].text() }
	if nt.tag != 'C' {
		if q == "" {
			return nil, p.errorf(nt.line, "%c: has no text; write the question after it", nt.tag)
		}
		if len(nt.answers) == 0 {
			return nil, p.errorf(nt.line, "question has no answer; add an A: line after it")
		}
	}
	switch nt.tag {
	case 'Q':
		return []Card{{Type: Basic, Front: q, Back: answer(0)}}, nil
	case 'R':
		a := answer(0)
		if a == "" {
			return nil, p.errorf(nt.answers[0].nums[0], "A: of a reversed card has no text; it is asked as a question too")
		}
		return []Card{
			{Type: Reversed, Front: q, Back: a, Ord: 1},
			{Type: Reversed, Front: q, Back: a, Ord: 2},
		}, nil
	case 'C':
		front, pos, msg := clozeText(q)
		if msg != "" {
			line := nt.line
			if q != "" {
				line = nt.question.lineAt(pos)
			}
			return nil, p.errorf(line, "%s", msg)
		}
		back := ""
		if len(nt.answers) > 0 {
			back = answer(0)
		}
		nums := ClozeNumbers(front)
		if len(nums)*len(front) > maxClozeBytes {
			return nil, p.errorf(nt.line, "cloze text of %d bytes with %d deletions is too large: each deletion makes a card holding the whole text; split it into several cards", len(front), len(nums))
		}
		cards := make([]Card, len(nums))
		for i, n := range nums {
			cards[i] = Card{Type: Cloze, Front: front, Back: back, Ord: n}
		}
		return cards, nil
	case 'M':
		a := answer(0)
		if a == "" {
			return nil, p.errorf(nt.answers[0].nums[0], "A: of a multiple-choice card has no text; write the right answer after it")
		}
		if len(nt.wrongs) == 0 {
			return nil, p.errorf(nt.line, "multiple-choice card has no wrong options; add X: lines with wrong answers")
		}
		wrong := make([]string, len(nt.wrongs))
		for i, w := range nt.wrongs {
			if wrong[i] = w.text(); wrong[i] == "" {
				return nil, p.errorf(w.nums[0], "X: has no text; write a wrong option after it or remove the line")
			}
		}
		return []Card{{Type: Choice, Front: q, Back: a, Wrong: wrong}}, nil
	default: // 'T'
		var accept []string
		for i, a := range nt.answers {
			t := a.text()
			if t == "" {
				return nil, p.errorf(a.nums[0], "A: of a typed card has no text; write an accepted answer after it or remove the line")
			}
			if i > 0 {
				accept = append(accept, t)
			}
		}
		return []Card{{Type: Typed, Front: q, Back: answer(0), Accept: accept}}, nil
	}
}

// unprintable reports control characters (C0, DEL, C1), which would reach
// the terminal when an ID is listed.
func unprintable(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }

// CheckID says why id cannot be a card's ID, or returns nil. IDs are
// printed in listings and typed in commands, and a deck file holds them
// in one line of blank-separated IDs.
func CheckID(id string) error {
	switch {
	case id == "":
		return errors.New("id is empty; give the card an ID or leave it out")
	case !utf8.ValidString(id):
		return fmt.Errorf("id %q is not valid UTF-8", id)
	case strings.IndexFunc(id, unprintable) >= 0:
		return fmt.Errorf("id %q has a control character; IDs are printed in listings, so use letters, digits and punctuation", id)
	case strings.IndexFunc(id, unicode.IsSpace) >= 0:
		return fmt.Errorf("id %q has a blank; an ID is one word", id)
	}
	return nil
}
