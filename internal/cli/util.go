package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"

	"recall/internal/deck"
	"recall/internal/store"
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
	case errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("%s is a folder, not a file; name the files in it instead (e.g. %s)", name, filepath.Join(name, "*.md"))
	}
	return fmt.Errorf("read %s: %w", name, err)
}

// checkOutputPath refuses a file to write (-o) that cannot be written, in
// words that say what to do: an existing folder, or a folder that does not
// exist. example, when not "", is a file name to suggest. Commands call it
// before any work, so nothing is done in vain; other failures come from the
// write itself.
func checkOutputPath(path, example string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		if example != "" {
			return fmt.Errorf("cannot write %s: it is a folder; give -o a file name, e.g. -o %s", path, filepath.Join(path, example))
		}
		return fmt.Errorf("cannot write %s: it is a folder; give -o a file name", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder %s does not exist; create it first (mkdir -p %s) or give -o another path", path, dir, dir)
	case err == nil && !fi.IsDir():
		return fmt.Errorf("cannot write %s: %s is a file, not a folder; give -o another path", path, dir)
	}
	return nil
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

// printCardRows lists cards one a line: ID, state, deck and front, in
// columns as wide as the IDs and decks shown (a deck name cut at 20
// columns). On a terminal the front is cut to the screen's width, and
// below 60 columns (or when long IDs leave the front too little room) each
// card takes two lines, ID, state and deck, then the front, so that the
// front is not cut to nothing.
func printCardRows(f *Factory, cards []*store.Card) {
	const stateW, narrow = 10, 60
	idW, deckW := 0, 0
	for _, c := range cards {
		idW = max(idW, term.Cells(term.OneLine(c.ID)))
		deckW = max(deckW, min(20, term.Cells(term.OneLine(c.Deck))))
	}
	promptW := 60
	if f.IO.IsTerminalOut() {
		w := f.IO.Width()
		promptW = w - idW - stateW - deckW - 6
		if w < narrow || promptW < 10 { // narrow, or IDs too long for one line
			for _, c := range cards {
				head := term.OneLine(c.ID) + "  " + c.Sched.State.String()
				if room := w - term.Cells(head) - 2; room >= 4 {
					head += "  " + term.Fit(term.OneLine(c.Deck), room)
				}
				fmt.Fprintf(f.IO.Out, "%s\n  %s\n", term.Fit(head, w), term.Fit(term.OneLine(c.Prompt()), w-2))
			}
			return
		}
	}
	for _, c := range cards {
		fmt.Fprintf(f.IO.Out, "%s  %s  %s  %s\n", term.Pad(term.OneLine(c.ID), idW), term.Pad(c.Sched.State.String(), stateW),
			term.Pad(term.Fit(term.OneLine(c.Deck), deckW), deckW), term.Fit(term.OneLine(c.Prompt()), promptW))
	}
}
