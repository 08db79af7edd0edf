package deck

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Write writes d in the native format (described at the top of format.go):
// front matter, then one block per note, a reversed pair once with R: and a
// cloze note once with C:. Parse gives back what Write wrote: the same
// cards in the same order with the same IDs (an id: line is written only
// where the ID is not the derived one), types, ords, tags and sources.
//
// Write normalises what the format cannot tell apart: card text is trimmed
// and its line ends become "\n", an empty Type means Basic, an empty ID
// means the derived one, empty tag lists read back as nil, each card's Deck
// becomes d.Name, and the cards of one note are written together, in the
// place of the first. Cards that the format cannot hold are an error: an
// incomplete note (one side of a reversed pair, a cloze card whose
// siblings are missing), two cards with one ID, an empty question, a tag
// with blanks or commas, text that is not UTF-8, and the like. A deck
// without a name gets explicit IDs, since the name would otherwise come
// from the file name, which Write does not know.
func Write(w io.Writer, d Deck) error {
	notes, err := planNotes(d)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	out := &writer{w: bw}
	fm, err := frontMatterLines(d)
	if err != nil {
		return err
	}
	if len(fm) > 0 {
		out.line("---")
		for _, l := range fm {
			out.line(l)
		}
		out.line("---")
		out.line("")
	}
	for i, n := range notes {
		if i > 0 {
			out.line("")
		}
		out.note(n)
	}
	if out.err != nil {
		return out.err
	}
	return bw.Flush()
}

// frontMatterLines are the key: value lines of d's front matter.
func frontMatterLines(d Deck) ([]string, error) {
	var lines []string
	for _, kv := range [...]struct{ key, value string }{
		{"deck", d.Name}, {"description", d.Description},
	} {
		if kv.value != "" {
			lines = append(lines, kv.key+": "+encodeValue(kv.value))
		}
	}
	if len(d.Tags) > 0 {
		enc := encodeTags(d.Tags)
		if !slices.Equal(decodeTags(enc), d.Tags) {
			return nil, fmt.Errorf("deck %q: tags %q cannot be written: a tag must not be empty or begin or end with blanks", d.Name, d.Tags)
		}
		lines = append(lines, "tags: "+enc)
	}
	if d.Source != "" {
		lines = append(lines, "source: "+encodeValue(d.Source))
	}
	return lines, nil
}

// wnote is one note to write: its cards in ord order, normalised.
type wnote struct {
	cards    []Card
	ords     map[int]bool // of a reversed or cloze note, to start a new note on a repeat
	writeIDs bool
}

// planNotes normalises and checks d's cards and groups them into notes.
func planNotes(d Deck) ([]*wnote, error) {
	if len(d.Cards) == 0 {
		return nil, fmt.Errorf("deck %q has no cards; a deck file needs at least one", d.Name)
	}
	notes := make([]*wnote, 0, len(d.Cards))
	open := map[string]*wnote{} // group key → the note still taking cards
	for i := range d.Cards {
		c := normalizeCard(d.Cards[i], d.Name)
		if err := checkCard(c); err != nil {
			return nil, err
		}
		if c.Type != Reversed && c.Type != Cloze {
			notes = append(notes, &wnote{cards: []Card{c}})
			continue
		}
		key := noteKey(c)
		n := open[key]
		if n == nil || n.ords[c.Ord] {
			// Identical content again starts a new note; it can only be
			// written if the IDs tell the two apart, checked below.
			n = &wnote{ords: map[int]bool{}}
			open[key] = n
			notes = append(notes, n)
		}
		n.ords[c.Ord] = true
		n.cards = append(n.cards, c)
	}
	ids := make(map[string]string, len(d.Cards)) // ID → front of its card, for the error
	for _, n := range notes {
		if err := completeNote(n); err != nil {
			return nil, err
		}
		for i := range n.cards {
			c := &n.cards[i]
			derived := Card{Deck: d.Name, Type: c.Type, Front: c.Front, Ord: c.Ord}
			derived.AssignID()
			if c.ID == "" {
				c.ID = derived.ID
			} else if c.ID != derived.ID || d.Name == "" {
				n.writeIDs = true
			}
			if other, dup := ids[c.ID]; dup {
				return nil, fmt.Errorf("cards %s and %s have the same ID %q; give one of them an explicit id", excerpt(other), excerpt(c.Front), c.ID)
			}
			ids[c.ID] = c.Front
		}
	}
	return notes, nil
}

// noteKey is what the cards of one note share.
func noteKey(c Card) string {
	var b strings.Builder
	b.WriteString(string(c.Type))
	for _, s := range []string{c.Front, c.Back, strings.Join(c.Tags, "\x01")} {
		b.WriteByte(0)
		b.WriteString(s)
	}
	if s := c.Source; s != nil {
		fmt.Fprintf(&b, "\x00%s\x00%d\x00%d\x00%s\x00%s", s.File, s.Start, s.End, s.Hash, s.Text)
	}
	return b.String()
}

// completeNote sorts a reversed or cloze note's cards by ord and checks
// that every card the note makes is there: Parse would make them all.
func completeNote(n *wnote) error {
	c := n.cards[0]
	var want []int
	switch c.Type {
	case Reversed:
		want = []int{1, 2}
	case Cloze:
		want = ClozeNumbers(c.Front)
	default:
		return nil
	}
	sort.Slice(n.cards, func(i, j int) bool { return n.cards[i].Ord < n.cards[j].Ord })
	have := make([]int, len(n.cards))
	for i, c := range n.cards {
		have[i] = c.Ord
	}
	if !slices.Equal(have, want) {
		return cardError(c, fmt.Sprintf("the note makes cards %v but the deck has cards %v with the same content; write all cards of a note, with the same back, tags and source", want, have))
	}
	return nil
}

// normalizeCard makes the changes Write documents.
func normalizeCard(c Card, deckName string) Card {
	if c.Type == "" {
		c.Type = Basic
	}
	c.Deck = deckName
	c.Line = 0
	c.Front = normText(c.Front)
	c.Back = normText(c.Back)
	c.Wrong = normTexts(c.Wrong)
	c.Accept = normTexts(c.Accept)
	if len(c.Tags) == 0 {
		c.Tags = nil
	}
	if c.Source != nil {
		s := *c.Source
		s.Text = normNewlines(s.Text)
		c.Source = &s
	}
	return c
}

func normNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func normText(s string) string { return strings.TrimSpace(normNewlines(s)) }

func normTexts(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = normText(s)
	}
	return out
}

func cardError(c Card, msg string) error {
	id := c.ID
	if id == "" {
		id = "without ID"
	}
	return fmt.Errorf("card %s %s: %s", id, excerpt(c.Front), msg)
}

// checkCard rejects a normalised card that would not read back the same.
func checkCard(c Card) error {
	if !c.Type.Valid() {
		return cardError(c, fmt.Sprintf("unknown type %q", c.Type))
	}
	texts := append([]string{c.Front, c.Back, c.ID}, c.Wrong...)
	texts = append(texts, c.Accept...)
	texts = append(texts, c.Tags...)
	if c.Source != nil {
		texts = append(texts, c.Source.File, c.Source.Hash, c.Source.Text)
	}
	for _, t := range texts {
		if !utf8.ValidString(t) {
			return cardError(c, "text is not valid UTF-8")
		}
	}
	if c.ID != "" {
		if err := CheckID(c.ID); err != nil {
			return cardError(c, err.Error())
		}
	}
	for _, t := range c.Tags {
		if f := splitTags(t); len(f) != 1 || f[0] != t {
			return cardError(c, fmt.Sprintf("tag %q must be non-empty, without blanks or commas", t))
		}
	}
	if s := c.Source; s != nil {
		got, msg := parseSource(formatSource(s))
		if strings.ContainsAny(s.File+s.Hash, "\r\n") || msg != "" ||
			got.File != strings.TrimSpace(s.File) || got.Start != s.Start || got.End != s.End || got.Hash != s.Hash {
			return cardError(c, "source must have a file name, lines 1 ≤ start ≤ end and a hash without blanks")
		}
	}
	if c.Type != Cloze && c.Front == "" {
		return cardError(c, "the question is empty")
	}
	if c.Type != Choice && c.Wrong != nil {
		return cardError(c, "only a multiple-choice card has wrong options")
	}
	if c.Type != Typed && c.Accept != nil {
		return cardError(c, "only a typed card has further accepted answers")
	}
	switch {
	case c.Type == Reversed && c.Ord != 1 && c.Ord != 2,
		(c.Type == Basic || c.Type == Choice || c.Type == Typed) && c.Ord != 0:
		return cardError(c, fmt.Sprintf("ord %d does not fit a %s card", c.Ord, c.Type))
	}
	switch c.Type {
	case Reversed, Choice, Typed:
		if c.Back == "" {
			return cardError(c, "the answer is empty")
		}
	case Cloze:
		if front, _, msg := clozeText(c.Front); msg != "" || front != c.Front {
			if msg == "" {
				msg = "cloze text does not read back the same"
			}
			return cardError(c, msg)
		}
	}
	switch c.Type {
	case Choice:
		if len(c.Wrong) == 0 {
			return cardError(c, "a multiple-choice card needs wrong options")
		}
		for _, w := range c.Wrong {
			if w == "" {
				return cardError(c, "a wrong option is empty")
			}
		}
	case Typed:
		for _, a := range c.Accept {
			if a == "" {
				return cardError(c, "an accepted answer is empty")
			}
		}
	}
	return nil
}

func formatSource(s *Source) string {
	// A deck file's values are read trimmed, so blanks around the name
	// would not come back; the name is only a pointer for the reader.
	v := strings.TrimSpace(s.File) + ":" + strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End)
	if s.Hash != "" {
		v += " " + s.Hash
	}
	return v
}

// writer writes lines, keeping the first error.
type writer struct {
	w   *bufio.Writer
	err error
}

// line writes one line; no written text may open an HTML comment.
func (w *writer) line(s string) {
	if w.err != nil {
		return
	}
	if _, err := w.w.WriteString(escapeComments(s)); err != nil {
		w.err = err
		return
	}
	w.err = w.w.WriteByte('\n')
}

// side writes a tag and its text. The first line goes after the tag unless
// it ends in blanks, which Parse would trim there; the lines after it are
// escaped where they would read as structure.
func (w *writer) side(tag, text string) {
	lines := strings.Split(text, "\n")
	first := lines[0]
	if first == "" || strings.TrimRightFunc(first, unicode.IsSpace) != first {
		w.line(tag)
	} else {
		w.line(tag + " " + first)
		lines = lines[1:]
	}
	for _, l := range lines {
		w.line(escapeLine(l))
	}
}

func (w *writer) note(n *wnote) {
	c := n.cards[0]
	switch c.Type {
	case Basic:
		w.side("Q:", c.Front)
		w.side("A:", c.Back)
	case Reversed:
		w.side("R:", c.Front)
		w.side("A:", c.Back)
	case Cloze:
		text := markupToBrackets(c.Front)
		if text == "" {
			text = c.Front
		}
		w.side("C:", text)
		if c.Back != "" {
			w.side("A:", c.Back)
		}
	case Choice:
		w.side("M:", c.Front)
		w.side("A:", c.Back)
		for _, x := range c.Wrong {
			w.side("X:", x)
		}
	case Typed:
		w.side("T:", c.Front)
		w.side("A:", c.Back)
		for _, a := range c.Accept {
			w.side("A:", a)
		}
	}
	if n.writeIDs {
		ids := make([]string, len(n.cards))
		for i, c := range n.cards {
			ids[i] = c.ID
		}
		w.line("id: " + strings.Join(ids, " "))
	}
	if len(c.Tags) > 0 {
		w.line("tags: " + strings.Join(c.Tags, " "))
	}
	if s := c.Source; s != nil {
		w.line("source: " + formatSource(s))
		if s.Text != "" {
			for _, l := range strings.Split(s.Text, "\n") {
				if l == "" {
					w.line(">")
				} else {
					w.line("> " + l)
				}
			}
		}
	}
}
