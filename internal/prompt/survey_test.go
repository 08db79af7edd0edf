package prompt

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/creack/pty"
	xterm "golang.org/x/term"
)

// openTerminal gives a Terminal on the follower side of a new
// pseudo-terminal and the leader side to type into.
func openTerminal(t *testing.T) (*Terminal, func(string)) {
	t.Helper()
	leader, follower, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal on this machine: %v", err)
	}
	t.Cleanup(func() { leader.Close(); follower.Close() })
	go func() { // drain what the prompts echo
		buf := make([]byte, 1024)
		for {
			if _, err := leader.Read(buf); err != nil {
				return
			}
		}
	}()
	return NewTerminal(follower, follower), func(s string) {
		if _, err := leader.Write([]byte(s)); err != nil {
			t.Error(err) // not Fatal: it may run in a goroutine of its own
		}
	}
}

func withTimeout[T any](t *testing.T, f func() (T, error)) (T, error) {
	t.Helper()
	type res struct {
		v   T
		err error
	}
	ch := make(chan res, 1)
	go func() { v, err := f(); ch <- res{v, err} }()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(10 * time.Second):
		t.Fatal("prompt did not return")
	}
	var zero T
	return zero, nil
}

func TestKeyKeepsKeysTypedAhead(t *testing.T) {
	term, typeKeys := openTerminal(t)
	typeKeys("x3 ")
	for _, want := range []rune{'3', ' '} {
		got, err := withTimeout(t, func() (rune, error) { return term.Key("", "1234 ") })
		if err != nil || got != want {
			t.Fatalf("Key = %q, %v; want %q (x is not allowed and skipped)", got, err, want)
		}
	}
}

func TestKeyMapsCtrlCToInterrupted(t *testing.T) {
	term, typeKeys := openTerminal(t)
	// In cooked mode the line discipline would turn a Ctrl-C typed before
	// the prompt switches to raw mode into a signal and drop it.
	if _, err := xterm.MakeRaw(int(term.in.Fd())); err != nil {
		t.Fatal(err)
	}
	typeKeys("\x03")
	_, err := withTimeout(t, func() (rune, error) { return term.Key("", "q") })
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
}

func TestInputEditsTheLine(t *testing.T) {
	term, typeKeys := openTerminal(t)
	// Keys typed before the prompt is up would meet the line discipline
	// of cooked mode, whose erase takes one byte, not one character.
	if _, err := xterm.MakeRaw(int(term.in.Fd())); err != nil {
		t.Fatal(err)
	}
	typeKeys("Pariz\x7fs\r")
	got, err := withTimeout(t, func() (string, error) { return term.Input("> ", "") })
	if err != nil || got != "Paris" {
		t.Fatalf("Input = %q, %v; want Paris", got, err)
	}
	typeKeys("one two\x17three\r")
	got, _ = withTimeout(t, func() (string, error) { return term.Input("> ", "") })
	if got != "one three" {
		t.Fatalf("after Ctrl-W: %q", got)
	}
	typeKeys("cafe\u0301\x7f\r") // backspace takes the accented e whole
	got, _ = withTimeout(t, func() (string, error) { return term.Input("> ", "") })
	if got != "caf" {
		t.Fatalf("after a backspace over e and its accent: %q", got)
	}
	typeKeys("\r")
	got, _ = withTimeout(t, func() (string, error) { return term.Input("> ", "dflt") })
	if got != "dflt" {
		t.Fatalf("empty line gives %q, want the default", got)
	}
}

func TestLimitWaitGivesUpOnlyTheNextPrompt(t *testing.T) {
	term, typeKeys := openTerminal(t)
	term.LimitWait(50 * time.Millisecond)
	_, err := withTimeout(t, func() (rune, error) { return term.Key("", "1") })
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Key with nothing typed: err = %v, want a deadline error", err)
	}
	term.LimitWait(50 * time.Millisecond)
	_, err = withTimeout(t, func() (string, error) { return term.Input("> ", "") })
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Input with nothing typed: err = %v, want a deadline error", err)
	}
	// A key typed in time counts, and the limit does not outlive its prompt:
	// the second Key waits longer than the limit for its key.
	typeKeys("1")
	term.LimitWait(time.Minute)
	if got, err := withTimeout(t, func() (rune, error) { return term.Key("", "12") }); err != nil || got != '1' {
		t.Fatalf("Key = %q, %v; want 1", got, err)
	}
	term.LimitWait(time.Millisecond)
	if got, err := withTimeout(t, func() (rune, error) { return term.Key("", "12") }); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Key = %q, %v; want a deadline error", got, err)
	}
	go func() { time.Sleep(100 * time.Millisecond); typeKeys("2") }()
	if got, err := withTimeout(t, func() (rune, error) { return term.Key("", "12") }); err != nil || got != '2' {
		t.Fatalf("Key after a timed-out one = %q, %v; want 2", got, err)
	}
}

func TestKeySkipsAltCombinations(t *testing.T) {
	term, typeKeys := openTerminal(t)
	typeKeys("\x1bx2") // Alt+x, then 2
	if got, err := withTimeout(t, func() (rune, error) { return term.Key("", "12") }); err != nil || got != '2' {
		t.Fatalf("Key = %q, %v; want 2", got, err)
	}
}

func TestFakeFailsOnUnexpectedPromptAndLeftovers(t *testing.T) {
	f := NewFake(Keys("1"), []Step{Input("x")})
	if _, err := f.Input("q", ""); err == nil {
		t.Fatal("a key step answered an input prompt")
	}
	if f.Verify() == nil {
		t.Fatal("Verify passed after a mismatch")
	}
	g := NewFake(Keys("12"))
	if k, err := g.Key("m", "12"); err != nil || k != '1' {
		t.Fatalf("Key = %q %v", k, err)
	}
	if g.Verify() == nil {
		t.Fatal("Verify passed with a step left over")
	}
}

func TestEraseCoversTheColumnsOfWhatItErases(t *testing.T) {
	for in, want := range map[string]string{
		"a":       "\b \b",
		"北":       "\b\b  \b\b",
		"🐱":       "\b\b  \b\b",
		"e\u0301": "\b \b", // e and a combining accent: one column
	} {
		if got := erase([]rune(in)); got != want {
			t.Errorf("erase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSelectSkipsAKeyItCannotRead(t *testing.T) {
	term, typeKeys := openTerminal(t)
	typeKeys("\x1bx") // Alt+x
	go func() { time.Sleep(200 * time.Millisecond); typeKeys("\r") }()
	got, err := withTimeout(t, func() (int, error) { return term.Select("What now?", []string{"a", "b"}, 1) })
	if err != nil || got != 1 {
		t.Fatalf("Select = %d, %v; want the default 1", got, err)
	}
}

func TestKeyReportsTheDownArrow(t *testing.T) {
	term, typeKeys := openTerminal(t)
	if _, err := xterm.MakeRaw(int(term.in.Fd())); err != nil {
		t.Fatal(err)
	}
	typeKeys("\x1b[B")
	if got, err := withTimeout(t, func() (rune, error) { return term.Key("", " "+string(KeyDown)) }); err != nil || got != KeyDown {
		t.Fatalf("Key = %q, %v; want KeyDown", got, err)
	}
}
