package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Bucket names.
var (
	bucketMeta    = []byte("meta")
	bucketDecks   = []byte("decks")
	bucketCards   = []byte("cards")
	bucketDue     = []byte("due")
	bucketNew     = []byte("new")
	bucketReviews = []byte("reviews")
	bucketUndo    = []byte("undo")
	bucketDays    = []byte("days")
	bucketQuiz    = []byte("quiz")
	bucketParams  = []byte("params")

	allBuckets = [][]byte{bucketMeta, bucketDecks, bucketCards, bucketDue, bucketNew,
		bucketReviews, bucketUndo, bucketDays, bucketQuiz, bucketParams}

	keySchema = []byte("schema_version")
)

// Errors callers map to exit codes and messages.
var (
	// ErrLocked means another recall process has the collection open.
	ErrLocked = errors.New("collection is in use by another recall process")
	// ErrNewer means the collection was written by a newer recall.
	ErrNewer = errors.New("collection was written by a newer version of recall")
	// ErrDamaged means the file is not a recall collection or is corrupt.
	ErrDamaged = errors.New("collection is damaged or not a recall collection")
	// ErrNotBackup means a file given to Restore is not a recall collection.
	ErrNotBackup = errors.New("not a recall backup or collection")
	// ErrNotFound means no card (or deck) has the given ID (or name).
	ErrNotFound = errors.New("not found")
	// ErrNothingToUndo means the undo history is empty.
	ErrNothingToUndo = errors.New("nothing to undo")
)

// LockTimeout is how long Open waits for another process to release the file.
var LockTimeout = time.Second

// Options control how a collection is opened.
type Options struct {
	// ReadOnly opens with a shared lock and refuses writes.
	ReadOnly bool
	// CreateDir creates the collection's folder when it is missing (used for
	// the default location; an explicit path must name an existing folder).
	CreateDir bool
	// Now is the clock used for backup names and record times.
	Now func() time.Time
	// Warn receives problems that must not stop the work (a failed daily
	// backup); nil drops them.
	Warn func(error)
}

// Store is an open collection.
type Store struct {
	db   *bolt.DB
	path string
	opt  Options
	// dailyChecked is set once the first write of this process has made
	// the daily backup (or found a recent one).
	dailyChecked bool
	// scratchDir is the temporary folder of a scratch copy, deleted by
	// Discard; "" for a real collection.
	scratchDir string
	// untrackScratch takes scratchDir off the interrupt's clean-up list.
	untrackScratch func()
}

// Open opens (creating if needed) the collection at path, migrating an older
// schema after a backup and refusing a newer one.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil {
		if !errors.Is(err, fs.ErrNotExist) || !opt.CreateDir {
			return nil, fmt.Errorf("collection folder %s does not exist; create it or choose another --db", dir)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create collection folder: %w", err)
		}
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder; choose another --db", dir)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a collection file; choose another --db", path)
	}
	exists := fileExists(path)
	if opt.ReadOnly && !exists {
		// A read-only command on a fresh machine sees an empty collection;
		// create it first so the read-only open has a file to share.
		s, err := Open(path, Options{CreateDir: opt.CreateDir, Now: opt.Now})
		if err != nil {
			return nil, err
		}
		if err := s.Close(); err != nil {
			return nil, err
		}
	}
	s, err := open(path, opt)
	if err != nil {
		return nil, err
	}
	if err := s.prepare(); err != nil {
		s.db.Close()
		if errors.Is(err, errNeedsMigration) {
			// A read-only command on an older collection: migrate it with a
			// write open, then open read-only again.
			w, err := Open(path, Options{Now: opt.Now})
			if err != nil {
				return nil, err
			}
			if err := w.Close(); err != nil {
				return nil, err
			}
			return Open(path, opt)
		}
		return nil, err
	}
	return s, nil
}

func open(path string, opt Options) (*Store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: opt.ReadOnly})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("%s: %w; close the other one (or wait for it) and try again", path, ErrLocked)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch),
		errors.Is(err, bolterrors.ErrChecksum):
		return nil, fmt.Errorf("%s: %w (%v); choose another --db or restore a backup with `recall restore`", path, ErrDamaged, err)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("cannot open %s: permission denied; check the file and folder permissions or choose another --db", path)
	case err != nil:
		if isDamage(err) {
			return nil, fmt.Errorf("%s: %w (%v); choose another --db or restore a backup with `recall restore`", path, ErrDamaged, err)
		}
		return nil, fmt.Errorf("open collection %s: %w", path, err)
	}
	// bbolt grows the file 16 MiB at a time by default, which is most of a
	// small collection's size on disk; smaller steps cost an fsync each.
	db.AllocSize = 4 << 20
	return &Store{db: db, path: path, opt: opt}, nil
}

// isDamage recognises bbolt's complaints about a file that is not a
// database (they are not all exported as sentinel errors).
func isDamage(err error) bool {
	msg := err.Error()
	for _, s := range []string{"invalid database", "file size too small", "version mismatch", "checksum"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Size() > 0
}

// Path is the collection file.
func (s *Store) Path() string { return s.path }

// Close releases the collection and its lock.
func (s *Store) Close() error { return s.db.Close() }

// view and update wrap bbolt transactions; update refuses a read-only
// collection with a clear error instead of bbolt's.
func (s *Store) view(fn func(tx *bolt.Tx) error) error { return s.db.View(fn) }

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.opt.ReadOnly {
		return errors.New("collection was opened read-only")
	}
	if !s.dailyChecked {
		// The day's first write is preceded by a backup, unless a backup
		// (an import's, say) was made in the last day anyway.
		s.dailyChecked = true
		if err := s.BackupDaily(); err != nil && s.opt.Warn != nil {
			s.opt.Warn(fmt.Errorf("daily backup failed: %w", err))
		}
	}
	return s.db.Update(fn)
}

func damaged(what string, key []byte, err error) error {
	return fmt.Errorf("%w: %s %q: %v; run `recall doctor`", ErrDamaged, what, key, err)
}
