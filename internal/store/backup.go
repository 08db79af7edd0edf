package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/sched"
)

// keepBackups is how many rolling backups are kept.
const keepBackups = 10

// BackupDir is where the rolling backups of this collection go.
func (s *Store) BackupDir() string {
	if s.opt.BackupDir != "" {
		return s.opt.BackupDir
	}
	return filepath.Join(filepath.Dir(s.path), "backups")
}

// Backup copies the collection, through a read transaction so it is a
// consistent snapshot, to a new file in the backup folder named after the
// time and the reason, and drops the oldest backups beyond keepBackups.
func (s *Store) Backup(reason string) (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	name := fmt.Sprintf("%s-%s-%s.db", base, s.opt.Now().UTC().Format("20060102-150405.000"), reason)
	dst := filepath.Join(dir, name)
	err := s.view(func(tx *bolt.Tx) error { return tx.CopyFile(dst, 0o600) })
	if err != nil {
		return "", fmt.Errorf("back up to %s: %w", dst, err)
	}
	if err := s.pruneBackups(base); err != nil {
		return dst, err
	}
	return dst, nil
}

// Backups lists this collection's backups, newest first.
func (s *Store) Backups() ([]string, error) {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	return listBackups(s.BackupDir(), base)
}

func listBackups(dir, base string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), base+"-") && strings.HasSuffix(e.Name(), ".db") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	// Names start with a sortable UTC time stamp.
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}

func (s *Store) pruneBackups(base string) error {
	all, err := listBackups(s.BackupDir(), base)
	if err != nil {
		return err
	}
	for _, p := range all[min(len(all), keepBackups):] {
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}

// BackupDaily makes a backup when the newest one is older than a day.
func (s *Store) BackupDaily() error {
	all, err := s.Backups()
	if err != nil {
		return err
	}
	if len(all) > 0 {
		if st, err := os.Stat(all[0]); err == nil && s.opt.Now().Sub(st.ModTime()) < 24*time.Hour {
			return nil
		}
	}
	_, err = s.Backup("daily")
	return err
}

// Restore replaces the collection at path with the backup file src after
// checking that src is a readable recall collection and backing up the
// current one. The caller must not have path open.
func Restore(src, path string) (previous string, err error) {
	chk, err := open(src, Options{ReadOnly: true, Now: time.Now})
	if err != nil {
		return "", fmt.Errorf("backup %s: %w", src, err)
	}
	var v int
	err = chk.view(func(tx *bolt.Tx) error {
		var err error
		v, err = schemaVersion(tx)
		return err
	})
	chk.Close()
	if err != nil || v == 0 || v > SchemaVersion {
		return "", fmt.Errorf("%s is not a recall collection this version can use (schema %d): %w", src, v, ErrDamaged)
	}
	cur, err := Open(path, Options{})
	if err != nil {
		return "", err
	}
	defer cur.Close()
	previous, err = cur.Backup("before-restore")
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return previous, err
	}
	tmp := path + ".restore-tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return previous, fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return previous, fmt.Errorf("replace %s: %w", path, err)
	}
	return previous, nil
}

// Reschedule rebuilds the memory state of every card from the review log in
// one transaction, e.g. after the scheduler or its parameters changed.
// replay gets a card and its log events (a reset is an event with rating 0)
// and returns the new state.
func (s *Store) Reschedule(replay func(c *Card, events []sched.Event) sched.Card) (int, error) {
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		byNum := map[uint64][]sched.Event{}
		if err := tx.Bucket(bucketReviews).ForEach(func(k, v []byte) error {
			r, err := decodeReview(beUint(k), v)
			if err != nil {
				return damaged("review", k, err)
			}
			byNum[r.CardNum] = append(byNum[r.CardNum], sched.Event{Time: r.Time, Rating: r.Rating})
			return nil
		}); err != nil {
			return err
		}
		var cards []*Card
		if err := tx.Bucket(bucketCards).ForEach(func(k, v []byte) error {
			c, err := decodeCard(string(k), v)
			if err != nil {
				return damaged("card", k, err)
			}
			if len(byNum[c.Num]) > 0 {
				cards = append(cards, c)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, old := range cards {
			c := *old
			c.Sched = replay(old, byNum[old.Num])
			if c.Sched == old.Sched {
				continue
			}
			if err := putCard(tx, old, &c); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
