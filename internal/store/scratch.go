package store

import (
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"recall/internal/tempfile"
)

// Scratch returns a writable copy of the collection in a temporary folder.
// A dry run works on it: it goes through exactly the steps of the real
// change, whose transaction is then rolled back, while the collection itself
// only needs to be open read-only, which other recall processes can share.
// Release the copy with Discard.
func (s *Store) Scratch() (*Store, error) {
	dir, err := os.MkdirTemp("", "recall-scratch-*")
	if err != nil {
		return nil, fmt.Errorf("create a scratch copy of the collection: %w", err)
	}
	untrack := tempfile.Track(dir)
	dst := filepath.Join(dir, "collection.db")
	if err := s.view(func(tx *bolt.Tx) error { return tx.CopyFile(dst, 0o600) }); err != nil {
		os.RemoveAll(dir)
		untrack()
		return nil, fmt.Errorf("create a scratch copy of the collection: %w", err)
	}
	return openScratch(dir, dst, s.opt, untrack)
}

// NewScratch returns an empty writable collection in a temporary folder, the
// stand-in for a collection that does not exist yet, so that a dry run does
// not create one. Release it with Discard.
func NewScratch(opt Options) (*Store, error) {
	dir, err := os.MkdirTemp("", "recall-scratch-*")
	if err != nil {
		return nil, fmt.Errorf("create a scratch collection: %w", err)
	}
	return openScratch(dir, filepath.Join(dir, "collection.db"), opt, tempfile.Track(dir))
}

func openScratch(dir, path string, opt Options, untrack func()) (*Store, error) {
	opt.ReadOnly, opt.CreateDir = false, false
	st, err := Open(path, opt)
	if err != nil {
		os.RemoveAll(dir)
		untrack()
		return nil, err
	}
	st.untrackScratch = untrack
	// A copy thrown away afterwards needs no backups of its own.
	st.dailyChecked = true
	st.scratchDir = dir
	return st, nil
}

// Discard closes a collection made by Scratch or NewScratch and deletes it.
func (s *Store) Discard() error {
	err := s.Close()
	if s.scratchDir != "" {
		if rerr := os.RemoveAll(s.scratchDir); err == nil {
			err = rerr
		}
		s.untrackScratch()
	}
	return err
}
