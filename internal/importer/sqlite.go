package importer

import (
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	sqlite "modernc.org/sqlite"
)

var registerUnicase sync.Once

// openSQLiteRO opens an SQLite file read-only and immutable, so that nothing
// (no -wal or -shm file, no journal) is ever written beside it. Anki's
// schema 15+ declares a "unicase" collation, without which SQLite refuses
// every query on some tables; a case-folding stand-in is registered once,
// and its exact order does not matter for reading.
func openSQLiteRO(path string) (*sql.DB, error) {
	ensureUnicase()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: "mode=ro&immutable=1"}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, fmt.Errorf("opening SQLite file: %w", err)
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening SQLite file: %w", err)
	}
	return db, nil
}

// ensureUnicase registers the stand-in "unicase" collation for every
// connection opened afterwards.
func ensureUnicase() {
	registerUnicase.Do(func() {
		// An error means the name is registered already, which serves too.
		_ = sqlite.RegisterCollationUtf8("unicase", func(a, b string) int {
			return strings.Compare(strings.ToLower(a), strings.ToLower(b))
		})
	})
}
