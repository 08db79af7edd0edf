// Package tempfile keeps the list of temporary files and folders the
// process is writing. An interrupt ends the process at once, without
// running deferred clean-up, so its handler removes what is on the list.
package tempfile

import (
	"os"
	"sync"
)

var live sync.Map

// Track puts path (a file or a folder) on the list. The returned func
// takes it off again; call it once the path has been removed or renamed
// into place.
func Track(path string) (untrack func()) {
	live.Store(path, true)
	return func() { live.Delete(path) }
}

// Remove removes path (a file or a folder) and takes it off the list, in
// that order, so that an interrupt between the two still finds it.
func Remove(path string) {
	os.RemoveAll(path)
	live.Delete(path)
}

// RemoveAll removes every path on the list.
func RemoveAll() {
	live.Range(func(path, _ any) bool {
		os.RemoveAll(path.(string))
		live.Delete(path)
		return true
	})
}
