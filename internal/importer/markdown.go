package importer

import (
	"errors"
	"strings"

	"recall/internal/deck"
)

// readMarkdown reads recall's native Markdown, which hashcards decks are
// written in too, through the deck package's parser.
func readMarkdown(res *Result, text, path string, opt Options) error {
	d, dups, err := deck.ParseReport(path, strings.NewReader(text))
	if err != nil {
		var pe *deck.ParseError
		if errors.As(err, &pe) {
			return errAlreadyNamed{err}
		}
		return err
	}
	for _, dup := range dups {
		res.skipDuplicate(dup.Line, "lines %d and %d have the same deck and front", dup.FirstLine, dup.Line)
	}
	if opt.Deck != "" && opt.Deck != d.Name {
		renameDeck(&d, opt.Deck)
	}
	res.Decks = []deck.Deck{d}
	return nil
}

// renameDeck moves d's cards to another deck. A card whose ID was derived
// from the old deck name gets the ID the new name derives, as if the file
// had named that deck; explicit IDs stay.
func renameDeck(d *deck.Deck, name string) {
	for i := range d.Cards {
		c := &d.Cards[i]
		derived := c.ID == derivedID(*c)
		c.Deck = name
		if derived {
			c.ID = derivedID(*c)
		}
	}
	d.Name = name
}

// errAlreadyNamed marks an error whose text already names the file.
type errAlreadyNamed struct{ error }

func (e errAlreadyNamed) Unwrap() error { return e.error }
