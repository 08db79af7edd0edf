package store

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/sched"
)

func getCard(tx *bolt.Tx, id string) (*Card, error) {
	v := tx.Bucket(bucketCards).Get([]byte(id))
	if v == nil {
		return nil, notFound(fmt.Sprintf("no card %q", id))
	}
	c, err := decodeCard(id, v)
	if err != nil {
		return nil, damaged("card", []byte(id), err)
	}
	return c, nil
}

// putCard writes c and its index entry; old is the stored version (nil for
// a new card) whose index entry is removed first.
func putCard(tx *bolt.Tx, old, c *Card) error {
	if old != nil {
		if err := unindex(tx, old); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketCards).Put([]byte(c.ID), encodeCard(c)); err != nil {
		return err
	}
	return index(tx, c)
}

func deleteCard(tx *bolt.Tx, c *Card) error {
	if err := unindex(tx, c); err != nil {
		return err
	}
	return tx.Bucket(bucketCards).Delete([]byte(c.ID))
}

// resolveCard reads the card with the given ID or unique ID prefix.
func resolveCard(tx *bolt.Tx, id string) (*Card, error) {
	full, err := resolveID(tx, id)
	if err != nil {
		return nil, err
	}
	return getCard(tx, full)
}

// Card returns the card with the given ID or unique ID prefix.
func (s *Store) Card(id string) (*Card, error) {
	var c *Card
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		c, err = resolveCard(tx, id)
		return err
	})
	return c, err
}

// ResolveID expands a unique ID prefix (at least 4 characters) to a full ID.
func (s *Store) ResolveID(id string) (string, error) {
	var full string
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		full, err = resolveID(tx, id)
		return err
	})
	return full, err
}

func resolveID(tx *bolt.Tx, id string) (string, error) {
	b := tx.Bucket(bucketCards)
	if id == "" {
		return "", notFound("the card ID is empty")
	}
	if b.Get([]byte(id)) != nil {
		return id, nil
	}
	if len(id) < 4 {
		return "", notFound(fmt.Sprintf("no card %q; give the whole ID or at least 4 of its first characters (`recall search` finds cards by text)", id))
	}
	c := b.Cursor()
	var found []string
	for k, _ := c.Seek([]byte(id)); k != nil && bytes.HasPrefix(k, []byte(id)); k, _ = c.Next() {
		found = append(found, string(k))
		if len(found) > 3 {
			break
		}
	}
	switch len(found) {
	case 0:
		return "", notFound(fmt.Sprintf("no card %q; `recall search` finds cards by text", id))
	case 1:
		return found[0], nil
	}
	return "", notFound(fmt.Sprintf("card ID %q is ambiguous (%s, ...); give more characters", id, strings.Join(found[:2], ", ")))
}

// EachCard calls fn for every card in ID order; returning an error stops.
// The card passed in is the caller's to keep.
func (s *Store) EachCard(fn func(*Card) error) error {
	return s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCards).ForEach(func(k, v []byte) error {
			c, err := decodeCard(string(k), v)
			if err != nil {
				return damaged("card", k, err)
			}
			return fn(c)
		})
	})
}

// DueBefore calls fn for cards in learning, review or relearning available
// at or before t, earliest first, until fn returns false.
func (s *Store) DueBefore(t time.Time, fn func(*Card) bool) error {
	limit := be64(uint64(t.UnixMilli()))
	return s.view(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketDue).Cursor()
		cards := tx.Bucket(bucketCards)
		for k, _ := cur.First(); k != nil && bytes.Compare(k[:min(len(k), indexKeyLen)], limit) <= 0; k, _ = cur.Next() {
			if len(k) <= indexKeyLen {
				return damaged("due index entry", k, errShortKey)
			}
			id := k[indexKeyLen:]
			c, err := decodeCard(string(id), cards.Get(id))
			if err != nil {
				return damaged("card", id, err)
			}
			if !fn(c) {
				return nil
			}
		}
		return nil
	})
}

// NewCards calls fn for new cards that are not suspended or buried at t,
// in their added order, until fn returns false.
func (s *Store) NewCards(t time.Time, fn func(*Card) bool) error {
	return s.view(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketNew).Cursor()
		cards := tx.Bucket(bucketCards)
		for k, _ := cur.First(); k != nil; k, _ = cur.Next() {
			if len(k) <= indexKeyLen {
				return damaged("new index entry", k, errShortKey)
			}
			id := k[indexKeyLen:]
			c, err := decodeCard(string(id), cards.Get(id))
			if err != nil {
				return damaged("card", id, err)
			}
			if c.BuriedUntil.After(t) {
				continue
			}
			if !fn(c) {
				return nil
			}
		}
		return nil
	})
}

// NextDue returns the earliest time a non-new card becomes available, or
// the zero time when there is none.
func (s *Store) NextDue() (time.Time, error) {
	var t time.Time
	err := s.view(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketDue).Cursor().First()
		switch {
		case k == nil:
		case len(k) <= indexKeyLen:
			return damaged("due index entry", k, errShortKey)
		default:
			t = time.UnixMilli(int64(beUint(k[:indexKeyLen]))).UTC()
		}
		return nil
	})
	return t, err
}

// Update changes one card inside a write transaction: fn edits the card and
// the store rewrites it and its index entry. Content changes keep history.
func (s *Store) Update(id string, now time.Time, fn func(*Card) error) (*Card, error) {
	var out *Card
	err := s.update(func(tx *bolt.Tx) error {
		old, err := resolveCard(tx, id)
		if err != nil {
			return err
		}
		c := *old
		if err := fn(&c); err != nil {
			return err
		}
		c.Modified = now
		if c.ID != old.ID {
			if tx.Bucket(bucketCards).Get([]byte(c.ID)) != nil {
				return fmt.Errorf("another card already has ID %s", c.ID)
			}
			if err := deleteCard(tx, old); err != nil {
				return err
			}
			old = nil
		}
		out = &c
		return putCard(tx, old, &c)
	})
	return out, err
}

// Delete removes a card. Its review log entries stay, so the collection's
// statistics still count them, but they belong to no card any more and so
// no longer reach the optimizer.
func (s *Store) Delete(id string) (*Card, error) {
	var out *Card
	err := s.update(func(tx *bolt.Tx) error {
		c, err := resolveCard(tx, id)
		if err != nil {
			return err
		}
		out = c
		return deleteCard(tx, c)
	})
	return out, err
}

// Reset forgets a card's memory state on purpose: it becomes new again and
// a reset entry in the log marks that earlier history no longer counts.
func (s *Store) Reset(id string, now time.Time) (*Card, error) {
	var out *Card
	err := s.update(func(tx *bolt.Tx) error {
		old, err := resolveCard(tx, id)
		if err != nil {
			return err
		}
		c := *old
		c.Sched = sched.Card{}
		c.BuriedUntil = time.Time{}
		c.Modified = now
		if err := appendReview(tx, &Review{CardNum: c.Num, Time: now, Before: old.Sched.State}); err != nil {
			return err
		}
		out = &c
		return putCard(tx, old, &c)
	})
	return out, err
}

func beUint(b []byte) uint64 {
	var v uint64
	for _, x := range b {
		v = v<<8 | uint64(x)
	}
	return v
}

// notFoundError is a not-found message that matches ErrNotFound without
// repeating its text.
type notFoundError string

func notFound(msg string) error { return notFoundError(msg) }

func (e notFoundError) Error() string        { return string(e) }
func (e notFoundError) Is(target error) bool { return target == ErrNotFound }
