package quiz

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Mode is the kind of quiz asked for.
type Mode string

// The quiz modes.
const (
	ModeMC    Mode = "mc"
	ModeTyped Mode = "typed"
	ModeTF    Mode = "tf"
	ModeCloze Mode = "cloze"
	ModeMixed Mode = "mixed"
)

// ParseMode reads a mode name as given on the command line; the empty string
// means mixed.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return ModeMixed, nil
	case ModeMC, ModeTyped, ModeTF, ModeCloze, ModeMixed:
		return m, nil
	}
	return "", fmt.Errorf("unknown quiz mode %q (want mc, typed, tf, cloze or mixed)", s)
}

// Kind is the kind of a question actually built.
type Kind string

// The question kinds.
const (
	KindMC    Kind = "mc"
	KindTyped Kind = "typed"
	KindTF    Kind = "tf"
	KindCloze Kind = "cloze"
)

// Question is one question of a quiz.
type Question struct {
	CardID string
	Deck   string
	Kind   Kind
	// Prompt is the question text as shown; for tf it is the statement to
	// judge, e.g. "Front — Answer".
	Prompt string
	// Options are the 4 shuffled choices of an mc question and
	// ["True", "False"] for tf.
	Options []string
	// Correct is the index into Options of the right one (mc and tf only).
	Correct int
	// Answer is the right answer text; for tf it is the card's real answer.
	Answer string
	// Accept lists further accepted answers (typed and cloze).
	Accept []string
	// Note explains a change of kind, e.g. a fall-back to typed.
	Note string
}

// Options control Build.
type Options struct {
	// N is the number of questions (default 10).
	N    int
	Mode Mode
	// Weak prefers cards with low retrievability or many lapses, as rated
	// by Weakness.
	Weak bool
	// Rand is the seeded generator; the same seed and the same cards give
	// the same quiz.
	Rand *rand.Rand
	// Weakness rates a card: higher is weaker. Needed when Weak is set.
	Weakness func(cardID string) float64
}

// The choices of a true/false question.
const (
	True  = "True"
	False = "False"
)

// The notes of questions that could not be asked as wanted.
const (
	noteTypedNoChoices = "fell back to typed: too few similar answers for choices"
	noteTFNoChoices    = "fell back to true/false: too few similar answers for choices, and the answer is too long to type"
	noteTypedNoFalse   = "fell back to typed: no other answer to make a false statement"
)
