package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/fnv"
	"math"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/sched"
)

// The due and new indexes carry, in their values, what building today's
// queue needs: state, stability, last review, burial, deck and a hash of
// the note. Counting and ordering due cards then reads only the index, and
// only the cards actually shown are decoded.

const indexVersion = 1

// indexKey is the card's key in the due or new index, or nil when the card
// belongs in neither (suspended).
func indexKey(c *Card) (bucket, key []byte) {
	if c.Suspended {
		return nil, nil
	}
	if c.Sched.State == sched.New {
		return bucketNew, append(be64(c.Num), c.ID...)
	}
	return bucketDue, append(be64(uint64(c.Available().UnixMilli())), c.ID...)
}

func indexValue(c *Card) []byte {
	e := enc{b: make([]byte, 0, 24+len(c.Deck))}
	e.byte(indexVersion)
	e.byte(byte(c.Sched.State))
	e.b = binary.BigEndian.AppendUint64(e.b, noteHash(c))
	e.b = binary.BigEndian.AppendUint32(e.b, math.Float32bits(float32(c.Sched.Stability)))
	e.t(c.Sched.LastReview)
	e.t(c.BuriedUntil)
	e.b = append(e.b, c.Deck...)
	return e.b
}

func noteHash(c *Card) uint64 {
	h := fnv.New64a()
	h.Write([]byte(c.NoteKey()))
	return h.Sum64()
}

func unindex(tx *bolt.Tx, c *Card) error {
	if b, k := indexKey(c); b != nil {
		return tx.Bucket(b).Delete(k)
	}
	return nil
}

func index(tx *bolt.Tx, c *Card) error {
	if b, k := indexKey(c); b != nil {
		return tx.Bucket(b).Put(k, indexValue(c))
	}
	return nil
}

// Entry is a card as the due or new index sees it.
type Entry struct {
	ID         string
	Num        uint64 // new index only
	Available  time.Time
	State      sched.State
	Note       uint64 // hash of the note key: siblings share it
	Stability  float64
	LastReview time.Time
	Buried     time.Time
	Deck       string
}

// indexKeyLen is the length of an index key's prefix: a due time in
// milliseconds or a card number, big-endian.
const indexKeyLen = 8

// errShortKey marks an index key too short to hold its prefix and an ID;
// only a damaged file has one.
var errShortKey = errors.New("index key too short")

func decodeEntry(k, v []byte, isNew bool) (Entry, error) {
	if len(k) <= indexKeyLen {
		return Entry{}, errShortKey
	}
	e := Entry{ID: string(k[indexKeyLen:])}
	if isNew {
		e.Num = beUint(k[:indexKeyLen])
	} else {
		e.Available = time.UnixMilli(int64(beUint(k[:indexKeyLen]))).UTC()
	}
	d := dec{b: v}
	if err := d.version(indexVersion, "index"); err != nil {
		return e, err
	}
	e.State = sched.State(d.byte())
	if len(d.b) < 12 {
		return e, errShort
	}
	e.Note = binary.BigEndian.Uint64(d.b)
	e.Stability = float64(math.Float32frombits(binary.BigEndian.Uint32(d.b[8:])))
	d.b = d.b[12:]
	e.LastReview = d.t()
	e.Buried = d.t()
	e.Deck = string(d.b)
	return e, d.err
}

// DueEntries calls fn for index entries of cards in learning, review or
// relearning available at or before t, earliest first, until fn returns
// false. No card is decoded.
func (s *Store) DueEntries(t time.Time, fn func(Entry) bool) error {
	limit := be64(uint64(t.UnixMilli()))
	return s.view(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketDue).Cursor()
		for k, v := cur.First(); k != nil && bytes.Compare(k[:min(len(k), indexKeyLen)], limit) <= 0; k, v = cur.Next() {
			e, err := decodeEntry(k, v, false)
			if err != nil {
				return damaged("due index entry", k, err)
			}
			if !fn(e) {
				return nil
			}
		}
		return nil
	})
}

// NewEntries calls fn for index entries of new cards that are not
// suspended, in their added order, until fn returns false. Buried ones are
// included (Entry.Buried says until when).
func (s *Store) NewEntries(fn func(Entry) bool) error {
	return s.view(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketNew).Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			e, err := decodeEntry(k, v, true)
			if err != nil {
				return damaged("new index entry", k, err)
			}
			if !fn(e) {
				return nil
			}
		}
		return nil
	})
}

// CardsByID decodes the given cards in one read transaction, in the order
// given; IDs that no longer exist are skipped.
func (s *Store) CardsByID(ids []string) ([]*Card, error) {
	out := make([]*Card, 0, len(ids))
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCards)
		for _, id := range ids {
			v := b.Get([]byte(id))
			if v == nil {
				continue
			}
			c, err := decodeCard(id, v)
			if err != nil {
				return damaged("card", []byte(id), err)
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}
