package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"recall/internal/sched"
	"recall/internal/tempfile"
)

// keepBackups is how many rolling backups are kept.
const keepBackups = 10

// BackupDir is where the rolling backups of this collection go.
func (s *Store) BackupDir() string { return BackupDirFor(s.path) }

// BackupDirFor is the backup folder of the collection at path.
func BackupDirFor(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

func backupBase(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// backupName is "<collection>-<UTC time>-<reason>.db". The time is the
// real clock's, never a simulated --now, so names sort in the order the
// backups were made and pruning never drops a fresh one for an old one.
func backupName(path, reason string) string {
	return fmt.Sprintf("%s-%s-%s.db", backupBase(path), time.Now().UTC().Format(backupStamp), reason)
}

const backupStamp = "20060102-150405.000"

// Backup copies the collection, through a read transaction so it is a
// consistent snapshot, to a new file in the backup folder named after the
// time and the reason, and drops the oldest backups beyond keepBackups.
func (s *Store) Backup(reason string) (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	dst := filepath.Join(dir, backupName(s.path, reason))
	err := s.view(func(tx *bolt.Tx) error {
		return writeFileSync(dst, func(w io.Writer) error { _, err := tx.WriteTo(w); return err })
	})
	if err != nil {
		return "", fmt.Errorf("back up to %s: %w", dst, err)
	}
	if err := pruneBackups(dir, backupBase(s.path), dst); err != nil {
		return dst, err
	}
	return dst, nil
}

// Backups lists this collection's backups, newest first.
func (s *Store) Backups() ([]string, error) {
	return listBackups(s.BackupDir(), backupBase(s.path))
}

// ListBackups lists the backups of the collection at path, newest first,
// without opening it (it may be damaged or in use).
func ListBackups(path string) ([]string, error) {
	return listBackups(BackupDirFor(path), backupBase(path))
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
		if name := e.Name(); isBackupOf(name, base) {
			out = append(out, filepath.Join(dir, name))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}

// isBackupOf says whether a file name is that of a backup of the
// collection named base: "<base>-<stamp>-….db". The stamp matters: a
// collection named "c" must not take the backups of one named "c-2".
func isBackupOf(name, base string) bool {
	rest, ok := strings.CutPrefix(name, base+"-")
	if !ok || !strings.HasSuffix(name, ".db") || len(rest) < len(backupStamp) {
		return false
	}
	_, err := time.Parse(backupStamp, rest[:len(backupStamp)])
	return err == nil
}

func pruneBackups(dir, base, keep string) error {
	all, err := listBackups(dir, base)
	if err != nil {
		return err
	}
	// A backup cut short by a crash or an interrupt left its temporary
	// file; the collection's lock says no backup of it is being written
	// now (another collection's may be: isBackupOf tells them apart).
	parts, _ := filepath.Glob(filepath.Join(dir, "*.db.part"))
	for _, p := range parts {
		if isBackupOf(strings.TrimSuffix(filepath.Base(p), ".part"), base) {
			os.Remove(p)
		}
	}
	kept := 0
	for _, p := range all {
		if p == keep || kept < keepBackups-1 {
			if p != keep {
				kept++
			}
			continue
		}
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}

// BackupDaily makes a backup when the collection has cards and the newest
// backup is older than a day.
func (s *Store) BackupDaily() error {
	if empty, err := s.Empty(); err != nil || empty {
		return err
	}
	all, err := s.Backups()
	if err != nil {
		return err
	}
	if len(all) > 0 {
		if st, err := os.Stat(all[0]); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
			return nil
		}
	}
	_, err = s.Backup("daily")
	return err
}

// Restore replaces the collection at path with the backup file src after
// checking that src is a readable recall collection. The current
// collection is backed up first, or, when it is too damaged to open, moved
// aside into the backup folder as it is. The caller must not have path
// open; another process that has it open makes Restore fail with ErrLocked.
func Restore(src, path string) (previous string, err error) {
	// A file that is not a backup says nothing about the current
	// collection, so it must not be reported as ErrDamaged (whose advice is
	// to restore a backup) nor touch the collection.
	notBackup := func() error {
		return fmt.Errorf("%s: %w; the current collection is unchanged (`recall backup --list` shows the backups)", src, ErrNotBackup)
	}
	chk, err := open(src, Options{ReadOnly: true, Now: time.Now})
	if errors.Is(err, ErrDamaged) {
		return "", notBackup()
	}
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
	switch {
	case err != nil || v == 0:
		return "", notBackup()
	case v > SchemaVersion:
		return "", fmt.Errorf("%s was written by a newer recall (schema %d, this one reads up to %d); update recall to restore it", src, v, SchemaVersion)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	cur, err := Open(path, Options{})
	switch {
	case err == nil:
		// Holding the current collection open keeps other recall processes
		// out until the new file is in place.
		defer cur.Close()
		if previous, err = cur.Backup("before-restore"); err != nil {
			return "", err
		}
	case errors.Is(err, ErrDamaged):
		dir := BackupDirFor(path)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", err
		}
		// Copied aside, not moved: until the new file is renamed into
		// place, an interrupt must leave a collection at path.
		previous = filepath.Join(dir, backupName(path, "damaged"))
		if err := writeFileSync(previous, func(w io.Writer) error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		}); err != nil {
			return "", fmt.Errorf("keep a copy of the damaged collection: %w", err)
		}
	default:
		return "", err
	}
	if err := writeFileSync(path, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return previous, err
	}
	return previous, nil
}

// writeFileSync replaces path with what write writes, through a synced
// temporary file and a rename, then syncs the folder, so a crash or an
// interrupt leaves the old or the new file, never half of one. The
// temporary name ends in ".part", which no backup listing takes for a
// backup.
func writeFileSync(path string, write func(io.Writer) error) error {
	tmp := path + ".part"
	// On the list before it exists, so that no interrupt can fall between.
	defer tempfile.Track(tmp)()
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
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
		var olds, news []*Card
		for _, old := range cards {
			c := *old
			c.Sched = replay(old, byNum[old.Num])
			if c.Sched == old.Sched {
				continue
			}
			olds, news = append(olds, old), append(news, &c)
		}
		n = len(news)
		return putCards(tx, olds, news)
	})
	return n, err
}
