package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"recall/internal/prompt"
	"recall/internal/review"
	"recall/internal/store"
	"recall/internal/term"
)

// Factory carries what commands share. The costly pieces (the collection,
// the scheduler engine) are opened on first use, once.
type Factory struct {
	IO *term.IO
	// DB and NowFlag hold the global flag values.
	DB      string
	NowFlag string
	// Prompter is created on first use; tests replace it.
	Prompter func() prompt.Prompter
	started  time.Time

	st       *store.Store
	readOnly bool
	engine   *review.Engine
	// ownInterrupt is set by the commands that handle Ctrl-C themselves.
	ownInterrupt atomic.Bool
	// writable is set once the collection is open for writing, for the
	// interrupt handler (another goroutine) to word its message.
	writable atomic.Bool
}

// OwnInterrupt tells Run that the running command handles Ctrl-C itself
// (it keeps what was answered and ends with a summary), so an interrupt
// must not end the process.
func (f *Factory) OwnInterrupt() { f.ownInterrupt.Store(true) }

// NewFactory returns a Factory on the given streams.
func NewFactory(io *term.IO) *Factory {
	f := &Factory{IO: io, started: time.Now()}
	f.Prompter = func() prompt.Prompter { return prompt.NewTerminal(os.Stdin, os.Stderr) }
	return f
}

// Now is the current time, or the time given with --now / RECALL_NOW plus
// the time since start (so learning steps still advance in a session).
func (f *Factory) Now() (time.Time, error) {
	v, src := f.NowFlag, "--now"
	if v == "" {
		v, src = os.Getenv("RECALL_NOW"), "RECALL_NOW"
	}
	if v == "" {
		return time.Now(), nil
	}
	t, err := ParseTime(v)
	if err != nil {
		return time.Time{}, usagef("%s: %v", src, err)
	}
	// The upper bound leaves room for the longest interval (100 years)
	// below year 10000, past which times cannot be written as RFC 3339.
	if t.Before(time.Unix(0, 0)) || t.Year() >= 9000 {
		return time.Time{}, usagef("%s: %s is out of range; recall keeps times from 1970 to 8999", src, v)
	}
	return t.Add(time.Since(f.started)), nil
}

// ParseTime reads RFC 3339, "YYYY-MM-DD HH:MM" or "YYYY-MM-DD" (local time;
// a bare date is noon of that day).
func ParseTime(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, v, time.Local); err == nil {
			return t, nil
		}
	}
	// A bare date means noon of that day: midnight would fall before the
	// study day's start (04:00 by default) and so on the day before.
	if t, err := time.ParseInLocation("2006-01-02", v, time.Local); err == nil {
		return t.Add(12 * time.Hour), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a time; use RFC 3339 (2026-01-31T09:00:00Z) or YYYY-MM-DD", v)
}

// DBPath is the collection file: --db, RECALL_DB, or the default under
// $XDG_DATA_HOME. explicit is false for the default (whose folder is
// created on first use).
func (f *Factory) DBPath() (path string, explicit bool, err error) {
	if f.DB != "" {
		return f.DB, true, nil
	}
	if v := os.Getenv("RECALL_DB"); v != "" {
		return v, true, nil
	}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", false, fmt.Errorf("cannot find the home folder for the default collection; set --db or RECALL_DB")
		}
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "recall", "collection.db"), false, nil
}

// Store opens the collection, read-only when the command only reads. A
// command that writes after a read-only one reopens it.
func (f *Factory) Store(readOnly bool) (*store.Store, error) {
	if f.st != nil && (f.readOnly == readOnly || !f.readOnly) {
		return f.st, nil
	}
	if f.st != nil {
		f.st.Close()
		f.st, f.engine = nil, nil
	}
	path, explicit, err := f.DBPath()
	if err != nil {
		return nil, err
	}
	if readOnly && explicit {
		// A path given by hand that names no file is most likely mistyped:
		// creating an empty collection there would answer "No decks yet"
		// and leave a stray file. The default path is still created on
		// first use, so a fresh machine starts with the built-in deck.
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			from := "--db"
			if f.DB == "" {
				from = "RECALL_DB"
			}
			return nil, fmt.Errorf("collection %s (from %s) does not exist; check the path, or create it with `recall import FILE`", path, from)
		}
	}
	st, err := store.Open(path, store.Options{ReadOnly: readOnly, CreateDir: !explicit, Now: func() time.Time {
		t, _ := f.Now()
		return t
	}, Warn: func(err error) { f.hint("recall: warning: %v", err) }})
	if err != nil {
		return nil, err
	}
	f.st, f.readOnly = st, readOnly
	if !readOnly {
		f.writable.Store(true)
	}
	return st, nil
}

// Engine returns the review engine on the opened collection.
func (f *Factory) Engine(readOnly bool) (*review.Engine, error) {
	st, err := f.Store(readOnly)
	if err != nil {
		return nil, err
	}
	if f.engine == nil || f.engine.Store != st {
		if f.engine, err = review.NewEngine(st); err != nil {
			return nil, err
		}
	}
	return f.engine, nil
}

// dryRunEngine returns an engine on a scratch copy of the collection, for a
// dry run: it writes nothing to the collection, holds only a shared lock
// while it copies (readers work beside it; a writer makes it wait, then
// exit 3), and does not create a collection that does not exist yet.
// discard deletes the copy.
func (f *Factory) dryRunEngine() (e *review.Engine, discard func(), err error) {
	path, _, err := f.DBPath()
	if err != nil {
		return nil, nil, err
	}
	opt := store.Options{Now: func() time.Time {
		t, _ := f.Now()
		return t
	}}
	var sc *store.Store
	if fi, statErr := os.Stat(path); statErr == nil && fi.Size() > 0 {
		st, err := f.Store(true)
		if err != nil {
			return nil, nil, err
		}
		sc, err = st.Scratch()
		// The copy is all the dry run needs; let go of the collection.
		f.close()
		if err != nil {
			return nil, nil, err
		}
	} else if sc, err = store.NewScratch(opt); err != nil {
		return nil, nil, err
	}
	discard = func() { sc.Discard() }
	if e, err = review.NewEngine(sc); err != nil {
		discard()
		return nil, nil, err
	}
	return e, discard, nil
}

func (f *Factory) close() {
	if f.st != nil {
		f.st.Close()
		f.st = nil
	}
}

// printf writes text of outside origin to stdout, sanitised.
func (f *Factory) printf(format string, a ...any) {
	fmt.Fprint(f.IO.Out, term.Sanitize(fmt.Sprintf(format, a...)))
}

// hint writes a hint to stderr, wrapped between words on a terminal.
func (f *Factory) hint(format string, a ...any) {
	fmt.Fprintln(f.IO.ErrOut, f.IO.ErrText(term.Sanitize(fmt.Sprintf(format, a...))))
}

// progressThreshold is the size of an import (cards plus reviews) from which
// its phases are shown while it runs.
const progressThreshold = 5000

// progress shows one transient status line on a terminal's stderr (each
// call replaces the last; "" clears it). Nothing is written when stderr is
// not a terminal, so logs and scripts stay clean.
func (f *Factory) progress(format string, a ...any) {
	if !f.IO.IsTerminalErr() {
		return
	}
	line := ""
	if format != "" {
		line = shorten(fmt.Sprintf(format, a...), max(10, f.IO.Width()-1))
	}
	fmt.Fprint(f.IO.ErrOut, "\r\x1b[K"+line)
}
