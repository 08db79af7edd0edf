package prompt

import (
	"fmt"
	"strings"
)

// Fake is a scripted Prompter for tests: each call takes the next step of
// the script, and a call of the wrong kind, or with no step left, fails.
type Fake struct {
	steps []Step
	// Shown records every message passed to a prompt, for assertions.
	Shown []string
	// Err is set at the first mismatch; tests check it with Verify.
	Err error
}

// Step is one scripted answer.
type Step struct {
	Kind  string // "key", "input", "select"
	Key   rune
	Text  string
	Index int
	Err   error // returned instead of an answer (e.g. ErrInterrupted)
}

// Keys, Input, Choose and Yes build steps.
func Keys(keys string) []Step {
	var s []Step
	for _, r := range keys {
		s = append(s, Step{Kind: "key", Key: r})
	}
	return s
}

// Input is a scripted line of text.
func Input(text string) Step { return Step{Kind: "input", Text: text} }

// Choose is a scripted menu choice.
func Choose(i int) Step { return Step{Kind: "select", Index: i} }

// Interrupt is a scripted Ctrl-C at a prompt of the given kind.
func Interrupt(kind string) Step { return Step{Kind: kind, Err: ErrInterrupted} }

// NewFake returns a Fake that plays steps in order.
func NewFake(steps ...[]Step) *Fake {
	f := &Fake{}
	for _, s := range steps {
		f.steps = append(f.steps, s...)
	}
	return f
}

func (f *Fake) next(kind, msg string) (Step, error) {
	f.Shown = append(f.Shown, msg)
	if len(f.steps) == 0 {
		err := fmt.Errorf("unexpected %s prompt %q: script is finished", kind, msg)
		if f.Err == nil {
			f.Err = err
		}
		return Step{}, err
	}
	s := f.steps[0]
	f.steps = f.steps[1:]
	if s.Kind != kind {
		err := fmt.Errorf("prompt %q is a %s, script expected a %s", msg, kind, s.Kind)
		if f.Err == nil {
			f.Err = err
		}
		return Step{}, err
	}
	return s, s.Err
}

// Key plays a scripted key press; it must be one of allowed.
func (f *Fake) Key(msg, allowed string) (rune, error) {
	s, err := f.next("key", msg)
	if err != nil {
		return 0, err
	}
	if !strings.ContainsRune(allowed, s.Key) {
		err := fmt.Errorf("key %q is not allowed at %q (allowed %q)", s.Key, msg, allowed)
		if f.Err == nil {
			f.Err = err
		}
		return 0, err
	}
	return s.Key, nil
}

// Input plays a scripted line.
func (f *Fake) Input(msg, def string) (string, error) {
	s, err := f.next("input", msg)
	if s.Text == "" {
		return def, err
	}
	return s.Text, err
}

// Select plays a scripted choice.
func (f *Fake) Select(msg string, options []string, def int) (int, error) {
	s, err := f.next("select", msg+" "+strings.Join(options, " | "))
	if err == nil && (s.Index < 0 || s.Index >= len(options)) {
		err = fmt.Errorf("scripted choice %d out of range at %q", s.Index, msg)
		f.Err = err
	}
	return s.Index, err
}

// Verify reports a mismatch or a leftover step.
func (f *Fake) Verify() error {
	if f.Err != nil {
		return f.Err
	}
	if len(f.steps) > 0 {
		return fmt.Errorf("%d scripted steps were not used (next: %s)", len(f.steps), f.steps[0].Kind)
	}
	return nil
}
