package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"recall/internal/deck"
)

// A dry run must work beside other readers: the collection is opened
// read-only and the would-be change runs on a scratch copy.
func TestScratchCopyTakesWritesWhileTheCollectionStaysReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	now := func() time.Time { return t0 }
	w, err := Open(path, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	info := []DeckInfo{{Name: "D"}}
	if _, err := w.Upsert(info, []deck.Card{basic("D", "one", "1")}, UpsertOptions{Now: t0}); err != nil {
		t.Fatal(err)
	}
	w.Close()

	ro, err := Open(path, Options{ReadOnly: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	// A second reader shares the file, as `recall due` beside a dry run.
	other, err := Open(path, Options{ReadOnly: true, Now: now})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer other.Close()

	sc, err := ro.Scratch()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(sc.Path())
	res, err := sc.Upsert(info, []deck.Card{basic("D", "one", "1"), basic("D", "two", "2")}, UpsertOptions{Now: t0, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(Added) != 1 || res.Count(Unchanged) != 1 {
		t.Errorf("outcomes %+v, want one added and one unchanged", res.Cards)
	}
	if err := sc.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("scratch folder %s left behind (%v)", dir, err)
	}
	if _, err := ro.Card(basic("D", "two", "2").ID); err == nil {
		t.Error("the dry run wrote to the collection")
	}
}

func TestNewScratchIsEmptyAndLeavesNothing(t *testing.T) {
	sc, err := NewScratch(Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(sc.Path())
	if empty, err := sc.Empty(); err != nil || !empty {
		t.Errorf("empty=%v err=%v", empty, err)
	}
	if err := sc.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("scratch folder %s left behind (%v)", dir, err)
	}
}
