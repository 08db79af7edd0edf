package store

import (
	"bytes"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/sched"
)

// CheckReport lists what Check found.
type CheckReport struct {
	Cards, Reviews int
	Problems       []string
	Repaired       bool
	// Remaining lists what a repair could not fix (unreadable records).
	Remaining []string
}

// Check verifies the collection: bbolt's own page checks, every record
// decodes, and the due and new indexes hold exactly one entry per card that
// belongs there. With repair, the indexes are rebuilt from the cards (a
// backup is made first).
func (s *Store) Check(repair bool) (*CheckReport, error) {
	rep := &CheckReport{}
	want := map[string][]byte{}
	// cardOf names, for each wanted index entry, the card it belongs to,
	// so a missing entry is reported by card ID rather than as raw key
	// bytes.
	cardOf := map[string]*Card{}
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			rep.Problems = append(rep.Problems, "file: "+err.Error())
		}
		if err := tx.Bucket(bucketCards).ForEach(func(k, v []byte) error {
			rep.Cards++
			c, err := decodeCard(string(k), v)
			if err != nil {
				rep.Problems = append(rep.Problems, fmt.Sprintf("card %s cannot be read: %v", k, err))
				return nil
			}
			if b, key := indexKey(c); b != nil {
				id := string(b) + "\x00" + string(key)
				want[id] = indexValue(c)
				cardOf[id] = c
			}
			return nil
		}); err != nil {
			return err
		}
		for _, b := range [][]byte{bucketDue, bucketNew} {
			if err := tx.Bucket(b).ForEach(func(k, v []byte) error {
				id := string(b) + "\x00" + string(k)
				wv, ok := want[id]
				switch {
				case len(k) <= indexKeyLen:
					rep.Problems = append(rep.Problems, fmt.Sprintf("%s index entry %q is malformed", b, k))
				case !ok:
					rep.Problems = append(rep.Problems, fmt.Sprintf("%s index entry for %s matches no card", b, k[indexKeyLen:]))
				case !bytes.Equal(wv, v):
					rep.Problems = append(rep.Problems, fmt.Sprintf("%s index entry for %s is out of date", b, k[indexKeyLen:]))
				}
				delete(want, id)
				return nil
			}); err != nil {
				return err
			}
		}
		var missing []string
		for id := range want {
			c := cardOf[id]
			if c.Sched.State == sched.New {
				missing = append(missing, fmt.Sprintf("new index entry for %s is missing", c.ID))
			} else {
				missing = append(missing, fmt.Sprintf("due index entry for %s (due %s) is missing", c.ID, c.Available().UTC().Format(time.RFC3339)))
			}
		}
		// Map order is random; a sorted report reads the same every run.
		sort.Strings(missing)
		rep.Problems = append(rep.Problems, missing...)
		return tx.Bucket(bucketReviews).ForEach(func(k, v []byte) error {
			rep.Reviews++
			if _, err := decodeReview(beUint(k), v); err != nil {
				rep.Problems = append(rep.Problems, fmt.Sprintf("review %d cannot be read: %v", beUint(k), err))
			}
			return nil
		})
	})
	if err != nil || !repair || len(rep.Problems) == 0 {
		return rep, err
	}
	if _, err := s.Backup("repair"); err != nil {
		return rep, err
	}
	if err = s.update(rebuildIndexes); err != nil {
		return rep, err
	}
	rep.Repaired = true
	again, err := s.Check(false)
	if err != nil {
		return rep, err
	}
	rep.Remaining = again.Problems
	return rep, nil
}
