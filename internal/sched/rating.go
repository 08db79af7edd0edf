package sched

import (
	"fmt"
	"strings"
)

// Rating is the grade given to a card: Again, Hard, Good or Easy.
type Rating int8

// The four grades, numbered as FSRS and Anki number them.
const (
	Again Rating = 1
	Hard  Rating = 2
	Good  Rating = 3
	Easy  Rating = 4
)

// Valid reports whether r is one of the four grades.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// String returns the lower-case name of the grade ("again" … "easy").
func (r Rating) String() string {
	switch r {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return fmt.Sprintf("rating(%d)", int8(r))
}

// ParseRating reads a grade given by name (any case) or by number 1–4.
func ParseRating(s string) (Rating, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "again", "1":
		return Again, nil
	case "hard", "2":
		return Hard, nil
	case "good", "3":
		return Good, nil
	case "easy", "4":
		return Easy, nil
	}
	return 0, fmt.Errorf("invalid rating %q: want again, hard, good, easy or 1-4", s)
}

// State is where a card is in its life cycle.
type State int8

// The card states. New cards have never been answered; Learning and
// Relearning cards walk through short steps; Review cards wait whole days.
const (
	New        State = 0
	Learning   State = 1
	Review     State = 2
	Relearning State = 3
)

// String returns the lower-case name of the state.
func (s State) String() string {
	switch s {
	case New:
		return "new"
	case Learning:
		return "learning"
	case Review:
		return "review"
	case Relearning:
		return "relearning"
	}
	return fmt.Sprintf("state(%d)", int8(s))
}

// ParseState reads a state name as String writes it.
func ParseState(s string) (State, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "new":
		return New, nil
	case "learning":
		return Learning, nil
	case "review":
		return Review, nil
	case "relearning":
		return Relearning, nil
	}
	return 0, fmt.Errorf("invalid state %q: want new, learning, review or relearning", s)
}

// Algorithm names a scheduler.
type Algorithm string

// The schedulers: FSRS-6 (the default) and Anki's SM-2 variant.
const (
	FSRS Algorithm = "fsrs"
	SM2  Algorithm = "sm2"
)

// ParseAlgorithm reads "fsrs" or "sm2" (any case).
func ParseAlgorithm(s string) (Algorithm, error) {
	switch a := Algorithm(strings.ToLower(strings.TrimSpace(s))); a {
	case FSRS, SM2:
		return a, nil
	}
	return "", fmt.Errorf("invalid scheduler %q: want fsrs or sm2", s)
}
