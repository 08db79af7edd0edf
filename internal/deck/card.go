// Package deck defines recall's cards and decks and reads and writes the
// native Markdown deck format.
//
// A card's identity must survive edits, so every card carries a stable ID:
// an explicit `id:` line wins; otherwise the ID is derived from the deck name
// and the normalised front (plus the deletion number of a cloze), or, for
// generated cards, from their source anchor. The package imports nothing of
// recall's own, so every other package can depend on it.
package deck

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Type is the kind of a card.
type Type string

// The card types. A reversed note yields two cards (Ord 1 front→back, Ord 2
// back→front); a cloze note yields one card per deletion number.
const (
	Basic    Type = "basic"
	Reversed Type = "reversed"
	Cloze    Type = "cloze"
	Choice   Type = "mc"
	Typed    Type = "typed"
)

// Valid reports whether t is one of the known card types.
func (t Type) Valid() bool {
	switch t {
	case Basic, Reversed, Cloze, Choice, Typed:
		return true
	}
	return false
}

// Card is one reviewable card.
//
// For a cloze card Front holds the whole note text with its deletions in
// canonical markup ({{c1::answer::hint}}) and Ord says which deletion number
// this card asks; use Prompt and Answer to render it. Back holds optional
// extra text shown after the answer.
type Card struct {
	ID    string
	Deck  string
	Type  Type
	Front string
	Back  string
	// Ord is the deletion number of a cloze card and the side (1 or 2) of a
	// reversed card; 0 otherwise.
	Ord int
	// Wrong holds a multiple-choice card's explicit wrong options.
	Wrong []string
	// Accept holds further accepted answers of a typed card.
	Accept []string
	Tags   []string
	Source *Source
	// Line is the line of the deck file the card starts on (not stored).
	Line int
}

// Source anchors a card to the passage of a document it was made from.
type Source struct {
	File  string // path of the document, as given to the generator
	Start int    // first line of the passage, 1-based
	End   int    // last line of the passage, inclusive
	Hash  string // short hash of the passage text, to notice edits
	Text  string // the passage itself, shown by `card show` and the `o` key
}

// Deck is a named set of cards with its metadata.
type Deck struct {
	Name        string
	Description string
	Tags        []string
	// Source names the document a generated deck was made from.
	Source string
	Cards  []Card
}

// Prompt is what the learner sees before revealing the answer.
func (c Card) Prompt() string {
	switch c.Type {
	case Cloze:
		return ClozePrompt(c.Front, c.Ord)
	case Reversed:
		if c.Ord == 2 {
			return c.Back
		}
	}
	return c.Front
}

// Answer is the expected answer: the back, or for a cloze the text of the
// asked deletions.
func (c Card) Answer() string {
	switch c.Type {
	case Cloze:
		return ClozeAnswer(c.Front, c.Ord)
	case Reversed:
		if c.Ord == 2 {
			return c.Front
		}
	}
	return c.Back
}

// NoteKey identifies the note a card belongs to; siblings (both sides of a
// reversed note, the deletions of one cloze text) share it so that they are
// not shown on the same day.
func (c Card) NoteKey() string {
	if c.Type == Cloze || c.Type == Reversed {
		return DeriveID(c.Deck, string(c.Type)+"\x00"+c.Front, 0)
	}
	return c.ID
}

// Normalize folds text for identity and duplicate checks: NFC, case folded,
// whitespace collapsed, Markdown emphasis and surrounding punctuation dropped.
func Normalize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '*' || r == '_' || r == '`':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRightFunc(b.String(), unicode.IsPunct)
}

// DeriveID makes a stable card ID from a deck name, a key text (usually the
// front) and an ordinal. Twelve hex digits keep IDs short enough to type and
// make a collision among a million cards unlikely (about 2e-3).
func DeriveID(deckName, key string, ord int) string {
	h := sha256.New()
	h.Write([]byte(Normalize(deckName)))
	h.Write([]byte{0})
	h.Write([]byte(Normalize(key)))
	if ord > 0 {
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(ord)))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// AssignID gives c its derived ID unless it already has one.
func (c *Card) AssignID() {
	if c.ID != "" {
		return
	}
	key := c.Front
	if c.Type == Cloze {
		key = StripCloze(c.Front)
	}
	c.ID = DeriveID(c.Deck, key, c.Ord)
}

// HashText returns a short content hash used for source anchors.
func HashText(s string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(s), " ")))
	return hex.EncodeToString(sum[:])[:10]
}
