package term

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// RuneCells is the number of terminal columns r takes: two for wide East
// Asian characters, none for combining marks and zero-width spaces, one
// otherwise.
func RuneCells(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r), r == '\u200b':
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Cells is the number of terminal columns s takes.
func Cells(s string) int {
	n := 0
	for _, r := range s {
		n += RuneCells(r)
	}
	return n
}

// cut splits s after its longest prefix of at most n columns.
func cut(s string, n int) (string, string) {
	used := 0
	for i, r := range s {
		w := RuneCells(r)
		if used+w > n {
			return s[:i], s[i:]
		}
		used += w
	}
	return s, ""
}

// Fit shortens s to at most n columns, ending it with "…" when it had to
// be cut.
func Fit(s string, n int) string {
	if Cells(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	head, _ := cut(s, n-1)
	return head + "…"
}

// Pad fills s with spaces on the right to n columns.
func Pad(s string, n int) string {
	if w := Cells(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}
