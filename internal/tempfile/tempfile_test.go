package tempfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRemoveAllRemovesTrackedPathsOnly(t *testing.T) {
	dir := t.TempDir()
	file, folder, done, kept := filepath.Join(dir, "a.part"), filepath.Join(dir, "scratch"), filepath.Join(dir, "b.part"), filepath.Join(dir, "kept")
	for _, p := range []string{file, done, kept} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(folder, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	Track(file)
	Track(folder)
	Track(done)() // finished: taken off the list
	RemoveAll()
	for _, p := range []string{file, folder} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s still exists (%v)", p, err)
		}
	}
	for _, p := range []string{done, kept} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
}
