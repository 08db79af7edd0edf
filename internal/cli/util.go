package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"

	"recall/internal/deck"
	"recall/internal/term"
)

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	s = term.OneLine(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// readError words a failure to read a file the user named the same way in
// every command.
func readError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file or folder", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", name)
	}
	return fmt.Errorf("read %s: %w", name, err)
}

// absPath is path made absolute when it can be ("-" and errors stay as
// given), so that the same file imported from another folder is known.
func absPath(path string) string {
	if path == "-" {
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// withDeckTags gives every card of d the deck's own tags (a deck file's
// front matter), so that tag filters and searches find them.
func withDeckTags(d deck.Deck) []deck.Card {
	if len(d.Tags) == 0 {
		return d.Cards
	}
	out := make([]deck.Card, len(d.Cards))
	for i, c := range d.Cards {
		tags := slices.Clone(c.Tags)
		for _, t := range d.Tags {
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
		c.Tags = tags
		out[i] = c
	}
	return out
}

// withoutTags drops the tags in drop from tags (nil when none remain).
func withoutTags(tags, drop []string) []string {
	var out []string
	for _, t := range tags {
		if !slices.Contains(drop, t) {
			out = append(out, t)
		}
	}
	return out
}
