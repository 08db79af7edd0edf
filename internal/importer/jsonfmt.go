package importer

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"recall/internal/deck"
)

// jsonFormatName and jsonVersion mark recall's JSON export, so detection can
// tell it from other JSON and a newer layout is refused instead of misread.
const (
	jsonFormatName = "recall"
	jsonVersion    = 1
)

type jsonDoc struct {
	Format  string       `json:"format"`
	Version int          `json:"version"`
	Decks   []jsonDeck   `json:"decks"`
	Reviews []jsonReview `json:"reviews,omitempty"`
}

type jsonDeck struct {
	Name        string     `json:"name"`
	Description string     `json:"description,omitempty"`
	Tags        []string   `json:"tags,omitempty"`
	Source      string     `json:"source,omitempty"`
	Cards       []jsonCard `json:"cards"`
}

type jsonCard struct {
	ID     string      `json:"id"`
	Deck   string      `json:"deck"`
	Type   deck.Type   `json:"type"`
	Front  string      `json:"front"`
	Back   string      `json:"back"`
	Ord    int         `json:"ord,omitempty"`
	Wrong  []string    `json:"wrong,omitempty"`
	Accept []string    `json:"accept,omitempty"`
	Tags   []string    `json:"tags,omitempty"`
	Source *jsonSource `json:"source,omitempty"`
}

type jsonSource struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Hash  string `json:"hash,omitempty"`
	Text  string `json:"text,omitempty"`
}

type jsonReview struct {
	CardID string    `json:"card_id"`
	Time   time.Time `json:"time"`
	Rating int       `json:"rating"`
	// DurationMS keeps sub-millisecond precision as a fraction.
	DurationMS json.Number `json:"duration_ms"`
}

// WriteJSON writes decks and reviews as recall's JSON export, which ReadJSON
// reads back unchanged (card line numbers, which are not stored, excepted;
// review times come back in UTC).
func WriteJSON(w io.Writer, decks []deck.Deck, reviews []Review) error {
	doc := jsonDoc{Format: jsonFormatName, Version: jsonVersion, Decks: make([]jsonDeck, 0, len(decks))}
	for _, d := range decks {
		jd := jsonDeck{Name: d.Name, Description: d.Description, Tags: d.Tags, Source: d.Source,
			Cards: make([]jsonCard, 0, len(d.Cards))}
		for _, c := range d.Cards {
			jc := jsonCard{ID: c.ID, Deck: c.Deck, Type: c.Type, Front: c.Front, Back: c.Back, Ord: c.Ord,
				Wrong: c.Wrong, Accept: c.Accept, Tags: c.Tags}
			if s := c.Source; s != nil {
				jc.Source = &jsonSource{File: s.File, Start: s.Start, End: s.End, Hash: s.Hash, Text: s.Text}
			}
			jd.Cards = append(jd.Cards, jc)
		}
		doc.Decks = append(doc.Decks, jd)
	}
	for _, r := range reviews {
		ms := strconv.FormatFloat(float64(r.Duration)/float64(time.Millisecond), 'f', -1, 64)
		doc.Reviews = append(doc.Reviews, jsonReview{CardID: r.CardID, Time: r.Time.UTC(), Rating: r.Rating,
			DurationMS: json.Number(ms)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// ReadJSON reads recall's JSON export. A document from a newer recall, a card
// of an unknown type or a review with a rating outside 1–4 is an error: the
// file was written by a program, so damage is not guessed around.
func ReadJSON(r io.Reader) ([]deck.Deck, []Review, error) {
	var doc jsonDoc
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("reading recall JSON: %w", err)
	}
	if doc.Format != jsonFormatName {
		return nil, nil, fmt.Errorf("not a recall JSON export (format %q)", doc.Format)
	}
	if doc.Version > jsonVersion || doc.Version < 1 {
		return nil, nil, fmt.Errorf("recall JSON version %d is not supported (this recall reads version %d); update recall", doc.Version, jsonVersion)
	}
	decks := make([]deck.Deck, 0, len(doc.Decks))
	for i, jd := range doc.Decks {
		d := deck.Deck{Name: jd.Name, Description: jd.Description, Tags: jd.Tags, Source: jd.Source}
		for j, jc := range jd.Cards {
			if jc.Type == "" {
				jc.Type = deck.Basic
			}
			if !jc.Type.Valid() {
				return nil, nil, fmt.Errorf("deck %d (%q), card %d: unknown card type %q", i+1, jd.Name, j+1, jc.Type)
			}
			c := deck.Card{ID: jc.ID, Deck: jc.Deck, Type: jc.Type, Front: jc.Front, Back: jc.Back, Ord: jc.Ord,
				Wrong: jc.Wrong, Accept: jc.Accept, Tags: jc.Tags}
			if s := jc.Source; s != nil {
				c.Source = &deck.Source{File: s.File, Start: s.Start, End: s.End, Hash: s.Hash, Text: s.Text}
			}
			if c.ID != "" {
				if err := deck.CheckID(c.ID); err != nil {
					return nil, nil, fmt.Errorf("deck %d (%q), card %d: %v", i+1, jd.Name, j+1, err)
				}
			}
			c.AssignID()
			d.Cards = append(d.Cards, c)
		}
		decks = append(decks, d)
	}
	var reviews []Review
	for i, jr := range doc.Reviews {
		if jr.Rating < 1 || jr.Rating > 4 || jr.CardID == "" {
			return nil, nil, fmt.Errorf("review %d: card %q, rating %d (want a card id and a rating 1-4)", i+1, jr.CardID, jr.Rating)
		}
		var dur time.Duration
		if jr.DurationMS != "" {
			ms, err := jr.DurationMS.Float64()
			if err != nil || ms < 0 || ms > math.MaxInt64/float64(time.Millisecond) {
				return nil, nil, fmt.Errorf("review %d: bad duration %q", i+1, jr.DurationMS)
			}
			dur = time.Duration(math.Round(ms * float64(time.Millisecond)))
		}
		reviews = append(reviews, Review{CardID: jr.CardID, Time: jr.Time.UTC(), Rating: jr.Rating, Duration: dur})
	}
	return decks, reviews, nil
}
