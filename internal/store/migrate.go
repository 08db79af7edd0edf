package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the schema this recall writes.
const SchemaVersion = 2

// migration upgrades a collection from version From to From+1 inside one
// write transaction. New migrations are appended; they never change.
type migration struct {
	From int
	Name string
	Run  func(tx *bolt.Tx) error
}

// migrations is the ordered list of schema upgrades. Version 0 is a file
// with no schema yet; migrating it creates the buckets.
var migrations = []migration{
	{From: 0, Name: "create buckets", Run: func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	{From: 1, Name: "index values carry queue fields", Run: rebuildIndexes},
}

// rebuildIndexes recreates the due and new indexes from the cards.
func rebuildIndexes(tx *bolt.Tx) error {
	for _, b := range [][]byte{bucketDue, bucketNew} {
		if err := tx.DeleteBucket(b); err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
			return err
		}
		if _, err := tx.CreateBucket(b); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketCards).ForEach(func(k, v []byte) error {
		c, err := decodeCard(string(k), v)
		if err != nil {
			return nil // left for `recall doctor` to report
		}
		return index(tx, c)
	})
}

var errNeedsMigration = errors.New("collection needs a schema upgrade")

// schemaVersion reads meta/schema_version; 0 when the file is new.
func schemaVersion(tx *bolt.Tx) (int, error) {
	b := tx.Bucket(bucketMeta)
	if b == nil {
		if hasOtherBuckets(tx) {
			return 0, fmt.Errorf("%w: no meta bucket", ErrDamaged)
		}
		return 0, nil
	}
	v := b.Get(keySchema)
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: schema version is missing", ErrDamaged)
	}
	return int(binary.BigEndian.Uint64(v)), nil
}

func hasOtherBuckets(tx *bolt.Tx) bool {
	found := false
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		found = true
		return nil
	})
	return found
}

// prepare checks the schema and runs pending migrations (write opens only),
// backing the collection up first when it already holds data.
func (s *Store) prepare() error {
	var v int
	if err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = schemaVersion(tx)
		return err
	}); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	switch {
	case v > SchemaVersion:
		return fmt.Errorf("%s: %w (schema %d, this recall knows %d); upgrade recall", s.path, ErrNewer, v, SchemaVersion)
	case v == SchemaVersion:
		return nil
	case s.opt.ReadOnly:
		return errNeedsMigration
	}
	if v > 0 {
		if _, err := s.Backup("migrate"); err != nil {
			return fmt.Errorf("back up before upgrading the collection: %w", err)
		}
	}
	for _, m := range migrations {
		if m.From < v {
			continue
		}
		if err := s.db.Update(func(tx *bolt.Tx) error {
			if err := m.Run(tx); err != nil {
				return err
			}
			meta, err := tx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			return meta.Put(keySchema, be64(uint64(m.From+1)))
		}); err != nil {
			return fmt.Errorf("upgrade collection (%s): %w", m.Name, err)
		}
	}
	return nil
}
