// Package prompt asks the user things in a terminal. Commands depend on the
// Prompter interface; survey.go is the only file that imports survey, so a
// change of prompt library touches one file, and Fake scripts answers for
// tests.
package prompt

import "errors"

// KeyDown is the Down arrow as Key reports it: survey's terminal reader
// turns its escape sequence into this rune, which is also Ctrl-N (a pager
// takes either as space).
const KeyDown rune = '\x0e'

// ErrInterrupted is returned when the user pressed Ctrl-C at a prompt.
var ErrInterrupted = errors.New("interrupted")

// Prompter is what interactive commands need from a terminal.
type Prompter interface {
	// Key shows msg and waits for one key press; only keys in allowed are
	// accepted (Enter arrives as '\r', Space as ' '). Ctrl-C gives
	// ErrInterrupted.
	Key(msg string, allowed string) (rune, error)
	// Input reads one line of text.
	Input(msg, def string) (string, error)
	// Select offers options and returns the chosen index.
	Select(msg string, options []string, def int) (int, error)
}
