package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DeckInfo is what the collection knows about a deck besides its cards.
type DeckInfo struct {
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	Tags        []string          `json:"tags,omitempty"`
	Source      string            `json:"source,omitempty"`
	File        string            `json:"file,omitempty"`
	Settings    map[string]string `json:"settings,omitempty"` // per-deck overrides of config keys
}

// Records that are rare and small (decks, settings, quiz results, fitted
// parameters) are JSON behind a version byte: easy to extend, and their
// size does not matter.
const jsonVersion = 1

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, append([]byte{jsonVersion}, data...))
}

func getJSON(key, v []byte, out any) error {
	if len(v) < 1 || v[0] > jsonVersion {
		return damaged("record", key, fmt.Errorf("unknown record version"))
	}
	if err := json.Unmarshal(v[1:], out); err != nil {
		return damaged("record", key, err)
	}
	return nil
}

func putDeck(tx *bolt.Tx, d DeckInfo) error {
	b := tx.Bucket(bucketDecks)
	if v := b.Get([]byte(d.Name)); v != nil && d.Settings == nil {
		var old DeckInfo
		if err := getJSON([]byte(d.Name), v, &old); err == nil {
			d.Settings = old.Settings // an import never drops the user's deck settings
		}
	}
	return putJSON(b, []byte(d.Name), d)
}

func getDeck(tx *bolt.Tx, name string) (DeckInfo, bool) {
	var d DeckInfo
	v := tx.Bucket(bucketDecks).Get([]byte(name))
	if v == nil || getJSON([]byte(name), v, &d) != nil {
		return d, false
	}
	return d, true
}

// PutDeck creates or replaces a deck record.
func (s *Store) PutDeck(d DeckInfo) error {
	return s.update(func(tx *bolt.Tx) error { return putJSON(tx.Bucket(bucketDecks), []byte(d.Name), d) })
}

// Decks returns the deck records by name.
func (s *Store) Decks() ([]DeckInfo, error) {
	var out []DeckInfo
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDecks).ForEach(func(k, v []byte) error {
			var d DeckInfo
			if err := getJSON(k, v, &d); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	})
	return out, err
}

// Empty reports whether the collection has no cards.
func (s *Store) Empty() (bool, error) {
	empty := true
	err := s.view(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketCards).Cursor().First()
		empty = k == nil
		return nil
	})
	return empty, err
}

const configPrefix = "config/"

// Config returns the settings the user changed (key → value).
func (s *Store) Config() (map[string]string, error) {
	out := map[string]string{}
	err := s.view(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketMeta).Cursor()
		p := []byte(configPrefix)
		for k, v := cur.Seek(p); k != nil && strings.HasPrefix(string(k), configPrefix); k, v = cur.Next() {
			out[string(k[len(p):])] = string(v)
		}
		return nil
	})
	return out, err
}

// SetConfig stores a setting; an empty value removes it (back to default).
func (s *Store) SetConfig(key, value string) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if value == "" {
			return b.Delete([]byte(configPrefix + key))
		}
		return b.Put([]byte(configPrefix+key), []byte(value))
	})
}

// PutParams stores a small JSON record in the params bucket under name.
func (s *Store) PutParams(name string, v any) error {
	return s.update(func(tx *bolt.Tx) error { return putJSON(tx.Bucket(bucketParams), []byte(name), v) })
}

// Params reads a record stored with PutParams; found is false when absent.
func (s *Store) Params(name string, out any) (found bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketParams).Get([]byte(name))
		if v == nil {
			return nil
		}
		found = true
		return getJSON([]byte(name), v, out)
	})
	return found, err
}

// QuizRecord is a finished (or interrupted) quiz.
type QuizRecord struct {
	Time     time.Time       `json:"time"`
	Decks    []string        `json:"decks"`
	Mode     string          `json:"mode"`
	Correct  int             `json:"correct"`
	Total    int             `json:"total"`
	Duration time.Duration   `json:"duration_ns"`
	Missed   []QuizMissed    `json:"missed,omitempty"`
	Extra    json.RawMessage `json:"extra,omitempty"`
}

// QuizMissed is one missed question of a quiz.
type QuizMissed struct {
	CardID string `json:"card_id"`
	Prompt string `json:"prompt"`
	Given  string `json:"given"`
	Answer string `json:"answer"`
}

// AddQuiz stores a quiz result.
func (s *Store) AddQuiz(q QuizRecord) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketQuiz)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		return putJSON(b, be64(seq), q)
	})
}

// Quizzes returns stored quiz results, oldest first.
func (s *Store) Quizzes() ([]QuizRecord, error) {
	var out []QuizRecord
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketQuiz).ForEach(func(k, v []byte) error {
			var q QuizRecord
			if err := getJSON(k, v, &q); err != nil {
				return err
			}
			out = append(out, q)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out, err
}
