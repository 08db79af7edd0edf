// Package term holds the standard streams of a command and knows whether
// they are terminals, whether colour is wanted and how wide the screen is.
// Text that came from outside (decks, documents, imports) passes through
// Sanitize before it reaches a terminal.
package term

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// IO is the set of streams a command uses.
type IO struct {
	In     io.Reader
	Out    io.Writer // results
	ErrOut io.Writer // prompts, progress, hints

	inTTY, outTTY, errTTY bool
	color, errColor       bool
	dumb                  bool
	width                 int
	errWidth, errHeight   int
	// errFile is stderr when it is a terminal, measured again at each
	// ErrSize, since the window may be resized while recall runs.
	errFile *os.File
}

// System returns the process's streams with terminal detection; NO_COLOR
// (any value) turns colour off, and so does TERM=dumb.
func System() *IO {
	io := &IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	io.inTTY = term.IsTerminal(int(os.Stdin.Fd()))
	io.outTTY = term.IsTerminal(int(os.Stdout.Fd()))
	io.errTTY = term.IsTerminal(int(os.Stderr.Fd()))
	_, noColor := os.LookupEnv("NO_COLOR")
	io.dumb = os.Getenv("TERM") == "dumb"
	io.color = io.outTTY && !noColor && !io.dumb
	io.errColor = io.errTTY && !noColor && !io.dumb
	io.width, _ = size(os.Stdout)
	io.errWidth, io.errHeight = size(os.Stderr)
	if io.errTTY {
		io.errFile = os.Stderr
	}
	return io
}

// size is a terminal's size, or COLUMNS and LINES, or 80 columns and no
// known height.
func size(f *os.File) (width, height int) {
	if w, h, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
		return w, h
	}
	width, height = 80, 0
	if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
		width = c
	}
	if l, err := strconv.Atoi(os.Getenv("LINES")); err == nil && l > 0 {
		height = l
	}
	return width, height
}

// Test returns streams for tests: not terminals unless tty is set.
func Test(in io.Reader, out, errOut io.Writer, tty bool) *IO {
	return &IO{In: in, Out: out, ErrOut: errOut, inTTY: tty, outTTY: tty, errTTY: tty, width: 80, errWidth: 80}
}

// CanPrompt reports whether interactive prompts may be shown: stdin and
// stderr (where prompts go) must both be terminals.
func (s *IO) CanPrompt() bool { return s.inTTY && s.errTTY }

// IsTerminalOut reports whether results go to a terminal.
func (s *IO) IsTerminalOut() bool { return s.outTTY }

// IsTerminalErr reports whether prompts and hints go to a terminal.
func (s *IO) IsTerminalErr() bool { return s.errTTY }

// Width is the width of the results' terminal in columns (80 when unknown).
func (s *IO) Width() int { return s.width }

// ErrColor reports whether what goes to stderr (prompts, cards, hints) may
// be coloured; stdout may be redirected while stderr is a terminal.
func (s *IO) ErrColor() bool { return s.errColor }

// ErrSize is the size of stderr's terminal (height 0 when unknown).
func (s *IO) ErrSize() (width, height int) {
	if s.errFile != nil {
		return size(s.errFile)
	}
	return s.errWidth, s.errHeight
}

// ErrText prepares running text for stderr: wrapped between words to the
// terminal's width when stderr is a terminal, as it is otherwise.
func (s *IO) ErrText(text string) string {
	if !s.errTTY {
		return text
	}
	w, _ := s.ErrSize()
	return Wrap(text, w)
}

// Dumb reports TERM=dumb: no colour and no cursor control.
func (s *IO) Dumb() bool { return s.dumb }

// Style wraps text in an SGR colour code when colour is on.
func (s *IO) Style(code, text string) string {
	if !s.color || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Bold makes text bold when colour is on.
func (s *IO) Bold(t string) string { return s.Style("1", t) }

// Green colours text green when colour is on.
func (s *IO) Green(t string) string { return s.Style("32", t) }

// Sanitize removes what could act on a terminal from text of outside
// origin: C0 controls except tab and newline, DEL, C1 controls, and whole
// escape sequences (CSI, OSC, DCS and two-byte ESC sequences). Invalid
// UTF-8 becomes U+FFFD.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == 0x1b: // ESC
			i = skipEscape(rs, i)
		case r == 0x9b: // C1 CSI
			i = skipCSI(rs, i+1)
		case r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, PM, APC
			i = skipString(rs, i+1)
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r == '\r':
			// A bare CR would let text overwrite the line; keep line breaks only.
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffd {
			return false
		}
	}
	return true
}

// skipEscape returns the index of the last rune of the escape sequence
// starting at rs[i] == ESC.
func skipEscape(rs []rune, i int) int {
	if i+1 >= len(rs) {
		return i
	}
	switch rs[i+1] {
	case '[':
		return skipCSI(rs, i+2)
	case ']', 'P', '^', '_', 'X':
		return skipString(rs, i+2)
	}
	// ESC followed by intermediates and one final byte.
	j := i + 1
	for j < len(rs) && rs[j] >= 0x20 && rs[j] <= 0x2f {
		j++
	}
	if j < len(rs) {
		return j
	}
	return len(rs) - 1
}

// skipCSI skips parameter and intermediate bytes up to the final byte.
func skipCSI(rs []rune, j int) int {
	for j < len(rs) {
		if rs[j] >= 0x40 && rs[j] <= 0x7e {
			return j
		}
		if rs[j] < 0x20 || rs[j] > 0x3f && rs[j] < 0x40 {
			return j
		}
		j++
	}
	return len(rs) - 1
}

// skipString skips an OSC/DCS string up to BEL or ST (ESC \ or U+009C).
func skipString(rs []rune, j int) int {
	for j < len(rs) {
		switch {
		case rs[j] == 0x07 || rs[j] == 0x9c:
			return j
		case rs[j] == 0x1b && j+1 < len(rs) && rs[j+1] == '\\':
			return j + 1
		}
		j++
	}
	return len(rs) - 1
}

// Wrap breaks text into lines of at most width columns (cells, so a wide
// character counts two) at spaces, keeping existing line breaks; a word
// longer than width is cut.
func Wrap(text string, width int) string {
	if width < 10 {
		width = 10
	}
	var out []string
	for _, line := range strings.Split(text, "\n") {
		cur := ""
		for _, w := range strings.Fields(line) {
			for Cells(w) > width {
				if cur != "" {
					out = append(out, cur)
					cur = ""
				}
				var head string
				head, w = cut(w, width)
				out = append(out, head)
			}
			switch {
			case cur == "":
				cur = w
			case Cells(cur)+1+Cells(w) <= width:
				cur += " " + w
			default:
				out = append(out, cur)
				cur = w
			}
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}

// OneLine makes text of outside origin safe for a terminal and one line
// long, for listings and headers.
func OneLine(s string) string { return strings.Join(strings.Fields(Sanitize(s)), " ") }

// IndentRest indents every line after the first with pad, so continuation
// lines stay under the first line's text.
func IndentRest(s, pad string) string { return strings.ReplaceAll(s, "\n", "\n"+pad) }

// Plural writes a count with its noun: "1 card", "3 cards", "2 entries".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if l := len(word); l > 1 && word[l-1] == 'y' && !strings.ContainsRune("aeiou", rune(word[l-2])) {
		return fmt.Sprintf("%d %sies", n, word[:l-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}
