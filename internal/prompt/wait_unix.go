//go:build unix

package prompt

import (
	"errors"
	"math"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// waitReadable blocks until f has input or the deadline passes; a zero
// deadline waits for input alone, and so does any failure of poll itself
// (the read that follows then blocks as it always did).
func waitReadable(f *os.File, deadline time.Time) error {
	if deadline.IsZero() {
		return nil
	}
	fds := []unix.PollFd{{Fd: int32(f.Fd()), Events: unix.POLLIN}}
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return os.ErrDeadlineExceeded
		}
		// Round up, or the last poll would spin with a zero timeout.
		ms := min((left+time.Millisecond-1)/time.Millisecond, math.MaxInt32)
		n, err := unix.Poll(fds, int(ms))
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case err != nil, n > 0:
			return nil
		}
	}
}
