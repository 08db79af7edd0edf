package prompt

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
	"unicode"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"

	"recall/internal/term"
)

// Terminal prompts on a real terminal with survey and its raw rune reader.
type Terminal struct {
	in  *timedFile
	out terminal.FileWriter
	err io.Writer
	// rr is kept for the Terminal's life: its buffer holds keys typed
	// ahead, which a reader made per prompt would drop.
	rr *terminal.RuneReader
}

// NewTerminal prompts on the given terminal files (normally os.Stdin and
// os.Stderr, so that results on stdout stay clean).
func NewTerminal(in *os.File, out *os.File) *Terminal {
	return &Terminal{in: &timedFile{f: in}, out: out, err: out}
}

// timedFile is the terminal's input as the rune reader sees it: a read
// first waits for input, until the deadline when one is set.
type timedFile struct {
	f        *os.File
	deadline time.Time
}

func (t *timedFile) Read(p []byte) (int, error) {
	if err := waitReadable(t.f, t.deadline); err != nil {
		return 0, err
	}
	return t.f.Read(p)
}

func (t *timedFile) Fd() uintptr { return t.f.Fd() }

// LimitWait makes the next Key or Input give up after d with an error
// that matches os.ErrDeadlineExceeded; keys typed before then still
// count. It serves a quiz's time limit, which must end the quiz even
// while a question waits.
func (t *Terminal) LimitWait(d time.Duration) {
	t.in.deadline = time.Now().Add(max(d, 0))
}

// readFailed tells a failure of the input itself (its end, an error, the
// deadline) from survey's complaint about an escape sequence it does not
// know, such as Alt with a key, which only loses that key.
func readFailed(err error) bool {
	var pe *fs.PathError
	return errors.Is(err, io.EOF) || errors.Is(err, os.ErrDeadlineExceeded) || errors.As(err, &pe)
}

func (t *Terminal) stdio() terminal.Stdio { return terminal.Stdio{In: t.in, Out: t.out, Err: t.err} }

func (t *Terminal) reader() *terminal.RuneReader {
	if t.rr == nil {
		t.rr = terminal.NewRuneReader(t.stdio())
	}
	return t.rr
}

func (t *Terminal) clearDeadline() { t.in.deadline = time.Time{} }

func (t *Terminal) opts() survey.AskOpt { return survey.WithStdio(t.in, t.out, t.err) }

// Key reads single key presses in raw mode until one is allowed.
func (t *Terminal) Key(msg, allowed string) (rune, error) {
	// Raw mode first: once the prompt is on screen, Ctrl-C must arrive as a
	// key, not as a signal that nothing is waiting for.
	rr := t.reader()
	if err := rr.SetTermMode(); err != nil {
		return 0, fmt.Errorf("terminal raw mode: %w", err)
	}
	defer rr.RestoreTermMode()
	defer t.clearDeadline()
	if msg != "" {
		fmt.Fprint(t.out, msg)
	}
	for {
		r, _, err := rr.ReadRune()
		if err != nil {
			if readFailed(err) {
				return 0, err
			}
			continue
		}
		switch r {
		case terminal.KeyInterrupt:
			return 0, ErrInterrupted
		case terminal.KeyEndTransmission:
			if !strings.ContainsRune(allowed, r) {
				return 0, io.EOF
			}
		case '\n':
			r = '\r'
		}
		if strings.ContainsRune(allowed, r) {
			return r, nil
		}
		if lr := unicode.ToLower(r); strings.ContainsRune(allowed, lr) {
			return lr, nil
		}
	}
}

// Input reads a line in raw mode with simple editing (backspace, Ctrl-U,
// Ctrl-W). survey's own input asks the terminal for the cursor position,
// which some terminals and multiplexers never answer; this does not.
func (t *Terminal) Input(msg, def string) (string, error) {
	rr := t.reader()
	if err := rr.SetTermMode(); err != nil {
		return "", fmt.Errorf("terminal raw mode: %w", err)
	}
	defer rr.RestoreTermMode()
	defer t.clearDeadline()
	fmt.Fprint(t.out, msg)
	if def != "" {
		fmt.Fprintf(t.out, "(%s) ", def)
	}
	var line []rune
	for {
		r, _, err := rr.ReadRune()
		if err != nil {
			if !readFailed(err) {
				continue
			}
			return "", err
		}
		// A line given ends its line on screen; a prompt given up leaves
		// it, as Key does, for the caller to end.
		switch {
		case r == terminal.KeyInterrupt:
			return "", ErrInterrupted
		case r == terminal.KeyEndTransmission && len(line) == 0:
			return "", io.EOF
		case r == '\r' || r == '\n':
			fmt.Fprint(t.out, "\r\n")
			if len(line) == 0 {
				return def, nil
			}
			return string(line), nil
		case r == terminal.KeyBackspace || r == terminal.KeyDelete:
			if len(line) > 0 {
				// The whole character: its base and the marks on it.
				n := len(line) - 1
				for n > 0 && term.RuneCells(line[n]) == 0 {
					n--
				}
				fmt.Fprint(t.out, erase(line[n:]))
				line = line[:n]
			}
		case r == terminal.KeyDeleteLine || r == '\x15': // Ctrl-X, Ctrl-U
			fmt.Fprint(t.out, erase(line))
			line = line[:0]
		case r == terminal.KeyDeleteWord:
			n := len(line)
			for n > 0 && line[n-1] == ' ' {
				n--
			}
			for n > 0 && line[n-1] != ' ' {
				n--
			}
			fmt.Fprint(t.out, erase(line[n:]))
			line = line[:n]
		case unicode.IsPrint(r):
			line = append(line, r)
			fmt.Fprint(t.out, string(r))
		}
	}
}

// erase moves back over rs on screen and blanks them; a wide character
// (CJK, most emoji) takes two columns, a combining mark none.
func erase(rs []rune) string {
	n := 0
	for _, r := range rs {
		n += term.RuneCells(r)
	}
	return strings.Repeat("\b", n) + strings.Repeat(" ", n) + strings.Repeat("\b", n)
}

// Select shows a survey menu; number keys are not needed, arrows and
// filtering work as survey provides. A key survey cannot read (Alt with a
// letter, say) ends its prompt with an error; the menu is then asked again.
func (t *Terminal) Select(msg string, options []string, def int) (int, error) {
	q := &survey.Select{Message: msg, Options: options}
	if def >= 0 && def < len(options) {
		q.Default = options[def]
	}
	// Bounded, in case the input keeps failing the same way.
	for tries := 1; ; tries++ {
		var idx int
		err := survey.AskOne(q, &idx, t.opts())
		if err != nil && !errors.Is(err, terminal.InterruptErr) && !readFailed(err) && tries < 20 {
			continue
		}
		return idx, mapErr(err)
	}
}

func mapErr(err error) error {
	if errors.Is(err, terminal.InterruptErr) {
		return ErrInterrupted
	}
	return err
}
