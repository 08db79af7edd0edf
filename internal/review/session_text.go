package review

import (
	"strings"

	"recall/internal/term"
)

// Styled spans travel through layout as private-use marker runes, which take
// no room on screen, so that wrapping counts only visible columns; render
// turns them into colour codes at the very end (or drops them). Deck text is
// cleaned of these runes before markers are added.
const (
	mkHigh  = '\uE000' // the answer inside a cloze sentence, the suggested grade
	mkGood  = '\uE001' // right, missing letters of a typed answer, Good
	mkBad   = '\uE002' // wrong, extra letters of a typed answer, Again
	mkWarn  = '\uE003' // Hard, learning counts
	mkBlue  = '\uE004' // Easy, new counts
	mkDim   = '\uE005' // hints and card IDs
	mkBold  = '\uE006' // headings
	mkEnd   = '\uE00F' // closes any span
	mkFirst = '\uE000'
)

var sgr = map[rune]string{
	mkHigh: "1;36", mkGood: "32", mkBad: "31", mkWarn: "33", mkBlue: "34", mkDim: "2", mkBold: "1",
}

func isMarker(r rune) bool { return r >= mkFirst && r <= mkEnd }

// painter makes styled spans: with colour, marked text; without, plain text
// (the highlight falls back to brackets so that it still shows).
type painter struct{ color bool }

func (p painter) span(m rune, s string) string {
	if !p.color || s == "" {
		return s
	}
	return string(m) + s + string(mkEnd)
}

func (p painter) high(s string) string {
	if !p.color {
		return "[" + s + "]"
	}
	return p.span(mkHigh, s)
}

func (p painter) good(s string) string { return p.span(mkGood, s) }
func (p painter) bad(s string) string  { return p.span(mkBad, s) }
func (p painter) warn(s string) string { return p.span(mkWarn, s) }
func (p painter) blue(s string) string { return p.span(mkBlue, s) }
func (p painter) dim(s string) string  { return p.span(mkDim, s) }
func (p painter) bold(s string) string { return p.span(mkBold, s) }

// render turns the markers of one laid-out line into SGR codes (or drops
// them) and closes a span left open at the end of the line.
func (p painter) render(line string) string {
	if !strings.ContainsFunc(line, isMarker) {
		return line
	}
	var b strings.Builder
	open := false
	for _, r := range line {
		switch {
		case r == mkEnd:
			if p.color && open {
				b.WriteString("\x1b[0m")
			}
			open = false
		case isMarker(r):
			if p.color {
				if open {
					b.WriteString("\x1b[0m")
				}
				b.WriteString("\x1b[" + sgr[r] + "m")
			}
			open = true
		default:
			b.WriteRune(r)
		}
	}
	if p.color && open {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// clean makes deck text safe for the terminal: escape sequences and
// controls go (term.Sanitize), as do our marker runes; tabs become spaces.
func clean(s string) string {
	s = term.Sanitize(s)
	s = strings.Map(func(r rune) rune {
		if isMarker(r) {
			return -1
		}
		return r
	}, s)
	return strings.ReplaceAll(s, "\t", "    ")
}

// oneLine is clean text on a single line, for menus and headers.
func oneLine(s string) string { return strings.Join(strings.Fields(clean(s)), " ") }

// runeWidth is the number of columns r takes: 0 for markers and combining
// marks, 2 for wide East Asian characters.
func runeWidth(r rune) int {
	if isMarker(r) {
		return 0
	}
	return term.RuneCells(r)
}

// textWidth is the number of columns s takes.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// layout breaks marked text into lines of at most w columns at spaces,
// keeping line breaks and the indentation of each source line; a word longer
// than a line is cut. A span that crosses a break is closed at the end of the
// line and opened again on the next, so each line renders on its own.
func layout(text string, w int) []string {
	if w < 10 {
		w = 10
	}
	var out []string
	var active rune // the span open at the end of the last emitted line
	emit := func(line string) {
		if active != 0 {
			line = string(active) + line
		}
		for _, r := range line {
			if r == mkEnd {
				active = 0
			} else if isMarker(r) {
				active = r
			}
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	for _, src := range strings.Split(text, "\n") {
		indent := src[:len(src)-len(strings.TrimLeft(src, " "))]
		if textWidth(indent) > w/2 {
			indent = ""
		}
		words := splitWords(src[len(indent):], w)
		if len(words) == 0 {
			emit("")
			continue
		}
		cur, curW, has := indent, textWidth(indent), false
		for _, wd := range words {
			word, ww := wd.text, textWidth(wd.text)
			gap := wd.gap
			if has && curW+gap+ww <= w {
				cur += strings.Repeat(" ", gap) + word
				curW += gap + ww
				continue
			}
			if has {
				emit(cur)
				cur, curW = "", 0
			}
			for curW+ww > w {
				head, rest := cutWidth(word, w-curW)
				emit(cur + head)
				cur, curW = "", 0
				word, ww = rest, textWidth(rest)
			}
			cur += word
			curW += ww
			has = true
		}
		emit(cur)
	}
	return out
}

// word is a run of non-blank text and the number of spaces before it.
type word struct {
	gap  int
	text string
}

// splitWords cuts a line at spaces, remembering how wide each gap was so
// that columns in our own text (the key map, the grades) survive. A `code
// span` (a command to copy) is one word when it fits in w columns.
func splitWords(s string, w int) []word {
	var out []word
	gap := 0
	for len(s) > 0 {
		if s[0] == ' ' {
			gap++
			s = s[1:]
			continue
		}
		from := 0
		if s[0] == '`' {
			if j := strings.IndexByte(s[1:], '`'); j >= 0 && textWidth(s[:j+2]) <= w {
				from = j + 1
			}
		}
		i := strings.IndexByte(s[from:], ' ')
		if i < 0 {
			i = len(s)
		} else {
			i += from
		}
		out = append(out, word{gap: max(gap, 1), text: s[:i]})
		s, gap = s[i:], 0
	}
	return out
}

// cutWidth splits s after at most n columns (at least one rune).
func cutWidth(s string, n int) (string, string) {
	used := 0
	for i, r := range s {
		rw := runeWidth(r)
		if used+rw > n && used > 0 {
			return s[:i], s[i:]
		}
		used += rw
	}
	return s, ""
}

// fit cuts a single line to n columns with an ellipsis.
func fit(s string, n int) string {
	if textWidth(s) <= n || n < 2 {
		return s
	}
	head, _ := cutWidth(s, n-1)
	return head + "…"
}
