package term

import (
	"strings"
	"testing"
)

func TestSanitizeRemovesEscapeSequences(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"clear\x1b[2Jscreen", "clearscreen"},
		{"red \x1b[31mword\x1b[0m", "red word"},
		{"link \x1b]8;;http://x\x1b\\label\x1b]8;;\x1b\\", "link label"},
		{"title \x1b]0;owned\x07done", "title done"},
		{"c1 \u009b31mcsi", "c1 csi"},
		{"bell\x07 and nul\x00", "bell and nul"},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
		{"over\rwrite", "overwrite"},
		{"del\x7f", "del"},
		{"trailing esc \x1b", "trailing esc "},
		{"日本語 ok", "日本語 ok"},
	}
	for _, c := range cases {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSanitizeReplacesInvalidUTF8(t *testing.T) {
	got := Sanitize("a\xffb")
	if strings.ContainsRune(got, 0xff) || !strings.HasPrefix(got, "a") || !strings.HasSuffix(got, "b") {
		t.Fatalf("Sanitize kept invalid byte: %q", got)
	}
}

func TestWrapKeepsLinesWithinWidth(t *testing.T) {
	text := "The development of new productive forces is an essential requirement and a key focus\nsecond line"
	got := Wrap(text, 40)
	for _, line := range strings.Split(got, "\n") {
		if len([]rune(line)) > 40 {
			t.Errorf("line longer than 40: %q", line)
		}
	}
	if !strings.Contains(got, "\nsecond line") {
		t.Errorf("existing line break lost: %q", got)
	}
	if got := Wrap(strings.Repeat("x", 25), 10); got != "xxxxxxxxxx\nxxxxxxxxxx\nxxxxx" {
		t.Errorf("long word: %q", got)
	}
}

func TestStyleOnlyWithColour(t *testing.T) {
	io := Test(nil, nil, nil, false)
	if got := io.Bold("x"); got != "x" {
		t.Errorf("no colour expected, got %q", got)
	}
}

func TestPluralOneLineAndIndentRest(t *testing.T) {
	for _, c := range []struct {
		n          int
		word, want string
	}{{1, "card", "1 card"}, {0, "card", "0 cards"}, {3, "day", "3 days"}, {2, "entry", "2 entries"}} {
		if got := Plural(c.n, c.word); got != c.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", c.n, c.word, got, c.want)
		}
	}
	if got := OneLine("a\n  b\x1b[31m c\t"); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
	if got := IndentRest("a\nb\nc", "  "); got != "a\n  b\n  c" {
		t.Errorf("IndentRest = %q", got)
	}
}

func TestErrTextWrapsOnlyOnATerminal(t *testing.T) {
	long := strings.Repeat("word ", 30)
	if got := Test(nil, nil, nil, false).ErrText(long); got != long {
		t.Errorf("wrapped without a terminal: %q", got)
	}
	tty := Test(nil, nil, nil, true)
	for _, line := range strings.Split(tty.ErrText(long), "\n") {
		if len(line) > 80 {
			t.Errorf("line of %d columns on an 80-column terminal", len(line))
		}
	}
}
