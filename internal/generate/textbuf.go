package generate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mark records that the text from offset off on came from line line.
type mark struct{ off, line int }

// text is extracted, normalised text with a map back to source lines.
type text struct {
	s     string
	marks []mark
}

// lineAt returns the source line of byte offset off in t.s.
func (t text) lineAt(off int) int {
	if len(t.marks) == 0 {
		return 0
	}
	i := sort.Search(len(t.marks), func(i int) bool { return t.marks[i].off > off })
	if i == 0 {
		return t.marks[0].line
	}
	return t.marks[i-1].line
}

// lines returns the first and last source line of t.s[start:end].
func (t text) lines(start, end int) (int, int) {
	if end > start {
		end--
	}
	return t.lineAt(start), t.lineAt(end)
}

// textBuilder accumulates chunks of extracted text, normalising typography
// and white space as it goes and remembering which line each part came from.
type textBuilder struct {
	b     strings.Builder
	marks []mark
	space bool
}

// add appends chunk, which starts on source line line; line feeds inside
// chunk advance the line.
func (tb *textBuilder) add(chunk string, line int) {
	for j, piece := range strings.Split(chunk, "\n") {
		if j > 0 {
			tb.space = true
		}
		if piece == "" {
			continue
		}
		if startsSpace(piece) {
			tb.space = true
		}
		n := normalizeInline(piece)
		if n != "" {
			if tb.space && tb.b.Len() > 0 {
				tb.b.WriteByte(' ')
			}
			tb.space = false
			if k := len(tb.marks); k == 0 || tb.marks[k-1].line != line+j {
				tb.marks = append(tb.marks, mark{tb.b.Len(), line + j})
			}
			tb.b.WriteString(n)
		}
		if endsSpace(piece) {
			tb.space = true
		}
	}
}

// addSpace separates what comes next from what came before.
func (tb *textBuilder) addSpace() { tb.space = true }

// empty reports whether nothing but white space was added.
func (tb *textBuilder) empty() bool { return tb.b.Len() == 0 }

// take returns the text built so far and resets the builder.
func (tb *textBuilder) take() text {
	t := text{s: tb.b.String(), marks: tb.marks}
	tb.b.Reset()
	tb.marks = nil
	tb.space = false
	return t
}

func startsSpace(s string) bool {
	for _, r := range s {
		return unicode.IsSpace(r) || r == '\u00a0'
	}
	return false
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r) || r == '\u00a0'
}
