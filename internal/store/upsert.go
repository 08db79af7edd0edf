package store

import (
	"bytes"
	"errors"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/deck"
	"recall/internal/sched"
)

// HistoryReview is a review imported from elsewhere, for a card of the batch.
type HistoryReview struct {
	CardID   string
	Time     time.Time
	Rating   sched.Rating
	Duration time.Duration
}

// UpsertOptions control an import.
type UpsertOptions struct {
	Now    time.Time
	DryRun bool
	// History is attached to cards that have no history of their own yet;
	// States replays it and returns the card's state after each review.
	History []HistoryReview
	States  func(cardID string, events []sched.Event) []sched.Card
	// Prune deletes the deck's cards that are missing from the batch.
	Prune bool
	// Start is the schedule an added card starts from, by card ID (one a
	// file kept without a history); cards already in the collection keep
	// their own.
	Start map[string]sched.Card
}

// Outcome says what an import did with one card.
type Outcome string

// Outcomes of an import.
const (
	Added     Outcome = "added"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
	Renamed   Outcome = "renamed" // front edited; matched to its old card by similarity
	Gone      Outcome = "gone"    // in the collection but no longer in the file
	Pruned    Outcome = "pruned"  // gone, and deleted because of Prune
)

// UpsertResult lists what happened to each card.
type UpsertResult struct {
	Cards   []CardOutcome
	History int // reviews attached
}

// CardOutcome is one card's fate in an import.
type CardOutcome struct {
	ID, OldID string
	Front     string
	Line      int
	Outcome   Outcome
}

// Count returns how many cards had outcome o.
func (r *UpsertResult) Count(o Outcome) int {
	n := 0
	for _, c := range r.Cards {
		if c.Outcome == o {
			n++
		}
	}
	return n
}

var errDryRun = errors.New("dry run")

// Upsert adds or updates the cards of one file (its decks and cards) in one
// transaction.
// A card keeps its number, memory state and history when its ID matches; a
// card whose derived ID changed because its front was edited is matched to
// the unmatched old card of the same deck it resembles most, when that
// match is unambiguous. With DryRun nothing is written.
func (s *Store) Upsert(infos []DeckInfo, cards []deck.Card, opt UpsertOptions) (*UpsertResult, error) {
	res := &UpsertResult{}
	err := s.update(func(tx *bolt.Tx) error {
		// A card is gone when its deck is in this batch, it came from this
		// same file, and the file no longer has it. Cards of older
		// collections carry no file: for them the deck's last file decides.
		file := map[string]string{}
		shared := map[string]bool{}
		for _, info := range infos {
			file[info.Name] = info.File
			if prev, ok := getDeck(tx, info.Name); ok && prev.File != "" && info.File != "" && prev.File != info.File {
				shared[info.Name] = true
			}
			if err := putDeck(tx, info); err != nil {
				return err
			}
		}
		fromThisFile := func(c *Card) bool {
			if c.File != "" {
				return c.File == file[c.Deck]
			}
			return !shared[c.Deck]
		}
		cb := tx.Bucket(bucketCards)
		seen := map[string]bool{}
		var fresh []int // indexes into cards that matched no stored ID
		for i := range cards {
			c := &cards[i]
			seen[c.ID] = true
			old, err := getCard(tx, c.ID)
			if errors.Is(err, ErrNotFound) {
				fresh = append(fresh, i)
				continue
			} else if err != nil {
				return err
			}
			o := Unchanged
			if !sameContent(&old.Card, c) || old.File != file[c.Deck] {
				nc := *old
				if !sameContent(&old.Card, c) {
					o = Updated
					nc.Card = withLine(*c, 0)
					nc.Modified = opt.Now
				}
				nc.File = file[c.Deck]
				if err := putCard(tx, old, &nc); err != nil {
					return err
				}
			}
			res.Cards = append(res.Cards, CardOutcome{ID: c.ID, Front: c.Front, Line: c.Line, Outcome: o})
		}
		// Old cards of the decks in this batch that the batch did not name.
		decks := map[string]bool{}
		for i := range cards {
			decks[cards[i].Deck] = true
		}
		for _, info := range infos {
			decks[info.Name] = true
		}
		var orphans []*Card
		if err := cb.ForEach(func(k, v []byte) error {
			if seen[string(k)] {
				return nil
			}
			c, err := decodeCard(string(k), v)
			if err != nil {
				return damaged("card", k, err)
			}
			if decks[c.Deck] && fromThisFile(c) {
				orphans = append(orphans, c)
			}
			return nil
		}); err != nil {
			return err
		}
		matched := matchRenamed(cards, fresh, orphans)
		used := map[string]bool{}
		var added []*Card
		for _, i := range fresh {
			c := &cards[i]
			if old := matched[i]; old != nil {
				used[old.ID] = true
				nc := *old
				nc.Card = withLine(*c, 0)
				nc.Modified = opt.Now
				nc.File = file[c.Deck]
				if err := deleteCard(tx, old); err != nil {
					return err
				}
				if err := putCard(tx, nil, &nc); err != nil {
					return err
				}
				res.Cards = append(res.Cards, CardOutcome{ID: c.ID, OldID: old.ID, Front: c.Front, Line: c.Line, Outcome: Renamed})
				continue
			}
			num, err := cb.NextSequence()
			if err != nil {
				return err
			}
			nc := &Card{Card: withLine(*c, 0), Num: num, Added: opt.Now, Modified: opt.Now, File: file[c.Deck]}
			if st, ok := opt.Start[c.ID]; ok {
				nc.Sched = st
			}
			added = append(added, nc)
			res.Cards = append(res.Cards, CardOutcome{ID: c.ID, Front: c.Front, Line: c.Line, Outcome: Added})
		}
		if err := putCards(tx, nil, added); err != nil {
			return err
		}
		for _, o := range orphans {
			if used[o.ID] {
				continue
			}
			out := Gone
			if opt.Prune {
				out = Pruned
				if err := deleteCard(tx, o); err != nil {
					return err
				}
			}
			res.Cards = append(res.Cards, CardOutcome{ID: o.ID, Front: o.Front, Outcome: out})
		}
		n, err := attachHistory(tx, opt)
		if err != nil {
			return err
		}
		res.History = n
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return res, err
}

func withLine(c deck.Card, line int) deck.Card {
	c.Line = line
	return c
}

// attachHistory appends imported reviews for cards without history and
// rebuilds their memory state.
func attachHistory(tx *bolt.Tx, opt UpsertOptions) (int, error) {
	if len(opt.History) == 0 || opt.States == nil {
		return 0, nil
	}
	byCard := map[string][]HistoryReview{}
	for _, h := range opt.History {
		byCard[h.CardID] = append(byCard[h.CardID], h)
	}
	ids := make([]string, 0, len(byCard))
	for id := range byCard {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	n := 0
	var olds, news []*Card
	for _, id := range ids {
		old, err := getCard(tx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		} else if err != nil {
			return n, err
		}
		if old.Sched.Reps > 0 {
			continue // the card already has a history here; importing again must not double it
		}
		hs := byCard[id]
		sort.SliceStable(hs, func(i, j int) bool { return hs[i].Time.Before(hs[j].Time) })
		events := make([]sched.Event, len(hs))
		for i, h := range hs {
			events[i] = sched.Event{Time: h.Time, Rating: h.Rating}
		}
		states := opt.States(id, events)
		prev := sched.New
		for i, h := range hs {
			r := Review{CardNum: old.Num, Time: h.Time, Rating: h.Rating, Before: prev, Duration: h.Duration, Interval: states[i].Interval}
			if err := appendReview(tx, &r); err != nil {
				return n, err
			}
			prev = states[i].State
			n++
		}
		c := *old
		c.Sched = states[len(states)-1]
		olds = append(olds, old)
		news = append(news, &c)
	}
	if err := putCards(tx, olds, news); err != nil {
		return n, err
	}
	return n, nil
}

func sameContent(a, b *deck.Card) bool {
	return a.Deck == b.Deck && a.Type == b.Type && a.Front == b.Front && a.Back == b.Back &&
		a.Ord == b.Ord && slices.Equal(a.Wrong, b.Wrong) && slices.Equal(a.Accept, b.Accept) &&
		slices.Equal(a.Tags, b.Tags) && sameSource(a.Source, b.Source)
}

func sameSource(a, b *deck.Source) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// matchRenamed pairs new cards with unmatched old cards of the same deck and
// type by word similarity of front and back. A pair is taken only when each
// is the other's best candidate, the score clears the threshold and no other
// candidate comes close, so an ambiguous edit becomes an add and a gone card
// instead of moving history to the wrong card.
func matchRenamed(cards []deck.Card, fresh []int, orphans []*Card) map[int]*Card {
	const threshold, margin = 0.5, 0.1
	out := map[int]*Card{}
	if len(fresh) == 0 || len(orphans) == 0 || len(fresh)*len(orphans) > 4_000_000 {
		return out
	}
	fw := make([]map[string]bool, len(fresh))
	for j, i := range fresh {
		fw[j] = words(cards[i].Front + " " + cards[i].Back)
	}
	ow := make([]map[string]bool, len(orphans))
	for k, o := range orphans {
		ow[k] = words(o.Front + " " + o.Back)
	}
	score := func(j, k int) float64 {
		c, o := &cards[fresh[j]], orphans[k]
		if c.Deck != o.Deck || c.Type != o.Type || c.Ord != o.Ord {
			return 0
		}
		return dice(fw[j], ow[k])
	}
	for j := range fresh {
		k, b1, b2 := bestTwo(len(orphans), func(k int) float64 { return score(j, k) })
		if k < 0 || b1 < threshold || b1-b2 < margin {
			continue
		}
		// The old card must prefer this new card too.
		back, c1, c2 := bestTwo(len(fresh), func(jj int) float64 { return score(jj, k) })
		if back == j && c1-c2 >= margin {
			out[fresh[j]] = orphans[k]
		}
	}
	return out
}

// bestTwo returns the index of the highest of n scores (-1 when all are 0)
// with that score and the second highest.
func bestTwo(n int, score func(int) float64) (best int, first, second float64) {
	best = -1
	for i := 0; i < n; i++ {
		sc := score(i)
		if sc > first {
			best, first, second = i, sc, first
		} else if sc > second {
			second = sc
		}
	}
	return best, first, second
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(deck.Normalize(deck.StripCloze(s))) {
		w = strings.Trim(w, ".,;:!?\"'()[]")
		if w != "" {
			m[w] = true
		}
	}
	return m
}

func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// putCards writes many cards; olds holds the stored versions whose index
// entries go (nil entries, or a nil slice, for new cards). bbolt inserts
// into a node's sorted in-memory array and splits nodes only at commit, so
// many keys written in random order in one transaction move memory
// quadratically; writing records, deletions and index entries each in key
// order keeps a 100,000-card import linear, and fuller pages keep the file
// small.
func putCards(tx *bolt.Tx, olds, cards []*Card) error {
	if len(cards) == 0 {
		return nil
	}
	type entry struct {
		bucket, key, value []byte
		del                bool
	}
	var idx []entry
	for _, o := range olds {
		if o == nil {
			continue
		}
		if b, k := indexKey(o); b != nil {
			idx = append(idx, entry{b, k, nil, true})
		}
	}
	for _, c := range cards {
		if b, k := indexKey(c); b != nil {
			idx = append(idx, entry{b, k, indexValue(c), false})
		}
	}
	sort.SliceStable(idx, func(i, j int) bool {
		if c := bytes.Compare(idx[i].bucket, idx[j].bucket); c != 0 {
			return c < 0
		}
		return bytes.Compare(idx[i].key, idx[j].key) < 0
	})
	bulk := len(cards) > 1000
	// Deletions first (so that an entry both removed and re-added survives),
	// from the last key back, since removing from the end of the array
	// moves nothing; insertions in ascending order append.
	for _, del := range []bool{true, false} {
		for i := range idx {
			e := idx[i]
			if del {
				e = idx[len(idx)-1-i]
			}
			if e.del != del {
				continue
			}
			b := tx.Bucket(e.bucket)
			if bulk {
				b.FillPercent = 0.9
			}
			var err error
			if del {
				err = b.Delete(e.key)
			} else {
				err = b.Put(e.key, e.value)
			}
			if err != nil {
				return err
			}
		}
	}
	sorted := append([]*Card(nil), cards...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	cb := tx.Bucket(bucketCards)
	if bulk {
		cb.FillPercent = 0.9
	}
	for _, c := range sorted {
		if err := cb.Put([]byte(c.ID), encodeCard(c)); err != nil {
			return err
		}
	}
	return nil
}
